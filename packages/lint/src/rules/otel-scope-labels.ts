import { defineRule } from '../rule.js';
import { firstLine } from './support/names.js';
import { labelSpan } from './support/spans.js';

const SCOPE_DETAILS = ['otel_scope_version', 'otel_scope_schema_url'];

export default defineRule({
  code: 'OM231',
  name: 'otel-scope-labels',
  category: 'practice',
  severity: 'warning',
  description: '`otel_scope_*` labels should come with `otel_scope_name`',
  since: '0.1.0',
  sources: [{ kind: 'otel', ref: 'Prometheus and OpenMetrics compatibility: Instrumentation Scope → `otel_scope_name`, `otel_scope_version`' }],
  fixable: false,
  requiresScrape: false,
  presets: ['otel'],
  messages: { missingScopeName: 'Series of `{{name}}` have `{{label}}` but no `otel_scope_name`' },
  help: { missingScopeName: 'The scope is identified by its name: add `otel_scope_name`' },
  create(ctx) {
    return {
      MetricFamily(family) {
        for (const m of family.metrics) {
          const detail = m.labels.find((l) => SCOPE_DETAILS.includes(l.name));
          const scopeInfo = family.name === 'otel_scope_info' || (family.name === 'otel_scope' && family.type === 'info');
          if ((detail || scopeInfo) && !m.labels.some((l) => l.name === 'otel_scope_name')) {
            ctx.report({
              messageId: 'missingScopeName',
              data: { name: family.name, label: detail?.name ?? family.name },
              span: detail ? labelSpan(ctx.source, firstLine(m), detail.name) : firstLine(m).span,
            });
            return;
          }
        }
      },
    };
  },
});
