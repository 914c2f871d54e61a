// Converting a model between the two text formats: what each format calls a family, and what the
// other cannot say. OpenMetrics → Prometheus text drops `_created` samples, exemplars and units
// (0.0.4 has none) and exposes the types 0.0.4 lacks the way OpenMetrics-aware exposers do
// (info → gauge `x_info`, stateset → gauge, gaugehistogram → untyped samples). Prometheus text →
// OpenMetrics names counter families without `_total` and their samples with it.
import type { Format, Metric, MetricFamily, MetricType, Sample } from './ast/types.js';

/** The families of `families` (parsed as `from`) as the `to` format would write them. */
export function convert(families: readonly MetricFamily[], from: Format, to: Format): MetricFamily[] {
  if (from === to) return [...families];
  return to === 'prometheus' ? families.map(toPrometheus) : families.map(toOpenMetrics);
}

function toPrometheus(family: MetricFamily): MetricFamily {
  const keep = (sample: Sample) => !sample.name.endsWith('_created') || family.type === 'gauge' || family.type === 'unknown';
  const metrics = mapSamples(family.metrics, (sample) =>
    keep(sample) ? (sample.exemplar === undefined ? sample : withoutExemplar(sample)) : undefined,
  );
  switch (family.type) {
    case 'counter':
      return rename(family, `${family.name}_total`, 'counter', metrics);
    case 'info':
      return rename(family, `${family.name}_info`, 'gauge', metrics);
    case 'stateset':
      return rename(family, family.name, 'gauge', metrics);
    case 'gaugehistogram':
      return { ...rename(family, family.name, 'unknown', metrics), typeDeclared: false };
    default:
      return rename(family, family.name, family.type, metrics);
  }
}

function toOpenMetrics(family: MetricFamily): MetricFamily {
  if (family.type !== 'counter') return rename(family, family.name, family.type, family.metrics);
  const base = family.name.endsWith('_total') ? family.name.slice(0, -'_total'.length) : family.name;
  const metrics = mapSamples(family.metrics, (sample) =>
    sample.name === `${base}_total` ? sample : { ...plain(sample), name: `${base}_total` },
  );
  return rename(family, base, 'counter', metrics);
}

function rename(family: MetricFamily, name: string, type: MetricType, metrics: readonly Metric[]): MetricFamily {
  return {
    name,
    type,
    typeDeclared: family.typeDeclared,
    help: family.help,
    unit: undefined,
    descriptors: family.descriptors,
    metrics,
    span: family.span,
  };
}

function mapSamples(metrics: readonly Metric[], map: (sample: Sample) => Sample | undefined): Metric[] {
  const out: Metric[] = [];
  for (const metric of metrics) {
    const samples = metric.samples.map(map).filter((s): s is Sample => s !== undefined);
    if (samples.length > 0) out.push({ labels: metric.labels, samples });
  }
  return out;
}

/** A sample as a plain object (its span read once). */
function plain(sample: Sample): Sample {
  return {
    name: sample.name,
    labels: sample.labels,
    value: sample.value,
    timestamp: sample.timestamp,
    exemplar: sample.exemplar,
    span: sample.span,
  };
}

function withoutExemplar(sample: Sample): Sample {
  return { ...plain(sample), exemplar: undefined };
}
