import rule from '../../src/rules/no-unknown-type.js';
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
        # TYPE jobs unknown
        # HELP jobs Jobs.
        jobs 1
        # HELP other Other.
        other 1
        # EOF
      `,
      errors: [
        { messageId: 'unknownType', line: 1, column: 1, metric: 'jobs' },
        { messageId: 'untyped', line: 4, column: 1, metric: 'other' },
      ],
    },
    {
      format: 'prometheus',
      code: dedent`
        # TYPE jobs untyped
        jobs 1
      `,
      errors: [{ messageId: 'unknownType', line: 1, column: 1 }],
    },
  ],
});
