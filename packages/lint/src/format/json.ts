// `json`: a stable, versioned document (documented in the package README, "JSON output").
import type { Diagnostic } from '@omkit/parser';
import { firedRules } from './rules.js';
import { summarize } from './summary.js';
import { ordered } from './text.js';
import type { Formatter, RuleSummary, LintSummary } from './types.js';

export interface JsonReport {
  /** Bumped on any incompatible change of this shape. */
  version: 1;
  /** One entry per input, in input order, also for inputs without diagnostics. */
  results: { source: string; diagnostics: Diagnostic[] }[];
  /** Metadata of every rule that fired, keyed and sorted by code. */
  rules: Record<string, RuleSummary>;
  summary: LintSummary;
}

export const formatJson: Formatter = (inputs, ctx) => {
  const report: JsonReport = {
    version: 1,
    results: inputs.map((input) => ({
      source: input.source,
      diagnostics: ordered(input.diagnostics).map((d) => diagnostic(d, input.source)),
    })),
    rules: Object.fromEntries([...firedRules(inputs, ctx)].map(([code, r]) => [code, rule(r)])),
    summary: summarize(inputs),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};

/** A fixed key order, `source` set to the input's name, absent fields left out. */
function diagnostic(d: Diagnostic, source: string): Diagnostic {
  return {
    code: d.code,
    name: d.name,
    category: d.category,
    severity: d.severity,
    message: d.message,
    source,
    ...(d.span && { span: d.span }),
    ...(d.metric !== undefined && { metric: d.metric }),
    ...(d.help !== undefined && { help: d.help }),
    ...(d.detail && { detail: d.detail }),
    ...(d.fix && { fix: d.fix }),
    url: d.url,
  };
}

function rule(r: RuleSummary): RuleSummary {
  return {
    code: r.code,
    name: r.name,
    category: r.category,
    severity: r.severity,
    description: r.description,
    url: r.url,
    ...(r.fixable !== undefined && { fixable: r.fixable }),
  };
}
