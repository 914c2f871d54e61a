import { defineRule } from '../rule.js';
import { familySpan, SINGULAR_UNITS } from './support/names.js';

export default defineRule({
  code: 'OM212',
  name: 'plural-unit',
  category: 'practice',
  severity: 'warning',
  description: 'Unit suffixes should be plural (`_seconds`, not `_second`)',
  since: '0.1.0',
  sources: [{ kind: 'naming-guide', ref: 'Metric names: "base units … plural form"' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { singular: 'Metric name `{{name}}` uses the singular unit `{{unit}}`' },
  help: { singular: 'Use `{{plural}}`' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const parts = family.name.toLowerCase().split('_');
        for (let i = 1; i < parts.length; i++) {
          const plural = SINGULAR_UNITS[parts[i]!];
          if (plural === undefined || parts[i - 1] === 'per') continue;
          ctx.report({ messageId: 'singular', data: { name: family.name, unit: parts[i]!, plural }, span: familySpan(family) });
          return;
        }
      },
    };
  },
});
