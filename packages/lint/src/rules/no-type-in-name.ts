import { defineRule } from '../rule.js';
import { familySpan, lowerName } from './support/names.js';

const WORDS: Readonly<Record<string, readonly string[]>> = {
  counter: ['counter'],
  gauge: ['gauge'],
  summary: ['summary'],
  histogram: ['histogram'],
  gaugehistogram: ['gaugehistogram', 'gauge_histogram'],
};

export default defineRule({
  code: 'OM206',
  name: 'no-type-in-name',
  category: 'practice',
  severity: 'warning',
  description: "Names should not contain the family's own type",
  since: '0.1.0',
  sources: [{ kind: 'promlint', ref: 'LintMetricTypeInName (after client_golang#1455)' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { typeInName: 'The {{type}} `{{name}}` has its type `{{word}}` in its name' },
  help: { typeInName: 'Drop `{{word}}` from the name: the type is in the metadata' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const lower = lowerName(family.name);
        for (const word of WORDS[family.type] ?? []) {
          if (lower.includes(`_${word}_`) || lower.endsWith(`_${word}`)) {
            ctx.report({ messageId: 'typeInName', data: { name: family.name, type: family.type, word }, span: familySpan(family) });
            return;
          }
        }
      },
    };
  },
});
