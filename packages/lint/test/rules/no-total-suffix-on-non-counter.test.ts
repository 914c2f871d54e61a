import rule from '../../src/rules/no-total-suffix-on-non-counter.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE jobs_total counter
      # HELP jobs_total Jobs.
      jobs_total_total 1
      # EOF
    `,
    { format: 'prometheus', code: 'jobs_total 3\n' },
  ],
  invalid: [
    {
      code: dedent`
        # TYPE a gauge
        # HELP a A.
        a 1
        # TYPE jobs_total gauge
        # HELP jobs_total Jobs.
        jobs_total 3
        # EOF
      `,
      errors: [{ messageId: 'unexpectedTotal', line: 4, column: 1, metric: 'jobs_total' }],
    },
  ],
});
