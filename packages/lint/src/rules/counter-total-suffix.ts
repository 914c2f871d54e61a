import { samplesOf } from '@omkit/parser';
import { defineRule } from '../rule.js';

export default defineRule({
  code: 'OM201',
  name: 'counter-total-suffix',
  category: 'practice',
  severity: 'warning',
  description: 'Counter samples should end in `_total`',
  since: '0.1.0',
  sources: [
    { kind: 'promlint', ref: 'LintCounter' },
    { kind: 'spec', ref: 'OM 1.0 §Counter' },
    { kind: 'spec', ref: 'OM 2.0 §Counter: the MetricFamily name for Counters SHOULD end in `_total`' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  // In OpenMetrics 1.0 the parser reports counter samples without `_total` (OM107); in 2.0 it is a
  // SHOULD, and the one sample of a counter is named as its family.
  formats: ['prometheus', 'openmetrics-2.0'],
  messages: { missingTotal: 'Counter sample `{{sample}}` has no `_total` suffix' },
  help: { missingTotal: 'Rename it to `{{sample}}_total`' },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (family.type !== 'counter') return;
        for (const metric of family.metrics)
          for (const c = samplesOf(metric); c.next(); )
            if (!c.name.endsWith('_total') && !c.name.endsWith('_created')) {
              ctx.report({ messageId: 'missingTotal', data: { sample: c.name }, span: c.span });
              return;
            }
      },
    };
  },
});
