// diff(a, b): two parsed scrapes → typed changes. One pass per side builds Map indexes; the
// comparison then walks the indexes once.
import {
  isOpenMetrics,
  samplesOf,
  type Descriptor,
  type HistogramValue,
  type Label,
  type Metric,
  type MetricFamily,
  type MetricType,
  type NativeBuckets,
  type ParseResult,
  type SampleCursor,
  type Span,
} from '@omkit/parser';
import { globsMatcher } from './glob.js';
import { Points } from './points.js';
import { canonicalFloat, labelNormalizer, renderLabels, seriesKey, thresholdNumber, type LabelNormalizer } from './series.js';
import { changeKinds, type Change, type ChangeKind, type DiffOptions, type HistogramField, type Tolerance } from './types.js';

/** A's series not yet seen in B hold their slot in the Store (>= 0); these mark the others. */
const MATCHED = -1;
const ADDED = -2;

interface Context {
  readonly ignoreMetric?: (name: string) => boolean;
  readonly normalize: LabelNormalizer;
  /** Whether families may be compared series by series in written order (see compareInOrder). */
  readonly inOrder: boolean;
  readonly options: DiffOptions;
  readonly out: Change[];
  /** Spans of `a`'s and of `b`'s samples. */
  readonly spansA: Spans;
  readonly spansB: Spans;
}

/**
 * Spans of samples by metric and index, made only for the samples a change names: a cursor kept
 * on the last metric asked for (changes of one metric come in sample order).
 */
class Spans {
  #metric: Metric | undefined;
  #cursor: SampleCursor | undefined;

  at(metric: Metric, index: number): Span {
    if (this.#metric !== metric || this.#cursor!.index > index) {
      this.#metric = metric;
      this.#cursor = samplesOf(metric);
    }
    const c = this.#cursor!;
    while (c.index < index && c.next());
    return c.span;
  }
}

/** Where the two values a change compares were read: the metric and sample index on each side, and their timestamps. */
interface Where {
  ma: Metric;
  ia: number;
  ta: number | undefined;
  mb: Metric;
  ib: number;
  tb: number | undefined;
}

const CREATED = '_created';

/** Compares two parsed scrapes; changes are ordered by family name, kind, then series key. */
export function diff(a: ParseResult, b: ParseResult, options: DiffOptions = {}): Change[] {
  const out: Change[] = [];
  const inOrder =
    (options.ignoreLabels ?? []).length === 0 && (options.relabel ?? []).length === 0 && !splitsSeries(a) && !splitsSeries(b);
  const ctx: Context = { ignoreMetric: globsMatcher(options.ignoreMetrics), normalize: labelNormalizer(options), inOrder, options, out, spansA: new Spans(), spansB: new Spans() };
  const compareUnits = isOpenMetrics(a.format) && isOpenMetrics(b.format);
  const crossFormat = a.format !== b.format;
  const pairs = matchFamilies(groupFamilies(a, ctx, b.format), groupFamilies(b, ctx, a.format), crossFormat ? b.format : undefined);
  if (crossFormat && (a.format === 'prometheus' || b.format === 'prometheus')) adoptSampleFamilies(pairs, a.format === 'prometheus' ? 1 : 2);
  for (const [name, x, y] of pairs) {
    if (x === undefined) oneSided('family-added', name, y!, ctx);
    else if (y === undefined) oneSided('family-removed', name, x, ctx);
    else compareFamily(name, x, y, ctx, compareUnits);
  }
  const only = options.only === undefined ? undefined : new Set<ChangeKind>(options.only);
  return sortChanges(only === undefined ? out : out.filter((c) => only.has(c.kind)));
}

/**
 * Whether one label set is written in two places of a family (the parser's OM123): then two
 * metrics of a side share a series key, and only the keyed comparison says which one counts.
 */
function splitsSeries(result: ParseResult): boolean {
  return result.diagnostics.some((d) => d.code === 'OM123');
}

/** Sorts changes by family name, then kind (in `changeKinds` order), then series key. */
export function sortChanges(changes: Change[]): Change[] {
  return changes.sort((x, y) => {
    if (x.family !== y.family) return x.family < y.family ? -1 : 1;
    if (x.kind !== y.kind) return kindRank[x.kind] - kindRank[y.kind];
    const sx = 'series' in x && typeof x.series === 'string' ? x.series : '';
    const sy = 'series' in y && typeof y.series === 'string' ? y.series : '';
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  });
}

const kindRank = Object.fromEntries(changeKinds.map((k, i) => [k, i])) as Record<ChangeKind, number>;

const TOTAL = '_total';
const INFO = '_info';
const TWINS = [
  [TOTAL, 'counter'],
  ['_info', 'info'],
] as const;

/**
 * The name a family goes by in a diff of two formats: its OpenMetrics 1.0 name. Prometheus text
 * names a counter family after its sample (`# TYPE x_total counter`); OpenMetrics 1.0 names it `x`,
 * whose sample is `x_total` (OpenMetrics 1.0, "Metric Types › Counter", "Text format › Counter").
 * OpenMetrics 2.0 names every family as its sample (OM 2.0 §Counter: "SHOULD end in `_total`",
 * §Info: "MUST end in `_info`"). So a 0.0.4 or 2.0 counter `x_total` and a 2.0 info family `x_info`
 * are the family `x` when the other side is OpenMetrics 1.0. Between 0.0.4 and 2.0, which name
 * counters alike, and between two documents of one format, a family goes by its name as written.
 */
function familyKey(family: MetricFamily, format: ParseResult['format'], other: ParseResult['format']): string {
  const name = family.name;
  if (format === other || format === 'openmetrics' || other !== 'openmetrics') return name;
  if (family.type === 'counter' && name.endsWith(TOTAL) && name.length > TOTAL.length) return name.slice(0, -TOTAL.length);
  if (format === 'openmetrics-2.0' && family.type === 'info' && name.endsWith(INFO) && name.length > INFO.length) return name.slice(0, -INFO.length);
  return name;
}

/**
 * The families of one side by key (see familyKey); a name written twice (invalid input) gathers
 * both parts. `--ignore-metric` leaves a family out by its written name or its key.
 */
function groupFamilies(result: ParseResult, ctx: Context, other: ParseResult['format']): Map<string, MetricFamily[]> {
  const byName = new Map<string, MetricFamily[]>();
  for (const family of result.families) {
    const key = familyKey(family, result.format, other);
    if (ctx.ignoreMetric?.(family.name) || (key !== family.name && ctx.ignoreMetric?.(key))) continue;
    const parts = byName.get(key);
    if (parts === undefined) byName.set(key, [family]);
    else parts.push(family);
  }
  return byName;
}

type Parts = MetricFamily[];

/**
 * Pairs families by key; an unmatched family then pairs with its twin of the other format's
 * naming: a counter `x_total` with `x`; between two formats also a gauge `x_info` with the info
 * family `x` (Prometheus text has no info type; OpenMetrics 1.0, "Metric Types › Info"). A pair
 * is reported under `a`'s name, except between two formats (`otherFormat` is `b`'s format then),
 * where it takes the OpenMetrics side's.
 */
function matchFamilies(
  before: Map<string, Parts>,
  after: Map<string, Parts>,
  otherFormat: ParseResult['format'] | undefined,
): [string, Parts | undefined, Parts | undefined][] {
  const pairs: [string, Parts | undefined, Parts | undefined][] = [];
  const unmatchedAfter = new Map(after);
  const unmatchedBefore: [string, Parts][] = [];
  for (const [name, x] of before) {
    const y = after.get(name);
    if (y === undefined) unmatchedBefore.push([name, x]);
    else {
      pairs.push([name, x, y]);
      unmatchedAfter.delete(name);
    }
  }
  for (const [name, x] of unmatchedBefore) {
    const twin = twinOf(name, x[0], unmatchedAfter, otherFormat !== undefined);
    if (twin === undefined) pairs.push([name, x, undefined]);
    else {
      pairs.push([otherFormat !== undefined && isOpenMetrics(otherFormat) ? twin : name, x, unmatchedAfter.get(twin)]);
      unmatchedAfter.delete(twin);
    }
  }
  for (const [name, y] of unmatchedAfter) pairs.push([name, undefined, y]);
  return pairs;
}

/**
 * Samples OpenMetrics writes inside a family that Prometheus text can only write as families of
 * their own: the converters (om's, client_python's) write a counter's, histogram's or summary's
 * `x_created` as a gauge `x_created`, and a gauge histogram's `x_gsum` / `x_gcount` as gauges. So
 * between two formats, a 0.0.4 gauge or untyped family so named, unmatched, whose owner `x` is
 * paired with an OpenMetrics family of such a type, joins that family's 0.0.4 side: its series
 * are compared with the owner's, under the owner's name. `side` is the index of the 0.0.4 side
 * in each pair (1: `a`, 2: `b`).
 */
function adoptSampleFamilies(pairs: [string, Parts | undefined, Parts | undefined][], side: 1 | 2): void {
  const other = side === 1 ? 2 : 1;
  const paired = new Map<string, [string, Parts | undefined, Parts | undefined]>();
  for (const pair of pairs) if (pair[1] !== undefined && pair[2] !== undefined) paired.set(pair[0], pair);
  for (let i = 0; i < pairs.length; i++) {
    const [name, ...sides] = pairs[i]!;
    const own = sides[side - 1];
    if (own === undefined || sides[other - 1] !== undefined) continue;
    if (own[0]!.type !== 'gauge' && own[0]!.type !== 'unknown') continue;
    const suffix = SAMPLE_FAMILIES.find(([s]) => name.endsWith(s) && name.length > s.length);
    if (suffix === undefined) continue;
    // The owner `x` of `x_created`: a counter is `x_total` where both sides name it so (0.0.4 and 2.0).
    const stem = name.slice(0, -suffix[0].length);
    const owner = paired.get(stem) ?? (suffix[0] === CREATED ? paired.get(`${stem}${TOTAL}`) : undefined);
    if (owner === undefined || !(suffix[1] as readonly MetricType[]).includes(owner[other]![0]!.type)) continue;
    owner[side]!.push(...own);
    pairs.splice(i--, 1);
  }
}

const SAMPLE_FAMILIES = [
  ['_created', ['counter', 'histogram', 'summary']],
  ['_gsum', ['gaugehistogram']],
  ['_gcount', ['gaugehistogram']],
] as const;

/** The key of `x`'s twin among the candidates, if any (see matchFamilies); info twins only between formats. */
function twinOf(name: string, x: MetricFamily, candidates: Map<string, Parts>, crossFormat: boolean): string | undefined {
  for (const [suffix, type] of crossFormat ? TWINS : TWINS.slice(0, 1)) {
    const twin = name.endsWith(suffix) ? name.slice(0, -suffix.length) : `${name}${suffix}`;
    const y = candidates.get(twin);
    if (y !== undefined && (x.type === type || y[0].type === type)) return twin;
  }
  return undefined;
}

function oneSided(kind: 'family-added' | 'family-removed', name: string, parts: Parts, ctx: Context): void {
  const family = parts[0];
  const seriesKind = kind === 'family-added' ? 'series-added' : 'series-removed';
  const seen = new Set<string>();
  const points = new Points();
  for (const part of parts) {
    for (const metric of part.metrics) {
      points.fill(metric, part.type);
      for (let i = 0; i < points.count; i++) {
        const sampleName = points.names[i]!;
        if (ctx.ignoreMetric?.(sampleName)) continue;
        const labels = ctx.normalize(points.labels[i]!);
        const key = seriesKey(sampleName, labels);
        if (seen.has(key)) continue;
        seen.add(key);
        ctx.out.push(seriesChange(seriesKind, name, key, sampleName, labels, points.values[i]!, ctx.spansA.at(metric, points.samples[i]!)));
      }
    }
  }
  const span = family.span;
  ctx.out.push(
    kind === 'family-added'
      ? { kind, family: name, after: span, type: family.type, series: seen.size }
      : { kind, family: name, before: span, type: family.type, series: seen.size },
  );
}

function seriesChange(
  kind: 'series-added' | 'series-removed',
  family: string,
  key: string,
  name: string,
  labels: readonly Label[],
  value: number,
  span: Span,
): Change {
  const side = kind === 'series-added' ? { after: span } : { before: span };
  return { kind, family, ...side, series: key, name, labels, value };
}

function descriptorSpan(family: MetricFamily, kind: Descriptor['kind']): Span {
  return family.descriptors.find((d) => d.kind === kind)?.span ?? family.span;
}

function compareFamily(family: string, xs: Parts, ys: Parts, ctx: Context, compareUnits: boolean): void {
  const fa = xs[0];
  const fb = ys[0];
  const out = ctx.out;
  if (fa.type !== fb.type) {
    out.push({
      kind: 'type-changed', family, before: descriptorSpan(fa, 'TYPE'), after: descriptorSpan(fb, 'TYPE'),
      from: fa.type, to: fb.type,
    });
  }
  if (fa.help !== fb.help) {
    out.push({
      kind: 'help-changed', family, before: descriptorSpan(fa, 'HELP'), after: descriptorSpan(fb, 'HELP'),
      from: fa.help, to: fb.help,
    });
  }
  if (compareUnits && fa.unit !== fb.unit) {
    out.push({
      kind: 'unit-changed', family, before: descriptorSpan(fa, 'UNIT'), after: descriptorSpan(fb, 'UNIT'),
      from: fa.unit, to: fb.unit,
    });
  }
  if (xs.length === 1 && ys.length === 1 && ctx.inOrder && compareInOrder(family, fa, fb, ctx)) return;
  const x = indexBefore(xs, ctx);
  const y = compareAfter(family, x, ys, ctx);
  let removed = 0;
  const store = x.store;
  for (const [key, slot] of x.series) {
    if (slot < 0) continue;
    removed++;
    out.push(seriesChange('series-removed', family, key, store.names[slot]!, store.labels[slot]!, store.values[slot]!, store.span(slot, ctx)));
  }
  const sizeB = x.size - removed + y.added;
  if (x.size !== sizeB) {
    out.push({
      kind: 'cardinality-changed', family, before: fa.span, after: fb.span, from: x.size, to: sizeB, delta: sizeB - x.size,
    });
  }
  const namesA = [...x.labelNames].sort();
  const namesB = [...y.labelNames].sort();
  if (namesA.join('\u0000') !== namesB.join('\u0000')) {
    out.push({
      kind: 'label-schema-changed', family, before: fa.span, after: fb.span, from: namesA, to: namesB,
      added: namesB.filter((n) => !x.labelNames.has(n)), removed: namesA.filter((n) => !y.labelNames.has(n)),
    });
  }
  for (const [key, hb] of y.histograms) {
    const ha = x.histograms.get(key);
    if (ha === undefined) continue;
    const setA = new Set(ha.les);
    const setB = new Set(hb.les);
    if (setA.size === setB.size && [...setA].every((le) => setB.has(le))) continue;
    const from = [...setA].sort(byNumber);
    const to = [...setB].sort(byNumber);
    out.push({
      kind: 'bucket-layout-changed', family, before: ctx.spansA.at(ha.metric, ha.sample), after: ctx.spansB.at(hb.metric, hb.sample), series: key, from, to,
      added: to.filter((le) => !setA.has(le)), removed: from.filter((le) => !setB.has(le)),
    });
  }
}

/** Names and labels of one metric's samples, as read in the first pass of compareInOrder (reused). */
const orderNames: string[] = [];
const orderLabels: (readonly Label[])[] = [];

/**
 * Two scrapes of one target mostly list the same series in the same order. When a family's
 * metrics and samples line up one to one with the same names and labels, the two sides have the
 * same series, label names and bucket layouts, and only values can differ: they are compared by
 * position, without building a key per series. Returns false, having reported nothing, when the
 * shapes differ anywhere, or when a sample is an OpenMetrics 2.0 composite or has a start
 * timestamp (it stands for several series: see points.ts); the keyed comparison then takes the family.
 */
function compareInOrder(family: string, fa: MetricFamily, fb: MetricFamily, ctx: Context): boolean {
  const ma = fa.metrics;
  const mb = fb.metrics;
  if (ma.length !== mb.length) return false;
  for (let m = 0; m < ma.length; m++) {
    const ca = samplesOf(ma[m]!);
    const cb = samplesOf(mb[m]!);
    if (ca.count !== cb.count) return false;
    orderNames.length = 0;
    orderLabels.length = 0;
    while (ca.next() && cb.next()) {
      if (ca.composite !== undefined || cb.composite !== undefined || ca.startTimestamp !== undefined || cb.startTimestamp !== undefined) return false;
      if (!sameSeries(ca.name, ca.labels, cb.name, cb.labels)) return false;
      orderNames.push(ca.name);
      orderLabels.push(ca.labels);
    }
    // A series repeated within a metric: the keyed comparison keeps its first sample only.
    if (!distinctSeries(orderNames, orderLabels, ma[m]!.labels)) return false;
  }
  const monotonicA = isMonotonic(fa.type);
  const monotonicB = isMonotonic(fb.type);
  const where: Where = { ma: ma[0]!, ia: 0, ta: undefined, mb: mb[0]!, ib: 0, tb: undefined };
  for (let m = 0; m < ma.length; m++) {
    let restarted = false;
    if (monotonicA && monotonicB) {
      const ca = createdIn(ma[m]!, ctx);
      const cb = ca === undefined ? undefined : createdIn(mb[m]!, ctx);
      restarted = cb !== undefined && cb > ca!;
    }
    const ca = samplesOf(ma[m]!);
    const cb = samplesOf(mb[m]!);
    while (ca.next() && cb.next()) {
      const name = cb.name;
      if (ctx.ignoreMetric?.(name)) continue;
      if (restarted && name.endsWith(CREATED)) continue;
      const counter = isCounterSample(fa.type, name) && isCounterSample(fb.type, name);
      if (!valuesDiffer(ca.value, cb.value, counter, counter && restarted, ctx)) continue;
      const key = seriesKey(name, ctx.normalize(cb.labels));
      where.ma = ma[m]!;
      where.ia = ca.index;
      where.ta = ca.timestamp;
      where.mb = mb[m]!;
      where.ib = cb.index;
      where.tb = cb.timestamp;
      compareValues(family, key, ca.value, cb.value, counter, counter && restarted, ctx, where);
    }
  }
  return true;
}

/** The value of a metric's `_created` sample (a 1.0 metric: compareInOrder sees no start timestamps), if any and not ignored. */
function createdIn(metric: Metric, ctx: Context): number | undefined {
  const c = samplesOf(metric);
  while (c.next()) if (c.name.endsWith(CREATED) && !ctx.ignoreMetric?.(c.name)) return c.value;
  return undefined;
}

/**
 * Whether no two samples of a metric are one series to the keyed comparison. They share the
 * metric's labels, so two of one name differ by their point's label alone (`le`, `quantile`, a
 * state), read as the keyed comparison reads it (`1` and `1.0` are one bucket). Buckets and
 * quantiles come in increasing order, which settles it in one pass; anything else is compared
 * pair by pair.
 */
function distinctSeries(names: readonly string[], labels: readonly (readonly Label[])[], metric: readonly Label[]): boolean {
  const seen: string[] = [];
  const last: number[] = [];
  for (let k = 0; k < names.length; k++) {
    const i = seen.indexOf(names[k]!);
    const point = pointLabel(labels[k]!, metric);
    if (point === ODD_SHAPE) return false;
    const n = point === undefined ? undefined : thresholdNumber(point.value);
    if (i === -1) {
      seen.push(names[k]!);
      last.push(n ?? NaN);
    } else if (n !== undefined && n > last[i]!) last[i] = n;
    else return distinctPairwise(names, labels, metric);
  }
  return true;
}

function distinctPairwise(names: readonly string[], labels: readonly (readonly Label[])[], metric: readonly Label[]): boolean {
  for (let k = 1; k < names.length; k++) {
    const point = pointLabel(labels[k]!, metric);
    if (point === ODD_SHAPE) return false;
    for (let j = 0; j < k; j++) {
      if (names[j] !== names[k]) continue;
      const other = pointLabel(labels[j]!, metric);
      if (other === ODD_SHAPE) return false;
      if (point === undefined || other === undefined) {
        if (point === other) return false;
      } else if (point.name === other.name && canonicalPoint(point) === canonicalPoint(other)) return false;
    }
  }
  return true;
}

/**
 * The label a sample has beyond its metric's, if any, as parse() builds samples: the metric's
 * labels in order with at most one more; ODD_SHAPE for any other shape.
 */
function pointLabel(labels: readonly Label[], metric: readonly Label[]): Label | undefined {
  if (labels === metric) return undefined;
  const extra = labels.length - metric.length;
  if (extra !== 0 && extra !== 1) return ODD_SHAPE;
  let point: Label | undefined;
  for (let i = 0, j = 0; i < labels.length; i++) {
    const label = labels[i]!;
    const own = metric[j];
    if (own !== undefined && (label === own || (label.name === own.name && label.value === own.value))) j++;
    else if (point === undefined && extra === 1) point = label;
    else return ODD_SHAPE;
  }
  return point;
}

/** What pointLabel says of a sample that is not its metric's labels plus at most one. */
const ODD_SHAPE: Label = Object.freeze({ name: '', value: '' });

function canonicalPoint(label: Label): string {
  return label.name === 'le' || label.name === 'quantile' ? canonicalFloat(label.value) : label.value;
}

/** Same sample name and the same labels in the same order. */
function sameSeries(nameA: string, x: readonly Label[], nameB: string, y: readonly Label[]): boolean {
  if (nameA !== nameB) return false;
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i]!.name !== y[i]!.name || x[i]!.value !== y[i]!.value) return false;
  }
  return true;
}

interface Histogram {
  readonly les: string[];
  /** Where its first bucket was read. */
  readonly metric: Metric;
  readonly sample: number;
}

/** A's series, by slot: what a change needs of them once B has been read. */
class Store {
  readonly names: string[] = [];
  readonly labels: (readonly Label[])[] = [];
  readonly values: number[] = [];
  readonly timestamps: (number | undefined)[] = [];
  readonly natives: (HistogramValue | undefined)[] = [];
  readonly metrics: Metric[] = [];
  readonly samples: number[] = [];

  add(points: Points, i: number, labels: readonly Label[], metric: Metric): number {
    const slot = this.names.length;
    this.names.push(points.names[i]!);
    this.labels.push(labels);
    this.values.push(points.values[i]!);
    this.timestamps.push(points.timestamps[i]);
    this.natives.push(points.natives[i]);
    this.metrics.push(metric);
    this.samples.push(points.samples[i]!);
    return slot;
  }

  span(slot: number, ctx: Context): Span {
    return ctx.spansA.at(this.metrics[slot]!, this.samples[slot]!);
  }
}

interface SideFacts {
  readonly labelNames: Set<string>;
  /** Bucket `le` values per histogram (histogram and gaugehistogram families). */
  readonly histograms: Map<string, Histogram>;
}

interface Before extends SideFacts {
  readonly type: MetricType;
  /** Series key → slot in `store` (or MATCHED / ADDED once B has been read). */
  readonly series: Map<string, number>;
  readonly store: Store;
  readonly size: number;
  /** `_created` values (OM 2.0: start timestamps) per metric (labels without `le` / `quantile`). */
  readonly created: Map<string, number>;
}

function isHistogram(type: MetricType): boolean {
  return type === 'histogram' || type === 'gaugehistogram';
}

function isMonotonic(type: MetricType): boolean {
  return type === 'counter' || type === 'histogram' || type === 'summary';
}

/** The value of the metric's `_created` series (a 1.0 `_created` sample or a 2.0 start timestamp), if any and not ignored. */
function createdOf(points: Points, ctx: Context): number | undefined {
  for (let i = 0; i < points.count; i++) {
    const name = points.names[i]!;
    if (name.endsWith(CREATED) && !ctx.ignoreMetric?.(name)) return points.values[i]!;
  }
  return undefined;
}

function addBucket(histograms: Map<string, Histogram>, name: string, labels: readonly Label[], metric: Metric, sample: number): void {
  if (!name.endsWith('_bucket')) return;
  const le = labels.find((l) => l.name === 'le');
  if (le === undefined) return;
  const key = seriesKey(name.slice(0, -'_bucket'.length), labels, 'le');
  const h = histograms.get(key);
  if (h === undefined) histograms.set(key, { les: [le.value], metric, sample });
  else h.les.push(le.value);
}

function indexBefore(parts: Parts, ctx: Context): Before {
  const series = new Map<string, number>();
  const store = new Store();
  const labelNames = new Set<string>();
  const histograms = new Map<string, Histogram>();
  const created = new Map<string, number>();
  const points = new Points();
  for (const family of parts) {
    const histogram = isHistogram(family.type);
    const monotonic = isMonotonic(family.type);
    for (const metric of family.metrics) {
      points.fill(metric, family.type);
      if (monotonic) {
        const c = createdOf(points, ctx);
        if (c !== undefined) created.set(renderLabels(ctx.normalize(metric.labels)), c);
      }
      for (let i = 0; i < points.count; i++) {
        const name = points.names[i]!;
        if (ctx.ignoreMetric?.(name)) continue;
        const labels = ctx.normalize(points.labels[i]!);
        const key = seriesKey(name, labels);
        if (series.has(key)) continue; // a duplicate (or a collision after ignoreLabels): first wins
        series.set(key, store.add(points, i, labels, metric));
        for (const label of labels) labelNames.add(label.name);
        if (histogram) addBucket(histograms, name, labels, metric, points.samples[i]!);
      }
    }
  }
  return { type: parts[0].type, series, store, size: series.size, labelNames, histograms, created };
}

/** Walks B's series against A's index: value changes, resets, added series; marks A's matched ones. */
function compareAfter(family: string, x: Before, parts: Parts, ctx: Context): SideFacts & { added: number } {
  const out = ctx.out;
  const labelNames = new Set<string>();
  const histograms = new Map<string, Histogram>();
  const store = x.store;
  const points = new Points();
  const where: Where = { ma: parts[0].metrics[0]!, ia: 0, ta: undefined, mb: parts[0].metrics[0]!, ib: 0, tb: undefined };
  let added = 0;
  for (const part of parts) {
    const histogram = isHistogram(part.type);
    const monotonic = isMonotonic(part.type);
    for (const metric of part.metrics) {
      points.fill(metric, part.type);
      // `_created` (a start timestamp) moved on: the metric restarted, every counter sample of it reset.
      let restarted = false;
      if (monotonic && x.created.size > 0) {
        const c = createdOf(points, ctx);
        if (c !== undefined) {
          const before = x.created.get(renderLabels(ctx.normalize(metric.labels)));
          restarted = before !== undefined && c > before;
        }
      }
      for (let i = 0; i < points.count; i++) {
        const name = points.names[i]!;
        if (ctx.ignoreMetric?.(name)) continue;
        const labels = ctx.normalize(points.labels[i]!);
        const key = seriesKey(name, labels);
        const slot = x.series.get(key);
        if (slot === MATCHED || slot === ADDED) continue; // a duplicate in B: first wins
        for (const label of labels) labelNames.add(label.name);
        if (histogram) addBucket(histograms, name, labels, metric, points.samples[i]!);
        if (slot === undefined) {
          x.series.set(key, ADDED);
          added++;
          out.push(seriesChange('series-added', family, key, name, labels, points.values[i]!, ctx.spansB.at(metric, points.samples[i]!)));
          continue;
        }
        x.series.set(key, MATCHED);
        if (restarted && name.endsWith(CREATED)) continue; // the resets of its siblings say it
        where.ma = store.metrics[slot]!;
        where.ia = store.samples[slot]!;
        where.ta = store.timestamps[slot];
        where.mb = metric;
        where.ib = points.samples[i]!;
        where.tb = points.timestamps[i];
        const ha = store.natives[slot];
        const hb = points.natives[i];
        if (ha !== undefined && hb !== undefined) {
          // Counts of a histogram only grow; a gauge histogram's go both ways (OM 2.0 §GaugeHistogram).
          const counter = x.type === 'histogram' && part.type === 'histogram';
          compareNative(family, key, ha, hb, counter, counter && restarted, ctx, where);
          continue;
        }
        const counter = isCounterSample(x.type, name) && isCounterSample(part.type, name);
        compareValues(family, key, store.values[slot]!, points.values[i]!, counter, counter && restarted, ctx, where);
      }
    }
  }
  return { labelNames, histograms, added };
}

/**
 * A native histogram on both sides (OM 2.0 §Native Buckets), field by field: its layout (schema,
 * zero threshold, which buckets its spans populate), then count and sum (unless both sides also
 * carry classic buckets, whose `_count` and `_sum` series say it), the zero bucket and each bucket
 * by its absolute index. A bucket its spans leave out holds 0 (OM 2.0: empty buckets SHOULD NOT be
 * written). When the schemas differ, both sides' buckets are merged to the lower schema first, as
 * Prometheus lowers a histogram's resolution, so that buckets are compared over the same bounds.
 *
 * A histogram (not a gauge histogram) resets as a whole, as Prometheus' `DetectReset` decides: its
 * start timestamp moved on (reason `created`), or its count, zero bucket or any bucket went down, its
 * schema got finer or its zero threshold narrower (reason `decrease`; a sum may go down without a
 * reset, negative observations lower it). Then every field that differs (every field, when the start
 * timestamp moved) is a `counter-reset`; otherwise each is a `value-changed`, with a rate.
 */
function compareNative(
  family: string,
  key: string,
  ha: HistogramValue,
  hb: HistogramValue,
  counter: boolean,
  restarted: boolean,
  ctx: Context,
  where: Where,
): void {
  const na = ha.native!;
  const nb = hb.native!;
  const schema = Math.min(na.schema, nb.schema);
  const posA = nativeBuckets(na.positiveSpans, na.positiveBuckets, na.schema, schema);
  const posB = nativeBuckets(nb.positiveSpans, nb.positiveBuckets, nb.schema, schema);
  const negA = nativeBuckets(na.negativeSpans, na.negativeBuckets, na.schema, schema);
  const negB = nativeBuckets(nb.negativeSpans, nb.negativeBuckets, nb.schema, schema);
  const positive = indexDelta(posA, posB);
  const negative = indexDelta(negA, negB);
  if (
    na.schema !== nb.schema ||
    !sameValue(na.zeroThreshold, nb.zeroThreshold) ||
    positive.added.length + positive.removed.length + negative.added.length + negative.removed.length > 0
  ) {
    ctx.out.push({
      kind: 'native-layout-changed', family, before: ctx.spansA.at(where.ma, where.ia), after: ctx.spansB.at(where.mb, where.ib), series: key,
      from: { schema: na.schema, zeroThreshold: na.zeroThreshold }, to: { schema: nb.schema, zeroThreshold: nb.zeroThreshold },
      positive, negative,
    });
  }
  const reset: Reset =
    !counter ? undefined
    : restarted ? 'created'
    : hb.count < ha.count || nb.zeroCount < na.zeroCount || nb.schema > na.schema || nb.zeroThreshold < na.zeroThreshold || wentDown(posA, posB) || wentDown(negA, negB) ? 'decrease'
    : undefined;
  const field = (from: number, to: number, name: HistogramField, index?: number) => {
    if (reset === 'decrease' && sameValue(from, to, ctx.options.tolerance)) return;
    // A sum that went down without a reset: negative observations, a value change.
    const grows = counter && !(name === 'sum' && reset === undefined && to < from);
    compareValues(family, key, from, to, grows, reset, ctx, where, name, index);
  };
  if (ha.buckets === undefined || hb.buckets === undefined) {
    field(ha.count, hb.count, 'count');
    field(ha.sum, hb.sum, 'sum');
  }
  field(na.zeroCount, nb.zeroCount, 'zero-count');
  for (const [name, a, b] of [['negative-bucket', negA, negB], ['positive-bucket', posA, posB]] as const) {
    const indexes = [...new Set([...a.keys(), ...b.keys()])].sort((p, q) => p - q);
    for (const index of indexes) field(a.get(index) ?? 0, b.get(index) ?? 0, name, index);
  }
}

/** Why a whole histogram reset, if it did (see compareNative). */
type Reset = 'created' | 'decrease' | undefined;

/** Whether a bucket of `a` holds more than the same bucket of `b` (0 when `b` leaves it out). */
function wentDown(a: Map<number, number>, b: Map<number, number>): boolean {
  for (const [index, count] of a) if ((b.get(index) ?? 0) < count) return true;
  return false;
}

/**
 * A native histogram's buckets of one sign by absolute index (OM 2.0 §Native Buckets: the first
 * span's offset is the first bucket's index, each later offset the number of buckets skipped), at
 * schema `to` ≤ `from`: a bucket `i` of schema `from` falls into bucket `((i - 1) >> (from - to)) + 1`
 * (Prometheus' `targetIdx`), whose counts add up.
 */
function nativeBuckets(spans: NativeBuckets['positiveSpans'], counts: readonly number[], from: number, to: number): Map<number, number> {
  const out = new Map<number, number>();
  const shift = from - to;
  let index = 0;
  let k = 0;
  for (let s = 0; s < spans.length; s++) {
    index += spans[s]!.offset;
    for (let j = 0; j < spans[s]!.length && k < counts.length; j++, index++, k++) {
      const target = shift === 0 ? index : ((index - 1) >> shift) + 1;
      out.set(target, (out.get(target) ?? 0) + counts[k]!);
    }
  }
  return out;
}

function indexDelta(a: Map<number, number>, b: Map<number, number>): { added: number[]; removed: number[] } {
  const added = [...b.keys()].filter((i) => !a.has(i)).sort((p, q) => p - q);
  const removed = [...a.keys()].filter((i) => !b.has(i)).sort((p, q) => p - q);
  return { added, removed };
}

/**
 * One value on both sides. `counter`: a value that only grows, so a decrease is a reset and a rate is
 * shown. `restarted`: the series restarted whatever its values (true: `_created` or the start
 * timestamp moved on; `'decrease'`: a native histogram reset as a whole), so the change is a reset.
 */
function compareValues(
  family: string,
  key: string,
  from: number,
  to: number,
  counter: boolean,
  restarted: boolean | Reset,
  ctx: Context,
  where: Where,
  field?: HistogramField,
  index?: number,
): void {
  const restart = restarted === true || restarted === 'created' ? 'created' : restarted === 'decrease' ? 'decrease' : undefined;
  if (!valuesDiffer(from, to, counter, restart !== undefined, ctx)) return;
  const decreased = counter && to < from;
  const interval = intervalOf(where.ta, where.tb, ctx.options.intervalSeconds);
  const delta = to - from;
  const before = ctx.spansA.at(where.ma, where.ia);
  const after = ctx.spansB.at(where.mb, where.ib);
  const part = field === undefined ? undefined : index === undefined ? { field } : { field, index };
  if (restart !== undefined || decreased) {
    const reason = restart ?? 'decrease';
    ctx.out.push(
      interval === undefined
        ? { kind: 'counter-reset', family, before, after, series: key, from, to, delta, reason, ...part }
        : { kind: 'counter-reset', family, before, after, series: key, from, to, delta, reason, interval, rate: to / interval, ...part },
    );
  } else if (interval === undefined) {
    ctx.out.push({ kind: 'value-changed', family, before, after, series: key, from, to, delta, ...part });
  } else if (!counter) {
    ctx.out.push({ kind: 'value-changed', family, before, after, series: key, from, to, delta, interval, ...part });
  } else {
    ctx.out.push({ kind: 'value-changed', family, before, after, series: key, from, to, delta, interval, rate: delta / interval, ...part });
  }
}

/** Whether a pair of values makes a change: a reset, a counter going down, or a different value. */
function valuesDiffer(from: number, to: number, counter: boolean, restarted: boolean, ctx: Context): boolean {
  return restarted || (counter && to < from) || !sameValue(from, to, ctx.options.tolerance);
}

function isCounterSample(type: MetricType, name: string): boolean {
  switch (type) {
    case 'counter':
      return !name.endsWith(CREATED);
    case 'histogram':
      return name.endsWith('_bucket') || name.endsWith('_count') || name.endsWith('_sum');
    case 'summary':
      return name.endsWith('_count') || name.endsWith('_sum');
    default:
      return false;
  }
}

function intervalOf(a: number | undefined, b: number | undefined, fallback: number | undefined): number | undefined {
  if (a !== undefined && b !== undefined && b > a) return b - a;
  return fallback !== undefined && fallback > 0 ? fallback : undefined;
}

/** Equal, both NaN, or within the tolerance (absolute or relative). */
export function sameValue(a: number, b: number, tolerance?: Tolerance): boolean {
  if (a === b) return true;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (tolerance === undefined) return false;
  const d = Math.abs(b - a);
  if (!Number.isFinite(d)) return false;
  if (tolerance.absolute !== undefined && d <= tolerance.absolute) return true;
  if (tolerance.relative !== undefined && d <= tolerance.relative * Math.max(Math.abs(a), Math.abs(b))) return true;
  return false;
}

function byNumber(x: string, y: string): number {
  const nx = x === '+Inf' ? Infinity : x === '-Inf' ? -Infinity : Number(x);
  const ny = y === '+Inf' ? Infinity : y === '-Inf' ? -Infinity : Number(y);
  if (nx !== ny && !Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
  return x < y ? -1 : x > y ? 1 : 0;
}
