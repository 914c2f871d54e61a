import rule from '../../src/rules/quantile-range.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'OpenMetrics input is left to the parser (OM109), not reported twice',
      parseErrors: true,
      code: dedent`
        # TYPE rpc_seconds summary
        # HELP rpc_seconds Latency.
        rpc_seconds{quantile="99"} 0.2
        rpc_seconds_count 5
        rpc_seconds_sum 1
        # EOF
      `,
    },
    dedent`
      # TYPE rpc_seconds summary
      # HELP rpc_seconds Latency.
      rpc_seconds{quantile="0"} 0.1
      rpc_seconds{quantile="1"} 0.2
      rpc_seconds_count 5
      rpc_seconds_sum 1
      # EOF
    `,
  ],
  invalid: [
    {
      format: 'prometheus',
      code: dedent`
        # HELP rpc_seconds Latency.
        # TYPE rpc_seconds summary
        rpc_seconds{quantile="0.5"} 0.1
        rpc_seconds{quantile="99"} 0.2
        rpc_seconds{quantile="NaN"} 0.2
        rpc_seconds_count 5
        rpc_seconds_sum 1
      `,
      errors: [
        { messageId: 'outOfRange', line: 4, column: 22, endColumn: 26, metric: 'rpc_seconds', severity: 'warning' },
        { messageId: 'outOfRange', line: 5, column: 22, metric: 'rpc_seconds' },
      ],
    },
    {
      format: 'prometheus',
      code: dedent`
        # TYPE rpc_seconds summary
        rpc_seconds{quantile="-0.5"} 0.1
        rpc_seconds_count 5
        rpc_seconds_sum 1
      `,
      errors: [{ messageId: 'outOfRange', line: 2, column: 22 }],
    },
    {
      name: 'a percentile as a quantile is a warning in Prometheus text, which asks only for a float (redis_exporter 1.45)',
      format: 'prometheus',
      code: dedent`
        # HELP redis_latency_percentiles_usec A summary of latency percentile distribution per command
        # TYPE redis_latency_percentiles_usec summary
        redis_latency_percentiles_usec{cmd="set",quantile="50"} 2.003
        redis_latency_percentiles_usec_sum{cmd="set"} 2
        redis_latency_percentiles_usec_count{cmd="set"} 1
      `,
      errors: [{ messageId: 'outOfRange', line: 3, column: 51, severity: 'warning' }],
    },
  ],
});
