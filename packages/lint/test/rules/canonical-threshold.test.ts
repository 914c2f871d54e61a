import { describe, expect, it } from 'vitest';
import rule, { canonicalThreshold } from '../../src/rules/canonical-threshold.js';
import { dedent, ruleTester } from '../rule-tester.js';

describe('canonicalThreshold', () => {
  // OM 1.0 §Considerations: Canonical Numbers, every example of the spec.
  it.each([
    ...['0.0', '0.001', '0.002', '0.01', '0.1', '0.9', '0.95', '0.99', '0.999', '1.0', '1.7', '10.0'],
    ...['1e-10', '1e-09', '1e-05', '0.0001', '0.1', '1.0', '100000.0', '1e+06', '1e+10'],
    '+Inf',
  ])('renders the spec example %s as itself', (text) => {
    expect(canonicalThreshold(Number(text.replace('+Inf', 'Infinity')))).toBe(text);
  });

  it.each([
    [1, '1.0'],
    [0.1, '0.1'],
    [0.25, '0.25'],
    [2.5, '2.5'],
    [5, '5.0'],
    [60, '60.0'],
    [123456, '123456.0'],
    [1234567, '1.234567e+06'],
    [1234567.8, '1.2345678e+06'],
    [0.00011, '0.00011'],
    [1.1e-4, '0.00011'],
    [1.5e-5, '1.5e-05'],
    [1e21, '1e+21'],
    [1e100, '1e+100'],
    [5e-324, '5e-324'],
    [-1, '-1.0'],
    [-0.005, '-0.005'],
    [-0, '-0.0'],
    [-Infinity, '-Inf'],
    [NaN, 'NaN'],
  ])('renders %d as %s', (n, text) => {
    expect(canonicalThreshold(n)).toBe(text);
  });
});

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE rpc_seconds histogram
      # HELP rpc_seconds Latency.
      rpc_seconds_bucket{le="0.001"} 0
      rpc_seconds_bucket{le="0.1"} 1
      rpc_seconds_bucket{le="1.0"} 2
      rpc_seconds_bucket{le="100000.0"} 2
      rpc_seconds_bucket{le="1e+06"} 2
      rpc_seconds_bucket{le="+Inf"} 3
      rpc_seconds_count 3
      rpc_seconds_sum 1.5
      # EOF
    `,
    dedent`
      # TYPE rpc_seconds summary
      # HELP rpc_seconds Latency.
      rpc_seconds{quantile="0.5"} 0.1
      rpc_seconds{quantile="0.99"} 0.2
      rpc_seconds{quantile="1.0"} 0.3
      rpc_seconds_count 5
      rpc_seconds_sum 1
      # EOF
    `,
    {
      name: 'other numbers and other labels are free',
      code: dedent`
        # TYPE pods gauge
        # HELP pods Pods.
        pods{le="1",quantile="0.50"} 1
        # TYPE rpc_seconds histogram
        # HELP rpc_seconds Latency.
        rpc_seconds_bucket{le="1.0",shard="1"} 2
        rpc_seconds_bucket{le="+Inf",shard="1"} 3
        rpc_seconds_count{shard="1"} 3
        rpc_seconds_sum{shard="1"} 1.50
        # EOF
      `,
    },
    {
      name: 'Prometheus text: the plain `%g` of expfmt (no `.0`) is canonical too',
      format: 'prometheus',
      code: dedent`
        # HELP go_gc_duration_seconds GC pauses.
        # TYPE go_gc_duration_seconds summary
        go_gc_duration_seconds{quantile="0"} 2.1e-05
        go_gc_duration_seconds{quantile="0.5"} 4.2e-05
        go_gc_duration_seconds{quantile="1"} 0.000312
        go_gc_duration_seconds_sum 0.021
        go_gc_duration_seconds_count 412
        # HELP rpc_seconds Latency.
        # TYPE rpc_seconds histogram
        rpc_seconds_bucket{le="1"} 1
        rpc_seconds_bucket{le="2.5"} 1
        rpc_seconds_bucket{le="10.0"} 2
        rpc_seconds_bucket{le="100000"} 2
        rpc_seconds_bucket{le="1e+06"} 2
        rpc_seconds_bucket{le="+Inf"} 3
        rpc_seconds_sum 1.5
        rpc_seconds_count 3
      `,
    },
    {
      name: 'a threshold that is not a number is left to the parser (OM109)',
      parseErrors: true,
      code: dedent`
        # TYPE rpc_seconds histogram
        # HELP rpc_seconds Latency.
        rpc_seconds_bucket{le="inf"} 3
        rpc_seconds_bucket{le="+Inf"} 3
        rpc_seconds_count 3
        rpc_seconds_sum 1.5
        # EOF
      `,
    },
  ],
  invalid: [
    {
      name: 'OpenMetrics histogram: once per family and value, the fix rewrites every series',
      code: dedent`
        # TYPE rpc_seconds histogram
        # HELP rpc_seconds Latency.
        rpc_seconds_bucket{path="/a",le="0.10"} 1
        rpc_seconds_bucket{path="/a",le="1"} 2
        rpc_seconds_bucket{path="/a",le="+Inf"} 3
        rpc_seconds_count{path="/a"} 3
        rpc_seconds_sum{path="/a"} 1.5
        rpc_seconds_bucket{path="/b",le="0.10"} 0
        rpc_seconds_bucket{path="/b",le="1"} 1
        rpc_seconds_bucket{path="/b",le="+Inf"} 1
        rpc_seconds_count{path="/b"} 1
        rpc_seconds_sum{path="/b"} 0.5
        # EOF
      `,
      errors: [
        { messageId: 'nonCanonical', line: 3, column: 33, endColumn: 39, metric: 'rpc_seconds' },
        { messageId: 'nonCanonical', line: 4, column: 33, endColumn: 36, metric: 'rpc_seconds' },
      ],
      output: dedent`
        # TYPE rpc_seconds histogram
        # HELP rpc_seconds Latency.
        rpc_seconds_bucket{path="/a",le="0.1"} 1
        rpc_seconds_bucket{path="/a",le="1.0"} 2
        rpc_seconds_bucket{path="/a",le="+Inf"} 3
        rpc_seconds_count{path="/a"} 3
        rpc_seconds_sum{path="/a"} 1.5
        rpc_seconds_bucket{path="/b",le="0.1"} 0
        rpc_seconds_bucket{path="/b",le="1.0"} 1
        rpc_seconds_bucket{path="/b",le="+Inf"} 1
        rpc_seconds_count{path="/b"} 1
        rpc_seconds_sum{path="/b"} 0.5
        # EOF
      `,
    },
    {
      name: 'OpenMetrics gaugehistogram and summary',
      code: dedent`
        # TYPE queue_bytes gaugehistogram
        # HELP queue_bytes Queue sizes.
        queue_bytes_bucket{le="1000000"} 4
        queue_bytes_bucket{le="+Inf"} 5
        queue_bytes_gcount 5
        queue_bytes_gsum 1e6
        # TYPE rpc_seconds summary
        # HELP rpc_seconds Latency.
        rpc_seconds{quantile="0.50"} 0.1
        rpc_seconds{quantile=".99"} 0.2
        rpc_seconds{quantile="1"} 0.3
        rpc_seconds_count 5
        rpc_seconds_sum 1
        # EOF
      `,
      errors: [
        { messageId: 'nonCanonical', line: 3, column: 23, metric: 'queue_bytes' },
        { messageId: 'nonCanonical', line: 9, column: 22, endColumn: 28, metric: 'rpc_seconds' },
        { messageId: 'nonCanonical', line: 10, column: 22, metric: 'rpc_seconds' },
        { messageId: 'nonCanonical', line: 11, column: 22, metric: 'rpc_seconds' },
      ],
      output: dedent`
        # TYPE queue_bytes gaugehistogram
        # HELP queue_bytes Queue sizes.
        queue_bytes_bucket{le="1e+06"} 4
        queue_bytes_bucket{le="+Inf"} 5
        queue_bytes_gcount 5
        queue_bytes_gsum 1e6
        # TYPE rpc_seconds summary
        # HELP rpc_seconds Latency.
        rpc_seconds{quantile="0.5"} 0.1
        rpc_seconds{quantile="0.99"} 0.2
        rpc_seconds{quantile="1.0"} 0.3
        rpc_seconds_count 5
        rpc_seconds_sum 1
        # EOF
      `,
    },
    {
      name: 'Prometheus text: exponents, leading zeros, long integers and Go ParseFloat spellings of infinity',
      format: 'prometheus',
      code: dedent`
        # HELP rpc_seconds Latency.
        # TYPE rpc_seconds histogram
        rpc_seconds_bucket{le="1e-3"} 1
        rpc_seconds_bucket{le="0.0001e2"} 1
        rpc_seconds_bucket{le="5"} 1
        rpc_seconds_bucket{le="010"} 1
        rpc_seconds_bucket{le="1000000"} 2
        rpc_seconds_bucket{le="Inf"} 3
        rpc_seconds_count 3
        rpc_seconds_sum 1.5
      `,
      errors: [
        { messageId: 'nonCanonical', line: 3, column: 23, endColumn: 29 },
        { messageId: 'nonCanonical', line: 4, column: 23 },
        { messageId: 'nonCanonical', line: 6, column: 23 },
        { messageId: 'nonCanonical', line: 7, column: 23 },
        { messageId: 'nonCanonical', line: 8, column: 23 },
      ],
      output: dedent`
        # HELP rpc_seconds Latency.
        # TYPE rpc_seconds histogram
        rpc_seconds_bucket{le="0.001"} 1
        rpc_seconds_bucket{le="0.01"} 1
        rpc_seconds_bucket{le="5"} 1
        rpc_seconds_bucket{le="10.0"} 1
        rpc_seconds_bucket{le="1e+06"} 2
        rpc_seconds_bucket{le="+Inf"} 3
        rpc_seconds_count 3
        rpc_seconds_sum 1.5
      `,
    },
  ],
});
