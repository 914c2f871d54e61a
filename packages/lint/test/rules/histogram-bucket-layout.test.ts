import rule from '../../src/rules/histogram-bucket-layout.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { format: 'openmetrics-2.0', code: dedent`
      # TYPE rpc_seconds histogram
      rpc_seconds{a="1"} {count:2,sum:1.5,bucket:[1:1,+Inf:2]} st@1.0
      rpc_seconds{a="2"} {count:3,sum:1.5,bucket:[1:1,+Inf:3]} st@1.0
      # EOF
    ` },
    dedent`
      # TYPE rpc_seconds histogram
      # HELP rpc_seconds Latency.
      rpc_seconds_bucket{m="a",le="1"} 1
      rpc_seconds_bucket{m="a",le="+Inf"} 2
      rpc_seconds_count{m="a"} 2
      rpc_seconds_sum{m="a"} 0.3
      rpc_seconds_bucket{m="b",le="1.0"} 1
      rpc_seconds_bucket{m="b",le="+Inf"} 2
      rpc_seconds_count{m="b"} 2
      rpc_seconds_sum{m="b"} 0.3
      # EOF
    `,
    {
      name: 'a series without its +Inf bucket is the parser\'s OM114, not a layout (Prometheus text)',
      parseErrors: true,
      format: 'prometheus',
      code: dedent`
        # TYPE rpc_seconds histogram
        # HELP rpc_seconds Latency.
        rpc_seconds_bucket{m="a",le="1"} 1
        rpc_seconds_bucket{m="a",le="+Inf"} 2
        rpc_seconds_bucket{m="b",le="1"} 1
        rpc_seconds_count{m="b"} 1
        rpc_seconds_bucket{m="c",le="1"} 1
        rpc_seconds_bucket{m="c",le="1"} 1
        rpc_seconds_bucket{m="c",le="+Inf"} 1
      `,
    },
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE rpc_seconds histogram
        rpc_seconds{a="1"} {count:2,sum:1.5,bucket:[1:1,+Inf:2]} st@1.0
        rpc_seconds{a="2"} {count:2,sum:1.5,bucket:[0.5:1,1:1,+Inf:2]} st@1.0
        # EOF
      `,
      errors: [{ messageId: 'differentBuckets', line: 3, column: 1 }],
    },
    {
      code: dedent`
        # TYPE rpc_seconds histogram
        # HELP rpc_seconds Latency.
        rpc_seconds_bucket{m="a",le="0.1"} 1
        rpc_seconds_bucket{m="a",le="+Inf"} 2
        rpc_seconds_count{m="a"} 2
        rpc_seconds_sum{m="a"} 0.3
        rpc_seconds_bucket{m="b",le="0.5"} 1
        rpc_seconds_bucket{m="b",le="+Inf"} 2
        rpc_seconds_count{m="b"} 2
        rpc_seconds_sum{m="b"} 0.3
        rpc_seconds_bucket{m="c",le="+Inf"} 2
        rpc_seconds_count{m="c"} 2
        rpc_seconds_sum{m="c"} 0.3
        # EOF
      `,
      errors: [{ messageId: 'differentBuckets', line: 7, column: 1, metric: 'rpc_seconds' }],
    },
  ],
});
