// Output formatters of `om lint`: pure functions from lint results to text, no I/O and nothing
// Node-only. The CLI picks one, writes its output to stdout and then writes `formatSummary` to
// stdout for the human formats or to stderr for the machine formats, so their stdout stays pure.
import { formatConcise } from './concise.js';
import { formatFull } from './full.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import type { FormatName, Formatter } from './types.js';

export type { FormatContext, FormatName, Formatter, LintedInput, RuleSummary, LintSummary } from './types.js';
export type { JsonReport } from './json.js';
export { formatConcise, formatFull, formatGithub, formatJson, formatJunit, formatSarif };
export { formatSummary, summarize } from './summary.js';
export { formatStatistics, ruleStatistics, type RuleStatistic } from './statistics.js';
export { formatPatch, type PatchOptions } from './patch.js';
export { codeFrame, type FrameOptions } from './frame.js';
export { escapeData as escapeGithubData, escapeProperty as escapeGithubProperty } from './github.js';
export { SARIF_SCHEMA } from './sarif.js';

export const formatters: Readonly<Record<FormatName, Formatter>> = Object.freeze({
  full: formatFull,
  concise: formatConcise,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
  junit: formatJunit,
});

/** All format names; the first is the default. */
export const formatNames: readonly FormatName[] = Object.freeze(['full', 'concise', 'json', 'github', 'sarif', 'junit']);

/** Formats read by programs: their stdout holds only the report, the summary line goes to stderr. */
export const machineFormats: ReadonlySet<FormatName> = new Set<FormatName>(['json', 'github', 'sarif', 'junit']);

export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

export function isMachineFormat(name: FormatName): boolean {
  return machineFormats.has(name);
}
