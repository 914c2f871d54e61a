// A code frame of our own (same shape as @babel/code-frame): the lines of a span with one line of
// context either side, a gutter with line numbers, `>` on the offending lines and carets under the
// span's columns. Columns are UTF-16 code units; tabs are expanded and wide characters count double
// so the carets line up on a terminal.
import type { Span } from '@omkit/parser';
import { paint, type Style } from './color.js';
import { layout, terminalSafe } from './text.js';

export interface FrameOptions {
  color: boolean;
  /** Style of the marker and carets. */
  style: Style;
  /** Multi-line spans longer than this show their first and last lines around a `⋮` row. */
  maxSpanLines?: number;
}

/**
 * Renders the frame as lines without trailing whitespace, or `undefined` when the span does not
 * point into `lines` (one entry per line of the input, without terminators).
 */
export function codeFrame(lines: readonly string[], span: Span, opts: FrameOptions): string[] | undefined {
  const count = lines.length;
  const first = span.start.line;
  if (!Number.isInteger(first) || first < 1 || first > count) return undefined;
  let last = Math.min(Math.max(span.end.line, first), count);
  let endColumn = span.end.line > last ? Infinity : span.end.line < first ? span.start.column : span.end.column;
  // A span ending at column 1 of a later line ends with the previous line's terminator.
  if (last > first && endColumn <= 1) {
    last -= 1;
    endColumn = Infinity;
  }
  // A final newline leaves an empty last entry: never show it as context.
  const lastContext = count > 1 && lines[count - 1] === '' && last < count ? count - 1 : count;
  const from = Math.max(1, first - 1);
  const to = Math.min(lastContext, last + 1);
  const gutter = String(to).length;
  const max = Math.max(2, opts.maxSpanLines ?? 6);
  const bar = paint(opts.color, 'dim', '|');
  const out: string[] = [];

  for (let ln = from; ln <= to; ln++) {
    const inSpan = ln >= first && ln <= last;
    if (inSpan && last - first + 1 > max && ln > first + Math.ceil(max / 2) - 1 && ln < last - Math.floor(max / 2) + 1) {
      if (ln === first + Math.ceil(max / 2)) out.push(`  ${paint(opts.color, 'dim', '⋮'.padStart(gutter))}`);
      continue;
    }
    const raw = terminalSafe(lines[ln - 1]!);
    const { display, cols } = layout(raw);
    const text = display.trimEnd();
    const marker = inSpan ? paint(opts.color, opts.style, '>') : ' ';
    const number = paint(opts.color, 'dim', String(ln).padStart(gutter));
    out.push(text === '' ? `${marker} ${number} ${bar}` : `${marker} ${number} ${bar} ${text}`);
    if (!inSpan) continue;
    const len = raw.length;
    // Columns past the end of the line point at its terminator: one cell after the text.
    const startU = ln === first ? clamp(span.start.column - 1, 0, len) : 0;
    // A span running on past this line's end (multi-line, or past the end of input) stops at its text.
    const endU = ln === last && Number.isFinite(endColumn) ? clamp(endColumn - 1, startU, len + 1) : Math.max(len, startU);
    const at = (u: number): number => (u <= len ? cols[u]! : cols[len]! + (u - len));
    const a = at(startU);
    const width = Math.max(1, at(endU) - a);
    out.push(`  ${' '.repeat(gutter)} ${bar} ${' '.repeat(a)}${paint(opts.color, opts.style, '^'.repeat(width))}`);
  }
  return out;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(Number.isFinite(n) ? n : hi, lo), hi);
}
