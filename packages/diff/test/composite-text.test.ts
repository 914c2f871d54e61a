// OpenMetrics 2.0 text (2.0.0-rc0) diffed: composite histograms and summaries, native histograms
// and start timestamps as the parser reads them, and the same data written in 1.0 lining up.
import { parse, type ParseResult } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { computeStats, diff, formatText, type Change } from '../src/index.js';
import { dedent, om } from './helpers.js';

function om2(strings: TemplateStringsArray, ...values: unknown[]): ParseResult {
  const result = parse(dedent(String.raw(strings, ...values)), { format: 'openmetrics-2.0' });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result;
}

const lines = (changes: readonly Change[]) => formatText(changes).split('\n').filter((l) => l.startsWith('~') || l.startsWith('+') || l.startsWith('-'));

describe('OpenMetrics 2.0 text', () => {
  const before = om2`
    # TYPE acme_http_request_seconds histogram
    # UNIT acme_http_request_seconds seconds
    acme_http_request_seconds{path="/api/v1"} {count:59,sum:120,schema:7,zero_threshold:1e-4,zero_count:0,negative_spans:[1:2],negative_buckets:[5,7],positive_spans:[-1:2,3:4],positive_buckets:[5,7,10,9,8,8]} st@1520430000.123
    # TYPE rpc_seconds summary
    rpc_seconds {count:17,sum:324.5,quantile:[0.95:1.5,0.99:2]} st@1520430000.123
    # TYPE foo_seconds histogram
    foo_seconds {count:17,sum:324.5,bucket:[0.1:8,1.0:11,10.0:17,+Inf:17]} st@1520430000.123
    # TYPE jobs_total counter
    jobs_total 17 st@1520430000.123
    # EOF
  `;

  it('compares native buckets by index, classic buckets, quantiles, count and sum', () => {
    const after = om2`
      # TYPE acme_http_request_seconds histogram
      # UNIT acme_http_request_seconds seconds
      acme_http_request_seconds{path="/api/v1"} {count:63,sum:125,schema:7,zero_threshold:1e-4,zero_count:0,negative_spans:[1:2],negative_buckets:[5,7],positive_spans:[-1:2,3:5],positive_buckets:[5,7,10,11,8,8,2]} st@1520430000.123
      # TYPE rpc_seconds summary
      rpc_seconds {count:19,sum:326.5,quantile:[0.95:1.25,0.99:2]} st@1520430000.123
      # TYPE foo_seconds histogram
      foo_seconds {count:18,sum:324.6,bucket:[0.1:9,1.0:11,10.0:18,+Inf:18]} st@1520430000.123
      # TYPE jobs_total counter
      jobs_total 20 st@1520430000.123
      # EOF
    `;
    expect(lines(diff(before, after))).toEqual([
      '~ native acme_http_request_seconds{path="/api/v1"} positive [+8]',
      '~ acme_http_request_seconds{path="/api/v1"} count 59 → 63 (+4)',
      '~ acme_http_request_seconds{path="/api/v1"} sum 120 → 125 (+5)',
      '~ acme_http_request_seconds{path="/api/v1"} positive[5] 9 → 11 (+2)',
      '~ acme_http_request_seconds{path="/api/v1"} positive[8] 0 → 2 (+2)',
      '~ foo_seconds_bucket{le="+Inf"} 17 → 18 (+1)',
      '~ foo_seconds_bucket{le="0.1"} 8 → 9 (+1)',
      '~ foo_seconds_bucket{le="10"} 17 → 18 (+1)',
      '~ foo_seconds_count 17 → 18 (+1)',
      '~ foo_seconds_sum 324.5 → 324.6 (+0.1)',
      '~ jobs_total 17 → 20 (+3)',
      '~ rpc_seconds_count 17 → 19 (+2)',
      '~ rpc_seconds_sum 324.5 → 326.5 (+2)',
      '~ rpc_seconds{quantile="0.95"} 1.5 → 1.25 (-0.25)',
    ]);
  });

  it('a newer st@ is a restart: every counter series of the metric resets', () => {
    const after = om2`
      # TYPE jobs_total counter
      jobs_total 3 st@1520439999
      # EOF
    `;
    const changes = diff(before, after, { only: ['counter-reset'] });
    expect(changes).toMatchObject([{ kind: 'counter-reset', family: 'jobs_total', series: 'jobs_total', from: 17, to: 3, reason: 'created' }]);
  });

  it('the same data in 1.0 compares equal, and a 2.0 counter goes by its 1.0 name', () => {
    const one = om`
      # TYPE foo_seconds histogram
      foo_seconds_bucket{le="0.1"} 8
      foo_seconds_bucket{le="1.0"} 11
      foo_seconds_bucket{le="10.0"} 17
      foo_seconds_bucket{le="+Inf"} 17
      foo_seconds_count 17
      foo_seconds_sum 324.5
      foo_seconds_created 1520430000.123
      # TYPE jobs counter
      jobs_total 17
      jobs_created 1520430000.123
      # EOF
    `;
    const two = om2`
      # TYPE foo_seconds histogram
      foo_seconds {count:17,sum:324.5,bucket:[0.1:8,1.0:11,10.0:17,+Inf:17]} st@1520430000.123
      # TYPE jobs_total counter
      jobs_total 17 st@1520430000.123
      # EOF
    `;
    expect(diff(one, two)).toEqual([]);
    expect(diff(two, one)).toEqual([]);
    expect(computeStats('2.0', '', two)).toMatchObject({ series: computeStats('1.0', '', one).series, samples: 2 });
  });

  it('against Prometheus text, which names counters alike, a counter keeps its name; `x_created` gauges join it', () => {
    const prom = parse(
      dedent(`
        # TYPE jobs_total counter
        jobs_total 20
        # TYPE jobs_created gauge
        jobs_created 1520430000.123
      `),
      { format: 'prometheus' },
    );
    const two = om2`
      # TYPE jobs_total counter
      jobs_total 17 st@1520430000.123
      # EOF
    `;
    expect(diff(two, prom).map((c) => [c.kind, c.family, 'series' in c ? c.series : undefined])).toEqual([['value-changed', 'jobs_total', 'jobs_total']]);
    expect(diff(prom, two).map((c) => c.family)).toEqual(['jobs_total']);
  });

  it('counts every exemplar of a sample (2.0 allows several)', () => {
    const two = om2`
      # TYPE foo histogram
      foo {count:17,sum:324.5,bucket:[0.01:0,0.1:8,1.0:11,10.0:17,+Inf:17]} st@1520430000.123 # {} 0.054 1520879607.7 # {trace_id="KOO5S4vxi0o"} 1.67 1520879602.890 # {trace_id="oHg5SJYRHA0"} 9.8 1520879607.789
      # EOF
    `;
    expect(computeStats('x', '', two)).toMatchObject({ exemplars: 3, samples: 1, series: 8 });
  });

  it('counts the native buckets of the spec example', () => {
    // OM 2.0 §Histogram with Native Buckets: 2 negative and 6 positive buckets.
    expect(computeStats('x', '', before)).toMatchObject({ nativeBuckets: 8, samples: 4 });
  });
});
