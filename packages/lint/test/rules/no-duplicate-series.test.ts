import rule from '../../src/rules/no-duplicate-series.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    // A series written once per timestamp is a history of points, not a repeat (OM 1.0 §MetricPoint).
    dedent`
      # TYPE foo gauge
      foo 17.0 123
      foo 18.0 456
      # EOF
    `,
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE foo stateset
        foo{entity="controller",foo="a"} 1.0 1000000000.000
        foo{entity="controller",foo="a"} 0.0 1000000001.000
        foo{entity="controller",foo="bb"} 0.0 1000000000.000
        foo{entity="controller",foo="bb"} 1.0 1000000001.000
        # EOF
      `,
    },
    dedent`
      # TYPE jobs gauge
      # HELP jobs Jobs.
      jobs{a="1",b="2"} 1
      jobs{a="1",b="3"} 1
      # EOF
    `,
    {
      name: 'the same set in another order is the parser\'s OM123, not reported twice',
      parseErrors: true,
      code: dedent`
        # TYPE jobs gauge
        # HELP jobs Jobs.
        jobs{a="1",b="2"} 1
        jobs{b="2",a="1"} 1
        # EOF
      `,
    },
    {
      name: 'a repeated bucket is the parser\'s OM115, not reported twice',
      parseErrors: true,
      format: 'prometheus',
      code: dedent`
        # TYPE rpc_seconds histogram
        # HELP rpc_seconds Latency.
        rpc_seconds_bucket{le="1"} 1
        rpc_seconds_bucket{le="1"} 1
        rpc_seconds_bucket{le="+Inf"} 1
      `,
    },
    {
      name: 'a repeated Prometheus text quantile is the parser\'s OM128, not reported twice',
      parseErrors: true,
      format: 'prometheus',
      code: dedent`
        # TYPE rpc_seconds summary
        # HELP rpc_seconds Latency.
        rpc_seconds{quantile="0.5"} 1
        rpc_seconds{quantile="0.5"} 1
      `,
    },
  ],
  invalid: [
    {
      name: 'label order does not matter (promlint misses this)',
      format: 'prometheus',
      code: dedent`
        jobs{a="1",b="2"} 1
        jobs{b="2",c=""} 1
        jobs{c="",b="2",a="1"} 1
      `,
      errors: [{ messageId: 'duplicate', line: 3, column: 1, metric: 'jobs' }],
    },
    {
      format: 'prometheus',
      code: dedent`
        jobs{a="1"} 1
        jobs{a="1"} 2
        jobs{a="2",b=""} 1
        jobs{a="2"} 1
      `,
      errors: [
        { messageId: 'duplicate', line: 2, column: 1, metric: 'jobs' },
        { messageId: 'duplicate', line: 4, column: 1, metric: 'jobs' },
      ],
    },
  ],
});
