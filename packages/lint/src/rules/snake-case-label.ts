import { defineRule } from '../rule.js';
import { familyLabels } from './support/family-labels.js';
import { labelSpan } from './support/spans.js';

export default defineRule({
  code: 'OM209',
  name: 'snake-case-label',
  category: 'practice',
  severity: 'warning',
  description: 'Label names should be lower snake_case',
  since: '0.1.0',
  sources: [{ kind: 'promlint', ref: 'LintCamelCase' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { notSnakeCase: 'Label `{{label}}` of `{{name}}` is not snake_case' },
  help: { notSnakeCase: 'Rename it to `{{suggestion}}`' },
  create(ctx) {
    return {
      MetricFamily(family) {
        for (const [label, s] of familyLabels(family).ofSamples) {
          if (!/[A-Z]/.test(label)) continue;
          const suggestion = label.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
          ctx.report({ messageId: 'notSnakeCase', data: { label, name: family.name, suggestion }, span: labelSpan(ctx.source, s, label) });
        }
      },
    };
  },
});
