// `full`: a ruff/biome-style report. Per diagnostic:
//
//   metrics.txt:3:1 OM201/counter-total-suffix warning
//     Counter `x` has no `_total` sample
//
//       2 | # TYPE x counter
//     > 3 | x 1
//         | ^
//       4 | # EOF
//
//     help: rename the samples to `x_total`
//     docs: https://…
//
// Diagnostics are separated by a blank line. No frame when the diagnostic has no span or the
// input's text is unknown; a diagnostic without span has a header without `:line:col`.
import type { Diagnostic } from '@omkit/parser';
import { paint, severityStyle } from './color.js';
import { codeFrame } from './frame.js';
import { ordered, ruleRef, splitLines, terminalSafe } from './text.js';
import type { FormatContext, Formatter, LintedInput } from './types.js';

export const formatFull: Formatter = (inputs, ctx) => {
  const blocks: string[] = [];
  for (const input of inputs) {
    let lines: string[] | undefined;
    for (const d of ordered(input.diagnostics)) {
      if (d.span && input.text !== undefined) lines ??= splitLines(input.text);
      blocks.push(renderOne(input, d, lines, ctx));
    }
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
};

function renderOne(input: LintedInput, d: Diagnostic, lines: string[] | undefined, ctx: FormatContext): string {
  const c = ctx.color;
  const style = severityStyle[d.severity];
  const where = d.span ? `${input.source}:${d.span.start.line}:${d.span.start.column}` : input.source;
  const out = [
    `${paint(c, 'bold', terminalSafe(where, false))} ${paint(c, style, ruleRef(d))} ${paint(c, style, d.severity)}`,
    `  ${paint(c, 'bold', oneLine(d.message))}`,
  ];
  const frame = d.span && lines ? codeFrame(lines, d.span, { color: c, style }) : undefined;
  if (frame) out.push('', ...frame.map((l) => `  ${l}`));
  const notes: string[] = [];
  if (d.detail?.expected !== undefined) notes.push(`  ${paint(c, 'dim', 'expected:')} ${oneLine(d.detail.expected)}`);
  if (d.detail?.actual !== undefined) notes.push(`  ${paint(c, 'dim', 'actual:')}   ${oneLine(d.detail.actual)}`);
  if (d.help) notes.push(`  ${paint(c, 'cyan', 'help:')} ${oneLine(d.help)}`);
  if (d.fix) notes.push(`  ${paint(c, 'cyan', d.fix.applicability === 'safe' ? 'fix:' : 'fix (unsafe):')} ${oneLine(d.fix.description)}`);
  if (d.url) notes.push(`  ${paint(c, 'dim', 'docs:')} ${paint(c, 'underline', terminalSafe(d.url, false))}`);
  if (notes.length) out.push('', ...notes);
  return out.map((l) => l.trimEnd()).join('\n');
}

/** Terminal-safe, on one line (newlines and tabs shown as their control pictures), no trailing spaces. */
function oneLine(text: string): string {
  return terminalSafe(text, false).trimEnd();
}
