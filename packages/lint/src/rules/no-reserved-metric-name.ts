import { defineRule } from '../rule.js';
import { familySpan } from './support/names.js';

export default defineRule({
  code: 'OM154',
  name: 'no-reserved-metric-name',
  category: 'conformance',
  severity: 'error',
  description: 'Metric family names must not start with an underscore',
  since: '0.1.0',
  sources: [{ kind: 'spec', ref: 'OM 1.0 §Name: names beginning with underscores are RESERVED and MUST NOT be used' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  // The parser reports OpenMetrics 2.0's reserved names itself (OM135).
  formats: ['prometheus', 'openmetrics'],
  messages: { reserved: 'Metric name `{{name}}` starts with `_`, which is reserved' },
  help: { reserved: 'Start the name with the application prefix instead' },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (family.name.startsWith('_')) ctx.report({ messageId: 'reserved', data: { name: family.name }, span: familySpan(family) });
      },
    };
  },
});
