import { defineRule } from '../rule.js';
import { familySpan } from './support/names.js';

export default defineRule({
  code: 'OM157',
  name: 'no-unknown-type',
  category: 'conformance',
  severity: 'info',
  description: 'Metric families should declare a type other than `unknown`',
  since: '0.1.0',
  sources: [{ kind: 'spec', ref: 'OM 1.0 §Unknown: Unknown SHOULD NOT be used' }],
  fixable: false,
  requiresScrape: false,
  presets: ['strict'],
  messages: {
    untyped: 'Metric family `{{name}}` has no `# TYPE` line',
    unknownType: 'Metric family `{{name}}` has the type `unknown`',
  },
  help: {
    untyped: 'Declare its type (`counter`, `gauge`, …) with `# TYPE {{name}} <type>`',
    unknownType: 'Declare its real type; `unknown` is for third-party data whose type cannot be known',
  },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (family.type !== 'unknown') return;
        ctx.report({ messageId: family.typeDeclared ? 'unknownType' : 'untyped', data: { name: family.name }, span: familySpan(family) });
      },
    };
  },
});
