import rule from '../../src/rules/consistent-label-names.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE jobs gauge
      # HELP jobs Jobs.
      jobs{queue="a",state="run"} 1
      jobs{state="none",queue="b"} 2
      # TYPE rpc_seconds histogram
      # HELP rpc_seconds Latency.
      rpc_seconds_bucket{m="a",le="+Inf"} 2
      rpc_seconds_count{m="a"} 2
      rpc_seconds_sum{m="a"} 0.3
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE jobs gauge
        # HELP jobs Jobs.
        jobs{queue="a",state="run"} 1
        jobs{queue="b"} 2
        jobs 3
        # EOF
      `,
      errors: [{ messageId: 'differentLabels', line: 4, column: 1, metric: 'jobs' }],
    },
  ],
});
