// Families back to text: OpenMetrics 1.0, Prometheus text 0.0.4, or a JSON form. Serializing a
// parsed exposition and parsing the result gives an equal model.
import type { Format, Label, MetricFamily, Sample } from './ast/types.js';
import { escapeHelp, escapeLabelValue, isLegacyMetricName, labelPair, quoteName } from './escaping.js';
import { formatValue } from './number.js';
import { wordOfType } from './spec.js';

export interface SerializeOptions {
  format: Format;
}

/**
 * Renders families in a text format, as they are: sample names and types are not converted
 * between formats. An OpenMetrics rendering ends with `# EOF`.
 */
export function serialize(families: readonly MetricFamily[], options: SerializeOptions): string {
  const om = options.format === 'openmetrics';
  let out = '';
  for (const family of families) {
    const name = quoteName(family.name, isLegacyMetricName);
    if (family.typeDeclared) {
      const type = wordOfType(family.type, options.format);
      out += `# TYPE ${name} ${type}\n`;
    }
    if (om && family.unit !== undefined) out += `# UNIT ${name} ${family.unit}\n`;
    if (family.help !== undefined) out += `# HELP ${name} ${escapeHelp(family.help, om)}\n`;
    for (const metric of family.metrics) {
      for (const sample of metric.samples) out += sampleLine(sample, om);
    }
  }
  return om ? `${out}# EOF\n` : out;
}

function sampleLine(sample: Sample, om: boolean): string {
  const legacy = isLegacyMetricName(sample.name);
  let line = legacy ? sample.name : '';
  const items: string[] = legacy ? [] : [`"${escapeLabelValue(sample.name)}"`];
  for (const label of sample.labels) items.push(labelPair(label));
  if (items.length > 0) line += `{${items.join(',')}}`;
  line += ` ${formatValue(sample.value)}`;
  if (sample.timestamp !== undefined) {
    line += ` ${om ? formatValue(sample.timestamp) : String(Math.round(sample.timestamp * 1000))}`;
  }
  const exemplar = sample.exemplar;
  if (om && exemplar !== undefined) {
    line += ` # {${exemplar.labels.map(labelPair).join(',')}} ${formatValue(exemplar.value)}`;
    if (exemplar.timestamp !== undefined) line += ` ${formatValue(exemplar.timestamp)}`;
  }
  return `${line}\n`;
}

/** The JSON form of a parse: plain data with spans, stable key order. */
export function toJSON(families: readonly MetricFamily[]): unknown[] {
  return JSON.parse(JSON.stringify(families)) as unknown[];
}

