import { describe, expect, it } from 'vitest';
import { diff, hasChanges, summarize, type Change } from '../src/index.js';
import { om, prom } from './helpers.js';

const kinds = (changes: Change[]) => changes.map((c) => c.kind);
const noDiagnostics = (...results: { diagnostics: unknown[] }[]) => {
  for (const r of results) expect(r.diagnostics).toEqual([]);
};

const base = om`
  # TYPE http_requests counter
  # HELP http_requests Requests served.
  http_requests_total{code="200",method="GET"} 10
  http_requests_total{code="500",method="GET"} 1
  # TYPE temperature_celsius gauge
  # UNIT temperature_celsius celsius
  # HELP temperature_celsius Room temperature.
  temperature_celsius{room="a"} 21.5
  # EOF
`;

describe('diff', () => {
  it('finds nothing between a scrape and itself', () => {
    noDiagnostics(base);
    expect(diff(base, base)).toEqual([]);
  });

  it('reports an added family with its series', () => {
    const b = om`
      # TYPE http_requests counter
      # HELP http_requests Requests served.
      http_requests_total{code="200",method="GET"} 10
      http_requests_total{code="500",method="GET"} 1
      # TYPE temperature_celsius gauge
      # UNIT temperature_celsius celsius
      # HELP temperature_celsius Room temperature.
      temperature_celsius{room="a"} 21.5
      # TYPE up gauge
      up 1
      # EOF
    `;
    noDiagnostics(b);
    const changes = diff(base, b);
    expect(changes).toMatchObject([
      { kind: 'family-added', family: 'up', type: 'gauge', series: 1, after: { start: { line: 9 } } },
      { kind: 'series-added', family: 'up', series: 'up', value: 1, after: { start: { line: 10 } } },
    ]);
    expect(changes[0].before).toBeUndefined();
  });

  it('reports a removed family with its series', () => {
    const b = om`
      # TYPE http_requests counter
      # HELP http_requests Requests served.
      http_requests_total{code="200",method="GET"} 10
      http_requests_total{code="500",method="GET"} 1
      # EOF
    `;
    expect(diff(base, b)).toMatchObject([
      { kind: 'family-removed', family: 'temperature_celsius', type: 'gauge', series: 1, before: { start: { line: 5 } } },
      { kind: 'series-removed', series: 'temperature_celsius{room="a"}', value: 21.5, before: { start: { line: 8 } } },
    ]);
  });

  it('reports TYPE, HELP and UNIT changes with the descriptor spans', () => {
    const b = om`
      # TYPE http_requests counter
      # HELP http_requests Requests served, all of them.
      http_requests_total{code="200",method="GET"} 10
      http_requests_total{code="500",method="GET"} 1
      # TYPE temperature_celsius unknown
      # HELP temperature_celsius Room temperature.
      temperature_celsius{room="a"} 21.5
      # EOF
    `;
    noDiagnostics(b);
    expect(diff(base, b)).toEqual([
      expect.objectContaining({
        kind: 'help-changed', family: 'http_requests', from: 'Requests served.', to: 'Requests served, all of them.',
        before: expect.objectContaining({ start: expect.objectContaining({ line: 2 }) }),
        after: expect.objectContaining({ start: expect.objectContaining({ line: 2 }) }),
      }),
      expect.objectContaining({ kind: 'type-changed', family: 'temperature_celsius', from: 'gauge', to: 'unknown' }),
      expect.objectContaining({ kind: 'unit-changed', family: 'temperature_celsius', from: 'celsius', to: undefined }),
    ]);
  });

  it('reports added and removed series, cardinality and label schema', () => {
    const b = om`
      # TYPE http_requests counter
      # HELP http_requests Requests served.
      http_requests_total{code="200",method="GET",handler="/"} 10
      http_requests_total{code="404",method="GET",handler="/"} 2
      http_requests_total{code="500",method="GET",handler="/"} 1
      # TYPE temperature_celsius gauge
      # UNIT temperature_celsius celsius
      # HELP temperature_celsius Room temperature.
      temperature_celsius{room="a"} 21.5
      # EOF
    `;
    noDiagnostics(b);
    const changes = diff(base, b);
    expect(kinds(changes)).toEqual([
      'label-schema-changed', 'cardinality-changed',
      'series-removed', 'series-removed', 'series-added', 'series-added', 'series-added',
    ]);
    expect(changes[0]).toMatchObject({ from: ['code', 'method'], to: ['code', 'handler', 'method'], added: ['handler'], removed: [] });
    expect(changes[1]).toMatchObject({ from: 2, to: 3, delta: 1 });
    expect(changes[2]).toMatchObject({ series: 'http_requests_total{code="200",method="GET"}' });
    expect(changes[4]).toMatchObject({
      series: 'http_requests_total{code="200",handler="/",method="GET"}',
      labels: [{ name: 'code', value: '200' }, { name: 'handler', value: '/' }, { name: 'method', value: 'GET' }],
    });
  });

  it('ignores label order', () => {
    const b = om`
      # TYPE http_requests counter
      # HELP http_requests Requests served.
      http_requests_total{method="GET",code="200"} 10
      http_requests_total{method="GET",code="500"} 1
      # TYPE temperature_celsius gauge
      # UNIT temperature_celsius celsius
      # HELP temperature_celsius Room temperature.
      temperature_celsius{room="a"} 21.5
      # EOF
    `;
    noDiagnostics(b);
    expect(diff(base, b)).toEqual([]);
  });

  it('reports value changes of gauges without a rate', () => {
    const b = om`
      # TYPE temperature gauge
      temperature{room="a"} 19
      # EOF
    `;
    const a = om`
      # TYPE temperature gauge
      temperature{room="a"} 21.5
      # EOF
    `;
    const [change] = diff(a, b, { intervalSeconds: 10 });
    expect(change).toMatchObject({ kind: 'value-changed', series: 'temperature{room="a"}', from: 21.5, to: 19, delta: -2.5, interval: 10 });
    expect(change).not.toHaveProperty('rate');
  });

  describe('counters', () => {
    const a = om`
      # TYPE jobs counter
      jobs_total{queue="q"} 100
      # EOF
    `;

    it('reports an increase as a value change, with a rate given the interval', () => {
      const b = om`
        # TYPE jobs counter
        jobs_total{queue="q"} 130
        # EOF
      `;
      expect(diff(a, b)).toEqual([expect.objectContaining({ kind: 'value-changed', delta: 30 })]);
      expect(diff(a, b)[0]).not.toHaveProperty('rate');
      expect(diff(a, b, { intervalSeconds: 15 })).toMatchObject([{ kind: 'value-changed', from: 100, to: 130, delta: 30, interval: 15, rate: 2 }]);
    });

    it('reports a decrease as a reset', () => {
      const b = om`
        # TYPE jobs counter
        jobs_total{queue="q"} 3
        # EOF
      `;
      expect(diff(a, b, { intervalSeconds: 3 })).toMatchObject([
        { kind: 'counter-reset', reason: 'decrease', from: 100, to: 3, delta: -97, interval: 3, rate: 1 },
      ]);
    });

    it('does not hide a reset within the tolerance', () => {
      const b = om`
        # TYPE jobs counter
        jobs_total{queue="q"} 99.5
        # EOF
      `;
      expect(kinds(diff(a, b, { tolerance: { absolute: 1 } }))).toEqual(['counter-reset']);
    });

    it('takes the rate from timestamps when both samples have one', () => {
      const x = om`
        # TYPE jobs counter
        jobs_total{queue="q"} 100 1700000000
        # EOF
      `;
      const y = om`
        # TYPE jobs counter
        jobs_total{queue="q"} 160 1700000030
        # EOF
      `;
      expect(diff(x, y, { intervalSeconds: 15 })).toMatchObject([{ kind: 'value-changed', interval: 30, rate: 2 }]);
    });

    it('sees a reset in a moved _created even when the value went up', () => {
      const x = om`
        # TYPE jobs counter
        jobs_total{queue="q"} 5
        jobs_created{queue="q"} 1700000000
        # EOF
      `;
      const y = om`
        # TYPE jobs counter
        jobs_total{queue="q"} 8
        jobs_created{queue="q"} 1700000100
        # EOF
      `;
      expect(diff(x, y)).toMatchObject([{ kind: 'counter-reset', reason: 'created', series: 'jobs_total{queue="q"}', from: 5, to: 8 }]);
    });
  });

  describe('histograms', () => {
    const a = om`
      # TYPE latency_seconds histogram
      latency_seconds_bucket{path="/",le="0.1"} 5
      latency_seconds_bucket{path="/",le="1.0"} 8
      latency_seconds_bucket{path="/",le="+Inf"} 9
      latency_seconds_count{path="/"} 9
      latency_seconds_sum{path="/"} 3.5
      # EOF
    `;

    it('reports a bucket layout change', () => {
      const b = om`
        # TYPE latency_seconds histogram
        latency_seconds_bucket{path="/",le="0.1"} 5
        latency_seconds_bucket{path="/",le="0.5"} 7
        latency_seconds_bucket{path="/",le="+Inf"} 9
        latency_seconds_count{path="/"} 9
        latency_seconds_sum{path="/"} 3.5
        # EOF
      `;
      noDiagnostics(a, b);
      const changes = diff(a, b);
      expect(kinds(changes)).toEqual(['bucket-layout-changed', 'series-removed', 'series-added']);
      expect(changes[0]).toMatchObject({
        series: 'latency_seconds{path="/"}', from: ['0.1', '1', '+Inf'], to: ['0.1', '0.5', '+Inf'], added: ['0.5'], removed: ['1'],
      });
    });

    it('reports a reset of count, sum and buckets', () => {
      const b = om`
        # TYPE latency_seconds histogram
        latency_seconds_bucket{path="/",le="0.1"} 1
        latency_seconds_bucket{path="/",le="1.0"} 1
        latency_seconds_bucket{path="/",le="+Inf"} 1
        latency_seconds_count{path="/"} 1
        latency_seconds_sum{path="/"} 0.05
        # EOF
      `;
      expect(kinds(diff(a, b))).toEqual(Array(5).fill('counter-reset'));
    });
  });

  describe('options', () => {
    const a = om`
      # TYPE go_goroutines gauge
      go_goroutines 10
      # TYPE jobs counter
      jobs_total{pod="worker-7f9c",instance="a"} 1
      # EOF
    `;
    const b = om`
      # TYPE go_goroutines gauge
      go_goroutines 12
      # TYPE jobs counter
      jobs_total{pod="worker-aa01",instance="b"} 1
      # EOF
    `;

    it('ignoreMetrics drops families and samples by glob', () => {
      const changes = diff(a, b, { ignoreMetrics: ['go_*'] });
      expect(changes.map((c) => c.family)).not.toContain('go_goroutines');
      expect(diff(a, b, { ignoreMetrics: ['go_*', 'jobs_t?tal'] })).toEqual([]);
    });

    it('ignoreLabels and relabel normalise identities', () => {
      expect(
        diff(a, b, { ignoreMetrics: ['go_*'], ignoreLabels: ['instance'], relabel: [{ label: 'pod', pattern: '-[0-9a-f]+$', replacement: '-X' }] }),
      ).toEqual([]);
      const relabeled = diff(a, b, { ignoreMetrics: ['go_*'], ignoreLabels: ['instance'] });
      expect(kinds(relabeled)).toEqual(['series-removed', 'series-added']);
      expect(relabeled[0]).toMatchObject({ series: 'jobs_total{pod="worker-7f9c"}' });
    });

    it('relabel accepts a RegExp with groups', () => {
      const changes = diff(a, b, { ignoreMetrics: ['go_*'], relabel: [{ label: 'p*', pattern: /^(worker)-.*$/, replacement: '$1' }] });
      expect(changes.filter((c) => c.kind === 'series-added')).toMatchObject([{ series: 'jobs_total{instance="b",pod="worker"}' }]);
    });

    it('tolerance: absolute, relative, and NaN equals NaN', () => {
      expect(diff(a, b, { only: ['value-changed'], tolerance: { absolute: 2 } })).toEqual([]);
      expect(diff(a, b, { only: ['value-changed'], tolerance: { absolute: 1 } })).toHaveLength(1);
      expect(diff(a, b, { only: ['value-changed'], tolerance: { relative: 0.2 } })).toEqual([]);
      expect(diff(a, b, { only: ['value-changed'], tolerance: { relative: 0.1 } })).toHaveLength(1);
      const n = om`
        # TYPE g gauge
        g NaN
        # EOF
      `;
      expect(diff(n, n)).toEqual([]);
    });

    it('only keeps the given kinds', () => {
      expect(kinds(diff(a, b, { only: ['series-added'] }))).toEqual(['series-added']);
    });
  });

  it('sees the same data in OpenMetrics and Prometheus text', () => {
    const o = om`
      # TYPE http_requests counter
      # HELP http_requests Requests "served".
      http_requests_total{code="200"} 10 1700000000.5
      # TYPE latency_seconds histogram
      latency_seconds_bucket{le="0.1"} 5
      latency_seconds_bucket{le="1.0"} 8
      latency_seconds_bucket{le="+Inf"} 9
      latency_seconds_count 9
      latency_seconds_sum 3.5
      # TYPE build info
      build_info{version="1.2"} 1
      # TYPE mystery unknown
      mystery 3
      # EOF
    `;
    const p = prom`
      # HELP http_requests_total Requests "served".
      # TYPE http_requests_total counter
      http_requests_total{code="200"} 10 1700000000500
      # TYPE latency_seconds histogram
      latency_seconds_bucket{le="0.1"} 5
      latency_seconds_bucket{le="1"} 8
      latency_seconds_bucket{le="+Inf"} 9
      latency_seconds_count 9
      latency_seconds_sum 3.5
      # TYPE build_info gauge
      build_info{version="1.2"} 1
      # TYPE mystery untyped
      mystery 3
    `;
    noDiagnostics(o, p);
    const changes = diff(o, p);
    // Prometheus text has no info type: the one true difference, under the OpenMetrics name.
    expect(changes).toEqual([expect.objectContaining({ kind: 'type-changed', family: 'build', from: 'info', to: 'gauge' })]);
    expect(diff(p, o)).toEqual([expect.objectContaining({ kind: 'type-changed', family: 'build', from: 'gauge', to: 'info' })]);
    expect(diff(p, o, { ignoreMetrics: ['build*'] })).toEqual([]);
  });

  it('orders by family, kind, then series key', () => {
    const a = om`
      # TYPE z gauge
      z{x="2"} 1
      # TYPE a gauge
      a{x="1"} 1
      # EOF
    `;
    const b = om`
      # TYPE a gauge
      a{x="3"} 1
      a{x="2"} 1
      # TYPE z gauge
      z{x="2"} 2
      # EOF
    `;
    expect(diff(a, b).map((c) => [c.family, c.kind, 'series' in c ? c.series : ''])).toEqual([
      ['a', 'cardinality-changed', ''],
      ['a', 'series-removed', 'a{x="1"}'],
      ['a', 'series-added', 'a{x="2"}'],
      ['a', 'series-added', 'a{x="3"}'],
      ['z', 'value-changed', 'z{x="2"}'],
    ]);
  });
});

describe('summarize and hasChanges', () => {
  const a = om`
    # TYPE c counter
    c_total 5
    # TYPE g gauge
    g 1
    # EOF
  `;
  const b = om`
    # TYPE c counter
    c_total 2
    # TYPE g gauge
    g 2
    # EOF
  `;

  it('counts per kind', () => {
    const summary = summarize(diff(a, b));
    expect(summary.total).toBe(2);
    expect(summary.families).toBe(2);
    expect(summary.kinds['counter-reset']).toBe(1);
    expect(summary.kinds['value-changed']).toBe(1);
    expect(summary.kinds['series-added']).toBe(0);
  });

  it('filters by failOn', () => {
    const changes = diff(a, b);
    expect(hasChanges(changes)).toBe(true);
    expect(hasChanges([])).toBe(false);
    expect(hasChanges(changes, ['series-added', 'counter-reset'])).toBe(true);
    expect(hasChanges(changes, ['series-added'])).toBe(false);
  });
});
