import rule from '../../src/rules/no-reserved-label-name.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    // OpenMetrics 2.0: the parser reports reserved names (OM135) and reads `__type__` and `__unit__`.
    { format: 'openmetrics-2.0', code: dedent`
      # TYPE a gauge
      a{__unit__="seconds"} 1
      # EOF
    ` },
    dedent`
      # TYPE jobs gauge
      # HELP jobs Jobs.
      jobs{tenant="a"} 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE jobs gauge
        # HELP jobs Jobs.
        jobs{__tenant="a"} 1
        jobs{__tenant="b",_x="1"} 1
        # EOF
      `,
      errors: [
        { messageId: 'reserved', line: 3, column: 6 },
        { messageId: 'reserved', line: 4, column: 19, endColumn: 21 },
      ],
    },
  ],
});
