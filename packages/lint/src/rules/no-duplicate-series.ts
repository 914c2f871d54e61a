import { samplesOf, type Label, type Metric, type ParseResult, type SampleCursor } from '@omkit/parser';
import { defineRule } from '../rule.js';

/**
 * Parser codes that already cover a repeated series at a sample: a repeated bucket is a bucket not
 * above the one before it (OM115), a repeated Prometheus text quantile one not above the one
 * before it (OM128).
 */
const PARSER_CODES = new Set(['OM126', 'OM123', 'OM115', 'OM128']);

function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

/** An order-independent hash of a label set (empty values count as absent); no allocation. */
function labelHash(labels: readonly Label[]): number {
  let sum = 0;
  for (const l of labels) {
    if (l.value === '') continue;
    sum = (sum + hashString(hashString(2166136261, l.name) ^ 0xff, l.value)) | 0;
  }
  return sum;
}

function sameSet(a: readonly Label[], b: readonly Label[]): boolean {
  let na = 0;
  for (const l of a) {
    if (l.value === '') continue;
    na++;
    if (!b.some((x) => x.name === l.name && x.value === l.value)) return false;
  }
  let nb = 0;
  for (const l of b) if (l.value !== '') nb++;
  return na === nb;
}

/**
 * A sample's name plus its point labels (`le`, `quantile`, the stateset label) and its timestamp:
 * OpenMetrics lets a series be written once per timestamp (OM 1.0 §MetricPoint, OM 2.0 §Metric: a
 * history of points in increasing timestamp order), which repeats no series.
 */
function sampleKey(s: SampleCursor, metric: Metric, family: string): string {
  let k = s.name;
  if (s.labels.length !== metric.labels.length)
    for (const l of s.labels) if (l.name === 'le' || l.name === 'quantile' || l.name === family) k += `\u0002${l.name}\u0001${l.value}`;
  if (s.timestamp !== undefined) k += `\u0003${s.timestamp}`;
  return k;
}

export default defineRule({
  code: 'OM226',
  name: 'no-duplicate-series',
  category: 'practice',
  severity: 'warning',
  description: 'A series should appear once, whatever the order of its labels',
  since: '0.1.0',
  sources: [
    { kind: 'promlint', ref: 'LintDuplicateMetric (made independent of label order)' },
    { kind: 'spec', ref: 'OM 1.0 §MetricFamily: every Metric MUST have a unique LabelSet' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { duplicate: 'Series `{{series}}` appears more than once' },
  help: { duplicate: 'Remove the repeated line; the ingestion of duplicates is undefined' },
  create(ctx) {
    // The lines the parser reported, per result (a lint session walks several parts).
    let covered: Set<number> | undefined;
    let coveredFor: ParseResult | undefined;
    const report = (s: SampleCursor) => {
      if (coveredFor !== ctx.result) {
        coveredFor = ctx.result;
        covered = new Set(ctx.result.diagnostics.filter((d) => PARSER_CODES.has(d.code) && d.span).map((d) => d.span!.start.line));
      }
      if (covered!.has(s.span.start.line)) return;
      const labels = s.labels.map((l) => `${l.name}="${l.value}"`).join(',');
      ctx.report({ messageId: 'duplicate', data: { series: labels ? `${s.name}{${labels}}` : s.name }, span: s.span });
    };
    return {
      MetricFamily(family) {
        // The parser groups samples by label set as written; find groups with the same set in
        // another order (by an order-independent hash, then a real comparison), then repeated
        // samples (same name and point labels) within the merged groups.
        const byHash = new Map<number, Metric[]>();
        const keys = new Map<Metric, Set<string>>();
        const keysOf = (m: Metric) => {
          let set = keys.get(m);
          if (!set) {
            set = new Set();
            for (const c = samplesOf(m); c.next(); ) set.add(sampleKey(c, m, family.name));
            keys.set(m, set);
          }
          return set;
        };
        for (const m of family.metrics) {
          const h = labelHash(m.labels);
          const earlier = byHash.get(h);
          const twin = earlier?.find((e) => sameSet(e.labels, m.labels));
          if (earlier) earlier.push(m);
          else byHash.set(h, [m]);
          const c = samplesOf(m);
          if (!twin && c.count === 1) continue;
          const seen = twin ? keysOf(twin) : new Set<string>();
          while (c.next()) {
            const k = sampleKey(c, m, family.name);
            if (!seen.has(k)) {
              seen.add(k);
              continue;
            }
            report(c);
          }
          if (!twin) keys.set(m, seen);
        }
      },
    };
  },
});
