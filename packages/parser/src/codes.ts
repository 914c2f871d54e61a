// The parser's diagnostic catalog. Codes are forever: never renumber or reuse one (STYLE.md §1.5).
// OM0xx are syntax errors; OM100–OM149 are the MUSTs of OpenMetrics and of Prometheus text 0.0.4
// that the parser checks while assembling families. The linter's rules start at OM150.
import type { Category, Severity } from './diagnostic.js';

export interface CodeInfo {
  readonly name: string;
  readonly category: Category;
  readonly severity: Severity;
  /** The spec section or convention it comes from. */
  readonly source: string;
  /** Whether its diagnostics carry a fix (`om lint --fix` applies it). */
  readonly fixable?: boolean;
}

export const codes = {
  OM001: { name: 'invalid-line', category: 'syntax', severity: 'error', source: 'OM 1.0 §Text format ABNF; Prometheus text 0.0.4 line format' },
  OM002: { name: 'byte-order-mark', category: 'syntax', severity: 'error', fixable: true, source: 'OM 1.0 §Overall Structure: BOMs MUST NOT be used' },
  OM003: { name: 'carriage-return', category: 'syntax', severity: 'error', fixable: true, source: 'OM 1.0 §Overall Structure: line endings MUST NOT contain carriage returns' },
  OM004: { name: 'missing-eof', category: 'syntax', severity: 'error', fixable: true, source: 'OM 1.0 §Overall Structure: expositions MUST end with EOF' },
  OM005: { name: 'content-after-eof', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `exposition = metricset HASH SP eof [ LF ]`' },
  OM006: { name: 'blank-line', category: 'syntax', severity: 'error', fixable: true, source: 'OM 1.0 ABNF: no rule produces an empty line' },
  OM007: { name: 'comment-line', category: 'syntax', severity: 'error', source: 'OM 1.0 §MetricFamily metadata: no lines beginning with # other than metadata and EOF' },
  OM008: { name: 'invalid-whitespace', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `SP`: exactly one space between tokens' },
  OM009: { name: 'invalid-metric-name', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `metricname`; UTF-8 names guide (quoted names)' },
  OM010: { name: 'invalid-label-name', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `label-name`; UTF-8 names guide (quoted names)' },
  OM011: { name: 'invalid-escape', category: 'syntax', severity: 'error', fixable: true, source: 'OM 1.0 §Escaping; Prometheus text 0.0.4 escaping' },
  OM012: { name: 'unterminated-string', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `DQUOTE escaped-string DQUOTE`' },
  OM013: { name: 'invalid-value', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `number`, §Numbers: within the range of a float64; Prometheus text 0.0.4 value, as Go\'s ParseFloat() reads it' },
  OM014: { name: 'invalid-timestamp', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `timestamp = realnumber`, §Numbers: within the range of a float64; Prometheus text 0.0.4: an int64 of milliseconds, as Go\'s ParseInt() reads it' },
  OM015: { name: 'invalid-exemplar', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `exemplar`; Prometheus text 0.0.4 has no exemplars' },
  OM016: { name: 'invalid-metric-type', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `metric-type`; Prometheus text 0.0.4 TYPE line' },
  OM017: { name: 'invalid-unit', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `*metricname-char` (UNIT)' },
  OM018: { name: 'incomplete-descriptor', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `metric-descriptor`' },
  OM019: { name: 'trailing-comma', category: 'syntax', severity: 'error', source: 'OM 1.0 ABNF `labels = "{" [label *(COMMA label)] "}"`' },
  OM020: { name: 'invalid-utf8', category: 'syntax', severity: 'error', source: 'OM 1.0 §Overall Structure: UTF-8 MUST be used' },
  OM021: { name: 'missing-final-newline', category: 'syntax', severity: 'warning', fixable: true, source: 'OM 1.0 §Overall Structure: SHOULD end with `EOF\\n`; Prometheus text 0.0.4: the last line must end with a line feed' },

  OM100: { name: 'duplicate-label-name', category: 'conformance', severity: 'error', source: 'OM 1.0 §LabelSet: label names MUST be unique' },
  OM101: { name: 'duplicate-metadata', category: 'conformance', severity: 'error', source: 'OM 1.0 §MetricFamily metadata: no more than one of each metadata line' },
  OM102: { name: 'metadata-after-samples', category: 'conformance', severity: 'error', fixable: true, source: 'OM 1.0 ABNF `metricfamily = *metric-descriptor *metric`' },
  OM103: { name: 'interleaved-family', category: 'conformance', severity: 'error', source: 'OM 1.0 §MetricFamily: families MUST NOT be interleaved; names MUST be unique' },
  OM104: { name: 'clashing-name', category: 'conformance', severity: 'error', source: 'OM 1.0 §Suffixes: names MUST NOT clash with another family\'s sample names' },
  OM105: { name: 'unit-not-suffix', category: 'conformance', severity: 'error', source: 'OM 1.0 §Unit: an underscore and the unit MUST be the suffix of the name' },
  OM106: { name: 'unit-not-allowed', category: 'conformance', severity: 'error', source: 'OM 1.0 §Info, §StateSet: MUST have an empty Unit' },
  OM107: { name: 'invalid-sample-name', category: 'conformance', severity: 'error', source: 'OM 1.0 §Suffixes: sample names per type' },
  OM108: { name: 'missing-type-label', category: 'conformance', severity: 'error', source: 'OM 1.0 §Histogram (`le`), §Summary (`quantile`), §StateSet (family-named label)' },
  OM109: { name: 'invalid-type-label', category: 'conformance', severity: 'error', source: 'OM 1.0 §Histogram, §Summary, §Canonical Numbers' },
  OM110: { name: 'invalid-counter-value', category: 'conformance', severity: 'error', source: 'OM 1.0 §Counter, §Histogram, §GaugeHistogram, §Summary: MUST NOT be NaN or negative; Prometheus text 0.0.4: histogram buckets and counts not negative (expfmt)' },
  OM111: { name: 'non-integer-count', category: 'conformance', severity: 'error', source: 'OM 1.0 §Histogram: count and bucket values MUST be integers' },
  OM112: { name: 'invalid-info-value', category: 'conformance', severity: 'error', source: 'OM 1.0 §Info (the value is always 1)' },
  OM113: { name: 'invalid-stateset-value', category: 'conformance', severity: 'error', source: 'OM 1.0 §StateSet: one boolean (0 or 1) per state' },
  OM114: { name: 'histogram-missing-inf-bucket', category: 'conformance', severity: 'error', source: 'OM 1.0 §Histogram: MUST have one bucket with an +Inf threshold; Prometheus text 0.0.4 §Histograms and summaries: a histogram must have a bucket with {le="+Inf"}' },
  OM115: { name: 'histogram-bucket-order', category: 'conformance', severity: 'error', source: 'OM 1.0 §Histogram: thresholds unique and increasing; Prometheus text 0.0.4 §Histograms and summaries: buckets in increasing numerical order of `le`' },
  OM116: { name: 'histogram-not-cumulative', category: 'conformance', severity: 'error', source: 'OM 1.0 §Histogram: buckets MUST be cumulative; Prometheus histograms (0.0.4) are cumulative counters (docs: Metric types, Histogram)' },
  OM117: { name: 'histogram-count-mismatch', category: 'conformance', severity: 'error', source: 'OM 1.0 §Histogram: the +Inf bucket counts all events (== Count); Prometheus text 0.0.4 §Histograms and summaries: the +Inf bucket must be identical to x_count' },
  OM118: { name: 'histogram-sum-count-pair', category: 'conformance', severity: 'error', source: 'OM 1.0 §Histogram, §GaugeHistogram: Sum and Count come together' },
  OM119: { name: 'histogram-negative-sum', category: 'conformance', severity: 'error', source: 'OM 1.0 §Histogram: no Sum with negative thresholds; §GaugeHistogram: negative Gsum only with negative thresholds' },
  OM120: { name: 'exemplar-not-allowed', category: 'conformance', severity: 'error', source: 'OM 1.0 §Counter, §Histogram: exemplars only on counter totals and buckets' },
  OM121: { name: 'exemplar-too-long', category: 'conformance', severity: 'error', source: 'OM 1.0 §Exemplars: label names and values ≤ 128 code points' },
  OM122: { name: 'exemplar-outside-bucket', category: 'conformance', severity: 'error', source: 'OM 1.0 §Histogram: the exemplar value MUST be within the bucket' },
  OM123: { name: 'interleaved-metric', category: 'conformance', severity: 'error', source: 'OM 1.0 §Metric: metrics MUST NOT be interleaved' },
  OM124: { name: 'mixed-timestamps', category: 'conformance', severity: 'error', source: 'OM 1.0 §Metric: MetricPoints with and without timestamps' },
  OM125: { name: 'timestamp-out-of-order', category: 'conformance', severity: 'error', source: 'OM 1.0 §Metric: MetricPoints MUST have monotonically increasing timestamps' },
  OM126: { name: 'duplicate-sample', category: 'conformance', severity: 'error', source: 'OM 1.0 §MetricFamily: every Metric MUST have a unique LabelSet' },
  OM127: { name: 'negative-quantile-value', category: 'conformance', severity: 'error', source: 'OM 1.0 §Summary: quantile values MUST NOT be negative' },
  OM128: { name: 'summary-quantile-order', category: 'conformance', severity: 'error', source: 'Prometheus text 0.0.4 §Histograms and summaries: quantiles in increasing numerical order (OM 1.0 §Summary allows any order)' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof codes;

/** Where a parser code is documented (version-pinned, like the lint rules' urls). */
export const DOCS_VERSION = '0.1.0';
export function codeUrl(code: Code): string {
  return `https://github.com/omkit/om/blob/v${DOCS_VERSION}/packages/parser/docs/diagnostics.md#${code.toLowerCase()}`;
}
