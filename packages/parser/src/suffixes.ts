// The sample-name suffixes of each type, after the family's name (OM 1.0 §Suffixes, per type
// section; Prometheus text 0.0.4 for the classic types, where a counter family is named with its
// `_total` and histograms and summaries have no `_created`).
import type { Format, MetricType } from './ast/types.js';

const OPENMETRICS: Record<MetricType, readonly string[]> = {
  counter: ['_total', '_created'],
  gauge: [''],
  histogram: ['_bucket', '_count', '_sum', '_created'],
  gaugehistogram: ['_bucket', '_gcount', '_gsum'],
  summary: ['', '_count', '_sum', '_created'],
  info: ['_info'],
  stateset: [''],
  unknown: [''],
};
const PROMETHEUS: Record<MetricType, readonly string[]> = {
  ...OPENMETRICS,
  counter: [''],
  histogram: ['_bucket', '_count', '_sum'],
  summary: ['', '_count', '_sum'],
};

/** The suffixes each type gives its samples, per format (the assembler and the converter read these). */
export const SAMPLE_SUFFIXES: Record<Format, Record<MetricType, readonly string[]>> = { openmetrics: OPENMETRICS, prometheus: PROMETHEUS };

/** The suffixes a family of `type` gives its samples in `format`. */
export function sampleSuffixes(format: Format, type: MetricType): readonly string[] {
  return SAMPLE_SUFFIXES[format][type];
}
