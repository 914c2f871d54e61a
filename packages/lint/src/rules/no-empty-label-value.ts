import { defineRule } from '../rule.js';

export default defineRule({
  code: 'OM222',
  name: 'no-empty-label-value',
  category: 'practice',
  severity: 'info',
  description: 'Labels with an empty value should be left out',
  since: '0.1.0',
  sources: [{ kind: 'spec', ref: 'OM 1.0 §Label: empty label values SHOULD be treated as if the label was not present' }],
  fixable: false,
  requiresScrape: false,
  presets: ['strict'],
  messages: { emptyValue: 'Label `{{label}}` of `{{name}}` has an empty value' },
  help: { emptyValue: 'An empty value is the same as no label; leave it out' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const seen = new Set<string>();
        for (const m of family.metrics)
          for (const l of m.labels)
            if (l.value === '' && !seen.has(l.name)) {
              seen.add(l.name);
              ctx.report({ messageId: 'emptyValue', data: { label: l.name, name: family.name }, span: m.samples[0]!.span });
            }
      },
    };
  },
});
