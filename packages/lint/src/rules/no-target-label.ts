import * as v from 'valibot';
import { defineRule } from '../rule.js';
import { familyLabels } from './support/family-labels.js';
import { labelSpan } from './support/spans.js';

export default defineRule({
  code: 'OM223',
  name: 'no-target-label',
  category: 'practice',
  severity: 'warning',
  description: 'Series should not carry the target labels `job` and `instance`',
  since: '0.1.0',
  sources: [
    { kind: 'prometheus', ref: 'scrape_config honor_labels: conflicting labels are renamed to `exported_<name>`' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { targetLabel: 'Label `{{label}}` of `{{name}}` will be renamed to `exported_{{label}}` by Prometheus' },
  help: { targetLabel: 'Prometheus sets `{{label}}` from the scrape target; rename the label, or scrape with `honor_labels: true` (e.g. a Pushgateway)' },
  options: v.optional(
    v.strictObject({
      labels: v.optional(v.pipe(v.array(v.string()), v.description('Labels the scraper attaches to every series')), ['job', 'instance']),
    }),
    {},
  ),
  create(ctx) {
    const targets = new Set(ctx.options.labels);
    return {
      MetricFamily(family) {
        if (family.name === 'target' || family.name === 'target_info') return;
        for (const [label, m] of familyLabels(family).ofMetrics)
          if (targets.has(label)) ctx.report({ messageId: 'targetLabel', data: { label, name: family.name }, span: labelSpan(ctx.text, m.samples[0]!, label) });
      },
    };
  },
});
