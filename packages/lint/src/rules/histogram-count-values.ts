import { samplesOf, type HistogramValue } from '@omkit/parser';
import { defineRule } from '../rule.js';

/** The counts of a histogram value, each with the field it is written in. */
function* counts(h: HistogramValue): Generator<[field: string, value: number]> {
  yield [h.kind === 'gaugehistogram' ? 'gcount' : 'count', h.count];
  for (const b of h.buckets ?? []) yield [`bucket ${b.le === Infinity ? '+Inf' : b.le}`, b.count];
  const n = h.native;
  if (n) {
    yield ['zero_count', n.zeroCount];
    for (const v of n.positiveBuckets) yield ['positive_buckets', v];
    for (const v of n.negativeBuckets) yield ['negative_buckets', v];
  }
}

export default defineRule({
  code: 'OM229',
  name: 'histogram-count-values',
  category: 'practice',
  severity: 'warning',
  description: 'OpenMetrics 2.0 histogram counts and bucket values should be whole, finite numbers',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 2.0 §Histogram: the Count SHOULD be an integer and SHOULD NOT be +Inf, NaN; bucket values SHOULD be integers and SHOULD NOT be +Inf, NaN' },
    { kind: 'spec', ref: 'OM 2.0 §GaugeHistogram: the Gcount and bucket values SHOULD be integers and SHOULD NOT be -Inf, +Inf, NaN, or negative' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  formats: ['openmetrics-2.0'],
  messages: {
    notInteger: 'The {{type}} `{{name}}` has the {{field}} value {{value}}, not a whole number',
    notCount: 'The {{type}} `{{name}}` has the {{field}} value {{value}}, which counts no observations',
  },
  help: {
    notInteger: 'Counts count observations: expose whole numbers',
    notCount: 'A count is a finite number of observations, never NaN or infinite (nor negative in a gauge histogram)',
  },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (family.type !== 'histogram' && family.type !== 'gaugehistogram' && family.type !== 'unknown') return;
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); ) {
            const h = c.composite;
            if (h === undefined || h.kind === 'summary') continue;
            for (const [field, value] of counts(h)) {
              // A histogram's negative counts are the parser's (a MUST, OM110); a gauge histogram's are a SHOULD.
              const countless = !Number.isFinite(value) || (h.kind === 'gaugehistogram' && value < 0);
              if (!countless && Number.isInteger(value)) continue;
              const data = { name: family.name, type: h.kind, field, value: Number.isNaN(value) ? 'NaN' : value === Infinity ? '+Inf' : value === -Infinity ? '-Inf' : value };
              ctx.report({ messageId: countless ? 'notCount' : 'notInteger', data, span: c.span });
              return;
            }
          }
      },
    };
  },
});
