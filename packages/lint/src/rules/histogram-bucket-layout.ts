import { samplesOf, type Metric, type ParseResult } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { firstSpan } from './support/names.js';

/**
 * Parser codes that find a series' own buckets broken (no `+Inf` bucket, thresholds out of order or
 * repeated): that series' layout is the parser's error to report, not a layout choice.
 */
const PARSER_CODES = new Set(['OM114', 'OM115']);

/** The metric's bucket thresholds, or undefined when one of its lines is in `broken`. */
function layout(metric: Metric, family: string, broken: ReadonlySet<number>): string[] | undefined {
  const out: string[] = [];
  const bucket = `${family}_bucket`;
  for (const c = samplesOf(metric); c.next(); ) {
    if (broken.size > 0 && broken.has(c.span.start.line)) return undefined;
    // OpenMetrics 2.0: the classic buckets are part of the composite value.
    if (c.composite !== undefined && c.composite.kind !== 'summary') {
      for (const b of c.composite.buckets ?? []) out.push(String(b.le));
      continue;
    }
    if (c.name !== bucket) continue;
    const le = c.labels.find((l) => l.name === 'le');
    if (le) out.push(String(Number(le.value)));
  }
  return out;
}

export default defineRule({
  code: 'OM150',
  name: 'histogram-bucket-layout',
  category: 'conformance',
  severity: 'warning',
  description: 'All series of a histogram should have the same bucket thresholds',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 1.0 §Histogram' },
    { kind: 'spec', ref: 'OM 2.0 §Classic Buckets: thresholds SHOULD stay constant between targets whose metrics are aggregated' },
    { kind: 'prometheus', ref: 'histogram_quantile() over sum by (le): differing layouts give wrong quantiles' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { differentBuckets: 'Histogram `{{name}}` has series with different bucket thresholds' },
  help: { differentBuckets: 'Use one bucket layout for every series of a histogram so that they can be aggregated' },
  create(ctx) {
    // The lines the parser reported, per result (a lint session walks several parts).
    let broken: Set<number> | undefined;
    let brokenFor: ParseResult | undefined;
    return {
      MetricFamily(family) {
        if (family.type !== 'histogram' && family.type !== 'gaugehistogram') return;
        if (brokenFor !== ctx.result) {
          brokenFor = ctx.result;
          broken = new Set(ctx.result.diagnostics.filter((d) => PARSER_CODES.has(d.code) && d.span).map((d) => d.span!.start.line));
        }
        let first: string | undefined;
        for (const m of family.metrics) {
          const les = layout(m, family.name, broken!)?.join(',');
          if (les === undefined) continue;
          if (first === undefined) first = les;
          else if (les !== first) {
            ctx.report({
              messageId: 'differentBuckets',
              data: { name: family.name },
              span: firstSpan(m),
              detail: { expected: first, actual: les },
            });
            return;
          }
        }
      },
    };
  },
});
