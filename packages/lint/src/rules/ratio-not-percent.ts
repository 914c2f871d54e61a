import { defineRule } from '../rule.js';
import { familySpan, lowerWords } from './support/names.js';

const PERCENT = new Set(['percent', 'percentage', 'percents', 'pct']);

export default defineRule({
  code: 'OM213',
  name: 'ratio-not-percent',
  category: 'practice',
  severity: 'warning',
  description: 'Proportions should be `_ratio` values from 0 to 1, not percentages',
  since: '0.1.0',
  sources: [
    { kind: 'naming-guide', ref: 'Base units: ratio' },
    { kind: 'otel', ref: 'otlptranslator unitMap `%` → `percent`' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { percent: 'Metric name `{{name}}` is a percentage (`{{word}}`)' },
  help: { percent: 'Export a ratio from 0 to 1 named `…_ratio`' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const word = lowerWords(family.name).find((p) => PERCENT.has(p));
        if (word) ctx.report({ messageId: 'percent', data: { name: family.name, word }, span: familySpan(family) });
      },
    };
  },
});
