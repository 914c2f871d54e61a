import rule from '../../src/rules/no-le-label.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE rpc_seconds histogram
      # HELP rpc_seconds Latency.
      rpc_seconds_bucket{le="0.1"} 1
      rpc_seconds_bucket{le="+Inf"} 2
      rpc_seconds_count 2
      rpc_seconds_sum 0.3
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE latency gauge
        # HELP latency Latency.
        latency{x="1"} 1
        latency{le="0.5"} 1
        latency{le="1"} 1
        # EOF
      `,
      errors: [{ messageId: 'reservedLabel', line: 4, column: 9, endColumn: 11, metric: 'latency' }],
    },
  ],
});
