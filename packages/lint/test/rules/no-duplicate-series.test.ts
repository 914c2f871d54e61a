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
  ],
  invalid: [
    {
      name: 'label order does not matter (promlint misses this)',
      code: dedent`
        # TYPE jobs gauge
        # HELP jobs Jobs.
        jobs{a="1",b="2"} 1
        jobs{b="2",a="1"} 1
        # EOF
      `,
      errors: [{ messageId: 'duplicate', line: 4, column: 1, metric: 'jobs' }],
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
