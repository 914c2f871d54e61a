import { samplesOf } from '@omkit/parser';
import { defineRule } from '../rule.js';

export default defineRule({
  code: 'OM224',
  name: 'ratio-range',
  category: 'practice',
  severity: 'info',
  description: '`_ratio` gauges should hold values from 0 to 1',
  since: '0.1.0',
  sources: [{ kind: 'naming-guide', ref: 'Base units: ratio, values 0–1' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { outOfRange: 'Ratio `{{name}}` has the value {{value}}, outside [0, 1]' },
  help: { outOfRange: 'A ratio of 1 is 100 %; divide percentages by 100' },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (!family.name.endsWith('_ratio') || (family.type !== 'gauge' && family.type !== 'unknown')) return;
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); )
            if (c.value < 0 || c.value > 1) {
              ctx.report({ messageId: 'outOfRange', data: { name: family.name, value: c.value }, span: c.span });
              return;
            }
      },
    };
  },
});
