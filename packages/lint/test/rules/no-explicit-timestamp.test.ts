import rule from '../../src/rules/no-explicit-timestamp.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE jobs gauge
      # HELP jobs Jobs.
      jobs 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE jobs gauge
        # HELP jobs Jobs.
        jobs{a="1"} 1
        jobs{a="2"} 1 1700000000
        jobs{a="3"} 1 1700000000
        # EOF
      `,
      errors: [{ messageId: 'timestamp', line: 4, column: 1, metric: 'jobs' }],
    },
  ],
});
