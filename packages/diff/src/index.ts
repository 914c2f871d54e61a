export { diff, sortChanges, sameValue } from './diff.js';
export { summarize, hasChanges, type Summary } from './summary.js';
export { globToRegExp } from './glob.js';
export { OptionError, parseChangeKinds, parseRelabel, parseTolerance } from './options.js';
export { countSeries, familySeries } from './series.js';
export { formatText, type TextOptions } from './format/text.js';
export { formatJson, type JsonReport } from './format/json.js';
export { formatMarkdown, type MarkdownOptions } from './format/markdown.js';
export {
  changeKinds,
  type BucketLayoutChanged,
  type CardinalityChanged,
  type Change,
  type ChangeKind,
  type CounterReset,
  type DiffOptions,
  type FamilyAdded,
  type FamilyRemoved,
  type HistogramField,
  type LabelSchemaChanged,
  type MetadataChanged,
  type NativeLayout,
  type NativeLayoutChanged,
  type Relabel,
  type SeriesChange,
  type Tolerance,
  type TypeChanged,
  type ValueChanged,
} from './types.js';
export { computeStats, utf8Length, type FamilyStats, type LabelStats, type Stats } from './stats.js';
