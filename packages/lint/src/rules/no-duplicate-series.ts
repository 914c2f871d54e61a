import type { Label } from '@omkit/parser';
import { defineRule } from '../rule.js';

/** Parser codes that already cover a repeated series at a sample. */
const PARSER_CODES = new Set(['OM126', 'OM123']);

function key(name: string, labels: readonly Label[]): string {
  return `${name}\u0000${labels
    .filter((l) => l.value !== '')
    .map((l) => `${l.name}\u0001${l.value}`)
    .sort()
    .join('\u0000')}`;
}

export default defineRule({
  code: 'OM226',
  name: 'no-duplicate-series',
  category: 'practice',
  severity: 'warning',
  description: 'A series should appear once, whatever the order of its labels',
  since: '0.1.0',
  sources: [
    { kind: 'promlint', ref: 'LintDuplicateMetric (made independent of label order)' },
    { kind: 'spec', ref: 'OM 1.0 §MetricFamily: every Metric MUST have a unique LabelSet' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { duplicate: 'Series `{{series}}` appears more than once' },
  help: { duplicate: 'Remove the repeated line; the ingestion of duplicates is undefined' },
  create(ctx) {
    let covered: Set<number> | undefined;
    return {
      MetricFamily(family) {
        const seen = new Set<string>();
        for (const m of family.metrics)
          for (const s of m.samples) {
            const k = key(s.name, s.labels);
            if (!seen.has(k)) {
              seen.add(k);
              continue;
            }
            covered ??= new Set(
              ctx.result.diagnostics.filter((d) => PARSER_CODES.has(d.code) && d.span).map((d) => d.span!.start.line),
            );
            if (covered.has(s.span.start.line)) continue;
            const labels = s.labels.map((l) => `${l.name}="${l.value}"`).join(',');
            ctx.report({ messageId: 'duplicate', data: { series: labels ? `${s.name}{${labels}}` : s.name }, span: s.span });
          }
      },
    };
  },
});
