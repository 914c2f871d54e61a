import { defineRule } from '../rule.js';
import { familySpan, isPartLabel } from './support/names.js';

export default defineRule({
  code: 'OM217',
  name: 'no-label-name-in-metric-name',
  category: 'practice',
  severity: 'warning',
  description: 'Metric names should not name their own labels (`_by_<label>`)',
  since: '0.1.0',
  sources: [{ kind: 'naming-guide', ref: 'Labels: do not put label names in the metric name' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { labelInName: 'Metric name `{{name}}` contains its label name `{{label}}` (`by_{{label}}`)' },
  help: { labelInName: 'Drop `by_{{label}}` from the name; the label already says it' },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (!family.name.includes('_by_')) return;
        const seen = new Set<string>();
        for (const m of family.metrics)
          for (const l of m.labels) {
            if (seen.has(l.name) || isPartLabel(family, l.name)) continue;
            seen.add(l.name);
            const token = `_by_${l.name}`;
            if (family.name.includes(`${token}_`) || family.name.endsWith(token))
              ctx.report({ messageId: 'labelInName', data: { name: family.name, label: l.name }, span: familySpan(family) });
          }
      },
    };
  },
});
