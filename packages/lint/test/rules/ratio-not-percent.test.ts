import rule from '../../src/rules/ratio-not-percent.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE cpu_usage_ratio gauge
      # HELP cpu_usage_ratio CPU.
      cpu_usage_ratio 0.5
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE cpu_usage_percent gauge
        # HELP cpu_usage_percent CPU.
        cpu_usage_percent 50
        # TYPE disk_pct_used gauge
        # HELP disk_pct_used Disk.
        disk_pct_used 50
        # EOF
      `,
      errors: [
        { messageId: 'percent', line: 1, column: 1 },
        { messageId: 'percent', line: 4, column: 1 },
      ],
    },
  ],
});
