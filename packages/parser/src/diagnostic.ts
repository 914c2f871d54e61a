// The one problem report shared by every om package (parser, lint, fetch facts, CLI formatters).
// Bad input is data: problems in metrics text are returned as Diagnostics, never thrown.

export type Severity = 'error' | 'warning' | 'info';
export type Category = 'syntax' | 'conformance' | 'practice' | 'scrape';

/** line and column are 1-based, column counts UTF-16 code units; offset is 0-based. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** `end` is exclusive. */
export interface Span {
  start: Position;
  end: Position;
}

export interface Edit {
  span: Span;
  text: string;
}

export interface Fix {
  description: string;
  edits: Edit[];
  applicability: 'safe' | 'unsafe';
}

export interface Diagnostic {
  /** Stable code, e.g. `OM012`; codes are never renumbered or reused. */
  code: string;
  /** Stable kebab-case name, e.g. `invalid-label-value`. */
  name: string;
  category: Category;
  severity: Severity;
  /** One sentence, no trailing period; identifiers in backticks. */
  message: string;
  detail?: { expected?: string; actual?: string };
  /** The remedy. */
  help?: string;
  /** Path relative to cwd, `-` for stdin, or a URL; set by whoever knows the input's name. */
  source?: string;
  /** Absent only for whole-input facts (e.g. an HTTP header). */
  span?: Span;
  /** Name of the metric family the problem belongs to, when there is one. */
  metric?: string;
  fix?: Fix;
  /** Version-pinned documentation link. */
  url: string;
}
