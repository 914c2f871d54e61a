import { defineRule } from '../rule.js';
import { familySpan } from './support/names.js';

export default defineRule({
  code: 'OM200',
  name: 'help-text',
  category: 'practice',
  severity: 'warning',
  description: 'Every metric family should have a non-empty `# HELP` line',
  since: '0.1.0',
  sources: [
    { kind: 'promlint', ref: 'LintHelp' },
    { kind: 'spec', ref: 'OM 1.0 §Help' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { missingHelp: 'Metric family `{{name}}` has no help text' },
  help: { missingHelp: 'Add `# HELP {{name}} <one-line description>` before its samples' },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (family.help === undefined) ctx.report({ messageId: 'missingHelp', data: { name: family.name }, span: familySpan(family) });
      },
    };
  },
});
