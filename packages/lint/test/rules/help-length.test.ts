import rule from '../../src/rules/help-length.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE jobs gauge
      # HELP jobs ${'x'.repeat(200)}
      jobs 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE jobs gauge
        # HELP jobs ${'x'.repeat(201)}
        jobs 1
        # EOF
      `,
      errors: [{ messageId: 'tooLong', line: 2, column: 1, metric: 'jobs' }],
    },
    {
      options: { max: 5 },
      code: dedent`
        # TYPE jobs gauge
        # HELP jobs Jobs waiting.
        jobs 1
        # EOF
      `,
      errors: [{ messageId: 'tooLong', line: 2, column: 1 }],
    },
  ],
});
