import rule from '../../src/rules/native-bucket-layout.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a histogram
        a {count:4,sum:9,schema:0,zero_threshold:2.938735877055719e-39,zero_count:0,positive_spans:[1:4],positive_buckets:[1,0,0,3]} st@1.0
        # TYPE b histogram
        b {count:2,sum:-1.5,schema:3,zero_threshold:0,zero_count:0,negative_spans:[0:1,1:1],negative_buckets:[1,1]} st@1.0
        # TYPE c histogram
        c {count:0,sum:0,schema:3,zero_threshold:0.5,zero_count:0} st@1.0
        # EOF
      `,
    },
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a histogram
        a{x="1"} {count:2,sum:3,schema:0,zero_threshold:0,zero_count:0,positive_spans:[1:2],positive_buckets:[1,1]} st@1.0
        a{x="2"} {count:2,sum:3,schema:0,zero_threshold:0,zero_count:0,positive_spans:[1:3],positive_buckets:[1,1,0]} st@1.0
        a{x="3"} {count:2,sum:3,schema:0,zero_threshold:1e-4,zero_count:0,positive_spans:[1:2],positive_buckets:[1,1]} st@1.0
        # TYPE b gaugehistogram
        b {gcount:2,gsum:-20,schema:0,zero_threshold:0,zero_count:0,negative_spans:[1:5],negative_buckets:[1,0,0,0,1]}
        # EOF
      `,
      errors: [
        { messageId: 'emptyBucket', line: 3, column: 1 },
        { messageId: 'zeroThreshold', line: 4, column: 1 },
        { messageId: 'emptyBucket', line: 6, column: 1 },
      ],
    },
  ],
});
