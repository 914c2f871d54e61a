import rule from '../../src/rules/exemplar-timestamp-order.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a_total counter
        a_total 17 1520879607.789 st@1520430000.123 # {trace_id="x"} 0.67 1520879607.789
        # TYPE b histogram
        b {count:2,sum:1.5,bucket:[1:1,+Inf:2]} st@10.0 # {trace_id="y"} 0.5 10.0 # {trace_id="z"} 2 99.0
        # TYPE c_total counter
        c_total 1 # {trace_id="y"} 1 5.0
        # EOF
      `,
    },
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE a_total counter
        a_total 17 100.0 st@1.0 # {trace_id="x"} 0.67 100.5
        # TYPE b histogram
        b {count:2,sum:1.5,bucket:[1:1,+Inf:2]} st@10.0 # {trace_id="y"} 0.5 11.0 # {trace_id="z"} 2 9.0
        # EOF
      `,
      errors: [
        { messageId: 'afterSample', line: 2, column: 25 },
        { messageId: 'beforeStart', line: 4, column: 75 },
      ],
    },
  ],
});
