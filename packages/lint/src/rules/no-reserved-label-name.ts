import { RESERVED_LABEL_PREFIX } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { familyLabels } from './support/family-labels.js';
import { labelSpan } from './support/spans.js';

export default defineRule({
  code: 'OM153',
  name: 'no-reserved-label-name',
  category: 'conformance',
  severity: 'error',
  description: 'Label names must not start with an underscore',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 1.0 §Label: names beginning with underscores are RESERVED and MUST NOT be used' },
    { kind: 'prometheus', ref: 'Data model: `__` prefixed labels are reserved for internal use' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  // The parser reports OpenMetrics 2.0's reserved names itself (OM135), `__type__` and `__unit__` allowed.
  formats: ['prometheus', 'openmetrics'],
  messages: { reserved: 'Label `{{label}}` of `{{name}}` starts with `_`, which is reserved' },
  help: { reserved: 'Rename the label without the leading underscore(s); Prometheus drops `__` labels after relabelling' },
  create(ctx) {
    return {
      MetricFamily(family) {
        for (const [label, s] of familyLabels(family).ofSamples)
          if (label.startsWith(RESERVED_LABEL_PREFIX)) ctx.report({ messageId: 'reserved', data: { label, name: family.name }, span: labelSpan(ctx.source, s, label) });
      },
    };
  },
});
