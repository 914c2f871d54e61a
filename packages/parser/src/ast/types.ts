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

/** One sample line: `name{labels} value [timestamp] [# exemplar]`. */
export interface Sample {
  /** The sample's own name, suffix included (`http_requests_total`, `latency_bucket`). */
  readonly name: string;
  /** Every label in the order written, `le` / `quantile` / the stateset label included. */
  readonly labels: readonly Label[];
  readonly value: number;
  /** Unix time in seconds (Prometheus text's milliseconds are converted). */
  readonly timestamp?: number;
  readonly exemplar?: Exemplar;
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
