import { samplesOf, type BucketSpan, type NativeBuckets, type Span } from '@omkit/parser';
import { defineRule } from '../rule.js';

/**
 * The longest run of empty buckets worth keeping inside a span: the spec keeps one to save a span
 * (§Histogram with Native Buckets); two cost as many numbers as the span that would replace them.
 */
const KEPT_RUN = 2;

/** Whether the buckets hold an empty one not worth keeping: at a span's ends, or in a longer run inside it. */
function needlessEmpty(spans: readonly BucketSpan[], buckets: readonly number[]): boolean {
  let k = 0;
  for (const span of spans) {
    const run = buckets.slice(k, k + span.length);
    k += span.length;
    if (run.length === 0) continue;
    if (run[0] === 0 || run[run.length - 1] === 0) return true;
    let zeros = 0;
    for (const v of run) {
      zeros = v === 0 ? zeros + 1 : 0;
      if (zeros > KEPT_RUN) return true;
    }
  }
  return false;
}

/** Whether a positive zero threshold is a lower limit of a bucket of `schema`: 2^(j·2^-schema) for an integer j. */
function onBoundary(n: NativeBuckets): boolean {
  if (!(n.zeroThreshold > 0) || !Number.isFinite(n.zeroThreshold)) return true;
  const j = Math.log2(n.zeroThreshold) * 2 ** n.schema;
  return Math.abs(j - Math.round(j)) < 1e-6;
}

export default defineRule({
  code: 'OM237',
  name: 'native-bucket-layout',
  category: 'practice',
  severity: 'warning',
  description: 'Native histograms should leave out empty buckets and put the zero threshold on a bucket boundary',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 2.0 §Native Buckets: Empty positive or negative Native Buckets SHOULD NOT be present; the Zero threshold SHOULD be equal to a lower limit of an arbitrary Native Bucket' },
    { kind: 'spec', ref: 'OM 2.0 §Histogram with Native Buckets: Native Buckets that have a value of 0 SHOULD NOT be present (one may be kept to save a span)' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  formats: ['openmetrics-2.0'],
  messages: {
    emptyBucket: 'The {{type}} `{{name}}` lists empty `{{sign}}_buckets`',
    zeroThreshold: 'The {{type}} `{{name}}` has the zero threshold {{threshold}}, which is no bucket boundary of schema {{schema}}',
  },
  help: {
    emptyBucket: 'Leave empty buckets out: spans skip them (keep one only where it saves a span)',
    zeroThreshold: 'Use a power of two that is a boundary of the schema (e.g. 2^-128, Prometheus\' default), so that the zero bucket ends where a bucket begins',
  },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (family.type !== 'histogram' && family.type !== 'gaugehistogram' && family.type !== 'unknown') return;
        const reported = new Set<string>();
        const report = (messageId: 'emptyBucket' | 'zeroThreshold', data: Record<string, string | number>, span: Span) => {
          if (reported.has(messageId)) return;
          reported.add(messageId);
          ctx.report({ messageId, data: { name: family.name, ...data }, span });
        };
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); ) {
            const h = c.composite;
            if (h === undefined || h.kind === 'summary' || h.native === undefined) continue;
            const n = h.native;
            for (const [sign, spans, buckets] of [['positive', n.positiveSpans, n.positiveBuckets], ['negative', n.negativeSpans, n.negativeBuckets]] as const)
              if (needlessEmpty(spans, buckets)) report('emptyBucket', { type: h.kind, sign }, c.span);
            if (!onBoundary(n)) report('zeroThreshold', { type: h.kind, threshold: n.zeroThreshold, schema: n.schema }, c.span);
          }
      },
    };
  },
});
