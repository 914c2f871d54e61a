// The spec's facts, written once (STYLE.md §2 "One owner per fact"): the formats, the metric types
// and the words TYPE lines use for them, the sample-name suffixes of each type per format, the
// labels reserved for a point's parts, and the parser's diagnostic table (each code's name,
// category, severity, source, message templates and help). Every reader (ast/build.ts,
// scan/fast-line.ts, scan/certify.ts), the assembler, the serializer, the converter and the lint
// rules read these; none restates them. This module imports nothing but types.
import type { Category, Severity } from './diagnostic.js';

// ---- formats and types ----

/** The text format of an exposition: OpenMetrics 1.0, OpenMetrics 2.0 (rc0) or Prometheus text 0.0.4. */
export type Format = 'openmetrics' | 'openmetrics-2.0' | 'prometheus';

/** Both OpenMetrics versions: `# EOF`, the OpenMetrics TYPE words, seconds timestamps. */
export function isOpenMetrics(format: Format): format is 'openmetrics' | 'openmetrics-2.0' {
  return format !== 'prometheus';
}

/**
 * OM 1.0 §MetricFamily Type. Prometheus' `untyped` and a family without `# TYPE` are `unknown`
 * (`typeDeclared` tells the two apart).
 */
export const METRIC_TYPES = ['counter', 'gauge', 'histogram', 'gaugehistogram', 'summary', 'info', 'stateset', 'unknown'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

/** The words a TYPE line may use (OM 1.0 ABNF `metric-type`; Prometheus text 0.0.4 TYPE). */
export const TYPE_WORDS: Record<Format, ReadonlySet<string>> = {
  openmetrics: new Set(METRIC_TYPES),
  'openmetrics-2.0': new Set(METRIC_TYPES),
  prometheus: new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']),
};

/** The model type a TYPE word names (its format's TYPE_WORDS must hold it). */
export function typeOfWord(word: string): MetricType {
  return (word === 'untyped' ? 'unknown' : word) as MetricType;
}

/** The TYPE word of `type` in `format` (`unknown` is `untyped` in Prometheus text). */
export function wordOfType(type: MetricType, format: Format): string {
  return format === 'prometheus' && type === 'unknown' ? 'untyped' : type;
}

// ---- sample-name suffixes ----

// The sample-name suffixes of each type, after the family's name (OM 1.0 §Suffixes, per type
// section; Prometheus text 0.0.4 for the classic types, where a counter family is named with its
// `_total` and histograms and summaries have no `_created`).
const OPENMETRICS_SUFFIXES: Record<MetricType, readonly string[]> = {
  counter: ['_total', '_created'],
  gauge: [''],
  histogram: ['_bucket', '_count', '_sum', '_created'],
  gaugehistogram: ['_bucket', '_gcount', '_gsum'],
  summary: ['', '_count', '_sum', '_created'],
  info: ['_info'],
  stateset: [''],
  unknown: [''],
};
const PROMETHEUS_SUFFIXES: Record<MetricType, readonly string[]> = {
  ...OPENMETRICS_SUFFIXES,
  counter: [''],
  histogram: ['_bucket', '_count', '_sum'],
  summary: ['', '_count', '_sum'],
};

// OM 2.0 §Name: every sample is named as its family (a counter family is named with its `_total`;
// histograms and summaries are one composite sample; `st@` replaces `_created`).
const OPENMETRICS2_SUFFIXES: Record<MetricType, readonly string[]> = {
  counter: [''],
  gauge: [''],
  histogram: [''],
  gaugehistogram: [''],
  summary: [''],
  info: [''],
  stateset: [''],
  unknown: [''],
};

/** The suffixes each type gives its samples, per format. */
export const SAMPLE_SUFFIXES: Record<Format, Record<MetricType, readonly string[]>> = {
  openmetrics: OPENMETRICS_SUFFIXES,
  'openmetrics-2.0': OPENMETRICS2_SUFFIXES,
  prometheus: PROMETHEUS_SUFFIXES,
};

/** The suffixes a family of `type` gives its samples in `format`. */
export function sampleSuffixes(format: Format, type: MetricType): readonly string[] {
  return SAMPLE_SUFFIXES[format][type];
}

/**
 * Prometheus text (as expfmt reads it): a sample named `<x>_sum`, `<x>_count` or `<x>_bucket` where
 * `x` is an earlier histogram or summary with that suffix joins `x`, wherever it stands. The family
 * it joins, or undefined.
 */
export function joinedFamily(sample: string, types: ReadonlyMap<string, MetricType>): string | undefined {
  const base = /_(?:sum|count|bucket)$/.exec(sample);
  if (base === null) return undefined;
  const family = sample.slice(0, base.index);
  const type = types.get(family);
  return (type === 'histogram' || type === 'summary') && PROMETHEUS_SUFFIXES[type].includes(base[0]) ? family : undefined;
}

/** Every suffix some type gives its samples in some format (`''` first). */
export const ALL_SUFFIXES: readonly string[] = [
  ...new Set(['', ...Object.values(OPENMETRICS_SUFFIXES).flat(), ...Object.values(PROMETHEUS_SUFFIXES).flat()]),
];

/** The types whose samples carry `suffix` in `format` (`_bucket` → histogram, gaugehistogram). */
export function suffixOwners(suffix: string, format: Format = 'openmetrics'): readonly MetricType[] {
  return METRIC_TYPES.filter((type) => SAMPLE_SUFFIXES[format][type].includes(suffix));
}

/** OM 1.0 §Counter, §Histogram: the only samples that may carry an exemplar. */
export function exemplarAllowed(type: MetricType, suffix: string): boolean {
  return (type === 'counter' && suffix === '_total') || ((type === 'histogram' || type === 'gaugehistogram') && suffix === '_bucket');
}

/**
 * Samples that count events (OM 1.0 §Counter, §Histogram, §GaugeHistogram, §Summary): a counter's
 * total, a histogram's or summary's count and sum, buckets and a gauge histogram's gcount. They MUST
 * NOT be NaN or negative (OM110).
 */
export function countsEvents(type: MetricType, suffix: string): boolean {
  return (
    (type === 'counter' && suffix === '_total') ||
    ((type === 'histogram' || type === 'summary') && (suffix === '_count' || suffix === '_sum')) ||
    ((type === 'histogram' || type === 'gaugehistogram') && suffix === '_bucket') ||
    (type === 'gaugehistogram' && suffix === '_gcount')
  );
}

/** Samples whose value is a whole number of events (OM 1.0 §Histogram: count and buckets; OM111). */
export function countsWhole(type: MetricType, suffix: string): boolean {
  return (
    ((type === 'histogram' || type === 'gaugehistogram') && (suffix === '_bucket' || suffix === '_count' || suffix === '_gcount')) ||
    (type === 'summary' && suffix === '_count')
  );
}

/** OM 1.0 §Exemplars: the combined length of an exemplar's label names and values, in code points. */
export const EXEMPLAR_LABELS_LIMIT = 128;

// ---- labels ----

/** The label that tells a histogram's buckets apart (OM 1.0 §Histogram). */
export const BUCKET_LABEL = 'le';
/** The label that tells a summary's quantiles apart (OM 1.0 §Summary). */
export const QUANTILE_LABEL = 'quantile';
/** OM 1.0 §Label: names beginning with an underscore are reserved (Prometheus: `__` is internal). */
export const RESERVED_LABEL_PREFIX = '_';

/**
 * The label that tells the samples of one point apart, for a sample of `type` with `suffix`: `le`
 * on buckets, `quantile` on a summary's quantile samples, the family's own name on a stateset.
 */
export function partLabel(type: MetricType, suffix: string, family: string): string | undefined {
  switch (type) {
    case 'histogram':
    case 'gaugehistogram':
      return suffix === '_bucket' ? BUCKET_LABEL : undefined;
    case 'summary':
      return suffix === '' ? QUANTILE_LABEL : undefined;
    case 'stateset':
      return family;
    default:
      return undefined;
  }
}

/** The types that own a part label by that name (`le` → histogram, gaugehistogram). */
export const PART_LABEL_OWNERS: Readonly<Record<string, readonly MetricType[]>> = {
  [BUCKET_LABEL]: ['histogram', 'gaugehistogram'],
  [QUANTILE_LABEL]: ['summary'],
};

/** Whether `label` is a part label of a family of `type` named `family` (not part of its identity). */
export function isPartLabel(type: MetricType, family: string, label: string): boolean {
  return PART_LABEL_OWNERS[label]?.includes(type) === true || (type === 'stateset' && label === family);
}

// ---- OpenMetrics 2.0 (rc0): what differs from 1.0, and the choices where rc0 is ambiguous ----
//
// Every 2.0 MUST the parser checks reads its facts from here, so that the next revision of the
// spec is an edit of this block. Choices, where rc0 leaves a question open:
// 1. Start timestamps (`st@`): §Sample says a sample "MAY have a Start Timestamp, depending on the
//    MetricFamily Type". §Counter, §Histogram and §Summary give them one; §GaugeHistogram says
//    gauge histograms "do not have Start Timestamp"; gauge, stateset and info say nothing. Chosen:
//    allowed on counter, histogram and summary, and on unknown (a family "when it is impossible to
//    determine the types", so any of them); an error elsewhere (OM136).
// 2. Exemplars: §Counter, §Histogram and §GaugeHistogram allow them, and the text format's
//    §Summary places `st@` "before" a summary's exemplars "if exemplars are present"; gauge, stateset
//    and info say nothing. Chosen: allowed on those four and on unknown (as 1); an error elsewhere
//    (OM120). rc0 sets no
//    length limit on an exemplar's labels ("no hard limit"), so 1.0's 128 (OM121) is not applied.
// 3. Native bucket counts vs Count (§Native Buckets): Count = zero bucket + native buckets + NaN
//    observations, and NaN observations make the Sum NaN (§Histogram). Chosen: Count below the
//    buckets is an error; Count above them is an error unless the Sum is NaN (OM133); compared
//    with a relative tolerance of `NATIVE_COUNT_TOLERANCE`, as float counts are allowed. Gauge
//    histograms follow "all the same rules" (§GaugeHistogram), so they are checked alike.
// 4. Negative values: histogram Count and bucket values MUST NOT be negative (OM110); a gauge
//    histogram's may be ("Float and negative bucket values are allowed"), so they are not checked.
//    A counter's value: §Counter says non-NaN, "monotonically non-decreasing … and start from 0";
//    chosen: NaN and negative values are errors, as in 1.0.
// 5. Reserved names (§Label, §Name): label names and family names beginning with `_` "MUST NOT
//    be used unless specified by this standard"; labels "MAY be used in place of TYPE and UNIT
//    metadata" without naming them. Chosen: `__type__` and `__unit__` (Prometheus' names for that
//    use) are allowed, every other `_` label name and `_` family name is an error (OM135).
//    Exemplar labels are not checked (a LabelSet "references data outside of the MetricSet").
// 6. Counter names: `_total` is a SHOULD in 2.0 (migration guide, "Counter Suffix Rules"), so not
//    a parser diagnostic (lint's). Info names MUST end in `_info` (OM137). Unit suffixes are a
//    SHOULD in 2.0 (OM105 is 1.0 only); an info or stateset still has no unit (OM106).
// 7. Integer counts: only a summary's Count MUST be an integer (§Summary; OM111). Histogram counts
//    and buckets SHOULD be integers (lint's).
// 8. Sample names: every sample is named exactly as its family (§Name); a name that differs opens
//    another family (untyped, as §Unknown metadata shows), so OM104's suffix clashes do not apply.
// 9. `le` / `quantile` labels: forbidden on a histogram or gauge histogram metric whose sample has
//    classic buckets, and on every summary metric (OM134).
// 10. Classic bucket thresholds are `realnumber`, with `-Inf` allowed first and `+Inf` required
//    last (ABNF `classic-buckets`); a missing `+Inf` is OM114, one out of place OM115.
// 11. Counts only go up (§Counter: "monotonically non-decreasing … unless it is reset to 0", and
//    then the Start Timestamp "MUST also be set to the approximate reset time"; §Histogram,
//    §Summary alike). Chosen: within one metric's samples, a counter's value or a histogram's or
//    summary's count that goes down while `st@` stays the same is an error (OM139); without `st@`
//    a reset cannot be told from an error, so it is not checked.

/** OM 2.0 §Sample: the types whose samples may carry `st@` (choice 1). */
export const OM2_START_TIMESTAMP_TYPES: ReadonlySet<MetricType> = new Set<MetricType>(['counter', 'histogram', 'summary', 'unknown']);

/** OM 2.0 §Sample: the types whose samples may carry exemplars (choice 2). */
export const OM2_EXEMPLAR_TYPES: ReadonlySet<MetricType> = new Set<MetricType>(['counter', 'histogram', 'gaugehistogram', 'summary', 'unknown']);

/** OM 2.0 §CompositeValue: the composite kind a type's samples have; `undefined`: a Number; `any`: either. */
export function compositeKindOf(type: MetricType): 'histogram' | 'gaugehistogram' | 'summary' | 'any' | undefined {
  switch (type) {
    case 'histogram':
    case 'gaugehistogram':
    case 'summary':
      return type;
    case 'unknown':
      return 'any';
    default:
      return undefined;
  }
}

/** How a type's composite value is written (OM 2.0 §Metric types), for messages. */
export const OM2_COMPOSITE_EXAMPLES: Readonly<Record<'histogram' | 'gaugehistogram' | 'summary', string>> = {
  histogram: '{count:2,sum:1.5,bucket:[1:1,+Inf:2]}',
  gaugehistogram: '{gcount:2,gsum:1.5,bucket:[1:1,+Inf:2]}',
  summary: '{count:2,sum:1.5,quantile:[0.5:0.7]}',
};

/** OM 2.0 §Native Buckets: the standard schemas. */
export const NATIVE_SCHEMA_MIN = -4;
export const NATIVE_SCHEMA_MAX = 8;

/**
 * OM 2.0 §Native Buckets: the index of the overflow bucket (the one above the bucket holding
 * MaxFloat64, < 2^1024) of `schema`, for either sign: bucket `i` ends at 2^(i·2^-schema).
 */
export function nativeOverflowIndex(schema: number): number {
  return (schema >= 0 ? 1024 * 2 ** schema : Math.ceil(1024 / 2 ** -schema)) + 1;
}

/** Choice 3: the relative tolerance of Count against the native buckets' total. */
export const NATIVE_COUNT_TOLERANCE = 1e-9;

/** Choice 5: the `_`-prefixed label names 2.0 lets stand in for TYPE and UNIT metadata. */
export const OM2_ALLOWED_RESERVED_LABELS: ReadonlySet<string> = new Set(['__type__', '__unit__']);

/** OM 2.0 §Info: an info family's name ends in this. */
export const INFO_SUFFIX = '_info';

// ---- the diagnostic table ----

export interface CodeInfo {
  readonly name: string;
  readonly category: Category;
  readonly severity: Severity;
  /** The spec section or convention it comes from. */
  readonly source: string;
  /** Whether its diagnostics carry a fix (`om lint --fix` applies it). */
  readonly fixable?: boolean;
  /** The input formats it can be reported in (where the readers and checks report it). */
  readonly formats: readonly Format[];
  /** Message templates by id: one sentence, no trailing period; `{{key}}` from the report's data. */
  readonly messages: Readonly<Record<string, string>>;
  /** The remedy, by message id; `{{key}}` templates allowed. */
  readonly help: Readonly<Record<string, string>>;
}

const SLASH = '`\\\\`';

// The formats a code can be reported in, as the table writes them.
const ALL: readonly Format[] = ['openmetrics', 'openmetrics-2.0', 'prometheus'];
const OPENMETRICS: readonly Format[] = ['openmetrics', 'openmetrics-2.0'];
const OM1: readonly Format[] = ['openmetrics'];
const OM2: readonly Format[] = ['openmetrics-2.0'];
/** 1.0 and Prometheus text: what reading 2.0 syntax as them reports (OM023). */
const NOT_OM2: readonly Format[] = ['openmetrics', 'prometheus'];
/** 2.0 and Prometheus text: summary quantiles sorted (OM128; 1.0 allows any order). */
const NOT_OM1: readonly Format[] = ['openmetrics-2.0', 'prometheus'];

// The parser's diagnostic catalog. Codes are forever: never renumber or reuse one (STYLE.md §1.5).
// OM0xx are syntax errors; OM100–OM149 are the MUSTs of OpenMetrics and of Prometheus text 0.0.4
// that the parser checks while assembling families. The linter's rules start at OM150.
export const codes = {
  OM001: {
    name: 'invalid-line', category: 'syntax', severity: 'error', formats: ALL, source: 'OM 1.0 §Text format ABNF; Prometheus text 0.0.4 line format',
    messages: {
      unexpectedCharacter: 'unexpected character `{{text}}`',
      expected: 'expected {{expected}}, found {{found}}',
      unexpected: 'unexpected {{found}}',
      afterContent: "unexpected {{found}} after the end of the line's content",
      labelWithoutValue: 'label `{{name}}` has no `=` and value',
      unreadable: 'this line could not be read',
    },
    help: {
      unexpectedCharacter: 'a sample line is `name{labels} value [timestamp]`; a metadata line is `# HELP`, `# TYPE` or `# UNIT`',
      expected: 'a sample line is `name{labels} value [timestamp]`; a metadata line is `# HELP`, `# TYPE` or `# UNIT`',
      unexpected: 'a sample line is `name{labels} value [timestamp]`; a metadata line is `# HELP`, `# TYPE` or `# UNIT`',
      afterContent: 'remove what follows the line\'s last token',
      labelWithoutValue: 'write the label as `name="value"`',
      unreadable: 'split or shorten the line',
    },
  },
  OM002: {
    name: 'byte-order-mark', category: 'syntax', severity: 'error', formats: ALL, fixable: true, source: 'OM 1.0 §Overall Structure: BOMs MUST NOT be used',
    messages: { bom: 'the input starts with a byte order mark' },
    help: { bom: 'write UTF-8 without a BOM' },
  },
  OM003: {
    name: 'carriage-return', category: 'syntax', severity: 'error', formats: ALL, fixable: true, source: 'OM 1.0 §Overall Structure: line endings MUST NOT contain carriage returns',
    messages: { carriageReturn: 'line ends with a carriage return' },
    help: { carriageReturn: 'end lines with `\\n` only' },
  },
  OM004: {
    name: 'missing-eof', category: 'syntax', severity: 'error', formats: OPENMETRICS, fixable: true, source: 'OM 1.0 §Overall Structure: expositions MUST end with EOF',
    messages: { missingEof: 'the exposition does not end with `# EOF`' },
    help: { missingEof: 'OpenMetrics expositions end with the line `# EOF`' },
  },
  OM005: {
    name: 'content-after-eof', category: 'syntax', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 ABNF `exposition = metricset HASH SP eof [ LF ]`',
    messages: { afterEof: 'content after `# EOF`' },
    help: { afterEof: 'end the exposition at `# EOF`: nothing may follow it' },
  },
  OM006: {
    name: 'blank-line', category: 'syntax', severity: 'error', formats: OPENMETRICS, fixable: true, source: 'OM 1.0 ABNF: no rule produces an empty line',
    messages: { emptyLine: 'empty line' },
    help: { emptyLine: 'remove the empty line' },
  },
  OM007: {
    name: 'comment-line', category: 'syntax', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 §MetricFamily metadata: no lines beginning with # other than metadata and EOF',
    messages: { comment: 'OpenMetrics allows no comment lines' },
    help: { comment: 'only `# HELP`, `# TYPE`, `# UNIT` and the final `# EOF` may start with `#`' },
  },
  OM008: {
    name: 'invalid-whitespace', category: 'syntax', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 ABNF `SP`: exactly one space between tokens',
    messages: {
      exactlyOne: 'expected exactly one space',
      beforeHelpText: 'expected one space before the help text',
      afterHash: 'expected one space after `#`',
    },
    help: {
      exactlyOne: 'separate the tokens of a line with one space (no tabs, no runs of spaces)',
      beforeHelpText: 'write `# HELP name text` with one space before the text',
      afterHash: 'write `# HELP`, `# TYPE`, `# UNIT` or `# EOF` with one space after `#`',
    },
  },
  OM009: {
    name: 'invalid-metric-name', category: 'syntax', severity: 'error', formats: ALL, source: 'OM 1.0 ABNF `metricname`; UTF-8 names guide (quoted names)',
    messages: {
      noName: 'sample has no metric name',
      emptyQuotedName: 'the quoted metric name is empty',
      nameTwice: 'the metric name is given twice',
      quotedNameNotFirst: 'a quoted metric name must come first in the label set',
    },
    help: {
      noName: 'start the sample line with the metric name, or a quoted name first in `{…}`',
      emptyQuotedName: 'a metric name has at least one character',
      nameTwice: 'give the metric name once: before `{`, or quoted as the first item in `{…}`',
      quotedNameNotFirst: 'move the quoted metric name to the start of `{…}`',
    },
  },
  OM010: {
    name: 'invalid-label-name', category: 'syntax', severity: 'error', formats: ALL, source: 'OM 1.0 ABNF `label-name`; UTF-8 names guide (quoted names)',
    messages: {
      emptyQuotedName: 'the quoted label name is empty',
      colon: 'label name `{{name}}` contains `:`',
    },
    help: {
      emptyQuotedName: 'a label name has at least one character',
      colon: 'label names are letters, digits and `_`; quote the name (`"{{name}}"="…"`) to use other characters',
    },
  },
  OM011: {
    name: 'invalid-escape', category: 'syntax', severity: 'error', formats: ALL, fixable: true, source: 'OM 1.0 §Escaping; Prometheus text 0.0.4 escaping',
    messages: {
      trailingBackslash: 'a backslash ends the text',
      undefinedEscape: '`\\{{character}}` is not an escape sequence',
      undefinedEscapes: '`\\{{character}}` is not an escape sequence (and {{more}} more in this text)',
    },
    help: {
      trailingBackslash: `write ${SLASH} for a backslash`,
      undefinedEscape: `write ${SLASH} for a backslash`,
      undefinedEscapes: `write ${SLASH} for a backslash`,
    },
  },
  OM012: {
    name: 'unterminated-string', category: 'syntax', severity: 'error', formats: ALL, source: 'OM 1.0 ABNF `DQUOTE escaped-string DQUOTE`',
    messages: { unterminated: 'string has no closing quote' },
    help: { unterminated: 'close the string with `"`, and write `\\"` for a quote inside it' },
  },
  OM013: {
    name: 'invalid-value', category: 'syntax', severity: 'error', formats: ALL, source: 'OM 1.0 ABNF `number`, §Numbers: within the range of a float64; Prometheus text 0.0.4 value, as Go\'s ParseFloat() reads it',
    messages: {
      notNumber: '`{{value}}` is not a number',
      beyondFloat64: 'value `{{value}}` is beyond the range of a 64-bit float',
    },
    help: {
      notNumber: 'write a decimal number, `NaN`, `+Inf` or `-Inf`',
      beyondFloat64: 'write a value a 64-bit float can hold, or `+Inf` / `-Inf`',
    },
  },
  OM014: {
    name: 'invalid-timestamp', category: 'syntax', severity: 'error', formats: ALL, source: 'OM 1.0 ABNF `timestamp = realnumber`, §Numbers: within the range of a float64; Prometheus text 0.0.4: an int64 of milliseconds, as Go\'s ParseInt() reads it',
    messages: {
      notSeconds: '`{{value}}` is not a timestamp (a real number of seconds)',
      notMilliseconds: '`{{value}}` is not a timestamp (integer milliseconds)',
      beyondFloat64: 'timestamp `{{value}}` is beyond the range of a 64-bit float',
      beyondInt64: 'timestamp `{{value}}` is beyond the int64 range of milliseconds',
    },
    help: {
      notSeconds: 'OpenMetrics timestamps are Unix seconds, e.g. `1520879607.789`',
      notMilliseconds: 'Prometheus text timestamps are integer Unix milliseconds, e.g. `1520879607789`',
      beyondFloat64: 'write Unix seconds a 64-bit float can hold',
      beyondInt64: 'write Unix milliseconds an int64 can hold',
    },
  },
  OM015: {
    name: 'invalid-exemplar', category: 'syntax', severity: 'error', formats: ALL, source: 'OM 1.0 ABNF `exemplar`; OM 2.0 ABNF `exemplar` (timestamp required); Prometheus text 0.0.4 has no exemplars',
    messages: {
      noExemplars: 'Prometheus text 0.0.4 has no exemplars',
      valueNotNumber: 'exemplar value `{{value}}` is not a number',
      valueBeyondFloat64: 'exemplar value `{{value}}` is beyond the range of a 64-bit float',
      timestampNotReal: 'exemplar timestamp `{{value}}` is not a real number',
      timestampBeyondFloat64: 'exemplar timestamp `{{value}}` is beyond the range of a 64-bit float',
      noTimestamp: 'the exemplar has no timestamp',
    },
    help: {
      noExemplars: 'remove the exemplar, or expose OpenMetrics',
      valueNotNumber: 'write the exemplar as `# {labels} value [timestamp]`',
      valueBeyondFloat64: 'write a value a 64-bit float can hold',
      timestampNotReal: 'write the exemplar timestamp in Unix seconds, e.g. `1520879607.789`',
      timestampBeyondFloat64: 'write Unix seconds a 64-bit float can hold',
      noTimestamp: 'OpenMetrics 2.0 exemplars end with a timestamp, e.g. `# {trace_id="a"} 0.5 1520879607.789`',
    },
  },
  OM016: {
    name: 'invalid-metric-type', category: 'syntax', severity: 'error', formats: ALL, source: 'OM 1.0 ABNF `metric-type`; Prometheus text 0.0.4 TYPE line',
    messages: { unknownType: '`{{word}}` is not a metric type' },
    help: { unknownType: '{{format}} types: {{types}}' },
  },
  OM017: {
    name: 'invalid-unit', category: 'syntax', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 ABNF `*metricname-char` (UNIT)',
    messages: { invalidUnit: 'unit `{{unit}}` may only contain letters, digits, `_` and `:`' },
    help: { invalidUnit: 'write the unit as it ends the metric name, e.g. `seconds`' },
  },
  OM018: {
    name: 'incomplete-descriptor', category: 'syntax', severity: 'error', formats: ALL, source: 'OM 1.0 ABNF `metric-descriptor`',
    messages: {
      helpText: 'HELP line has no space and text after the name',
      typeWord: 'TYPE line has no type',
      unitWord: 'UNIT line has no space and unit after the name',
    },
    help: {
      helpText: 'write `# HELP name text`, or `# HELP name ` for an empty text',
      typeWord: 'write `# TYPE name type`',
      unitWord: 'write `# UNIT name unit`, or `# UNIT name ` for no unit',
    },
  },
  OM019: {
    name: 'trailing-comma', category: 'syntax', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 ABNF `labels = "{" [label *(COMMA label)] "}"`',
    messages: { trailingComma: 'OpenMetrics allows no comma after the last label' },
    help: { trailingComma: 'remove the comma before `}`' },
  },
  OM020: {
    name: 'invalid-utf8', category: 'syntax', severity: 'error', formats: ALL, source: 'OM 1.0 §Overall Structure: UTF-8 MUST be used',
    messages: { invalidUtf8: 'the input is not valid UTF-8 here' },
    help: { invalidUtf8: 'encode the exposition as UTF-8' },
  },
  OM021: {
    name: 'missing-final-newline', category: 'syntax', severity: 'warning', formats: ALL, fixable: true, source: 'OM 1.0 §Overall Structure: SHOULD end with `EOF\\n`; Prometheus text 0.0.4: the last line must end with a line feed',
    messages: { noLineFeed: 'the last line has no line feed' },
    help: { noLineFeed: 'end the last line with `\\n`' },
  },
  OM022: {
    name: 'invalid-composite-value', category: 'syntax', severity: 'error', formats: OM2, source: 'OM 2.0 ABNF `composite-value`, §CompositeValues: no whitespace around fields',
    messages: {
      field: 'expected {{expected}} in the composite value, found {{found}}',
      shape: '`{{field}}` is written `{{shape}}`',
      notInteger: '`{{field}}` needs an integer, not `{{value}}`',
      notNonNegative: '`{{field}}` needs a non-negative integer, not `{{value}}`',
      notReal: '`{{field}}` needs a real number, not `{{value}}`',
      whitespace: 'whitespace inside a composite value',
    },
    help: {
      field: 'a histogram is `{count:…,sum:…,bucket:[…,+Inf:…]}` with native buckets (`schema`, `zero_threshold`, `zero_count`, spans and buckets) after `sum`; a gauge histogram has `gcount` and `gsum`; a summary is `{count:…,sum:…,quantile:[…]}`',
      shape: 'write the field as the OpenMetrics 2.0 ABNF `composite-value` does',
      notInteger: 'write a whole number without a decimal point, e.g. `3`',
      notNonNegative: 'only the first span\'s offset may be negative; lengths and later offsets are whole numbers from 0',
      notReal: 'write a decimal number: `NaN` and infinities are not allowed here',
      whitespace: 'remove the whitespace: composite values are written without blanks',
    },
  },
  OM023: {
    name: 'openmetrics-2-syntax', category: 'syntax', severity: 'warning', formats: NOT_OM2, source: 'OM 2.0 ABNF `sample` (composite values, `st@`, several exemplars), read as another format',
    messages: { om2Syntax: 'this line is OpenMetrics 2.0 syntax ({{what}}), not {{format}}' },
    help: {
      om2Syntax: 'read the exposition as OpenMetrics 2.0: `--format-in openmetrics-2.0` in `om`, `format: \'openmetrics-2.0\'` in `@omkit/parser`, or the Content-Type `application/openmetrics-text; version=2.0.0`',
    },
  },

  OM100: {
    name: 'duplicate-label-name', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §LabelSet: label names MUST be unique',
    messages: { labelTwice: 'label `{{name}}` appears twice' },
    help: { labelTwice: 'give each label once per sample' },
  },
  OM101: {
    name: 'duplicate-metadata', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §MetricFamily metadata: no more than one of each metadata line',
    messages: { second: 'second {{keyword}} line for `{{name}}`' },
    help: { second: 'keep one {{keyword}} line per family' },
  },
  OM102: {
    name: 'metadata-after-samples', category: 'conformance', severity: 'error', formats: ALL, fixable: true, source: 'OM 1.0 ABNF `metricfamily = *metric-descriptor *metric`',
    messages: { afterSamples: '{{keyword}} for `{{name}}` comes after its samples' },
    help: { afterSamples: 'metadata lines come before the samples of their family' },
  },
  OM103: {
    name: 'interleaved-family', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §MetricFamily: families MUST NOT be interleaved; names MUST be unique',
    messages: { again: 'family `{{name}}` appears again after other families' },
    help: { again: 'keep each family in one block: its metadata, then all its samples' },
  },
  OM104: {
    name: 'clashing-name', category: 'conformance', severity: 'error', formats: OM1, source: 'OM 1.0 §Suffixes: names MUST NOT clash with another family\'s sample names',
    messages: { clash: '`{{name}}` clashes with the samples of an earlier family' },
    help: { clash: 'rename one of the families' },
  },
  OM105: {
    name: 'unit-not-suffix', category: 'conformance', severity: 'error', formats: OM1, source: 'OM 1.0 §Unit: an underscore and the unit MUST be the suffix of the name',
    messages: { notSuffix: 'unit `{{unit}}` is not the suffix of `{{name}}`' },
    help: { notSuffix: 'name the family `{{name}}_{{unit}}`' },
  },
  OM106: {
    name: 'unit-not-allowed', category: 'conformance', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 §Info, §StateSet: MUST have an empty Unit',
    messages: { noUnit: 'a {{type}} has no unit' },
    help: { noUnit: 'remove the `# UNIT` line' },
  },
  OM107: {
    name: 'invalid-sample-name', category: 'conformance', severity: 'error', formats: OM1, source: 'OM 1.0 §Suffixes: sample names per type',
    messages: { noSuchSample: 'a {{type}} has no sample named `{{name}}`' },
    help: { noSuchSample: '{{type}} samples are named {{names}}' },
  },
  OM108: {
    name: 'missing-type-label', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §Histogram (`le`), §Summary (`quantile`), §StateSet (family-named label); OM 2.0 §StateSet (family-named label)',
    messages: { missingLabel: '{{type}} sample `{{name}}` has no `{{label}}` label' },
    help: { missingLabel: 'give the sample its `{{label}}` label' },
  },
  OM109: {
    name: 'invalid-type-label', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §Histogram, §Summary, §Canonical Numbers; OM 2.0 §Summary: quantiles between 0 and 1',
    messages: {
      notThreshold: '`le="{{value}}"` is not a threshold',
      quantileRange: 'quantile `{{value}}` is not a number between 0 and 1',
      notNumber: '`{{label}}="{{value}}"` is not a number',
    },
    help: {
      notThreshold: 'write a number, or `+Inf` for the last bucket',
      quantileRange: 'write the quantile as a number from 0 to 1, e.g. `0.99`',
      notNumber: 'write a number, `+Inf` or `-Inf`',
    },
  },
  OM110: {
    name: 'invalid-counter-value', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §Counter, §Histogram, §GaugeHistogram, §Summary: MUST NOT be NaN or negative; OM 2.0 §Counter (non-NaN), §Histogram (Count and bucket values not negative), §Summary (Count and Sum not NaN or negative); Prometheus text 0.0.4: histogram buckets and counts not negative (expfmt)',
    messages: {
      nan: '`{{name}}` is NaN',
      negative: '`{{name}}` is negative',
      gsumNan: '`{{name}}` is NaN',
      negativeBucket: '`{{name}}` is negative',
      fieldNan: '`{{field}}` of `{{name}}` is NaN',
      fieldNegative: '`{{field}}` of `{{name}}` is negative',
    },
    help: {
      nan: 'counts and sums of events are never NaN or negative',
      negative: 'counts and sums of events are never NaN or negative',
      gsumNan: 'a gauge histogram\'s `_gsum` is a number, never NaN',
      negativeBucket: 'histogram buckets and counts count events, so they are never negative (Prometheus rejects them)',
      fieldNan: 'counts and sums of events are never NaN (OpenMetrics 2.0 §Summary)',
      fieldNegative: 'counts of events are never negative (OpenMetrics 2.0 §Histogram, §Summary)',
    },
  },
  OM111: {
    name: 'non-integer-count', category: 'conformance', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 §Histogram: count and bucket values MUST be integers; OM 2.0 §Summary: Count MUST be an integer',
    messages: { notInteger: '`{{name}}` is not an integer', fieldNotInteger: '`{{field}}` of `{{name}}` is not an integer' },
    help: { notInteger: 'counts and buckets count events: write a whole number', fieldNotInteger: 'a summary\'s count counts events: write a whole number' },
  },
  OM112: {
    name: 'invalid-info-value', category: 'conformance', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 §Info (the value is always 1)',
    messages: { notOne: 'info value is {{value}}, not 1' },
    help: { notOne: 'an info sample\'s value is always `1`' },
  },
  OM113: {
    name: 'invalid-stateset-value', category: 'conformance', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 §StateSet: one boolean (0 or 1) per state',
    messages: { notBoolean: 'stateset value is {{value}}, not 0 or 1' },
    help: { notBoolean: 'write `1` for a state that is set and `0` for one that is not' },
  },
  OM114: {
    name: 'histogram-missing-inf-bucket', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §Histogram: MUST have one bucket with an +Inf threshold; OM 2.0 §Classic Buckets, ABNF `classic-buckets`; Prometheus text 0.0.4 §Histograms and summaries: a histogram must have a bucket with {le="+Inf"}',
    messages: {
      noInfBucket: 'histogram `{{name}}` has no `le="+Inf"` bucket',
      noInfBucketText: 'histogram `{{name}}` has no `le="+Inf"` bucket',
      noInfClassic: 'the classic buckets of `{{name}}` have no `+Inf` bucket',
    },
    help: {
      noInfBucket: 'end the buckets with `le="+Inf"`, counting every event (OpenMetrics 1.0 §Histogram)',
      noInfBucketText: 'end the buckets with `le="+Inf"`, counting every event (Prometheus text 0.0.4, Histograms and summaries: a histogram must have a bucket with `{le="+Inf"}`)',
      noInfClassic: 'end `bucket:[…]` with `+Inf:` and the count of every event (OpenMetrics 2.0 §Classic Buckets)',
    },
  },
  OM115: {
    name: 'histogram-bucket-order', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §Histogram: thresholds unique and increasing; OM 2.0 §Histogram with Classic Buckets: sorted by threshold, unique; Prometheus text 0.0.4 §Histograms and summaries: buckets in increasing numerical order of `le`',
    messages: {
      notAbove: 'bucket `le="{{le}}"` is not above the previous bucket',
      notAboveText: 'bucket `le="{{le}}"` is not above the previous bucket',
      notAboveClassic: 'classic bucket `{{le}}` is not above the bucket before it',
    },
    help: {
      notAbove: 'write the buckets once each, in increasing `le` order (OpenMetrics 1.0 §Histogram)',
      notAboveText: 'write the buckets once each, in increasing `le` order (Prometheus text 0.0.4, Histograms and summaries)',
      notAboveClassic: 'write the classic buckets once each, in increasing order of threshold, `+Inf` last (OpenMetrics 2.0 §Histogram with Classic Buckets)',
    },
  },
  OM116: {
    name: 'histogram-not-cumulative', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §Histogram: buckets MUST be cumulative; OM 2.0 §Classic Buckets: cumulative; Prometheus histograms (0.0.4) are cumulative counters (docs: Metric types, Histogram)',
    messages: {
      countsLess: 'bucket `le="{{le}}"` counts less than the bucket before it',
      countsLessText: 'bucket `le="{{le}}"` counts less than the bucket before it',
      countsLessClassic: 'classic bucket `{{le}}` counts less than the bucket before it',
    },
    help: {
      countsLess: 'each bucket counts the events of the buckets below it too (OpenMetrics 1.0 §Histogram: buckets MUST be cumulative)',
      countsLessText: 'each bucket counts the events of the buckets below it too (Prometheus histograms are cumulative)',
      countsLessClassic: 'each classic bucket counts the events of the buckets below it too (OpenMetrics 2.0 §Classic Buckets)',
    },
  },
  OM117: {
    name: 'histogram-count-mismatch', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §Histogram: the +Inf bucket counts all events (== Count); OM 2.0 §Classic Buckets: Count equals the +Inf bucket; Prometheus text 0.0.4 §Histograms and summaries: the +Inf bucket must be identical to x_count',
    messages: {
      countMismatch: 'count {{count}} differs from the +Inf bucket {{bucket}}',
      countMismatchText: 'count {{count}} differs from the +Inf bucket {{bucket}}',
      countMismatchClassic: '`{{field}}` {{count}} differs from the `+Inf` classic bucket {{bucket}}',
    },
    help: {
      countMismatch: 'the +Inf bucket and the count both count every event (OpenMetrics 1.0 §Histogram)',
      countMismatchText: 'the +Inf bucket and `_count` both count every event (Prometheus text 0.0.4, Histograms and summaries: the +Inf bucket\'s value must be identical to `_count`)',
      countMismatchClassic: 'the `+Inf` classic bucket and the count both count every event (OpenMetrics 2.0 §Classic Buckets)',
    },
  },
  OM118: {
    name: 'histogram-sum-count-pair', category: 'conformance', severity: 'error', formats: OM1, source: 'OM 1.0 §Histogram, §GaugeHistogram: Sum and Count come together',
    messages: {
      sumWithoutCount: '`{{name}}` has a sum but no count',
      countWithoutSum: '`{{name}}` has a count but no sum',
    },
    help: {
      sumWithoutCount: 'expose the count with the sum, or neither',
      countWithoutSum: 'expose the sum with the count, or neither',
    },
  },
  OM119: {
    name: 'histogram-negative-sum', category: 'conformance', severity: 'error', formats: OM1, source: 'OM 1.0 §Histogram: no Sum with negative thresholds; §GaugeHistogram: negative Gsum only with negative thresholds',
    messages: {
      sumWithNegativeBuckets: '`{{name}}` has negative buckets, so it cannot have a sum',
      negativeSum: '`{{name}}` has a negative sum but no negative buckets',
    },
    help: {
      sumWithNegativeBuckets: 'drop the sum of a histogram with negative thresholds',
      negativeSum: 'a negative sum needs negative thresholds: check the buckets or the sum',
    },
  },
  OM120: {
    name: 'exemplar-not-allowed', category: 'conformance', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 §Counter, §Histogram: exemplars only on counter totals and buckets; OM 2.0 §Sample: exemplars depending on the type (§Counter, §Histogram, §GaugeHistogram)',
    messages: { notAllowed: 'exemplars are not allowed on `{{name}}`', notAllowedType: 'a {{type}} sample cannot have exemplars' },
    help: {
      notAllowed: 'OpenMetrics 1.0 allows exemplars on counter totals and histogram buckets',
      notAllowedType: 'OpenMetrics 2.0 allows exemplars on counters, histograms and gauge histograms (and on unknown-type samples, which may be any of them)',
    },
  },
  OM121: {
    name: 'exemplar-too-long', category: 'conformance', severity: 'error', formats: OM1, source: 'OM 1.0 §Exemplars: label names and values ≤ 128 code points',
    messages: { tooLong: 'exemplar labels are {{length}} characters long' },
    help: { tooLong: `shorten the exemplar's label names and values to at most ${EXEMPLAR_LABELS_LIMIT} code points together` },
  },
  OM122: {
    name: 'exemplar-outside-bucket', category: 'conformance', severity: 'error', formats: OM1, source: 'OM 1.0 §Histogram: the exemplar value MUST be within the bucket',
    messages: { aboveBucket: 'exemplar value {{value}} is above the bucket\'s `le="{{le}}"`' },
    help: { aboveBucket: 'put the exemplar on the first bucket whose `le` is at least its value' },
  },
  OM123: {
    name: 'interleaved-metric', category: 'conformance', severity: 'error', formats: ALL, source: 'OM 1.0 §Metric: metrics MUST NOT be interleaved',
    messages: { split: 'samples of `{{series}}` are split by other series' },
    help: { split: 'keep all samples of one label set together' },
  },
  OM124: {
    name: 'mixed-timestamps', category: 'conformance', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 §Metric: MetricPoints with and without timestamps',
    messages: { mixed: 'some samples of this metric have timestamps and some do not' },
    help: { mixed: 'give every sample of the metric a timestamp, or none' },
  },
  OM125: {
    name: 'timestamp-out-of-order', category: 'conformance', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 §Metric: MetricPoints MUST have monotonically increasing timestamps',
    messages: { backwards: 'timestamp goes back in time within this metric' },
    help: { backwards: 'write the points of a metric oldest first' },
  },
  OM126: {
    name: 'duplicate-sample', category: 'conformance', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 §MetricFamily: every Metric MUST have a unique LabelSet',
    messages: { repeated: 'sample `{{name}}` repeats a series already given' },
    help: { repeated: 'give each series once per point' },
  },
  OM127: {
    name: 'negative-quantile-value', category: 'conformance', severity: 'error', formats: OPENMETRICS, source: 'OM 1.0 §Summary, OM 2.0 §Summary: quantile values MUST NOT be negative',
    messages: { negative: 'quantile value is negative' },
    help: { negative: 'a quantile of observed events is never negative' },
  },
  OM128: {
    name: 'summary-quantile-order', category: 'conformance', severity: 'error', formats: NOT_OM1, source: 'Prometheus text 0.0.4 §Histograms and summaries: quantiles in increasing numerical order (OM 1.0 §Summary allows any order); OM 2.0 §Summary: sorted in increasing order of the quantile',
    messages: { notAbove: 'quantile `{{value}}` is not above the previous quantile', notAboveSorted: 'quantile `{{value}}` is not above the quantile before it' },
    help: {
      notAbove: 'write the quantiles once each, in increasing order (Prometheus text 0.0.4, Histograms and summaries)',
      notAboveSorted: 'write the quantiles once each, in increasing order (OpenMetrics 2.0 §Summary)',
    },
  },
  // ---- OpenMetrics 2.0 (see the facts and choices above the table) ----
  OM129: {
    name: 'composite-value-mismatch', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §CompositeValue: histograms, gauge histograms and summaries MUST use a CompositeValue, other types Numbers; §Histogram, §GaugeHistogram, §Summary fields',
    messages: {
      numberForComposite: 'a {{type}} sample has a number, not a composite value',
      compositeForNumber: 'a {{type}} sample has a composite value, not a number',
      wrongKind: 'a {{type}} sample has a {{kind}} composite value',
    },
    help: {
      numberForComposite: 'write the {{type}} as one composite value, e.g. `{{example}}`',
      compositeForNumber: 'a {{type}} sample\'s value is a number',
      wrongKind: 'a {{type}} is written `{{example}}`',
    },
  },
  OM130: {
    name: 'native-schema-range', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §Native Buckets: the Schema MUST be between -4 and 8',
    messages: { outOfRange: 'schema {{schema}} is not between -4 and 8' },
    help: { outOfRange: 'use a standard schema from -4 to 8: the others are reserved' },
  },
  OM131: {
    name: 'native-zero-threshold', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §Native Buckets: the Zero threshold MUST be non-negative',
    messages: { negative: 'zero threshold {{value}} is negative' },
    help: { negative: 'the zero bucket is `[-threshold, threshold]`: write a threshold of 0 or more' },
  },
  OM132: {
    name: 'native-span-mismatch', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §Histogram with Native Buckets: the sum of the span lengths MUST equal the number of buckets',
    messages: { mismatch: '`{{sign}}_spans` cover {{spans}} buckets but `{{sign}}_buckets` has {{buckets}}' },
    help: { mismatch: 'give one bucket count for each bucket the spans cover' },
  },
  OM133: {
    name: 'native-count-mismatch', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §Native Buckets: Count equals the zero and native buckets together, plus the NaN observations (which make the Sum NaN)',
    messages: {
      less: '`{{field}}` {{count}} is less than the zero and native buckets together ({{buckets}})',
      more: '`{{field}}` {{count}} is more than the zero and native buckets together ({{buckets}}) but the sum is not NaN',
    },
    help: {
      less: 'the count counts every observation, each native bucket\'s among them',
      more: 'only NaN observations are counted in no native bucket, and they make the sum NaN: check the count and the buckets',
    },
  },
  OM134: {
    name: 'reserved-type-label', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §Histogram, §GaugeHistogram (no `le` label with classic buckets), §Summary (no `quantile` label)',
    messages: { reserved: 'a {{type}} metric has a `{{label}}` label' },
    help: { reserved: 'rename the label: `{{label}}` is the {{type}}\'s own in its classic series' },
  },
  OM135: {
    name: 'reserved-name', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §Label, §Name: names beginning with an underscore are RESERVED',
    messages: {
      label: 'label name `{{name}}` begins with `_`',
      family: 'metric name `{{name}}` begins with `_`',
    },
    help: {
      label: 'rename the label: names beginning with `_` are reserved by OpenMetrics (only `__type__` and `__unit__` are read)',
      family: 'rename the metric: names beginning with `_` are reserved by OpenMetrics',
    },
  },
  OM136: {
    name: 'start-timestamp-not-allowed', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §Sample: a Start Timestamp depending on the type (§Counter, §Histogram, §Summary; §GaugeHistogram: none)',
    messages: { notAllowed: 'a {{type}} sample cannot have a start timestamp' },
    help: { notAllowed: 'remove `st@…`: OpenMetrics 2.0 gives start timestamps to counters, histograms and summaries (and unknown-type samples)' },
  },
  OM137: {
    name: 'info-name-suffix', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §Info: the MetricFamily name MUST end in `_info`',
    messages: { noSuffix: 'info family `{{name}}` does not end in `_info`' },
    help: { noSuffix: 'name the family `{{name}}_info`' },
  },
  OM138: {
    name: 'native-bucket-beyond-overflow', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §Native Buckets: Native Buckets beyond the +Inf and -Inf (overflow) buckets MUST NOT be used',
    messages: { beyond: '`{{sign}}_spans` reach bucket index {{index}}, beyond the overflow bucket {{limit}} of schema {{schema}}' },
    help: { beyond: 'the last bucket of schema `n` is the overflow bucket, index 1024·2ⁿ + 1 (the one above MaxFloat64): no bucket lies beyond it' },
  },
  OM139: {
    name: 'count-went-down', category: 'conformance', severity: 'error', formats: OM2, source: 'OM 2.0 §Counter: monotonically non-decreasing unless reset, and a reset sets the Start Timestamp; §Histogram, §Summary: Count is a counter',
    messages: { wentDown: 'the {{type}}\'s count went down from {{previous}} to {{count}} with the same start timestamp' },
    help: { wentDown: 'counts only go up; after a reset, set `st@` to the time of the reset' },
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof codes;
/** The message ids of a code. */
export type MessageId<C extends Code> = keyof (typeof codes)[C]['messages'] & string;
/** What a message's `{{key}}`s are filled from. */
export type MessageData = Readonly<Record<string, string | number>>;

/** Where a parser code is documented (version-pinned, like the lint rules' urls). */
export const DOCS_VERSION = '0.1.0';
export function codeUrl(code: Code): string {
  return `https://github.com/omkit/om/blob/v${DOCS_VERSION}/packages/parser/docs/diagnostics.md#${code.toLowerCase()}`;
}

/** A template cut at its `{{key}}`s: literal, key, literal, …, literal (made once per template). */
const compiled = new Map<string, readonly string[]>();

/** Fills a template's `{{key}}`s from `data` (a key without data stays as written). */
export function interpolate(template: string, data: MessageData | undefined): string {
  if (data === undefined) return template;
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(/\{\{(\w+)\}\}/);
    compiled.set(template, parts);
  }
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    const value = data[key];
    out += (value === undefined ? `{{${key}}}` : String(value)) + parts[i + 1]!;
  }
  return out;
}

/** The message of `code` by id, filled from `data` (built only when a diagnostic is made). */
export function messageOf<C extends Code>(code: C, id: MessageId<C>, data?: MessageData): string {
  return interpolate((codes[code].messages as Record<string, string>)[id]!, data);
}

/** The help of `code`'s message `id`, filled from `data`. */
export function helpOf<C extends Code>(code: C, id: MessageId<C>, data?: MessageData): string | undefined {
  const help = (codes[code].help as Record<string, string>)[id];
  return help === undefined ? undefined : interpolate(help, data);
}
