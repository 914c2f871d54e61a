// The MUSTs of OpenMetrics 2.0 (rc0) that the assembler checks on each sample and family, once the
// line is read (ast/build.ts has checked the ABNF: fields in order, integers, real numbers). The
// facts, and every choice where rc0 is ambiguous, are spec.ts's ("OpenMetrics 2.0" block).
import type { Label, MetricType, NativeBuckets, CompositeValue, ClassicBucket } from './types.js';
import type { ReportExtra, SampleRecord } from './records.js';
import {
  compositeKindOf,
  INFO_SUFFIX,
  NATIVE_COUNT_TOLERANCE,
  NATIVE_SCHEMA_MAX,
  NATIVE_SCHEMA_MIN,
  nativeOverflowIndex,
  OM2_ALLOWED_RESERVED_LABELS,
  OM2_COMPOSITE_EXAMPLES,
  OM2_EXEMPLAR_TYPES,
  OM2_START_TIMESTAMP_TYPES,
  BUCKET_LABEL,
  QUANTILE_LABEL,
  RESERVED_LABEL_PREFIX,
  type Code,
  type MessageId,
} from '../spec.js';
import { formatValue } from '../number.js';

/** Reports at absolute offsets of the line being read. */
export type LineReport = <C extends Code>(code: C, start: number, end: number, id: MessageId<C>, extra?: ReportExtra) => void;

/** Reports at the composite value's fields `first` … `last` (by name). */
type FieldReport = <C extends Code>(first: string, last: string | undefined, code: C, id: MessageId<C>, extra?: ReportExtra) => void;

/**
 * One sample of a family of `type` named `family`. `firstOfMetric`: the sample opens its metric,
 * so the metric's label set is checked here (once per metric).
 */
export function checkOm2Sample(type: MetricType, family: string, record: SampleRecord, firstOfMetric: boolean, report: LineReport): void {
  const { start, end } = record;
  const name = record.name;
  if (firstOfMetric) checkLabels(type, record.labels, record.composite, start, end, report);
  // §StateSet: each state's Metric has a label named as the family.
  if (type === 'stateset' && !record.labels.some((l) => l.name === family)) {
    report('OM108', start, end, 'missingLabel', { data: { type, name, label: family } });
  }

  // §CompositeValue: histograms, gauge histograms and summaries use one; other types Numbers; unknown either.
  const kind = compositeKindOf(type);
  const composite = record.composite;
  if (composite === undefined) {
    if (kind !== undefined && kind !== 'any') {
      report('OM129', start, end, 'numberForComposite', { data: { type, example: OM2_COMPOSITE_EXAMPLES[kind] } });
    } else checkNumber(type, name, record.value, start, end, report);
  } else if (kind === undefined) {
    report('OM129', start, end, 'compositeForNumber', { data: { type } });
  } else if (kind !== 'any' && kind !== composite.kind) {
    report('OM129', start, end, 'wrongKind', { data: { type, kind: composite.kind, example: OM2_COMPOSITE_EXAMPLES[kind] } });
  } else {
    // Reported where the field is written (the whole line when a field is unknown).
    const fields = record.compositeFields;
    const at: FieldReport = (first, last, code, id, extra) => {
      const from = fields?.[first];
      const to = fields?.[last ?? first] ?? from;
      if (from === undefined || to === undefined) report(code, start, end, id, extra);
      else report(code, from[0], to[1], id, extra);
    };
    if (composite.kind === 'summary') checkSummary(composite, name, at);
    else checkHistogram(composite, name, at);
  }

  // §Sample: start timestamps and exemplars, depending on the type (spec.ts choices 1 and 2).
  if (record.startTimestamp !== undefined && !OM2_START_TIMESTAMP_TYPES.has(type)) {
    report('OM136', start, end, 'notAllowed', { data: { type } });
  }
  const exemplar = record.exemplar;
  if (exemplar !== undefined && !OM2_EXEMPLAR_TYPES.has(type)) {
    report('OM120', exemplar.start, (record.exemplars?.[record.exemplars.length - 1] ?? exemplar).end, 'notAllowedType', { data: { type } });
  }
}

/** §Counter: non-NaN (and, chosen, not negative); §Info: 1; §StateSet: 0 or 1. */
function checkNumber(type: MetricType, name: string, value: number, start: number, end: number, report: LineReport): void {
  switch (type) {
    case 'counter':
      if (Number.isNaN(value) || value < 0) report('OM110', start, end, Number.isNaN(value) ? 'nan' : 'negative', { data: { name } });
      break;
    case 'info':
      if (value !== 1) report('OM112', start, end, 'notOne', { data: { value: formatValue(value) } });
      break;
    case 'stateset':
      if (value !== 0 && value !== 1) report('OM113', start, end, 'notBoolean', { data: { value: formatValue(value) } });
      break;
    default:
      break;
  }
}

/**
 * §Histogram, §GaugeHistogram, §Label: a metric with classic buckets has no `le` label, a summary
 * no `quantile` label (choice 9); names beginning with `_` are reserved (choice 5).
 */
function checkLabels(type: MetricType, labels: readonly Label[], composite: CompositeValue | undefined, start: number, end: number, report: LineReport): void {
  for (const label of labels) {
    const reserved =
      ((type === 'histogram' || type === 'gaugehistogram') &&
        label.name === BUCKET_LABEL &&
        composite !== undefined &&
        composite.kind !== 'summary' &&
        composite.buckets !== undefined) ||
      (type === 'summary' && label.name === QUANTILE_LABEL);
    if (reserved) report('OM134', start, end, 'reserved', { data: { type, label: label.name } });
    if (label.name.startsWith(RESERVED_LABEL_PREFIX) && !OM2_ALLOWED_RESERVED_LABELS.has(label.name)) {
      report('OM135', start, end, 'label', { data: { name: label.name } });
    }
  }
}

/** §Summary: Count and Sum not NaN or negative, Count an integer; quantiles in [0, 1], sorted, values not negative. */
function checkSummary(value: Extract<CompositeValue, { kind: 'summary' }>, name: string, at: FieldReport): void {
  countAndSum('count', value.count, name, at, true);
  countAndSum('sum', value.sum, name, at, true);
  if (Number.isFinite(value.count) && !Number.isInteger(value.count)) {
    at('count', undefined, 'OM111', 'fieldNotInteger', { data: { field: 'count', name } });
  }
  let last: number | undefined;
  for (const { quantile, value: v } of value.quantiles) {
    if (!(quantile >= 0 && quantile <= 1)) at('quantile', undefined, 'OM109', 'quantileRange', { data: { value: formatValue(quantile) } });
    if (last !== undefined && quantile <= last) at('quantile', undefined, 'OM128', 'notAboveSorted', { data: { value: formatValue(quantile) } });
    if (v < 0) at('quantile', undefined, 'OM127', 'negative');
    last = quantile;
  }
}

/** NaN or negative, for a count or sum that counts events. */
function countAndSum(field: string, value: number, name: string, at: FieldReport, nan: boolean): void {
  if (nan && Number.isNaN(value)) at(field, undefined, 'OM110', 'fieldNan', { data: { field, name } });
  else if (value < 0) at(field, undefined, 'OM110', 'fieldNegative', { data: { field, name } });
}

/** §Histogram, §GaugeHistogram, §Classic Buckets, §Native Buckets. */
function checkHistogram(value: Extract<CompositeValue, { kind: 'histogram' | 'gaugehistogram' }>, name: string, at: FieldReport): void {
  const gauge = value.kind === 'gaugehistogram';
  const countField = gauge ? 'gcount' : 'count';
  // §Histogram: Count and bucket values MUST NOT be negative; a gauge histogram's may be (choice 4).
  if (!gauge) countAndSum('count', value.count, name, at, false);
  if (value.buckets !== undefined) checkClassic(value.buckets, value.count, countField, gauge, name, at);
  if (value.native !== undefined) checkNative(value.native, value.count, value.sum, countField, gauge, name, at);
}

function checkClassic(buckets: readonly ClassicBucket[], count: number, countField: string, gauge: boolean, name: string, at: FieldReport): void {
  let previous: ClassicBucket | undefined;
  for (const bucket of buckets) {
    // The threshold as a message writes it, made only for a message.
    const le = () => formatValue(bucket.le);
    if (!gauge && bucket.count < 0) at('bucket', undefined, 'OM110', 'fieldNegative', { data: { field: `bucket ${le()}`, name } });
    if (previous !== undefined) {
      if (!(bucket.le > previous.le)) at('bucket', undefined, 'OM115', 'notAboveClassic', { data: { le: le() } });
      else if (bucket.count < previous.count) at('bucket', undefined, 'OM116', 'countsLessClassic', { data: { le: le() } });
    }
    previous = bucket;
  }
  const inf = buckets.find((b) => b.le === Infinity);
  if (inf === undefined) at('bucket', undefined, 'OM114', 'noInfClassic', { data: { name } });
  else if (!(inf.count === count || (Number.isNaN(inf.count) && Number.isNaN(count)))) {
    at(countField, 'bucket', 'OM117', 'countMismatchClassic', { data: { field: countField, count: formatValue(count), bucket: formatValue(inf.count) } });
  }
}

function checkNative(
  native: NativeBuckets,
  count: number,
  sum: number,
  countField: string,
  gauge: boolean,
  name: string,
  at: FieldReport,
): void {
  if (native.schema < NATIVE_SCHEMA_MIN || native.schema > NATIVE_SCHEMA_MAX) {
    at('schema', undefined, 'OM130', 'outOfRange', { data: { schema: native.schema } });
  }
  if (native.zeroThreshold < 0) at('zero_threshold', undefined, 'OM131', 'negative', { data: { value: formatValue(native.zeroThreshold) } });
  if (!gauge && native.zeroCount < 0) at('zero_count', undefined, 'OM110', 'fieldNegative', { data: { field: 'zero_count', name } });
  let total = native.zeroCount;
  let spansMatch = true;
  for (const sign of ['negative', 'positive'] as const) {
    const spans = sign === 'negative' ? native.negativeSpans : native.positiveSpans;
    const buckets = sign === 'negative' ? native.negativeBuckets : native.positiveBuckets;
    let covered = 0;
    for (const span of spans) covered += span.length;
    // Bucket indexes: the first span's offset is its first index, later offsets skip buckets.
    if (spans.length > 0 && native.schema >= NATIVE_SCHEMA_MIN && native.schema <= NATIVE_SCHEMA_MAX) {
      let next = 0;
      let last: number | undefined;
      spans.forEach((span, i) => {
        next = i === 0 ? span.offset : next + span.offset;
        if (span.length > 0) last = next + span.length - 1;
        next += span.length;
      });
      const limit = nativeOverflowIndex(native.schema);
      if (last !== undefined && last > limit) {
        at(`${sign}_spans`, undefined, 'OM138', 'beyond', { data: { sign, index: last, limit, schema: native.schema } });
      }
    }
    if (covered !== buckets.length) {
      at(`${sign}_spans`, `${sign}_buckets`, 'OM132', 'mismatch', { data: { sign, spans: covered, buckets: buckets.length } });
      spansMatch = false;
    }
    for (const bucket of buckets) {
      if (!gauge && bucket < 0) {
        at(`${sign}_buckets`, undefined, 'OM110', 'fieldNegative', { data: { field: `${sign}_buckets`, name } });
        break;
      }
    }
    for (const bucket of buckets) total += bucket;
  }
  // Choice 3: Count = buckets + NaN observations, and NaN observations make the Sum NaN.
  if (!spansMatch || !Number.isFinite(count) || !Number.isFinite(total)) return;
  const tolerance = NATIVE_COUNT_TOLERANCE * Math.max(1, Math.abs(count), Math.abs(total));
  const data = { field: countField, count: formatValue(count), buckets: formatValue(total) };
  if (count < total - tolerance) at(countField, undefined, 'OM133', 'less', { data });
  else if (count > total + tolerance && !Number.isNaN(sum)) at(countField, undefined, 'OM133', 'more', { data });
}

/** A counter's value, or a histogram's or summary's count, with the start timestamp it counts from. */
export interface CounterPoint {
  readonly count: number;
  readonly start: number | undefined;
}

/**
 * §Counter, §Histogram, §Summary: counts only go up, unless reset, and then the start timestamp is
 * the reset time (spec.ts choice 11). The sample's point, for the metric's next sample.
 */
export function checkCountGoesUp(type: MetricType, record: SampleRecord, previous: CounterPoint | undefined, report: LineReport): CounterPoint | undefined {
  const composite = record.composite;
  const count =
    type === 'counter' && composite === undefined
      ? record.value
      : (type === 'histogram' && composite?.kind === 'histogram') || (type === 'summary' && composite?.kind === 'summary')
        ? composite.count
        : undefined;
  if (count === undefined) return undefined;
  const start = record.startTimestamp;
  if (previous !== undefined && start !== undefined && start === previous.start && count < previous.count) {
    report('OM139', record.start, record.end, 'wentDown', { data: { type, previous: formatValue(previous.count), count: formatValue(count) } });
  }
  return { count, start };
}

/**
 * A family when it closes: §Info names end in `_info` (OM137); §Name: names beginning with `_` are
 * reserved (OM135). `at` is where to report (its descriptors, else its first line).
 */
export function checkOm2Family(
  family: { readonly name: string; readonly type: MetricType },
  report: <C extends Code>(code: C, id: MessageId<C>, extra?: ReportExtra) => void,
): void {
  if (family.type === 'info' && !family.name.endsWith(INFO_SUFFIX)) report('OM137', 'noSuffix', { data: { name: family.name } });
  if (family.name.startsWith(RESERVED_LABEL_PREFIX)) report('OM135', 'family', { data: { name: family.name } });
}
