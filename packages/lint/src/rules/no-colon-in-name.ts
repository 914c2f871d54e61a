import * as v from 'valibot';
import { defineRule } from '../rule.js';
import { familySpan } from './support/names.js';

const RECORDING_RULE = /^[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z0-9_]+$/;

export default defineRule({
  code: 'OM207',
  name: 'no-colon-in-name',
  category: 'practice',
  severity: 'warning',
  description: 'Colons in names are reserved for recording rules and aggregations',
  since: '0.1.0',
  sources: [
    { kind: 'promlint', ref: 'LintReservedChars' },
    { kind: 'spec', ref: 'OM 1.0 §Name' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { colon: 'Metric name `{{name}}` contains `:`' },
  help: { colon: 'Use `_` in instrumented metrics; colons mark the output of recording rules (`level:metric:operations`)' },
  options: v.optional(
    v.strictObject({
      allowRecordingRules: v.optional(
        v.pipe(v.boolean(), v.description('Allow names shaped like recording-rule outputs, `level:metric:operations`')),
        true,
      ),
    }),
    {},
  ),
  presetOptions: { strict: { allowRecordingRules: false } },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (!family.name.includes(':')) return;
        if (ctx.options.allowRecordingRules && RECORDING_RULE.test(family.name)) return;
        ctx.report({ messageId: 'colon', data: { name: family.name }, span: familySpan(family) });
      },
    };
  },
});
