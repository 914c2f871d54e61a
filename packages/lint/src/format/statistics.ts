// `om lint --statistics`: one row per rule with findings, as ruff's `--statistics`: the count, the
// code and name, and whether its findings carry a fix `--fix` applies. Sorted by count, most first.
import type { Diagnostic } from '@omkit/parser';
import { paint } from './color.js';
import type { FormatContext, LintedInput } from './types.js';

export interface RuleStatistic {
  code: string;
  name: string;
  /** Findings of this rule over all inputs. */
  count: number;
  /** Of them, those carrying a fix (`safe` unless `unsafe` was asked for). */
  fixable: number;
}

/** Counts per rule over all inputs; by count, descending, then code. */
export function ruleStatistics(inputs: readonly LintedInput[], options: { unsafe?: boolean } = {}): RuleStatistic[] {
  const byCode = new Map<string, RuleStatistic>();
  const fixable = (d: Diagnostic) => d.fix !== undefined && d.fix.edits.length > 0 && (d.fix.applicability === 'safe' || options.unsafe === true);
  for (const input of inputs) {
    for (const d of input.diagnostics) {
      let s = byCode.get(d.code);
      if (s === undefined) byCode.set(d.code, (s = { code: d.code, name: d.name, count: 0, fixable: 0 }));
      s.count++;
      if (fixable(d)) s.fixable++;
    }
  }
  return [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/**
 * The text table: `  113  OM216/timestamp-seconds-suffix  [*]`, with `[*]` when every finding of
 * the rule has a fix and `[~]` when some do. Empty when there are no findings.
 */
export function formatStatistics(stats: readonly RuleStatistic[], ctx: Pick<FormatContext, 'color'>): string {
  if (stats.length === 0) return '';
  const width = Math.max(...stats.map((s) => String(s.count).length));
  const names = stats.map((s) => `${s.code}/${s.name}`);
  const nameWidth = Math.max(...names.map((n) => n.length));
  return stats
    .map((s, i) => {
      const mark = s.fixable === 0 ? '' : s.fixable === s.count ? '[*]' : '[~]';
      const line = `${String(s.count).padStart(width)}  ${paint(ctx.color, 'bold', names[i]!)}${mark ? `${' '.repeat(nameWidth - names[i]!.length)}  ${mark}` : ''}`;
      return `${line}\n`;
    })
    .join('');
}
