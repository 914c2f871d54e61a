// A terminal rendering, like a unified diff: one `@@ family @@` hunk per family, `+`/`-`/`~` lines.
import { summarize } from '../summary.js';
import type { Change } from '../types.js';
import { byFamily, lineOf, summaryLine, type Line } from './lines.js';

export interface TextOptions {
  /** ANSI colours; the caller decides (TTY, NO_COLOR, FORCE_COLOR). Default false. */
  color?: boolean;
  /** Names of the two inputs, printed as a `--- a` / `+++ b` header when given. */
  before?: string;
  after?: string;
}

const ansi = { reset: '\u001b[0m', bold: '\u001b[1m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', magenta: '\u001b[35m', cyan: '\u001b[36m' };

export function formatText(changes: readonly Change[], options: TextOptions = {}): string {
  const color = options.color === true;
  const paint = (code: string, text: string) => (color ? `${code}${text}${ansi.reset}` : text);
  let out = '';
  if (options.before !== undefined) out += `${paint(ansi.bold, `--- ${options.before}`)}\n`;
  if (options.after !== undefined) out += `${paint(ansi.bold, `+++ ${options.after}`)}\n`;
  for (const [family, group] of byFamily(changes)) {
    out += `${paint(ansi.cyan, `@@ ${family} @@`)}\n`;
    for (const change of group) out += `${paintLine(lineOf(change), paint)}\n`;
  }
  const summary = summarize(changes);
  out += `${summaryLine(summary.kinds, summary.total, summary.families)}\n`;
  return out;
}

function paintLine(line: Line, paint: (code: string, text: string) => string): string {
  const text = `${line.marker} ${line.text}`;
  if (line.alert) return paint(ansi.magenta + ansi.bold, text);
  if (line.marker === '+') return paint(ansi.green, text);
  if (line.marker === '-') return paint(ansi.red, text);
  return paint(ansi.yellow, text);
}
