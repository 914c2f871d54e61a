import rule from '../../src/rules/no-quantile-label.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE rpc_seconds summary
      # HELP rpc_seconds Latency.
      rpc_seconds{quantile="0.5"} 1
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
        latency{quantile="0.5"} 1
        latency{quantile="0.9"} 1
        # EOF
      `,
      errors: [{ messageId: 'reservedLabel', line: 3, column: 9, endColumn: 17, metric: 'latency' }],
    },
  ],
});
