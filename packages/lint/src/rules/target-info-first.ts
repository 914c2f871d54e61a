import { defineRule } from '../rule.js';
import { familySpan } from './support/names.js';

export default defineRule({
  code: 'OM158',
  name: 'target-info-first',
  category: 'conformance',
  severity: 'warning',
  description: 'The `target` info family should be the first family of the exposition',
  since: '0.1.0',
  sources: [{ kind: 'spec', ref: 'OM 1.0 §MetricSet: an Info MetricFamily called "target" SHOULD be first' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { notFirst: 'Target metadata `{{name}}` is not the first metric family' },
  help: { notFirst: 'Move `{{name}}` to the top so ingestors see target metadata before the samples' },
  create(ctx) {
    return {
      Exposition(result) {
        const i = result.families.findIndex(
          (f) => (f.name === 'target' && f.type === 'info') || (f.name === 'target_info' && f.type !== 'info'),
        );
        if (i > 0) {
          const f = result.families[i]!;
          ctx.report({ messageId: 'notFirst', data: { name: f.name }, span: familySpan(f), metric: f.name });
        }
      },
    };
  },
});
