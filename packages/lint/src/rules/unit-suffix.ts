import { defineRule } from '../rule.js';
import { familySpan } from './support/names.js';

export default defineRule({
  code: 'OM236',
  name: 'unit-suffix',
  category: 'practice',
  severity: 'warning',
  description: 'An OpenMetrics 2.0 family with a unit should end in it (before `_total` for counters)',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 2.0 §Unit: if non-empty, it SHOULD be a suffix of the MetricFamily name separated by an underscore' },
    { kind: 'spec', ref: 'OM 2.0 §MetricFamily metadata: an underscore and the unit SHOULD be the suffix (or infix before `_total` for Counters) of the MetricFamily name' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  // OpenMetrics 1.0 makes it a MUST, which the parser checks (OM105).
  formats: ['openmetrics-2.0'],
  messages: { missingUnit: 'The {{type}} `{{name}}` has the unit `{{unit}}` but does not end in `{{suffix}}`' },
  help: { missingUnit: 'Name it `{{suggestion}}`, so that readers see the unit in the name' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const unit = family.unit;
        if (unit === undefined || unit === '') return;
        const counter = family.type === 'counter' && family.name.endsWith('_total');
        const stem = counter ? family.name.slice(0, -'_total'.length) : family.name;
        const suffix = `_${unit}`;
        if (stem.endsWith(suffix)) return;
        ctx.report({
          messageId: 'missingUnit',
          data: { name: family.name, type: family.type, unit, suffix: counter ? `${suffix}_total` : suffix, suggestion: `${stem}${suffix}${counter ? '_total' : ''}` },
          span: familySpan(family),
        });
      },
    };
  },
});
