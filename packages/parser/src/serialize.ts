// Families back to text: OpenMetrics 1.0, OpenMetrics 2.0 (rc0), Prometheus text 0.0.4, or a JSON
// form. Serializing a parsed exposition and parsing the result gives an equal model.
//
// Samples are read through the cursor (samplesOf), never through `metric.samples`: a parser-made
// metric keeps its samples compactly and makes the objects only when asked.
//
// OpenMetrics 2.0 (spec-2.0-rc0 §ABNF `sample`): `name{labels} value [timestamp] [st@start]`, then
// every exemplar as ` # {labels} value timestamp`. A composite value is written exactly as the
// ABNF's `composite-value`, without whitespace: `{count:…,sum:…,` (`gcount`/`gsum` for a gauge
// histogram), the native fields in the ABNF's order (`schema`, `zero_threshold`, `zero_count`, then
// `negative_spans`/`negative_buckets` and `positive_spans`/`positive_buckets`, each pair only when
// it has spans or buckets), then the classic `bucket:[le:count,…,+Inf:count]`; a summary's
// `{count:…,sum:…,quantile:[q:v,…]}`. Thresholds and quantiles are `realnumber`s (`+Inf`/`-Inf` only
// as the ABNF's first and last bucket), written canonically as OpenMetrics 1.0 writes `le` values.
import type { CompositeValue, Exemplar, Format, Label, MetricFamily, NativeBuckets, BucketSpan } from './ast/types.js';
import { canonicalThreshold } from './canonical.js';
import { samplesOf, type SampleFields } from './cursor.js';
import { escapeHelp, escapeLabelValue, isLegacyMetricName, labelPair, quoteName } from './escaping.js';
import { formatValue } from './number.js';
import { isOpenMetrics, wordOfType } from './spec.js';

export interface SerializeOptions {
  format: Format;
}

/**
 * The Content-Type a body in `format` is served with (OM 1.0 and OM 2.0 §Overall Structure;
 * Prometheus exposition formats, text format 0.0.4).
 */
export const CONTENT_TYPES: Readonly<Record<Format, string>> = {
  openmetrics: 'application/openmetrics-text; version=1.0.0; charset=utf-8',
  'openmetrics-2.0': 'application/openmetrics-text; version=2.0.0; charset=utf-8',
  prometheus: 'text/plain; version=0.0.4; charset=utf-8',
};

/**
 * Renders families in a text format, as they are: sample names and types are not converted
 * between formats (`convert` does that). An OpenMetrics rendering ends with `# EOF`. Start
 * timestamps, composite values and all but the first exemplar are written in OpenMetrics 2.0 only.
 */
export function serialize(families: readonly MetricFamily[], options: SerializeOptions): string {
  const format = options.format;
  const om = isOpenMetrics(format);
  let out = '';
  for (const family of families) {
    const name = quoteName(family.name, isLegacyMetricName);
    if (family.typeDeclared) out += `# TYPE ${name} ${wordOfType(family.type, format)}\n`;
    if (om && family.unit !== undefined) out += `# UNIT ${name} ${family.unit}\n`;
    if (family.help !== undefined) out += `# HELP ${name} ${escapeHelp(family.help, om)}\n`;
    for (const metric of family.metrics) {
      const cursor = samplesOf(metric);
      while (cursor.next()) out += format === 'openmetrics-2.0' ? sampleLine2(cursor) : sampleLine(cursor, om);
    }
  }
  return om ? `${out}# EOF\n` : out;
}

/** `name{labels}`, or `{"name",labels}` for a name outside the legacy character set. */
function nameAndLabels(name: string, labels: readonly Label[]): string {
  const legacy = isLegacyMetricName(name);
  let line = legacy ? name : '';
  const items: string[] = legacy ? [] : [`"${escapeLabelValue(name)}"`];
  for (const label of labels) items.push(labelPair(label));
  if (items.length > 0) line += `{${items.join(',')}}`;
  return line;
}

function exemplarText(exemplar: Exemplar): string {
  let text = ` # {${exemplar.labels.map(labelPair).join(',')}} ${formatValue(exemplar.value)}`;
  if (exemplar.timestamp !== undefined) text += ` ${formatValue(exemplar.timestamp)}`;
  return text;
}

/** An OpenMetrics 1.0 or Prometheus text 0.0.4 sample line. */
function sampleLine(sample: SampleFields, om: boolean): string {
  let line = `${nameAndLabels(sample.name, sample.labels)} ${formatValue(sample.value)}`;
  if (sample.timestamp !== undefined) {
    line += ` ${om ? formatValue(sample.timestamp) : String(Math.round(sample.timestamp * 1000))}`;
  }
  if (om && sample.exemplar !== undefined) line += exemplarText(sample.exemplar);
  return `${line}\n`;
}

/** An OpenMetrics 2.0 sample line (spec-2.0-rc0 ABNF `sample`). */
function sampleLine2(sample: SampleFields): string {
  let line = `${nameAndLabels(sample.name, sample.labels)} ${sample.composite !== undefined ? compositeText(sample.composite) : formatValue(sample.value)}`;
  if (sample.timestamp !== undefined) line += ` ${formatValue(sample.timestamp)}`;
  if (sample.startTimestamp !== undefined) line += ` st@${formatValue(sample.startTimestamp)}`;
  const exemplars = sample.exemplars ?? (sample.exemplar !== undefined ? [sample.exemplar] : []);
  for (const exemplar of exemplars) line += exemplarText(exemplar);
  return `${line}\n`;
}

/** A composite value as the ABNF's `"{" composite-value "}"` writes it (no whitespace). */
export function compositeText(value: CompositeValue): string {
  if (value.kind === 'summary') {
    const quantiles = value.quantiles.map((q) => `${canonicalThreshold(q.quantile)}:${formatValue(q.value)}`).join(',');
    return `{count:${formatValue(value.count)},sum:${formatValue(value.sum)},quantile:[${quantiles}]}`;
  }
  const g = value.kind === 'gaugehistogram' ? 'g' : '';
  let text = `{${g}count:${formatValue(value.count)},${g}sum:${formatValue(value.sum)}`;
  if (value.native !== undefined) text += `,${nativeText(value.native)}`;
  if (value.buckets !== undefined) text += `,bucket:[${value.buckets.map((b) => `${canonicalThreshold(b.le)}:${formatValue(b.count)}`).join(',')}]`;
  return `${text}}`;
}

/** ABNF `native-buckets`: each sign's spans and buckets only when it has some. */
function nativeText(native: NativeBuckets): string {
  let text = `schema:${native.schema},zero_threshold:${formatValue(native.zeroThreshold)},zero_count:${formatValue(native.zeroCount)}`;
  if (native.negativeSpans.length > 0 || native.negativeBuckets.length > 0)
    text += `,negative_spans:[${spansText(native.negativeSpans)}],negative_buckets:[${native.negativeBuckets.map(formatValue).join(',')}]`;
  if (native.positiveSpans.length > 0 || native.positiveBuckets.length > 0)
    text += `,positive_spans:[${spansText(native.positiveSpans)}],positive_buckets:[${native.positiveBuckets.map(formatValue).join(',')}]`;
  return text;
}

function spansText(spans: readonly BucketSpan[]): string {
  return spans.map((s) => `${s.offset}:${s.length}`).join(',');
}

/** The JSON form of a parse: plain data with spans, stable key order. */
export function toJSON(families: readonly MetricFamily[]): unknown[] {
  return JSON.parse(JSON.stringify(families)) as unknown[];
}
