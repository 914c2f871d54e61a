import { samplesOf, type BucketSpan, type HistogramValue } from '@omkit/parser';
import { defineRule } from '../rule.js';

type Bounds = { min: number; max: number };

/** The least and greatest Sum the classic buckets allow: each observation lies in (previous `le`, `le`]. */
function classicBounds(buckets: HistogramValue['buckets'] & object): Bounds | undefined {
  let min = 0;
  let max = 0;
  let below = -Infinity;
  let before = 0;
  for (const b of buckets) {
    const n = b.count - before;
    if (!(n >= 0)) return undefined; // not cumulative: the parser's to report
    if (n > 0) {
      min += n * below;
      max += n * b.le;
    }
    below = b.le;
    before = b.count;
  }
  return { min, max };
}

/** The indexes of the buckets the spans cover, in order. */
function* indexes(spans: readonly BucketSpan[]): Generator<number> {
  let index = 0;
  for (const [k, span] of spans.entries()) {
    index += k === 0 ? span.offset : span.offset;
    for (let j = 0; j < span.length; j++) yield index++;
  }
}

/** The least and greatest Sum the native buckets allow (OM 2.0 §Native Buckets boundaries). */
function nativeBounds(n: NonNullable<HistogramValue['native']>): Bounds | undefined {
  const base = 2 ** (2 ** -n.schema);
  let min = -n.zeroThreshold * n.zeroCount;
  let max = n.zeroThreshold * n.zeroCount;
  const add = (spans: readonly BucketSpan[], counts: readonly number[], sign: 1 | -1): boolean => {
    let k = 0;
    for (const i of indexes(spans)) {
      const count = counts[k++];
      if (count === undefined || !(count >= 0)) return false;
      if (count === 0) continue;
      const lower = Math.min(base ** (i - 1), Number.MAX_VALUE);
      const upper = base ** i > Number.MAX_VALUE ? (base ** (i - 1) >= Number.MAX_VALUE ? Infinity : Number.MAX_VALUE) : base ** i;
      if (sign === 1) {
        min += count * lower;
        max += count * upper;
      } else {
        min -= count * upper;
        max -= count * lower;
      }
    }
    return true;
  };
  if (!add(n.positiveSpans, n.positiveBuckets, 1) || !add(n.negativeSpans, n.negativeBuckets, -1)) return undefined;
  return { min, max };
}

const show = (x: number): string => (x === Infinity ? '+Inf' : x === -Infinity ? '-Inf' : String(x));

export default defineRule({
  code: 'OM235',
  name: 'histogram-sum-range',
  category: 'practice',
  severity: 'warning',
  description: 'An OpenMetrics 2.0 histogram\'s Sum should be one its buckets can produce',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 2.0 §Histogram: the Sum is the sum of the measurements; §Classic Buckets and §Native Buckets: the bucket boundaries each measurement lies within' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  formats: ['openmetrics-2.0'],
  messages: { outOfRange: 'The {{type}} `{{name}}` has the sum {{sum}}, which its {{buckets}} buckets cannot produce (from {{min}} to {{max}})' },
  help: { outOfRange: 'Each observation lies within its bucket\'s boundaries, so the sum does too: check that the sum and the buckets come from the same observations, in the same unit' },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (family.type !== 'histogram' && family.type !== 'gaugehistogram' && family.type !== 'unknown') return;
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); ) {
            const h = c.composite;
            // A NaN sum is what NaN observations give (§Histogram): no bound applies.
            if (h === undefined || h.kind === 'summary' || !Number.isFinite(h.sum)) continue;
            const checks: [string, Bounds | undefined][] = [];
            if (h.native) checks.push(['native', nativeBounds(h.native)]);
            if (h.buckets && h.buckets.length > 0) checks.push(['classic', classicBounds(h.buckets)]);
            for (const [buckets, b] of checks) {
              if (b === undefined) continue;
              const slack = 1e-9 * Math.max(1, Math.abs(h.sum), Number.isFinite(b.min) ? Math.abs(b.min) : 0, Number.isFinite(b.max) ? Math.abs(b.max) : 0);
              if (h.sum >= b.min - slack && h.sum <= b.max + slack) continue;
              ctx.report({
                messageId: 'outOfRange',
                data: { name: family.name, type: h.kind, sum: h.sum, buckets, min: show(b.min), max: show(b.max) },
                span: c.span,
                detail: { expected: `${show(b.min)} to ${show(b.max)}`, actual: show(h.sum) },
              });
              return;
            }
          }
      },
    };
  },
});
