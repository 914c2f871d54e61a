import { defineRule } from '../rule.js';
import { familySpan, lowerWords, unitOf } from './support/names.js';

export default defineRule({
  code: 'OM211',
  name: 'base-unit',
  category: 'practice',
  severity: 'warning',
  description: 'Names should use base units (seconds, bytes, meters, …)',
  since: '0.1.0',
  sources: [
    { kind: 'promlint', ref: 'LintMetricUnits (prefix list fixed: `mebi`, `exa`, `exbi`)' },
    { kind: 'naming-guide', ref: 'Base units' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { nonBaseUnit: 'Metric name `{{name}}` uses the unit `{{unit}}` instead of the base unit `{{base}}`' },
  help: { nonBaseUnit: 'Convert the value to `{{base}}` and rename the metric' },
  create(ctx) {
    return {
      MetricFamily(family) {
        for (const word of lowerWords(family.name)) {
          for (const part of word.split(':')) {
            const u = unitOf(part);
            if (u && u.unit !== u.base) {
              ctx.report({ messageId: 'nonBaseUnit', data: { name: family.name, unit: u.unit, base: u.base }, span: familySpan(family) });
              return;
            }
          }
        }
      },
    };
  },
});
