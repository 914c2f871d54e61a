import rule from '../../src/rules/single-unit.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE transfer_bytes_per_second gauge
      # HELP transfer_bytes_per_second Rate.
      transfer_bytes_per_second 1
      # TYPE process_cpu_seconds counter
      # HELP process_cpu_seconds CPU.
      process_cpu_seconds_total 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE transfer_seconds_bytes gauge
        # HELP transfer_seconds_bytes Transfer.
        transfer_seconds_bytes 1
        # EOF
      `,
      errors: [{ messageId: 'mixedUnits', line: 1, column: 1 }],
    },
  ],
});
