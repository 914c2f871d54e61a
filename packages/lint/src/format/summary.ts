import { paint } from './color.js';
import { plural } from './text.js';
import type { FormatContext, LintedInput, LintSummary } from './types.js';

/** Counts per severity over all inputs. */
export function summarize(inputs: readonly LintedInput[]): LintSummary {
  const s: LintSummary = { errors: 0, warnings: 0, infos: 0, fixable: 0, inputs: inputs.length };
  for (const input of inputs) {
    for (const d of input.diagnostics) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else s.infos++;
      if (d.fix?.applicability === 'safe') s.fixable++;
    }
  }
  return s;
}

/**
 * One line ending in `\n`, e.g. `✖ 3 errors, 2 warnings, 1 info in 2 inputs (2 fixable)` or
 * `✔ no problems in 1 input`. The CLI prints it after the report: on stdout for the human
 * formats, on stderr for the machine formats (see `machineFormats`).
 */
export function formatSummary(summary: LintSummary, ctx: Pick<FormatContext, 'color'>): string {
  const { errors, warnings, infos, fixable } = summary;
  const where = `in ${plural(summary.inputs, 'input', 'inputs')}`;
  if (errors + warnings + infos === 0) return `${paint(ctx.color, 'green', '✔')} no problems ${where}\n`;
  const parts: string[] = [];
  if (errors) parts.push(paint(ctx.color, 'red', plural(errors, 'error', 'errors')));
  if (warnings) parts.push(paint(ctx.color, 'yellow', plural(warnings, 'warning', 'warnings')));
  if (infos) parts.push(paint(ctx.color, 'blue', plural(infos, 'info', 'infos')));
  const icon = errors ? paint(ctx.color, 'red', '✖') : warnings ? paint(ctx.color, 'yellow', '⚠') : paint(ctx.color, 'blue', 'ℹ');
  const fix = fixable ? ` (${fixable} fixable)` : '';
  return `${icon} ${parts.join(', ')} ${where}${fix}\n`;
}
