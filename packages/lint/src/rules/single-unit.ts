import { defineRule } from '../rule.js';
import { familySpan, lowerWords, unitOf } from './support/names.js';

export default defineRule({
  code: 'OM225',
  name: 'single-unit',
  category: 'practice',
  severity: 'warning',
  description: 'A metric name should have one unit (rates are `A_per_B`)',
  since: '0.1.0',
  sources: [{ kind: 'naming-guide', ref: 'Metric names: MUST use a single unit' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { mixedUnits: 'Metric name `{{name}}` has the units `{{first}}` and `{{second}}`' },
  help: { mixedUnits: 'Keep one unit, or write a rate as `{{first}}_per_{{second}}`' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const parts = lowerWords(family.name);
        let first: string | undefined;
        for (let i = 1; i < parts.length; i++) {
          const p = parts[i]!;
          if (p === 'per') {
            i++; // the divisor of a rate
            continue;
          }
          if (!unitOf(p) || p === 'ratio') continue;
          if (first === undefined) first = p;
          else if (p !== first) {
            ctx.report({ messageId: 'mixedUnits', data: { name: family.name, first, second: p }, span: familySpan(family) });
            return;
          }
        }
      },
    };
  },
});
