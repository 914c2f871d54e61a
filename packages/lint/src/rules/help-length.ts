import * as v from 'valibot';
import { defineRule } from '../rule.js';

export default defineRule({
  code: 'OM160',
  name: 'help-length',
  category: 'conformance',
  severity: 'info',
  description: 'Help text should be short enough for a tooltip',
  since: '0.1.0',
  sources: [{ kind: 'spec', ref: 'OM 1.0 §Help: SHOULD be short enough to be used as a tooltip' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { tooLong: 'Help text of `{{name}}` is {{length}} characters long' },
  help: { tooLong: 'Keep it to one sentence (at most {{max}} characters); link to longer documentation' },
  options: v.optional(
    v.strictObject({ max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.description('Longest help text accepted')), 200) }),
    {},
  ),
  create(ctx) {
    return {
      MetricFamily(family) {
        const length = family.help === undefined ? 0 : [...family.help].length;
        if (length <= ctx.options.max) return;
        const d = family.descriptors.find((x) => x.kind === 'HELP');
        ctx.report({
          messageId: 'tooLong',
          data: { name: family.name, length, max: ctx.options.max },
          span: d?.span ?? family.span,
          detail: { expected: `at most ${ctx.options.max}`, actual: String(length) },
        });
      },
    };
  },
});
