// diff(a, b): two parsed scrapes → typed changes. One pass per side builds Map indexes; the
// comparison then walks the indexes once.
import type { Descriptor, Label, MetricFamily, MetricType, ParseResult, Sample, Span } from '@omkit/parser';
import { globsMatcher } from './glob.js';
import { labelNormalizer, renderLabels, seriesKey, type LabelNormalizer } from './series.js';
import { changeKinds, type Change, type ChangeKind, type DiffOptions, type Tolerance } from './types.js';

interface Series {
  readonly key: string;
  readonly name: string;
  readonly labels: readonly Label[];
  readonly sample: Sample;
  /** The labels without `le` / `quantile`: the samples of one metric share it. */
  readonly group: string;
}

interface Histogram {
  readonly key: string;
  readonly les: string[];
  readonly span: Span;
}

interface FamilyIndex {
  readonly family: MetricFamily;
  readonly series: Map<string, Series>;
  readonly labelNames: Set<string>;
  /** Bucket `le` values per histogram (histogram and gaugehistogram families). */
  readonly histograms: Map<string, Histogram>;
  /** `_created` values per group (counter, histogram and summary families). */
  readonly created: Map<string, number>;
}

interface Context {
  readonly ignoreMetric?: (name: string) => boolean;
  readonly normalize: LabelNormalizer;
}

const CREATED = '_created';

/** Compares two parsed scrapes; changes are ordered by family name, kind, then series key. */
export function diff(a: ParseResult, b: ParseResult, options: DiffOptions = {}): Change[] {
  const ctx: Context = { ignoreMetric: globsMatcher(options.ignoreMetrics), normalize: labelNormalizer(options) };
  const before = indexSide(a, ctx);
  const after = indexSide(b, ctx);
  const pairs = matchFamilies(before, after);
  const compareUnits = a.format === 'openmetrics' && b.format === 'openmetrics';
  const changes: Change[] = [];
  for (const [x, y] of pairs) {
    if (x === undefined) addedFamily(y!, changes);
    else if (y === undefined) removedFamily(x, changes);
    else compareFamily(x, y, options, compareUnits, changes);
  }
  const only = options.only === undefined ? undefined : new Set<ChangeKind>(options.only);
  const result = only === undefined ? changes : changes.filter((c) => only.has(c.kind));
  return sortChanges(result);
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

function indexSide(result: ParseResult, ctx: Context): Map<string, FamilyIndex> {
  const index = new Map<string, FamilyIndex>();
  for (const family of result.families) {
    if (ctx.ignoreMetric?.(family.name)) continue;
    let entry = index.get(family.name);
    if (entry === undefined) {
      entry = { family, series: new Map(), labelNames: new Set(), histograms: new Map(), created: new Map() };
      index.set(family.name, entry);
    }
    indexFamily(family, entry, ctx);
  }
  return index;
}

function indexFamily(family: MetricFamily, entry: FamilyIndex, ctx: Context): void {
  const histogram = family.type === 'histogram' || family.type === 'gaugehistogram';
  const monotonic = family.type === 'counter' || family.type === 'histogram' || family.type === 'summary';
  for (const metric of family.metrics) {
    for (const sample of metric.samples) {
      if (ctx.ignoreMetric?.(sample.name)) continue;
      const labels = ctx.normalize(sample.labels);
      const key = seriesKey(sample.name, labels);
      if (entry.series.has(key)) continue; // a duplicate (or a collision after ignoreLabels): first wins
      const group = renderLabels(labels.filter((l) => l.name !== 'le' && l.name !== 'quantile'));
      entry.series.set(key, { key, name: sample.name, labels, sample, group });
      for (const label of labels) entry.labelNames.add(label.name);
      if (histogram && sample.name.endsWith('_bucket')) {
        const le = labels.find((l) => l.name === 'le');
        if (le !== undefined) {
          const hkey = seriesKey(sample.name.slice(0, -'_bucket'.length), labels, 'le');
          const h = entry.histograms.get(hkey);
          if (h === undefined) entry.histograms.set(hkey, { key: hkey, les: [le.value], span: sample.span });
          else h.les.push(le.value);
        }
      }
      if (monotonic && sample.name.endsWith(CREATED) && !entry.created.has(group)) {
        entry.created.set(group, sample.value);
      }
    }
  }
}

/** Pairs families by name; an unmatched counter `x_total` (Prometheus) then pairs with `x` (OpenMetrics). */
function matchFamilies(
  before: Map<string, FamilyIndex>,
  after: Map<string, FamilyIndex>,
): [FamilyIndex | undefined, FamilyIndex | undefined][] {
  const pairs: [FamilyIndex | undefined, FamilyIndex | undefined][] = [];
  const unmatchedAfter = new Map(after);
  const unmatchedBefore: FamilyIndex[] = [];
  for (const [name, x] of before) {
    const y = after.get(name);
    if (y === undefined) unmatchedBefore.push(x);
    else {
      pairs.push([x, y]);
      unmatchedAfter.delete(name);
    }
  }
  for (const x of unmatchedBefore) {
    const y = counterTwin(x, unmatchedAfter);
    if (y === undefined) pairs.push([x, undefined]);
    else {
      pairs.push([x, y]);
      unmatchedAfter.delete(y.family.name);
    }
  }
  for (const y of unmatchedAfter.values()) pairs.push([undefined, y]);
  return pairs;
}

function counterTwin(x: FamilyIndex, candidates: Map<string, FamilyIndex>): FamilyIndex | undefined {
  const name = x.family.name;
  const twin = name.endsWith('_total') ? name.slice(0, -'_total'.length) : `${name}_total`;
  const y = candidates.get(twin);
  return y !== undefined && (x.family.type === 'counter' || y.family.type === 'counter') ? y : undefined;
}

function addedFamily(y: FamilyIndex, out: Change[]): void {
  const family = y.family.name;
  out.push({ kind: 'family-added', family, after: y.family.span, type: y.family.type, series: y.series.size });
  for (const s of y.series.values()) out.push(seriesChange('series-added', family, s));
}

function removedFamily(x: FamilyIndex, out: Change[]): void {
  const family = x.family.name;
  out.push({ kind: 'family-removed', family, before: x.family.span, type: x.family.type, series: x.series.size });
  for (const s of x.series.values()) out.push(seriesChange('series-removed', family, s));
}

function seriesChange(kind: 'series-added' | 'series-removed', family: string, s: Series): Change {
  const side = kind === 'series-added' ? { after: s.sample.span } : { before: s.sample.span };
  return { kind, family, ...side, series: s.key, name: s.name, labels: s.labels, value: s.sample.value };
}

function descriptorSpan(family: MetricFamily, kind: Descriptor['kind']): Span {
  return family.descriptors.find((d) => d.kind === kind)?.span ?? family.span;
}

function compareFamily(
  x: FamilyIndex,
  y: FamilyIndex,
  options: DiffOptions,
  compareUnits: boolean,
  out: Change[],
): void {
  const fa = x.family;
  const fb = y.family;
  const family = fa.name;
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
  const namesA = [...x.labelNames].sort();
  const namesB = [...y.labelNames].sort();
  if (namesA.join('\u0000') !== namesB.join('\u0000')) {
    out.push({
      kind: 'label-schema-changed', family, before: fa.span, after: fb.span, from: namesA, to: namesB,
      added: namesB.filter((n) => !x.labelNames.has(n)), removed: namesA.filter((n) => !y.labelNames.has(n)),
    });
  }
  if (x.series.size !== y.series.size) {
    out.push({
      kind: 'cardinality-changed', family, before: fa.span, after: fb.span,
      from: x.series.size, to: y.series.size, delta: y.series.size - x.series.size,
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
  compareSeries(x, y, options, out);
}

function compareSeries(x: FamilyIndex, y: FamilyIndex, options: DiffOptions, out: Change[]): void {
  const family = x.family.name;
  const typeA = x.family.type;
  const typeB = y.family.type;
  // A sample is a counter when it is one on both sides.
  const counterLike = (name: string) => isCounterSample(typeA, name) && isCounterSample(typeB, name);
  const tolerance = options.tolerance;
  for (const [key, sb] of y.series) {
    const sa = x.series.get(key);
    if (sa === undefined) {
      out.push(seriesChange('series-added', family, sb));
      continue;
    }
    const from = sa.sample.value;
    const to = sb.sample.value;
    const counter = counterLike(sb.name);
    const createdA = x.created.get(sa.group);
    const createdB = y.created.get(sb.group);
    const moved = createdA !== undefined && createdB !== undefined && createdB > createdA;
    if (moved && sb.name.endsWith(CREATED)) continue; // the resets of its siblings say it
    const restarted = counter && moved;
    const decreased = counter && to < from;
    if (!restarted && !decreased && sameValue(from, to, tolerance)) continue;
    const interval = intervalOf(sa.sample, sb.sample, options.intervalSeconds);
    const spans = { before: sa.sample.span, after: sb.sample.span };
    if (restarted || decreased) {
      out.push({
        kind: 'counter-reset', family, ...spans, series: key, from, to, delta: to - from,
        reason: restarted ? 'created' : 'decrease',
        ...(interval === undefined ? {} : { interval, rate: to / interval }),
      });
    } else {
      out.push({
        kind: 'value-changed', family, ...spans, series: key, from, to, delta: to - from,
        ...(interval === undefined ? {} : { interval }),
        ...(interval === undefined || !counter ? {} : { rate: (to - from) / interval }),
      });
    }
  }
  for (const [key, sa] of x.series) {
    if (!y.series.has(key)) out.push(seriesChange('series-removed', family, sa));
  }
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
