import { defineRule } from '../rule.js';
import { familySpan, lowerWords, SINGULAR_UNITS } from './support/names.js';

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
        // The unit is the name's suffix, before `_total`; `meter` elsewhere is a device, not a unit.
        const all = lowerWords(family.name);
        const parts = all[all.length - 1] === 'total' ? all.slice(0, -1) : all;
        const unit = parts[parts.length - 1]!;
        const plural = SINGULAR_UNITS[unit];
        if (plural === undefined || parts.length < 2 || parts[parts.length - 2] === 'per') return;
        ctx.report({ messageId: 'singular', data: { name: family.name, unit, plural }, span: familySpan(family) });
      },
    };
  },
});
