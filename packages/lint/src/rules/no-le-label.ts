import { BUCKET_LABEL, PART_LABEL_OWNERS } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { reportReservedLabel } from './support/reserved-label.js';

// The types whose points the label tells apart: the parser's table (OM 1.0 §Histogram, §Summary).
const OWNERS: readonly string[] = PART_LABEL_OWNERS[BUCKET_LABEL]!;

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
        reportReservedLabel(ctx, family, BUCKET_LABEL, OWNERS);
      },
    };
  },
});
