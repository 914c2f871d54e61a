import type { Category, Diagnostic, Severity } from '@omkit/parser';

/** One linted input: the diagnostics of one file, stdin or URL, with its text for code frames. */
export interface LintedInput {
  /** Path relative to cwd, `-` for stdin, or a URL. Formatters print this, never `Diagnostic.source`. */
  source: string;
  /** The input text; when absent the `full` format prints no code frame. */
  text?: string;
  diagnostics: readonly Diagnostic[];
}

/** What the formatters need to know about a rule (a subset of the registry's metadata). */
export interface RuleSummary {
  code: string;
  name: string;
  category: Category;
  /** Default severity, before configuration. */
  severity: Severity;
  /** One sentence, no trailing period. */
  description: string;
  /** Version-pinned documentation link. */
  url: string;
  fixable?: boolean;
}

export interface FormatContext {
  /** Emit ANSI colours (only `full`, `concise` and the summary line use them). Decided by the caller. */
  color: boolean;
  /** Rule metadata for the `json` and `sarif` formats; rules missing here are described from their diagnostics. */
  rules?: ReadonlyMap<string, RuleSummary> | readonly RuleSummary[];
  /** Defaults to `om`. */
  toolName?: string;
  /** Written to SARIF `tool.driver.version` when given. */
  toolVersion?: string;
  /** Written to SARIF `tool.driver.informationUri` when given (must be an absolute URI). */
  toolInformationUri?: string;
}

/** A pure function from lint results to the text to print; no I/O. Non-empty output ends with `\n`. */
export type Formatter = (inputs: readonly LintedInput[], ctx: FormatContext) => string;

export type FormatName = 'full' | 'concise' | 'json' | 'github' | 'sarif' | 'junit';

export interface LintSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** Diagnostics that carry a `safe` fix. */
  fixable: number;
  inputs: number;
}
