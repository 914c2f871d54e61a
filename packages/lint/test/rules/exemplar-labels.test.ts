import rule from '../../src/rules/exemplar-labels.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a histogram
        a{path="/"} {count:2,sum:1.5,bucket:[1:1,+Inf:2]} st@1.0 # {trace_id="x",span_id="y"} 0.5 2.0 # {span_id="z",trace_id="w"} 2 3.0
        # TYPE b_total counter
        b_total 1 st@1.0 # {} 1 2.0
        # EOF
      `,
    },
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a histogram
        a{path="/"} {count:2,sum:1.5,bucket:[1:1,+Inf:2]} st@1.0 # {trace_id="x"} 0.5 2.0 # {trace_id="z",user="u"} 2 3.0
        # TYPE b_total counter
        b_total{path="/"} 1 st@1.0 # {path="/",traceID="t"} 1 2.0
        # EOF
      `,
      errors: [
        { messageId: 'differentNames', line: 2, column: 83 },
        { messageId: 'metricLabel', line: 4, column: 28 },
        { messageId: 'traceKey', line: 4, column: 28 },
      ],
    },
  ],
});
