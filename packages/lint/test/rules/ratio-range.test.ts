import rule from '../../src/rules/ratio-range.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE cpu_usage_ratio gauge
      # HELP cpu_usage_ratio CPU.
      cpu_usage_ratio{cpu="0"} 0
      cpu_usage_ratio{cpu="1"} 1
      cpu_usage_ratio{cpu="2"} NaN
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE cpu_usage_ratio gauge
        # HELP cpu_usage_ratio CPU.
        cpu_usage_ratio{cpu="0"} 0.5
        cpu_usage_ratio{cpu="1"} 42
        cpu_usage_ratio{cpu="2"} -1
        # EOF
      `,
      errors: [{ messageId: 'outOfRange', line: 4, column: 1 }],
    },
  ],
});
