// The data model of a parsed exposition (OpenMetrics 1.0 §Data Model; Prometheus text 0.0.4).
import type { Diagnostic, Span } from '../diagnostic.js';

import type { Format, MetricType } from '../spec.js';

// The formats and the metric types are the spec's facts (spec.ts), re-exported here with the model.
export type { Format, MetricType };

/** OM 1.0 §Label: a name/value pair; values are unescaped. */
export interface Label {
  readonly name: string;
  readonly value: string;
}

/** OM 1.0 §Exemplars. */
export interface Exemplar {
  readonly labels: readonly Label[];
  readonly value: number;
  /** Unix time in seconds. */
  readonly timestamp?: number;
  readonly span: Span;
}

/** OM 2.0 §Native Buckets: a run of `length` buckets, starting `offset` indexes after the previous run's end. */
export interface BucketSpan {
  readonly offset: number;
  readonly length: number;
}

/** OM 2.0 §Native Buckets: exponential buckets, counts as written (not deltas). */
export interface NativeBuckets {
  /** -4…8 for the standard schemas. */
  readonly schema: number;
  readonly zeroThreshold: number;
  readonly zeroCount: number;
  readonly negativeSpans: readonly BucketSpan[];
  readonly negativeBuckets: readonly number[];
  readonly positiveSpans: readonly BucketSpan[];
  readonly positiveBuckets: readonly number[];
}

/** OM 2.0 §Classic Buckets: a cumulative count of values ≤ `le`. */
export interface ClassicBucket {
  readonly le: number;
  readonly count: number;
}

/** OM 2.0 §Histogram, §GaugeHistogram: `{count:…,sum:…,[native…,]bucket:[…]}` (`gcount`/`gsum` for a gauge histogram). */
export interface HistogramValue {
  readonly kind: 'histogram' | 'gaugehistogram';
  readonly count: number;
  readonly sum: number;
  /** The classic buckets in the order written, `+Inf` last; absent when the sample has none. */
  readonly buckets?: readonly ClassicBucket[];
  readonly native?: NativeBuckets;
}

/** OM 2.0 §Summary: `{count:…,sum:…,quantile:[q:v,…]}`. */
export interface SummaryValue {
  readonly kind: 'summary';
  readonly count: number;
  readonly sum: number;
  readonly quantiles: readonly { readonly quantile: number; readonly value: number }[];
}

/** OM 2.0 §CompositeValue: the whole point of a histogram, gauge histogram or summary in one sample. */
export type CompositeValue = HistogramValue | SummaryValue;

/** One sample line: `name{labels} value [timestamp] [st@start] [# exemplar]…`. */
export interface Sample {
  /** The sample's own name, suffix included (`http_requests_total`, `latency_bucket`). */
  readonly name: string;
  /** Every label in the order written, `le` / `quantile` / the stateset label included. */
  readonly labels: readonly Label[];
  readonly value: number;
  /** Unix time in seconds (Prometheus text's milliseconds are converted). */
  readonly timestamp?: number;
  /** The first exemplar (OpenMetrics 1.0 allows one). */
  readonly exemplar?: Exemplar;
  /** OM 2.0: every exemplar of the sample, in the order written (one included); absent when it has none, and in 1.0 and Prometheus text, which have `exemplar` only. */
  readonly exemplars?: readonly Exemplar[];
  /** OM 2.0 §Sample: the start timestamp `st@`, Unix seconds. */
  readonly startTimestamp?: number;
  /** OM 2.0 §CompositeValue: the sample's composite value; `value` is then NaN. */
  readonly composite?: CompositeValue;
  readonly span: Span;
}

/**
 * OM 1.0 §Metric: the samples of one label set within a family. `labels` leaves out the labels
 * that tell a point's parts apart: `le` (histograms), `quantile` (summaries) and the family-named
 * label of a stateset.
 */
export interface Metric {
  readonly labels: readonly Label[];
  readonly samples: readonly Sample[];
}

/** A `# TYPE`, `# HELP` or `# UNIT` line. */
export interface Descriptor {
  readonly kind: 'TYPE' | 'HELP' | 'UNIT';
  /** The family name as written on the line. */
  readonly name: string;
  /** The type, the unescaped help text or the unit. */
  readonly value: string;
  readonly span: Span;
}

/** OM 1.0 §MetricFamily. */
export interface MetricFamily {
  readonly name: string;
  readonly type: MetricType;
  /** Whether a `# TYPE` line declared the type (else it is `unknown` by default). */
  readonly typeDeclared: boolean;
  /** Empty HELP / UNIT lines count as absent (OM 1.0 §MetricFamily metadata). */
  readonly help?: string;
  readonly unit?: string;
  readonly descriptors: readonly Descriptor[];
  readonly metrics: readonly Metric[];
  /** From the first line of the family to the end of its last line. */
  readonly span: Span;
}

export interface ParseResult {
  readonly format: Format;
  readonly families: MetricFamily[];
  /** Every problem found; the input is valid iff none has severity `error`. */
  readonly diagnostics: Diagnostic[];
}
