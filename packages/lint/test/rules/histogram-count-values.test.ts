import rule from '../../src/rules/histogram-count-values.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a_seconds histogram
        a_seconds {count:59,sum:1.2e2,schema:7,zero_threshold:1e-4,zero_count:0,negative_spans:[1:2],negative_buckets:[5,7],positive_spans:[-1:2,3:4],positive_buckets:[5,7,10,9,8,8]} st@1.0
        # TYPE b gaugehistogram
        b {gcount:2,gsum:1.5,bucket:[1:1,+Inf:2]}
        # EOF
      `,
    },
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a_seconds histogram
        a_seconds{x="1"} {count:2,sum:1.5,bucket:[1:1,+Inf:2]} st@1.0
        a_seconds{x="2"} {count:2.5,sum:1.5,bucket:[1:1,+Inf:2.5]} st@1.0
        # TYPE b gaugehistogram
        b {gcount:2,gsum:1.5,bucket:[1:1.5,+Inf:2]}
        # TYPE c gaugehistogram
        c {gcount:-2,gsum:1.5,bucket:[1:-2,+Inf:-2]}
        # TYPE d_seconds histogram
        d_seconds {count:NaN,sum:NaN,bucket:[+Inf:NaN]} st@1.0
        # EOF
      `,
      parseErrors: true,
      errors: [
        { messageId: 'notInteger', line: 3, column: 1 },
        { messageId: 'notInteger', line: 5, column: 1 },
        { messageId: 'notCount', line: 7, column: 1 },
        { messageId: 'notCount', line: 9, column: 1 },
      ],
    },
  ],
});
