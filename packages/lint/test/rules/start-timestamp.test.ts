import rule from '../../src/rules/start-timestamp.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a_total counter
        a_total 1 st@1.0
        # TYPE b_seconds histogram
        b_seconds {count:2,sum:1.5,bucket:[1:1,+Inf:2]} st@1.0
        # TYPE c_seconds summary
        c_seconds {count:2,sum:1.5,quantile:[0.5:0.7]} st@1.0
        # TYPE d gauge
        d 1
        # TYPE e gaugehistogram
        e {gcount:2,gsum:1.5,bucket:[1:1,+Inf:2]}
        # EOF
      `,
    },
    // OpenMetrics 1.0 has `_created` samples instead.
    dedent`
      # TYPE a counter
      a_total 1
      # EOF
    `,
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a_total counter
        a_total{x="1"} 1 st@1.0
        a_total{x="2"} 1
        a_total{x="3"} 1
        # TYPE b_seconds histogram
        b_seconds {count:2,sum:1.5,bucket:[1:1,+Inf:2]}
        # TYPE c_seconds summary
        c_seconds {count:2,sum:1.5,quantile:[0.5:0.7]} 5.0
        # EOF
      `,
      errors: [
        { messageId: 'missing', line: 3, column: 1 },
        { messageId: 'missing', line: 6, column: 1 },
        { messageId: 'missing', line: 8, column: 1 },
      ],
    },
  ],
});
