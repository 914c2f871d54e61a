import { defineRule } from '../rule.js';
import { familySpan, unitOf, words } from './support/names.js';

export default defineRule({
  code: 'OM214',
  name: 'total-after-unit',
  category: 'practice',
  severity: 'warning',
  description: '`_total` should come after the unit (`_seconds_total`)',
  since: '0.1.0',
  sources: [{ kind: 'naming-guide', ref: 'Metric names: `process_cpu_seconds_total`' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { totalBeforeUnit: 'Metric name `{{name}}` has `_total` before its unit `{{unit}}`' },
  help: { totalBeforeUnit: 'Put the unit first: `…_{{unit}}_total`' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const parts = words(family.name);
        const i = parts.indexOf('total');
        if (i < 1) return;
        const unit = parts.slice(i + 1).find((p) => unitOf(p));
        if (unit) ctx.report({ messageId: 'totalBeforeUnit', data: { name: family.name, unit }, span: familySpan(family) });
      },
    };
  },
});
