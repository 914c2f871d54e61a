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
  const report: JsonReport = { version: 1, changes, summary: summarize(changes) };
  return `${JSON.stringify(report, nonFinite, 2)}\n`;
}

function nonFinite(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isFinite(value)) return value;
  return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
}
