// OpenMetrics 2.0 composite samples (OM 2.0 §CompositeValue, §Native Buckets, §Sample "st@"),
// compared field by field; and the same data in 1.0 and 2.0 lining up series by series. The models
// are built by hand here (what the parser returns for 2.0 text), so these tests do not depend on
// the 2.0 reader; composite-text.test.ts runs the same comparisons from 2.0 text.
import type { HistogramValue, Metric, MetricFamily, MetricType, NativeBuckets, ParseResult, Sample, Span, SummaryValue } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { computeStats, countSeries, diff, formatText, type Change } from '../src/index.js';
import { om } from './helpers.js';

const SPAN: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };

interface One {
  labels?: Record<string, string>;
  value?: number;
  composite?: HistogramValue | SummaryValue;
  st?: number;
  timestamp?: number;
}

function labelsOf(record: Record<string, string> = {}) {
  return Object.entries(record).map(([name, value]) => ({ name, value }));
}

function family(name: string, type: MetricType, samples: One[]): MetricFamily {
  const metrics: Metric[] = samples.map((s) => {
    const labels = labelsOf(s.labels);
    const sample: Sample = {
      name,
      labels,
      value: s.composite === undefined ? s.value! : Number.NaN,
      span: SPAN,
      ...(s.composite !== undefined ? { composite: s.composite } : {}),
      ...(s.st !== undefined ? { startTimestamp: s.st } : {}),
      ...(s.timestamp !== undefined ? { timestamp: s.timestamp } : {}),
    };
    return { labels, samples: [sample] };
  });
  return { name, type, typeDeclared: true, descriptors: [], metrics, span: SPAN };
}

const om2 = (...families: MetricFamily[]): ParseResult => ({ format: 'openmetrics-2.0', families, diagnostics: [] });

function native(fields: Partial<NativeBuckets> = {}): NativeBuckets {
  return {
    schema: 0,
    zeroThreshold: 1e-4,
    zeroCount: 0,
    negativeSpans: [],
    negativeBuckets: [],
    positiveSpans: [],
    positiveBuckets: [],
    ...fields,
  };
}

const histogram = (count: number, sum: number, rest: Partial<HistogramValue> = {}): HistogramValue => ({ kind: 'histogram', count, sum, ...rest });

const brief = (changes: readonly Change[]) =>
  changes.map((c) => {
    const o = c as unknown as Record<string, unknown>;
    return [c.kind, o.series ?? c.family, o.field, o.index, o.from, o.to].filter((x) => x !== undefined);
  });

describe('classic buckets of a composite', () => {
  const a = om2(family('latency_seconds', 'histogram', [{ labels: { path: '/' }, composite: histogram(10, 4, { buckets: [{ le: 0.1, count: 3 }, { le: 1, count: 8 }, { le: Infinity, count: 10 }] }) }]));
  const b = om2(family('latency_seconds', 'histogram', [{ labels: { path: '/' }, composite: histogram(14, 5.5, { buckets: [{ le: 0.1, count: 3 }, { le: 0.5, count: 6 }, { le: Infinity, count: 14 }] }) }]));

  it('compares count, sum and each bucket as the 1.0 series they convert to, with the layout change', () => {
    expect(brief(diff(a, b, { intervalSeconds: 2 }))).toEqual([
      ['bucket-layout-changed', 'latency_seconds{path="/"}', ['0.1', '1', '+Inf'], ['0.1', '0.5', '+Inf']],
      ['series-removed', 'latency_seconds_bucket{le="1",path="/"}'],
      ['series-added', 'latency_seconds_bucket{le="0.5",path="/"}'],
      ['value-changed', 'latency_seconds_bucket{le="+Inf",path="/"}', 10, 14],
      ['value-changed', 'latency_seconds_count{path="/"}', 10, 14],
      ['value-changed', 'latency_seconds_sum{path="/"}', 4, 5.5],
    ]);
    const count = diff(a, b, { intervalSeconds: 2 }).find((c) => c.kind === 'value-changed' && c.series.startsWith('latency_seconds_count'));
    expect(count).toMatchObject({ delta: 4, interval: 2, rate: 2 });
  });

  it('lines up with the same data written in OpenMetrics 1.0', () => {
    const one = om`
      # TYPE latency_seconds histogram
      latency_seconds_bucket{path="/",le="0.1"} 3
      latency_seconds_bucket{path="/",le="1.0"} 8
      latency_seconds_bucket{path="/",le="+Inf"} 10
      latency_seconds_count{path="/"} 10
      latency_seconds_sum{path="/"} 4
      # EOF
    `;
    expect(diff(one, a)).toEqual([]);
    expect(diff(a, one)).toEqual([]);
    expect(brief(diff(one, b)).map((c) => c[0])).toEqual(['bucket-layout-changed', 'series-removed', 'series-added', 'value-changed', 'value-changed', 'value-changed']);
  });

  it('a NaN Sum (what a 1.0 histogram without `_sum` and `_count` converts to) stands for neither series', () => {
    const one = om`
      # TYPE a histogram
      a_bucket{le="+Inf"} 1
      # EOF
    `;
    const two = om2(family('a', 'histogram', [{ composite: histogram(1, Number.NaN, { buckets: [{ le: Infinity, count: 1 }] }) }]));
    expect(diff(one, two)).toEqual([]);
    expect(countSeries(two.families)).toBe(1);
  });

  it('a bucket that went down is a counter reset; in a gauge histogram it is a value change', () => {
    const down = om2(family('latency_seconds', 'histogram', [{ labels: { path: '/' }, composite: histogram(10, 4, { buckets: [{ le: 0.1, count: 2 }, { le: 1, count: 8 }, { le: Infinity, count: 10 }] }) }]));
    expect(brief(diff(a, down))).toEqual([['counter-reset', 'latency_seconds_bucket{le="0.1",path="/"}', 3, 2]]);
    const gauge = (v: HistogramValue) => om2(family('queue', 'gaugehistogram', [{ composite: { ...v, kind: 'gaugehistogram' } }]));
    expect(brief(diff(gauge(histogram(5, 2, { buckets: [{ le: Infinity, count: 5 }] })), gauge(histogram(3, 1, { buckets: [{ le: Infinity, count: 3 }] }))))).toEqual([
      ['value-changed', 'queue_bucket{le="+Inf"}', 5, 3],
      ['value-changed', 'queue_gcount', 5, 3],
      ['value-changed', 'queue_gsum', 2, 1],
    ]);
  });
});

describe('summaries', () => {
  const summary = (count: number, sum: number, q: [number, number][]): SummaryValue => ({ kind: 'summary', count, sum, quantiles: q.map(([quantile, value]) => ({ quantile, value })) });

  it('compares each quantile, count and sum; lines up with 1.0', () => {
    const a = om2(family('rpc_seconds', 'summary', [{ composite: summary(5, 2, [[0.5, 0.3], [0.99, 1]]) }]));
    const b = om2(family('rpc_seconds', 'summary', [{ composite: summary(7, 2.5, [[0.5, 0.25], [0.99, 1]]) }]));
    expect(brief(diff(a, b))).toEqual([
      ['value-changed', 'rpc_seconds_count', 5, 7],
      ['value-changed', 'rpc_seconds_sum', 2, 2.5],
      ['value-changed', 'rpc_seconds{quantile="0.5"}', 0.3, 0.25],
    ]);
    const one = om`
      # TYPE rpc_seconds summary
      rpc_seconds{quantile="0.5"} 0.3
      rpc_seconds{quantile="0.99"} 1
      rpc_seconds_count 5
      rpc_seconds_sum 2
      # EOF
    `;
    expect(diff(one, a)).toEqual([]);
  });
});

describe('start timestamps', () => {
  it('a newer st@ resets every counter series of the metric, and is compared as the `_created` it replaces', () => {
    const a = om2(family('jobs_total', 'counter', [{ value: 50, st: 1000 }]));
    const b = om2(family('jobs_total', 'counter', [{ value: 60, st: 2000 }]));
    const changes = diff(a, b);
    expect(brief(changes)).toEqual([['counter-reset', 'jobs_total', 50, 60]]);
    expect(changes[0]).toMatchObject({ reason: 'created' });
    expect(formatText(changes)).toContain('~ jobs_total 50 → 60 (counter reset: _created/st@ moved)');
    // An older st@ is no restart: the change is shown as the `_created` series'.
    expect(brief(diff(b, a))).toEqual([
      ['value-changed', 'jobs_created', 2000, 1000],
      ['counter-reset', 'jobs_total', 60, 50],
    ]);
  });

  it('a 2.0 counter `x_total` with st@ is the 1.0 counter `x` with `x_created`, and the diff names it `x`', () => {
    const one = om`
      # TYPE jobs counter
      jobs_total 50
      jobs_created 1000
      # EOF
    `;
    expect(diff(one, om2(family('jobs_total', 'counter', [{ value: 50, st: 1000 }])))).toEqual([]);
    const changes = diff(one, om2(family('jobs_total', 'counter', [{ value: 70, st: 1000 }])));
    expect(brief(changes)).toEqual([['value-changed', 'jobs_total', 50, 70]]);
    expect(changes[0]!.family).toBe('jobs');
  });

  it('a 2.0 info family `x_info` is the 1.0 info family `x`', () => {
    const one = om`
      # TYPE build info
      build_info{version="1"} 1
      # EOF
    `;
    expect(diff(one, om2(family('build_info', 'info', [{ labels: { version: '1' }, value: 1 }])))).toEqual([]);
  });
});

describe('native histograms', () => {
  const nh = (count: number, sum: number, n: Partial<NativeBuckets>, st?: number) =>
    om2(family('req_seconds', 'histogram', [{ labels: { path: '/' }, composite: histogram(count, sum, { native: native(n) }), ...(st !== undefined ? { st } : {}) }]));
  const key = 'req_seconds{path="/"}';

  it('compares count, sum, zero bucket and each bucket by absolute index', () => {
    // positive buckets at indexes -1, 0 (span -1:2) and 4, 5 (span 3:2).
    const a = nh(20, 10, { zeroCount: 1, positiveSpans: [{ offset: -1, length: 2 }, { offset: 3, length: 2 }], positiveBuckets: [5, 7, 4, 3] });
    const b = nh(26, 13, { zeroCount: 1, positiveSpans: [{ offset: -1, length: 2 }, { offset: 3, length: 2 }], positiveBuckets: [5, 9, 4, 7] });
    const changes = diff(a, b, { intervalSeconds: 2 });
    expect(brief(changes)).toEqual([
      ['value-changed', key, 'count', 20, 26],
      ['value-changed', key, 'sum', 10, 13],
      ['value-changed', key, 'positive-bucket', 0, 7, 9],
      ['value-changed', key, 'positive-bucket', 5, 3, 7],
    ]);
    expect(changes[3]).toMatchObject({ rate: 2 });
    expect(formatText(changes)).toContain(`~ ${key} positive[5] 3 → 7 (+4, 2/s)`);
  });

  it('a span change is a layout change; a bucket the spans leave out holds 0', () => {
    const a = nh(10, 5, { positiveSpans: [{ offset: 0, length: 2 }], positiveBuckets: [4, 6] });
    const b = nh(12, 6, { positiveSpans: [{ offset: 1, length: 2 }], positiveBuckets: [8, 4], negativeSpans: [{ offset: 2, length: 1 }], negativeBuckets: [0] });
    const changes = diff(a, b);
    expect(changes[0]).toMatchObject({ kind: 'native-layout-changed', series: key, positive: { added: [2], removed: [0] }, negative: { added: [2], removed: [] } });
    // Bucket 0 emptied: the histogram reset (Prometheus' DetectReset), every field that differs says so.
    expect(brief(changes).slice(1)).toEqual([
      ['counter-reset', key, 'count', 10, 12],
      ['counter-reset', key, 'sum', 5, 6],
      ['counter-reset', key, 'positive-bucket', 0, 4, 0],
      ['counter-reset', key, 'positive-bucket', 1, 6, 8],
      ['counter-reset', key, 'positive-bucket', 2, 0, 4],
    ]);
    expect(changes.slice(1).every((c) => c.kind === 'counter-reset' && c.reason === 'decrease')).toBe(true);
    expect(formatText(changes)).toContain(`~ native ${key} positive [+2, -0], negative [+2]`);
    // A bucket that appears, with none going down, is a value change from 0.
    const grown = nh(14, 7, { positiveSpans: [{ offset: 0, length: 3 }], positiveBuckets: [4, 6, 4] });
    expect(brief(diff(a, grown)).slice(1)).toEqual([
      ['value-changed', key, 'count', 10, 14],
      ['value-changed', key, 'sum', 5, 7],
      ['value-changed', key, 'positive-bucket', 2, 0, 4],
    ]);
  });

  it('a schema change is a layout change; buckets are compared at the lower schema', () => {
    // Schema 1 buckets 1, 2 (bounds √2, 2) merge into schema 0 bucket 1 (bound 2); 3, 4 into 2.
    const a = nh(10, 5, { schema: 1, positiveSpans: [{ offset: 1, length: 4 }], positiveBuckets: [1, 2, 3, 4] });
    const b = nh(11, 6, { schema: 0, positiveSpans: [{ offset: 1, length: 2 }], positiveBuckets: [3, 8] });
    const changes = diff(a, b);
    expect(changes[0]).toMatchObject({ kind: 'native-layout-changed', from: { schema: 1 }, to: { schema: 0 }, positive: { added: [], removed: [] } });
    expect(brief(changes).slice(1)).toEqual([
      ['value-changed', key, 'count', 10, 11],
      ['value-changed', key, 'sum', 5, 6],
      ['value-changed', key, 'positive-bucket', 2, 7, 8],
    ]);
    expect(formatText(changes)).toContain(`~ native ${key} schema 1 → 0`);
  });

  it('a count, zero bucket or bucket that went down is a counter reset; a zero threshold change is a layout change', () => {
    const a = nh(10, 5, { zeroCount: 2, positiveSpans: [{ offset: 0, length: 1 }], positiveBuckets: [8] });
    const b = nh(4, 1, { zeroThreshold: 1e-3, zeroCount: 1, positiveSpans: [{ offset: 0, length: 1 }], positiveBuckets: [3] });
    const changes = diff(a, b);
    expect(changes[0]).toMatchObject({ kind: 'native-layout-changed', from: { zeroThreshold: 1e-4 }, to: { zeroThreshold: 1e-3 } });
    expect(brief(changes).slice(1)).toEqual([
      ['counter-reset', key, 'count', 10, 4],
      ['counter-reset', key, 'sum', 5, 1],
      ['counter-reset', key, 'zero-count', 2, 1],
      ['counter-reset', key, 'positive-bucket', 0, 8, 3],
    ]);
    expect(formatText(changes)).toContain(`~ ${key} zero 2 → 1 (counter reset)`);
  });

  it('a sum that went down alone is a value change (negative observations); a finer schema is a reset', () => {
    const a = nh(10, 5, { positiveSpans: [{ offset: 0, length: 1 }], positiveBuckets: [10] });
    expect(brief(diff(a, nh(11, 4, { positiveSpans: [{ offset: 0, length: 1 }], positiveBuckets: [11] })))).toEqual([
      ['value-changed', key, 'count', 10, 11],
      ['value-changed', key, 'sum', 5, 4],
      ['value-changed', key, 'positive-bucket', 0, 10, 11],
    ]);
    // Schema 0 → 1: bucket 0 of schema 1 merges into bucket 0 of schema 0; compared there, equal, but
    // Prometheus cannot raise a resolution: a reset.
    const finer = nh(11, 6, { schema: 1, positiveSpans: [{ offset: 0, length: 1 }], positiveBuckets: [11] });
    expect(brief(diff(a, finer)).map((c) => c[0])).toEqual(['native-layout-changed', 'counter-reset', 'counter-reset', 'counter-reset']);
  });

  it('a newer st@ resets every field, even those that went up', () => {
    const a = nh(10, 5, { positiveSpans: [{ offset: 0, length: 1 }], positiveBuckets: [10] }, 1000);
    const b = nh(12, 6, { positiveSpans: [{ offset: 0, length: 1 }], positiveBuckets: [12] }, 2000);
    const changes = diff(a, b);
    expect(changes.every((c) => c.kind === 'counter-reset' && c.reason === 'created')).toBe(true);
    expect(brief(changes).map((c) => c[2])).toEqual(['count', 'sum', 'zero-count', 'positive-bucket']);
  });

  it('one series; its populated buckets are counted by computeStats', () => {
    const a = nh(20, 10, { zeroCount: 1, positiveSpans: [{ offset: -1, length: 2 }, { offset: 3, length: 2 }], positiveBuckets: [5, 7, 4, 3], negativeSpans: [{ offset: 0, length: 1 }], negativeBuckets: [1] });
    expect(countSeries(a.families)).toBe(1);
    const s = computeStats('x', '', a);
    expect(s).toMatchObject({ series: 1, samples: 1, nativeBuckets: 5 });
    expect(s.byFamily[0]).toMatchObject({ series: 1, nativeBuckets: 5 });
    // With classic buckets too: the classic series count as in 1.0, the native histogram as one more.
    const both = om2(family('req_seconds', 'histogram', [{ composite: histogram(2, 1, { native: native({ positiveSpans: [{ offset: 0, length: 1 }], positiveBuckets: [2] }), buckets: [{ le: 1, count: 2 }, { le: Infinity, count: 2 }] }), st: 5 }]));
    expect(computeStats('x', '', both)).toMatchObject({ series: 6, samples: 1, nativeBuckets: 1 });
  });

  it('a native histogram added or removed is one series whose value is its count', () => {
    const a = nh(20, 10, {});
    expect(brief(diff(om2(), a))).toEqual([['family-added', 1], ['series-added', key]]);
    expect(diff(om2(), a)[1]).toMatchObject({ value: 20 });
    expect(diff(a, om2())[1]).toMatchObject({ kind: 'series-removed', series: key, value: 20 });
  });
});
