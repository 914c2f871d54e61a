// The stable machine-readable rendering: `{ version: 1, changes, summary }` (README § JSON).
import { summarize, type Summary } from '../summary.js';
import type { Change } from '../types.js';

export interface JsonReport {
  readonly version: 1;
  readonly changes: readonly Change[];
  readonly summary: Summary;
}

/** Pretty-printed JSON ending in a newline. NaN and ±Inf are written as `"NaN"`, `"+Inf"`, `"-Inf"`. */
export function formatJson(changes: readonly Change[]): string {
  const report: JsonReport = { version: 1, changes: changes.map(finite), summary: summarize(changes) };
  // No replacer: JSON.stringify is several times faster without one on large reports.
  return `${JSON.stringify(report, undefined, 2)}\n`;
}

/** The numeric fields of a change; the others are strings, spans and counts. */
const NUMBERS = ['from', 'to', 'delta', 'interval', 'rate', 'value'] as const;

/** The change itself, or a copy with its non-finite numbers written as strings. */
function finite(change: Change): Change {
  let copy: Record<string, unknown> | undefined;
  for (const field of NUMBERS) {
    const value = (change as unknown as Record<string, unknown>)[field];
    if (typeof value !== 'number' || Number.isFinite(value)) continue;
    copy ??= { ...change };
    copy[field] = Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  }
  return (copy ?? change) as Change;
}
