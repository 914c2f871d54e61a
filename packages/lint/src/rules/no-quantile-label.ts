import { QUANTILE_LABEL, PART_LABEL_OWNERS } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { reportReservedLabel } from './support/reserved-label.js';

// The types whose points the label tells apart: the parser's table (OM 1.0 §Histogram, §Summary).
const OWNERS: readonly string[] = PART_LABEL_OWNERS[QUANTILE_LABEL]!;

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
        reportReservedLabel(ctx, family, QUANTILE_LABEL, OWNERS);
      },
    };
  },
});
