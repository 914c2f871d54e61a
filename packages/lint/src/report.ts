// The report of a lint run as a command line prints it: the findings in a format (at most
// `maxDiagnostics` in the human ones), or the count per rule, and where the summary goes. Browser-safe.
import { OptionError } from './errors.js';
import { formatNames, formatStatistics, formatters, isFormatName, isMachineFormat, ruleStatistics } from './format/index.js';
import type { FormatContext, FormatName, LintedInput } from './format/types.js';
import { countFindings, limitFindings } from './policy.js';

/**
 * The format when none is given: `OM_FORMAT` from `env` (an `OptionError` if it is not a format),
 * else `github` under GitHub Actions, else `full` on a terminal and `concise` otherwise.
 */
export function defaultFormat(env: Readonly<Record<string, string | undefined>>, terminal: boolean): FormatName {
  const value = env.OM_FORMAT;
  if (value !== undefined && value !== '') {
    if (!isFormatName(value)) throw new OptionError(`OM_FORMAT must be one of ${formatNames.join(', ')} (received ${JSON.stringify(value)})`);
    return value;
  }
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  return terminal ? 'full' : 'concise';
}

export interface ReportOptions extends Omit<FormatContext, 'color'> {
  format: FormatName;
  /** Colour for a terminal (never applied to a machine-readable report). */
  color: boolean;
  /** Show at most this many findings in the human formats. */
  maxDiagnostics?: number;
  /** The count of findings per rule instead of the findings (JSON with format `json`). */
  statistics?: boolean;
  /** With `statistics`: count the unsafe fixes as fixable. */
  unsafe?: boolean;
}

export interface Report {
  body: string;
  /** A machine-readable body: the summary belongs on another stream. */
  machine: boolean;
  /** A blank line between the body and the summary, when the summary follows it on the same stream. */
  gap: boolean;
  /** Put before the summary: `… N more not shown (--max-diagnostics)`, or nothing. */
  more: string;
}

/** The report of `results`; `formatSummary(summarize(results))` is its summary. */
export function lintReport(results: readonly LintedInput[], options: ReportOptions): Report {
  const { format, color, maxDiagnostics = Infinity, statistics, unsafe, ...ctx } = options;
  if (statistics) {
    const stats = ruleStatistics(results, { unsafe: unsafe === true });
    const json = format === 'json';
    return { body: json ? `${JSON.stringify(stats, null, 2)}\n` : formatStatistics(stats, { color }), machine: json, gap: false, more: '' };
  }
  const machine = isMachineFormat(format);
  const shown = machine || maxDiagnostics === Infinity ? results : limitFindings(results, maxDiagnostics);
  const hidden = countFindings(results) - countFindings(shown);
  return {
    body: formatters[format](shown, { ...ctx, color: color && !machine }),
    machine,
    gap: format === 'full' && countFindings(shown) > 0,
    more: hidden > 0 ? `… ${hidden} more not shown (--max-diagnostics)\n` : '',
  };
}

