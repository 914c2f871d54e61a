export type { Category, Diagnostic, Edit, Fix, Position, Severity, Span } from './diagnostic.js';
export type {
  Descriptor,
  Exemplar,
  Format,
  Label,
  Metric,
  MetricFamily,
  MetricType,
  ParseResult,
  BucketSpan,
  ClassicBucket,
  CompositeValue,
  HistogramValue,
  NativeBuckets,
  Sample,
  SummaryValue,
} from './ast/types.js';
export { parse, validate, type Input, type ParseOptions, type ValidateResult } from './parse.js';
export { declaredFormat, detectFormat, DETECT_WINDOW, formatFromContentType, formatFromFileName, lastLineIsEof, type FormatHints, type FormatOption } from './format.js';
export {
  ALL_SUFFIXES,
  BUCKET_LABEL,
  codes,
  codeUrl,
  exemplarAllowed,
  EXEMPLAR_LABELS_LIMIT,
  helpOf,
  isOpenMetrics,
  isPartLabel,
  messageOf,
  METRIC_TYPES,
  PART_LABEL_OWNERS,
  partLabel,
  QUANTILE_LABEL,
  RESERVED_LABEL_PREFIX,
  SAMPLE_SUFFIXES,
  sampleSuffixes,
  suffixOwners,
  TYPE_WORDS,
  typeOfWord,
  wordOfType,
  type Code,
  type CodeInfo,
  type MessageData,
  type MessageId,
} from './spec.js';
export { parseStream, type Chunk, type ChunkSource, type StreamItem, type StreamOptions } from './stream.js';
export { CONTENT_TYPES, serialize, toJSON, type SerializeOptions } from './serialize.js';
export { convert, convertText, type Conversion, type ConversionNote, type ConvertOptions, type ConvertTextOptions } from './convert.js';
export { escapeName, escapingSchemes, isLegacyLabelName, isLegacyMetricName, unescapeName, type EscapingScheme, type NameKind } from './escaping.js';
export { canonicalThreshold } from './canonical.js';
export { thresholdValue } from './number.js';
export { detach } from './detach.js';
export { samplesOf, SampleCursor, type SampleFields } from './cursor.js';
