import type { Diagnostic } from '@omkit/parser';
import type { FormatContext, LintedInput, RuleSummary } from './types.js';

/**
 * The rules that fired in `inputs`, keyed and sorted by code. Metadata comes from `ctx.rules`
 * (looked up by code, then by name); a rule missing there is described from its first diagnostic.
 */
export function firedRules(inputs: readonly LintedInput[], ctx: Pick<FormatContext, 'rules'>): Map<string, RuleSummary> {
  const known = new Map<string, RuleSummary>();
  for (const r of ruleList(ctx.rules)) {
    known.set(r.code, r);
    if (!known.has(r.name)) known.set(r.name, r);
  }
  const fired = new Map<string, RuleSummary>();
  for (const input of inputs) {
    for (const d of input.diagnostics) {
      if (!fired.has(d.code)) fired.set(d.code, known.get(d.code) ?? known.get(d.name) ?? describe(d));
    }
  }
  return new Map([...fired].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function describe(d: Diagnostic): RuleSummary {
  return { code: d.code, name: d.name, category: d.category, severity: d.severity, description: d.name, url: d.url };
}

function ruleList(rules: FormatContext['rules']): readonly RuleSummary[] {
  if (rules === undefined) return [];
  if (Array.isArray(rules)) return rules as readonly RuleSummary[];
  return [...(rules as ReadonlyMap<string, RuleSummary>).values()];
}
