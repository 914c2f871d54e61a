import { defineRule } from '../rule.js';
import { familySpan, words } from './support/names.js';

const STATUS = /^(?:[1-5]\d\d|[1-5]xx)$/i;

export default defineRule({
  code: 'OM218',
  name: 'no-status-code-in-name',
  category: 'practice',
  severity: 'warning',
  description: 'Status codes belong in a label, not in the metric name',
  since: '0.1.0',
  sources: [
    { kind: 'naming-guide', ref: 'Labels: no procedurally generated metric names' },
    { kind: 'instrumentation-guide', ref: 'Use labels' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { statusInName: 'Metric name `{{name}}` contains the status code `{{status}}`' },
  help: { statusInName: 'Use one metric with a `code` label, e.g. `{{suggestion}}{code="{{status}}"}`' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const parts = words(family.name);
        const i = parts.findIndex((p, j) => j > 0 && STATUS.test(p));
        if (i < 0) return;
        const suggestion = parts.filter((_, j) => j !== i).join('_');
        ctx.report({ messageId: 'statusInName', data: { name: family.name, status: parts[i]!, suggestion }, span: familySpan(family) });
      },
    };
  },
});
