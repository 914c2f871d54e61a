// A code frame of our own (same shape as @babel/code-frame): the lines of a span with one line of
// context either side, a gutter with line numbers, `>` on the offending lines and carets under the
// span's columns. Columns are UTF-16 code units; tabs are expanded and wide characters count double
// so the carets line up on a terminal.
import type { Span } from '@omkit/parser';
import { paint, type Style } from './color.js';
import { codePointWidth, layout, terminalSafe } from './text.js';

export interface FrameOptions {
  color: boolean;
  /** Style of the marker and carets. */
  style: Style;
  /** Multi-line spans longer than this show their first and last lines around a `⋮` row. */
  maxSpanLines?: number;
  /** Lines wider than this many cells are cut to a window around the span (default 120). */
  maxWidth?: number;
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
  type Row = { ln: number; inSpan: boolean; display: string; cells: number; caret?: [number, number] } | { ln: number; elided: true };
  const rows: Row[] = [];

  for (let ln = from; ln <= to; ln++) {
    const inSpan = ln >= first && ln <= last;
    if (inSpan && last - first + 1 > max && ln > first + Math.ceil(max / 2) - 1 && ln < last - Math.floor(max / 2) + 1) {
      if (ln === first + Math.ceil(max / 2)) rows.push({ ln, elided: true });
      continue;
    }
    const raw = terminalSafe(lines[ln - 1]!);
    const { display, cols } = layout(raw);
    const len = raw.length;
    const row: Row = { ln, inSpan, display: display.trimEnd(), cells: cols[len]! };
    rows.push(row);
    if (!inSpan) continue;
    // Columns past the end of the line point at its terminator: one cell after the text.
    const startU = ln === first ? clamp(span.start.column - 1, 0, len) : 0;
    // A span running on past this line's end (multi-line, or past the end of input) stops at its text.
    const endU = ln === last && Number.isFinite(endColumn) ? clamp(endColumn - 1, startU, len + 1) : Math.max(len, startU);
    const at = (u: number): number => (u <= len ? cols[u]! : cols[len]! + (u - len));
    const a = at(startU);
    row.caret = [a, a + Math.max(1, at(endU) - a)];
  }

  // Lines wider than maxWidth are cut to a window around the start of the span, marked with `…`.
  const maxWidth = Math.max(20, opts.maxWidth ?? 120);
  const widest = Math.max(...rows.map((r) => ('cells' in r ? r.cells : 0)));
  let focus: number | undefined;
  for (const r of rows) if (!('elided' in r) && r.caret && focus === undefined) focus = r.caret[0];
  // The window may reach one cell past the widest line, where a caret after the text goes.
  const w0 = widest > maxWidth && focus !== undefined ? Math.max(0, Math.min(focus - Math.floor(maxWidth / 3), widest + 1 - maxWidth)) : 0;
  const w1 = widest > maxWidth ? w0 + maxWidth : Infinity;
  const lead = w0 > 0 ? 1 : 0;

  const out: string[] = [];
  for (const r of rows) {
    if ('elided' in r) {
      out.push(`  ${paint(opts.color, 'dim', '⋮'.padStart(gutter))}`);
      continue;
    }
    const text = w1 === Infinity ? r.display : window(r.display, w0, w1).trimEnd();
    const marker = r.inSpan ? paint(opts.color, opts.style, '>') : ' ';
    const number = paint(opts.color, 'dim', String(r.ln).padStart(gutter));
    out.push(text === '' ? `${marker} ${number} ${bar}` : `${marker} ${number} ${bar} ${text}`);
    if (!r.caret) continue;
    const a = Math.min(Math.max(r.caret[0], w0), w1 - 1);
    const b = Math.max(Math.min(r.caret[1], w1), a + 1);
    const pad = ' '.repeat(a - w0 + lead);
    out.push(`  ${' '.repeat(gutter)} ${bar} ${pad}${paint(opts.color, opts.style, '^'.repeat(b - a))}`);
  }
  return out;
}

/** The cells [from, to) of a display line, with `…` where it was cut; wide characters are never split. */
function window(display: string, from: number, to: number): string {
  let out = from > 0 ? '…' : '';
  let col = 0;
  for (const ch of display) {
    const w = codePointWidth(ch.codePointAt(0)!);
    if (col >= from && col + w <= to) out += ch;
    else if (col + w > to && w > 0) return `${out}…`;
    else if (col < from && col + w > from) out += ' '.repeat(col + w - from); // keeps the columns aligned
    col += w;
  }
  return out;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(Number.isFinite(n) ? n : hi, lo), hi);
}
