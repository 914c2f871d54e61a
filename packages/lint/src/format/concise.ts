// `concise`: one line per diagnostic, grep- and editor-friendly:
//
//   metrics.txt:3:1: warning OM201/counter-total-suffix Counter `x` has no `_total` sample
//
// A diagnostic without span (a whole-input fact) prints the source alone: `metrics.txt: error …`.
import { paint, severityStyle } from './color.js';
import { ordered, ruleRef, terminalSafe } from './text.js';
import type { Formatter } from './types.js';

export const formatConcise: Formatter = (inputs, ctx) => {
  const c = ctx.color;
  const lines: string[] = [];
  for (const input of inputs) {
    for (const d of ordered(input.diagnostics)) {
      const where = d.span ? `${input.source}:${d.span.start.line}:${d.span.start.column}` : input.source;
      const style = severityStyle[d.severity];
      lines.push(
        `${paint(c, 'bold', terminalSafe(where, false))}: ${paint(c, style, d.severity)} ${paint(c, style, ruleRef(d))} ${terminalSafe(d.message, false)}`.trimEnd(),
      );
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
