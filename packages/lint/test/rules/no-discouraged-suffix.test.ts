import rule from '../../src/rules/no-discouraged-suffix.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE queue_items gauge
        queue_items 3
        # TYPE rpc_seconds histogram
        rpc_seconds {count:2,sum:1.5,bucket:[1:1,+Inf:2]} st@1.0
        # EOF
      `,
    },
    // OpenMetrics 1.0 and Prometheus text are no-reserved-suffix's.
    {
      format: 'prometheus',
      code: dedent`
        # TYPE queue_items_count gauge
        queue_items_count 3
      `,
    },
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE queue_items_count gauge
        queue_items_count 3
        # TYPE rpc_bucket histogram
        rpc_bucket {count:2,sum:1.5,bucket:[1:1,+Inf:2]} st@1.0
        # TYPE jobs_gsum gaugehistogram
        jobs_gsum {gcount:2,gsum:1.5,bucket:[1:1,+Inf:2]}
        # EOF
      `,
      errors: [
        { messageId: 'discouraged', line: 1, column: 1 },
        { messageId: 'discouraged', line: 3, column: 1 },
        { messageId: 'discouraged', line: 5, column: 1 },
      ],
    },
  ],
});
