// One family name across formats: a counter is `x` in OpenMetrics and `x_total` in Prometheus
// text; a diff of the two reports every change of it under `x`, whichever side is which.
import { readFileSync } from 'node:fs';
import { parse } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { diff, summarize, type Change } from '../src/index.js';
import { om, prom } from './helpers.js';

const families = (changes: readonly Change[]) => [...new Set(changes.map((c) => c.family))].sort();

const before = om`
  # TYPE http_requests counter
  # HELP http_requests Requests served.
  http_requests_total{code="200"} 100
  http_requests_total{code="404"} 4
  # TYPE jobs counter
  jobs_total 50
  # TYPE temperature gauge
  temperature 21.5
  # EOF
`;

// The same families in Prometheus text, where the counters are named after their samples.
const afterProm = prom`
  # HELP http_requests_total Requests served.
  # TYPE http_requests_total counter
  http_requests_total{code="200"} 130
  http_requests_total{code="500"} 1
  # TYPE jobs_total counter
  jobs_total 3
  # TYPE temperature gauge
  temperature 19
  # TYPE orders_total counter
  orders_total 7
`;

const afterOm = om`
  # TYPE http_requests counter
  # HELP http_requests Requests served.
  http_requests_total{code="200"} 130
  http_requests_total{code="500"} 1
  # TYPE jobs counter
  jobs_total 3
  # TYPE temperature gauge
  temperature 19
  # TYPE orders counter
  orders_total 7
  # EOF
`;

describe('diff across formats', () => {
  it('parses its inputs without findings', () => {
    for (const r of [before, afterProm, afterOm]) expect(r.diagnostics).toEqual([]);
  });

  it('reports an OpenMetrics → Prometheus diff under the OpenMetrics family names', () => {
    const changes = diff(before, afterProm, { intervalSeconds: 15 });
    expect(families(changes)).toEqual(['http_requests', 'jobs', 'orders', 'temperature']);
    expect(summarize(changes).families).toBe(4);
  });

  it('reports a Prometheus → OpenMetrics diff under the OpenMetrics family names', () => {
    const reversed = diff(afterProm, before, { intervalSeconds: 15 });
    expect(families(reversed)).toEqual(['http_requests', 'jobs', 'orders', 'temperature']);
  });

  it('finds the same changes as a diff of two OpenMetrics documents', () => {
    const strip = (changes: Change[]) => changes.map(({ before: _b, after: _a, ...rest }) => rest);
    expect(strip(diff(before, afterProm, { intervalSeconds: 15 }))).toEqual(strip(diff(before, afterOm, { intervalSeconds: 15 })));
    expect(strip(diff(afterProm, before, { intervalSeconds: 15 }))).toEqual(strip(diff(afterOm, before, { intervalSeconds: 15 })));
  });

  it('names a family that is only in the Prometheus side by its OpenMetrics name', () => {
    const changes = diff(before, afterProm);
    expect(changes.filter((c) => c.kind === 'family-added')).toEqual([
      expect.objectContaining({ family: 'orders', type: 'counter', series: 1 }),
    ]);
    expect(changes.find((c) => c.kind === 'series-added' && c.family === 'orders')).toMatchObject({ series: 'orders_total' });
  });

  it('leaves a family out by either name with ignoreMetrics', () => {
    for (const glob of ['orders', 'orders_total']) {
      expect(families(diff(before, afterProm, { ignoreMetrics: [glob] }))).toEqual(['http_requests', 'jobs', 'temperature']);
    }
  });

  it('pairs an OpenMetrics info family with the Prometheus gauge of its sample', () => {
    const o = om`
      # TYPE build info
      build_info{version="1.2"} 1
      # EOF
    `;
    const p = prom`
      # TYPE build_info gauge
      build_info{version="1.3"} 1
    `;
    expect(diff(o, p)).toMatchObject([
      { kind: 'type-changed', family: 'build', from: 'info', to: 'gauge' },
      { kind: 'series-removed', family: 'build', series: 'build_info{version="1.2"}' },
      { kind: 'series-added', family: 'build', series: 'build_info{version="1.3"}' },
    ]);
  });

  it('compares a `_created` written as a 0.0.4 gauge family with the OpenMetrics family that owns it', () => {
    const o = om`
      # TYPE jobs counter
      jobs_total{queue="q"} 5
      jobs_created{queue="q"} 1700000000
      # TYPE latency histogram
      latency_bucket{le="+Inf"} 2
      latency_count 2
      latency_sum 0.5
      latency_created 1700000000
      # TYPE created_things_created gauge
      created_things_created 1
      # EOF
    `;
    // As `om parse --to prometheus` and client_python write it.
    const p = prom`
      # TYPE jobs_total counter
      jobs_total{queue="q"} 5
      # TYPE jobs_created gauge
      jobs_created{queue="q"} 1700000000
      # TYPE latency histogram
      latency_bucket{le="+Inf"} 2
      latency_count 2
      latency_sum 0.5
      # TYPE latency_created gauge
      latency_created 1700000000
      # TYPE created_things_created gauge
      created_things_created 1
    `;
    expect(o.diagnostics).toEqual([]);
    expect(p.diagnostics).toEqual([]);
    expect(diff(o, p)).toEqual([]);
    expect(diff(p, o)).toEqual([]);
    const moved = prom`
      # TYPE jobs_total counter
      jobs_total{queue="q"} 5
      # TYPE jobs_created gauge
      jobs_created{queue="q"} 1700000060
      # TYPE latency histogram
      latency_bucket{le="+Inf"} 2
      latency_count 2
      latency_sum 0.5
      # TYPE created_things_created gauge
      created_things_created 1
    `;
    expect(diff(o, moved).map((c) => [c.kind, c.family, 'series' in c ? c.series : undefined])).toEqual([
      ['value-changed', 'jobs', 'jobs_created{queue="q"}'],
      ['cardinality-changed', 'latency', undefined],
      ['series-removed', 'latency', 'latency_created'],
    ]);
  });

  it('keeps a 0.0.4 gauge `x_created` a family of its own between two Prometheus documents', () => {
    const a = prom`
      # TYPE jobs_total counter
      jobs_total 5
      # TYPE jobs_created gauge
      jobs_created 1700000000
    `;
    const b = prom`
      # TYPE jobs_total counter
      jobs_total 5
      # TYPE jobs_created gauge
      jobs_created 1700000060
    `;
    expect(diff(a, b).map((c) => [c.kind, c.family])).toEqual([['value-changed', 'jobs_created']]);
  });

  it('keeps the written names between two Prometheus documents', () => {
    const a = prom`
      # TYPE http_requests_total counter
      http_requests_total{code="200"} 100
      # TYPE build_info gauge
      build_info 1
    `;
    const b = prom`
      # TYPE http_requests_total counter
      http_requests_total{code="200"} 130
      # TYPE build_info gauge
      build_info 2
    `;
    expect(diff(a, b).map((c) => [c.kind, c.family])).toEqual([
      ['value-changed', 'build_info'],
      ['value-changed', 'http_requests_total'],
    ]);
  });

  it('keeps a gauge `x_info` and an info `x` apart between two OpenMetrics documents', () => {
    const a = om`
      # TYPE build info
      build_info 1
      # EOF
    `;
    const b = om`
      # TYPE build_info gauge
      build_info 1
      # EOF
    `;
    expect(diff(a, b).map((c) => [c.kind, c.family])).toEqual([
      ['family-removed', 'build'],
      ['series-removed', 'build'],
      ['family-added', 'build_info'],
      ['series-added', 'build_info'],
    ]);
  });

  it('gives the README example four families whichever format the after side is in', () => {
    const read = (name: string) => {
      const text = readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');
      return parse(text, { format: name.endsWith('.om') ? 'openmetrics' : 'prometheus' });
    };
    const a = read('before.om');
    for (const name of ['after.om', 'after.prom']) {
      const b = read(name);
      expect(b.diagnostics).toEqual([]);
      expect(summarize(diff(a, b)).families).toBe(4);
      expect(summarize(diff(b, a)).families).toBe(4);
    }
  });
});
