import { defineRule } from '../rule.js';
import { familySpan } from './support/names.js';

/** OM 2.0 §Discouraged Suffixes: what OpenMetrics 1.0 and Prometheus text add to histogram and summary samples. */
const DISCOURAGED = ['_count', '_sum', '_gcount', '_gsum', '_bucket'] as const;

export default defineRule({
  code: 'OM227',
  name: 'no-discouraged-suffix',
  category: 'practice',
  severity: 'warning',
  description: 'OpenMetrics 2.0 family names should not end in `_count`, `_sum`, `_gcount`, `_gsum` or `_bucket`',
  since: '0.1.0',
  sources: [{ kind: 'spec', ref: 'OM 2.0 §Name, Discouraged Suffixes: MetricFamily name SHOULD NOT end with `_count`, `_sum`, `_gcount`, `_gsum`, `_bucket`' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  formats: ['openmetrics-2.0'],
  messages: { discouraged: 'The {{type}} `{{name}}` ends in `{{suffix}}`, which OpenMetrics 1.0 gives to histogram and summary samples' },
  help: { discouraged: 'Rename it: converted to OpenMetrics 1.0 or Prometheus text, `{{name}}` can clash with the samples of a histogram or summary named `{{stem}}`' },
  create(ctx) {
    return {
      MetricFamily(family) {
        // Every type, histograms and summaries too: `foo_count {count:…}` becomes `foo_count_count` in 1.0.
        const suffix = DISCOURAGED.find((s) => family.name.endsWith(s) && family.name.length > s.length);
        if (suffix === undefined) return;
        ctx.report({
          messageId: 'discouraged',
          data: { name: family.name, type: family.type, suffix, stem: family.name.slice(0, -suffix.length) },
          span: familySpan(family),
        });
      },
    };
  },
});
