import rule from '../../src/rules/total-after-unit.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE cpu_seconds counter
      # HELP cpu_seconds CPU.
      cpu_seconds_total 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE cpu_total_seconds gauge
        # HELP cpu_total_seconds CPU.
        cpu_total_seconds 1
        # EOF
      `,
      errors: [{ messageId: 'totalBeforeUnit', line: 1, column: 1, metric: 'cpu_total_seconds' }],
    },
  ],
});
