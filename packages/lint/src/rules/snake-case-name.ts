import * as v from 'valibot';
import picomatch from 'picomatch';
import { defineRule } from '../rule.js';
import { familySpan } from './support/names.js';

export default defineRule({
  code: 'OM208',
  name: 'snake-case-name',
  category: 'practice',
  severity: 'warning',
  description: 'Metric names should be lower snake_case',
  since: '0.1.0',
  sources: [
    { kind: 'promlint', ref: 'LintCamelCase' },
    { kind: 'spec', ref: 'OM 1.0 §Name' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { notSnakeCase: 'Metric name `{{name}}` is not snake_case' },
  help: { notSnakeCase: 'Use lower-case words separated by `_`, e.g. `{{suggestion}}`' },
  options: v.optional(
    v.strictObject({
      allow: v.optional(v.pipe(v.array(v.string()), v.description('Globs of names to accept (e.g. `node_memory_*`)')), []),
    }),
    {},
  ),
  create(ctx) {
    const allowed = ctx.options.allow.length ? picomatch(ctx.options.allow) : () => false;
    return {
      MetricFamily(family) {
        if (!/[A-Z]/.test(family.name) || allowed(family.name)) return;
        const suggestion = family.name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
        ctx.report({ messageId: 'notSnakeCase', data: { name: family.name, suggestion }, span: familySpan(family) });
      },
    };
  },
});
