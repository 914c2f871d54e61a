import { defineRule } from '../rule.js';
import { familySpan } from './support/names.js';

export default defineRule({
  code: 'OM202',
  name: 'no-total-suffix-on-non-counter',
  category: 'practice',
  severity: 'warning',
  description: 'Only counters should have names ending in `_total`',
  since: '0.1.0',
  sources: [{ kind: 'promlint', ref: 'LintCounter' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { unexpectedTotal: 'The {{type}} `{{name}}` has a `_total` suffix, which marks counters' },
  help: { unexpectedTotal: 'Drop `_total`, or make it a counter if it only ever goes up' },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (family.type === 'counter' || family.type === 'unknown') return;
        if (family.name.endsWith('_total'))
          ctx.report({ messageId: 'unexpectedTotal', data: { name: family.name, type: family.type }, span: familySpan(family) });
      },
    };
  },
});
