import rule from '../../src/rules/histogram-sum-range.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a histogram
        a {count:2,sum:1.2,bucket:[0.5:1,1:2,+Inf:2]} st@1.0
        # TYPE b histogram
        b {count:3,sum:1e9,bucket:[0.5:1,1:2,+Inf:3]} st@1.0
        # TYPE c histogram
        c {count:2,sum:-1e9,bucket:[0.5:1,1:2,+Inf:2]} st@1.0
        # TYPE d histogram
        d {count:3,sum:3.5,schema:0,zero_threshold:1e-4,zero_count:1,positive_spans:[1:2],positive_buckets:[1,1]} st@1.0
        # TYPE e histogram
        e {count:1,sum:NaN,bucket:[1:1,+Inf:1]} st@1.0
        # TYPE f gaugehistogram
        f {gcount:2,gsum:-4.5,schema:0,zero_threshold:0,zero_count:0,negative_spans:[1:2],negative_buckets:[1,1]}
        # EOF
      `,
    },
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a histogram
        a{x="1"} {count:2,sum:1.2,bucket:[0.5:1,1:2,+Inf:2]} st@1.0
        a{x="2"} {count:2,sum:1500,bucket:[0.5:1,1:2,+Inf:2]} st@1.0
        # TYPE b histogram
        b {count:2,sum:0.5,bucket:[0.5:0,1:2,+Inf:2]} st@1.0
        # TYPE d histogram
        d {count:2,sum:10,schema:0,zero_threshold:1e-4,zero_count:0,positive_spans:[1:2],positive_buckets:[1,1]} st@1.0
        # EOF
      `,
      errors: [
        { messageId: 'outOfRange', line: 3, column: 1 },
        { messageId: 'outOfRange', line: 5, column: 1 },
        { messageId: 'outOfRange', line: 7, column: 1 },
      ],
    },
  ],
});
