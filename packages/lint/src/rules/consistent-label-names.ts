import type { Metric } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { sameNames } from './support/family-labels.js';
import { firstSpan } from './support/names.js';

function key(labels: readonly { name: string }[]): string {
  return labels.map((l) => l.name).sort().join(',');
}

export default defineRule({
  code: 'OM156',
  name: 'consistent-label-names',
  category: 'conformance',
  severity: 'warning',
  description: 'All series of a family should have the same label names',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 1.0 §Metric: Metrics … SHOULD have the same set of label names' },
    { kind: 'naming-guide', ref: 'Labels: sum() over all dimensions should be meaningful' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { differentLabels: 'Series of `{{name}}` have different label names ({{expected}} vs {{actual}})' },
  help: { differentLabels: 'Give every series the same labels; use a value such as `"none"` instead of leaving one out' },
  create(ctx) {
    return {
      MetricFamily(family) {
        let first: string | undefined;
        let previous: Metric | undefined;
        for (const m of family.metrics) {
          // The same names in the same order as the metric before: the same set.
          if (previous !== undefined && sameNames(previous.labels, m.labels)) continue;
          previous = m;
          const k = key(m.labels);
          if (first === undefined) first = k;
          else if (k !== first) {
            const show = (s: string) => (s ? `\`${s}\`` : 'none');
            ctx.report({
              messageId: 'differentLabels',
              data: { name: family.name, expected: show(first), actual: show(k) },
              span: firstSpan(m),
              detail: { expected: first, actual: k },
            });
            return;
          }
        }
      },
    };
  },
});
