import rule from '../../src/rules/no-summary-quantiles.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { format: 'openmetrics-2.0', code: dedent`
      # TYPE rpc_seconds summary
      rpc_seconds {count:5,sum:1,quantile:[]} st@1.0
      # EOF
    ` },
    dedent`
      # TYPE rpc_seconds summary
      # HELP rpc_seconds Latency.
      rpc_seconds_count 5
      rpc_seconds_sum 1
      # EOF
    `,
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE rpc_seconds summary
        rpc_seconds {count:5,sum:1,quantile:[0.5:0.1,0.9:0.2]} st@1.0
        # EOF
      `,
      errors: [{ messageId: 'quantiles', line: 2, column: 1 }],
    },
    {
      code: dedent`
        # TYPE rpc_seconds summary
        # HELP rpc_seconds Latency.
        rpc_seconds{quantile="0.5"} 0.1
        rpc_seconds{quantile="0.9"} 0.2
        rpc_seconds_count 5
        rpc_seconds_sum 1
        # EOF
      `,
      errors: [{ messageId: 'quantiles', line: 3, column: 1 }],
    },
  ],
});
