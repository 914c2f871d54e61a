import { defineRule } from '../rule.js';
import { reportReservedLabel } from './support/reserved-label.js';

const OWNERS: readonly string[] = ['summary'];

export default defineRule({
  code: 'OM205',
  name: 'no-quantile-label',
  category: 'practice',
  severity: 'warning',
  description: 'Only summaries should have a `quantile` label',
  since: '0.1.0',
  sources: [
    { kind: 'promlint', ref: 'LintHistogramSummaryReserved' },
    { kind: 'spec', ref: 'OM 1.0 §Label' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { reservedLabel: 'The {{type}} `{{name}}` has a `quantile` label, which is reserved for summaries' },
  help: { reservedLabel: 'Rename the label' },
  create(ctx) {
    return {
      MetricFamily(family) {
        reportReservedLabel(ctx, family, 'quantile', OWNERS);
      },
    };
  },
});
