import { defineRule } from '../rule.js';
import { labelSpan } from './support/spans.js';

const OWNERS: readonly string[] = ['histogram', 'gaugehistogram'];

export default defineRule({
  code: 'OM204',
  name: 'no-le-label',
  category: 'practice',
  severity: 'warning',
  description: 'Only histograms should have a `le` label',
  since: '0.1.0',
  sources: [
    { kind: 'promlint', ref: 'LintHistogramSummaryReserved' },
    { kind: 'spec', ref: 'OM 1.0 §Label' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { reservedLabel: 'The {{type}} `{{name}}` has a `le` label, which is reserved for histograms' },
  help: { reservedLabel: 'Rename the label' },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (OWNERS.includes(family.type)) return;
        for (const metric of family.metrics)
          for (const s of metric.samples)
            if (s.labels.some((l) => l.name === 'le')) {
              ctx.report({ messageId: 'reservedLabel', data: { name: family.name, type: family.type }, span: labelSpan(ctx.text, s, 'le') });
              return;
            }
      },
    };
  },
});
