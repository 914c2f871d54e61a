import rule from '../../src/rules/no-duplicate-series.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE jobs gauge
      # HELP jobs Jobs.
      jobs{a="1",b="2"} 1
      jobs{a="1",b="3"} 1
      # EOF
    `,
    {
      name: 'the same set in another order is the parser\'s OM123, not reported twice',
      parseErrors: true,
      code: dedent`
        # TYPE jobs gauge
        # HELP jobs Jobs.
        jobs{a="1",b="2"} 1
        jobs{b="2",a="1"} 1
        # EOF
      `,
    },
  ],
  invalid: [
    {
      name: 'label order does not matter (promlint misses this)',
      format: 'prometheus',
      code: dedent`
        jobs{a="1",b="2"} 1
        jobs{b="2",c=""} 1
        jobs{c="",b="2",a="1"} 1
      `,
      errors: [{ messageId: 'duplicate', line: 3, column: 1, metric: 'jobs' }],
    },
    {
      format: 'prometheus',
      code: dedent`
        jobs{a="1"} 1
        jobs{a="1"} 2
        jobs{a="2",b=""} 1
        jobs{a="2"} 1
      `,
      errors: [
        { messageId: 'duplicate', line: 2, column: 1, metric: 'jobs' },
        { messageId: 'duplicate', line: 4, column: 1, metric: 'jobs' },
      ],
    },
  ],
});
