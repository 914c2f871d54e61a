import { samplesOf } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { labelSpan } from './support/spans.js';

export default defineRule({
  code: 'OM151',
  name: 'quantile-range',
  category: 'conformance',
  severity: 'error',
  description: 'Summary quantiles must be between 0 and 1 (in Prometheus text; the parser checks OpenMetrics)',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 1.0 §Summary: Quantiles MUST be between 0 and 1 inclusive' },
    { kind: 'prometheus', ref: 'Metric types §Summary: φ-quantiles (0 ≤ φ ≤ 1)' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  // The parser checks OpenMetrics quantiles itself, 1.0 and 2.0 (OM109).
  formats: ['prometheus'],
  messages: { outOfRange: 'Quantile `{{quantile}}` of `{{name}}` is outside [0, 1]' },
  help: { outOfRange: 'Write quantiles as fractions: the 99th percentile is `0.99`' },
  create(ctx) {
    // The 0.0.4 format asks only for a float (Prometheus stores `quantile="99"`, e.g. redis_exporter
    // 1.45's `redis_latency_percentiles_usec`): out of the data model's range, but no format
    // violation, so a warning unless configured.
    return {
      MetricFamily(family) {
        if (family.type !== 'summary') return;
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); ) {
            const q = c.labels.find((l) => l.name === 'quantile');
            if (!q) continue;
            const n = Number(q.value);
            if (Number.isNaN(n) && q.value.trim() !== 'NaN') continue; // unparseable: the parser reports it
            if (!(n >= 0 && n <= 1))
              ctx.report({ messageId: 'outOfRange', data: { quantile: q.value, name: family.name }, span: labelSpan(ctx.source, c, 'quantile', 'value'), severity: 'warning' });
          }
      },
    };
  },
});
