import * as v from 'valibot';
import { defineRule } from '../rule.js';
import { familySpan } from './support/names.js';

export default defineRule({
  code: 'OM220',
  name: 'series-cardinality',
  category: 'practice',
  severity: 'warning',
  description: 'A metric family should not have too many series',
  since: '0.1.0',
  sources: [
    { kind: 'instrumentation-guide', ref: 'Do not overuse labels: cardinality below 10, investigate above 100' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { tooManySeries: 'Metric family `{{name}}` has {{count}} series' },
  help: { tooManySeries: 'Drop or bound high-cardinality labels (more than {{limit}} series per family is a lot)' },
  options: v.optional(
    v.pipe(
      v.strictObject({
        info: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.description('Report as info above this many series')), 100),
        warning: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.description('Report as warning above this many series')), 1000),
      }),
    ),
    {},
  ),
  presetOptions: { strict: { info: 10, warning: 100 } },
  create(ctx) {
    const { info, warning } = ctx.options;
    return {
      MetricFamily(family) {
        const count = family.metrics.length;
        if (count <= Math.min(info, warning)) return;
        const severity = count > warning ? 'warning' : 'info';
        const limit = count > warning ? warning : info;
        ctx.report({
          messageId: 'tooManySeries',
          data: { name: family.name, count, limit },
          span: familySpan(family),
          severity,
          detail: { expected: `at most ${limit}`, actual: String(count) },
        });
      },
    };
  },
});
