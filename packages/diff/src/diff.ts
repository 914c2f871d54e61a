// diff(a, b): two parsed scrapes → typed changes. One pass per side builds Map indexes; the
// comparison then walks the indexes once.
import type { Descriptor, Label, MetricFamily, MetricType, ParseResult, Sample, Span } from '@omkit/parser';
import { globsMatcher } from './glob.js';
import { canonicalFloat, labelNormalizer, renderLabels, seriesKey, thresholdNumber, type LabelNormalizer } from './series.js';
import { changeKinds, type Change, type ChangeKind, type DiffOptions, type Tolerance } from './types.js';

/** A's series not yet seen in B hold their Sample; these mark the others. */
const MATCHED = 1;
const ADDED = 2;
type Slot = Sample | typeof MATCHED | typeof ADDED;

interface Context {
  readonly ignoreMetric?: (name: string) => boolean;
  readonly normalize: LabelNormalizer;
  /** Whether families may be compared series by series in written order (see compareInOrder). */
  readonly inOrder: boolean;
  readonly options: DiffOptions;
  readonly out: Change[];
}

const CREATED = '_created';

/** Compares two parsed scrapes; changes are ordered by family name, kind, then series key. */
export function diff(a: ParseResult, b: ParseResult, options: DiffOptions = {}): Change[] {
  const out: Change[] = [];
  const inOrder =
    (options.ignoreLabels ?? []).length === 0 && (options.relabel ?? []).length === 0 && !splitsSeries(a) && !splitsSeries(b);
  const ctx: Context = { ignoreMetric: globsMatcher(options.ignoreMetrics), normalize: labelNormalizer(options), inOrder, options, out };
  const compareUnits = a.format === 'openmetrics' && b.format === 'openmetrics';
  const crossFormat = a.format !== b.format;
  const pairs = matchFamilies(groupFamilies(a, ctx, crossFormat), groupFamilies(b, ctx, crossFormat), crossFormat ? b.format : undefined);
  if (crossFormat) adoptSampleFamilies(pairs, a.format === 'prometheus' ? 1 : 2);
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
const TWINS = [
  [TOTAL, 'counter'],
  ['_info', 'info'],
] as const;

/**
 * The name a family goes by in a diff of two formats: its OpenMetrics name. Prometheus text names
 * a counter family after its sample (`# TYPE x_total counter`); OpenMetrics names it `x`, whose
 * sample is `x_total` (OpenMetrics 1.0, "Metric Types › Counter", "Text format › Counter"). So a
 * 0.0.4 counter `x_total` is the family `x` when the other side is OpenMetrics. Between two
 * documents of one format, a family goes by its name as written.
 */
function familyKey(family: MetricFamily, format: ParseResult['format'], crossFormat: boolean): string {
  const name = family.name;
  if (crossFormat && format === 'prometheus' && family.type === 'counter' && name.endsWith(TOTAL) && name.length > TOTAL.length) {
    return name.slice(0, -TOTAL.length);
  }
  return name;
}

/**
 * The families of one side by key (see familyKey); a name written twice (invalid input) gathers
 * both parts. `--ignore-metric` leaves a family out by its written name or its key.
 */
function groupFamilies(result: ParseResult, ctx: Context, crossFormat: boolean): Map<string, MetricFamily[]> {
  const byName = new Map<string, MetricFamily[]>();
  for (const family of result.families) {
    const key = familyKey(family, result.format, crossFormat);
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
      pairs.push([otherFormat === 'openmetrics' ? twin : name, x, unmatchedAfter.get(twin)]);
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
    const owner = paired.get(name.slice(0, -suffix[0].length));
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
  for (const part of parts) {
    for (const metric of part.metrics) {
      for (const sample of metric.samples) {
        if (ctx.ignoreMetric?.(sample.name)) continue;
        const labels = ctx.normalize(sample.labels);
        const key = seriesKey(sample.name, labels);
        if (seen.has(key)) continue;
        seen.add(key);
        ctx.out.push(seriesChange(seriesKind, name, key, sample, labels));
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
  sample: Sample,
  labels: readonly Label[],
): Change {
  const side = kind === 'series-added' ? { after: sample.span } : { before: sample.span };
  return { kind, family, ...side, series: key, name: sample.name, labels, value: sample.value };
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
  for (const [key, slot] of x.series) {
    if (typeof slot === 'number') continue;
    removed++;
    out.push(seriesChange('series-removed', family, key, slot, ctx.normalize(slot.labels)));
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
      kind: 'bucket-layout-changed', family, before: ha.span, after: hb.span, series: key, from, to,
      added: to.filter((le) => !setA.has(le)), removed: from.filter((le) => !setB.has(le)),
    });
  }
}

/**
 * Two scrapes of one target mostly list the same series in the same order. When a family's
 * metrics and samples line up one to one with the same names and labels, the two sides have the
 * same series, label names and bucket layouts, and only values can differ: they are compared by
 * position, without building a key per series. Returns false, having reported nothing, when the
 * shapes differ anywhere; the keyed comparison then takes the family.
 */
function compareInOrder(family: string, fa: MetricFamily, fb: MetricFamily, ctx: Context): boolean {
  const ma = fa.metrics;
  const mb = fb.metrics;
  if (ma.length !== mb.length) return false;
  for (let m = 0; m < ma.length; m++) {
    const sa = ma[m]!.samples;
    const sb = mb[m]!.samples;
    if (sa.length !== sb.length) return false;
    for (let k = 0; k < sa.length; k++) if (!sameSeries(sa[k]!, sb[k]!)) return false;
    // A series repeated within a metric: the keyed comparison keeps its first sample only.
    if (!distinctSeries(sa, ma[m]!.labels)) return false;
  }
  const monotonicA = isMonotonic(fa.type);
  const monotonicB = isMonotonic(fb.type);
  for (let m = 0; m < ma.length; m++) {
    const sa = ma[m]!.samples;
    const sb = mb[m]!.samples;
    let restarted = false;
    if (monotonicA && monotonicB) {
      const ca = createdOf(sa, ctx);
      const cb = ca === undefined ? undefined : createdOf(sb, ctx);
      restarted = cb !== undefined && cb.value > ca!.value;
    }
    for (let k = 0; k < sa.length; k++) {
      const a = sa[k]!;
      const b = sb[k]!;
      if (ctx.ignoreMetric?.(b.name)) continue;
      if (restarted && b.name.endsWith(CREATED)) continue;
      const counter = isCounterSample(fa.type, b.name) && isCounterSample(fb.type, b.name);
      if (!valuesDiffer(a.value, b.value, counter, counter && restarted, ctx)) continue;
      const key = seriesKey(b.name, ctx.normalize(b.labels));
      compareValues(family, key, a, b, counter, counter && restarted, ctx);
    }
  }
  return true;
}

/**
 * Whether no two samples of a metric are one series to the keyed comparison. They share the
 * metric's labels, so two of one name differ by their point's label alone (`le`, `quantile`, a
 * state), read as the keyed comparison reads it (`1` and `1.0` are one bucket). Buckets and
 * quantiles come in increasing order, which settles it in one pass; anything else is compared
 * pair by pair.
 */
function distinctSeries(samples: readonly Sample[], metric: readonly Label[]): boolean {
  const names: string[] = [];
  const last: number[] = [];
  for (const sample of samples) {
    const i = names.indexOf(sample.name);
    const point = pointLabel(sample, metric);
    if (point === ODD_SHAPE) return false;
    const n = point === undefined ? undefined : thresholdNumber(point.value);
    if (i === -1) {
      names.push(sample.name);
      last.push(n ?? NaN);
    } else if (n !== undefined && n > last[i]!) last[i] = n;
    else return distinctPairwise(samples, metric);
  }
  return true;
}

function distinctPairwise(samples: readonly Sample[], metric: readonly Label[]): boolean {
  for (let k = 1; k < samples.length; k++) {
    const point = pointLabel(samples[k]!, metric);
    if (point === ODD_SHAPE) return false;
    for (let j = 0; j < k; j++) {
      if (samples[j]!.name !== samples[k]!.name) continue;
      const other = pointLabel(samples[j]!, metric);
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
function pointLabel(sample: Sample, metric: readonly Label[]): Label | undefined {
  const labels = sample.labels;
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
function sameSeries(a: Sample, b: Sample): boolean {
  if (a.name !== b.name) return false;
  const x = a.labels;
  const y = b.labels;
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i]!.name !== y[i]!.name || x[i]!.value !== y[i]!.value) return false;
  }
  return true;
}

interface Histogram {
  readonly les: string[];
  readonly span: Span;
}

interface SideFacts {
  readonly labelNames: Set<string>;
  /** Bucket `le` values per histogram (histogram and gaugehistogram families). */
  readonly histograms: Map<string, Histogram>;
}

interface Before extends SideFacts {
  readonly type: MetricType;
  readonly series: Map<string, Slot>;
  readonly size: number;
  /** `_created` values per metric (labels without `le` / `quantile`). */
  readonly created: Map<string, number>;
}

function isHistogram(type: MetricType): boolean {
  return type === 'histogram' || type === 'gaugehistogram';
}

function isMonotonic(type: MetricType): boolean {
  return type === 'counter' || type === 'histogram' || type === 'summary';
}

/** The `_created` sample of a metric, if any and not ignored. */
function createdOf(samples: readonly Sample[], ctx: Context): Sample | undefined {
  for (const sample of samples) {
    if (sample.name.endsWith(CREATED) && !ctx.ignoreMetric?.(sample.name)) return sample;
  }
  return undefined;
}

function addBucket(histograms: Map<string, Histogram>, sample: Sample, labels: readonly Label[]): void {
  if (!sample.name.endsWith('_bucket')) return;
  const le = labels.find((l) => l.name === 'le');
  if (le === undefined) return;
  const key = seriesKey(sample.name.slice(0, -'_bucket'.length), labels, 'le');
  const h = histograms.get(key);
  if (h === undefined) histograms.set(key, { les: [le.value], span: sample.span });
  else h.les.push(le.value);
}

function indexBefore(parts: Parts, ctx: Context): Before {
  const series = new Map<string, Slot>();
  const labelNames = new Set<string>();
  const histograms = new Map<string, Histogram>();
  const created = new Map<string, number>();
  for (const family of parts) {
    const histogram = isHistogram(family.type);
    const monotonic = isMonotonic(family.type);
    for (const metric of family.metrics) {
      if (monotonic) {
        const c = createdOf(metric.samples, ctx);
        if (c !== undefined) created.set(renderLabels(ctx.normalize(metric.labels)), c.value);
      }
      for (const sample of metric.samples) {
        if (ctx.ignoreMetric?.(sample.name)) continue;
        const labels = ctx.normalize(sample.labels);
        const key = seriesKey(sample.name, labels);
        if (series.has(key)) continue; // a duplicate (or a collision after ignoreLabels): first wins
        series.set(key, sample);
        for (const label of labels) labelNames.add(label.name);
        if (histogram) addBucket(histograms, sample, labels);
      }
    }
  }
  return { type: parts[0].type, series, size: series.size, labelNames, histograms, created };
}

/** Walks B's samples against A's index: value changes, resets, added series; marks A's matched ones. */
function compareAfter(family: string, x: Before, parts: Parts, ctx: Context): SideFacts & { added: number } {
  const out = ctx.out;
  const labelNames = new Set<string>();
  const histograms = new Map<string, Histogram>();
  let added = 0;
  for (const part of parts) {
    const histogram = isHistogram(part.type);
    const monotonic = isMonotonic(part.type);
    for (const metric of part.metrics) {
      // `_created` moved on: the metric restarted, every counter sample of it reset.
      let restarted = false;
      if (monotonic && x.created.size > 0) {
        const c = createdOf(metric.samples, ctx);
        if (c !== undefined) {
          const before = x.created.get(renderLabels(ctx.normalize(metric.labels)));
          restarted = before !== undefined && c.value > before;
        }
      }
      for (const sample of metric.samples) {
        if (ctx.ignoreMetric?.(sample.name)) continue;
        const labels = ctx.normalize(sample.labels);
        const key = seriesKey(sample.name, labels);
        const slot = x.series.get(key);
        if (slot === MATCHED || slot === ADDED) continue; // a duplicate in B: first wins
        for (const label of labels) labelNames.add(label.name);
        if (histogram) addBucket(histograms, sample, labels);
        if (slot === undefined) {
          x.series.set(key, ADDED);
          added++;
          out.push(seriesChange('series-added', family, key, sample, labels));
          continue;
        }
        x.series.set(key, MATCHED);
        if (restarted && sample.name.endsWith(CREATED)) continue; // the resets of its siblings say it
        const counter = isCounterSample(x.type, sample.name) && isCounterSample(part.type, sample.name);
        compareValues(family, key, slot, sample, counter, counter && restarted, ctx);
      }
    }
  }
  return { labelNames, histograms, added };
}

function compareValues(
  family: string,
  key: string,
  sa: Sample,
  sb: Sample,
  counter: boolean,
  restarted: boolean,
  ctx: Context,
): void {
  const from = sa.value;
  const to = sb.value;
  if (!valuesDiffer(from, to, counter, restarted, ctx)) return;
  const decreased = counter && to < from;
  const interval = intervalOf(sa, sb, ctx.options.intervalSeconds);
  const delta = to - from;
  if (restarted || decreased) {
    const reason = restarted ? 'created' : 'decrease';
    ctx.out.push(
      interval === undefined
        ? { kind: 'counter-reset', family, before: sa.span, after: sb.span, series: key, from, to, delta, reason }
        : { kind: 'counter-reset', family, before: sa.span, after: sb.span, series: key, from, to, delta, reason, interval, rate: to / interval },
    );
  } else if (interval === undefined) {
    ctx.out.push({ kind: 'value-changed', family, before: sa.span, after: sb.span, series: key, from, to, delta });
  } else if (!counter) {
    ctx.out.push({ kind: 'value-changed', family, before: sa.span, after: sb.span, series: key, from, to, delta, interval });
  } else {
    ctx.out.push({
      kind: 'value-changed', family, before: sa.span, after: sb.span, series: key, from, to, delta, interval, rate: delta / interval,
    });
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

function intervalOf(a: Sample, b: Sample, fallback: number | undefined): number | undefined {
  if (a.timestamp !== undefined && b.timestamp !== undefined && b.timestamp > a.timestamp) {
    return b.timestamp - a.timestamp;
  }
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
