import { samplesOf } from '@omkit/parser';
import { defineRule } from '../rule.js';

export default defineRule({
  code: 'OM159',
  name: 'no-summary-quantiles',
  category: 'conformance',
  severity: 'info',
  description: 'Summaries should not expose precomputed quantiles',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 1.0 §Summary: precomputed quantiles SHOULD NOT be used' },
    { kind: 'spec', ref: 'OM 2.0 §Summary: Summaries SHOULD NOT be used' },
    { kind: 'prometheus', ref: 'Histograms and summaries: quantiles cannot be aggregated' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['strict'],
  messages: { quantiles: 'Summary `{{name}}` exposes precomputed quantiles' },
  help: { quantiles: 'Use a histogram: its buckets can be aggregated across instances and time ranges' },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (family.type !== 'summary') return;
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); )
            // OpenMetrics 2.0: the quantiles are part of the composite value.
            if (c.composite?.kind === 'summary' ? c.composite.quantiles.length > 0 : c.labels.some((l) => l.name === 'quantile')) {
              ctx.report({ messageId: 'quantiles', data: { name: family.name }, span: c.span });
              return;
            }
      },
    };
  },
});
