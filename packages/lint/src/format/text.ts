// Helpers shared by the formatters: ordering, source kinds, terminal-safe text and display widths.
import type { Diagnostic } from '@omkit/parser';
import { Finding } from '../finding.js';

/** `OM201/counter-total-suffix` */
export function ruleRef(d: Pick<Diagnostic, 'code' | 'name'>): string {
  return `${d.code}/${d.name}`;
}

/**
 * Diagnostics in reading order: whole-input facts (no span) first, then by start offset, line, column
 * and code. Stable, and does not mutate its argument.
 */
export function ordered(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => Finding.compareSpans(a.d, b.d) || cmp(a.d.code, b.d.code) || a.i - b.i)
    .map(({ d }) => d);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `scheme://…` (http, https, file, …). */
export function isUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

/** A path on the local file system: not stdin (`-`), not a URL, not empty. */
export function isLocalFile(source: string): boolean {
  return source !== '' && source !== '-' && !isUrl(source);
}

/** Lines of `text` without their terminators (`\n`, `\r\n`); index 0 is line 1. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * Makes text safe for a terminal: C0 controls (other than tab) and DEL become their Unicode
 * control pictures (`␛`), C1 controls and lone surrogates become U+FFFD, so input can never
 * move the cursor or start an escape sequence.
 */
export function terminalSafe(text: string, keepTabs = true): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]|[\ud800-\udfff]/gu, (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 0x09 && keepTabs) return ch;
    if (c < 0x20) return String.fromCharCode(0x2400 + c);
    if (c === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

export const TAB_WIDTH = 4;

/** Terminal width of one code point: 0 for combining marks and zero-width, 2 for wide East Asian and emoji. */
export function codePointWidth(cp: number): number {
  if (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/**
 * Renders a (terminal-safe) line for display with tabs expanded, and returns the display column
 * (0-based) at which each UTF-16 index starts; `cols[line.length]` is the end of the line.
 */
export function layout(line: string): { display: string; cols: number[] } {
  const cols: number[] = new Array<number>(line.length + 1);
  let display = '';
  let col = 0;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    for (let k = 0; k < units; k++) cols[i + k] = col;
    if (cp === 0x09) {
      const n = TAB_WIDTH - (col % TAB_WIDTH);
      display += ' '.repeat(n);
      col += n;
    } else {
      display += String.fromCodePoint(cp);
      col += codePointWidth(cp);
    }
    i += units;
  }
  cols[line.length] = col;
  return { display, cols };
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
