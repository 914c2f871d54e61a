import rule from '../../src/rules/otel-target-info.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE target info
      # HELP target Target.
      target_info{service_name="api"} 1
      # EOF
    `,
    { format: 'prometheus', code: 'target_info{service_name="api"} 1\n' },
  ],
  invalid: [
    {
      format: 'prometheus',
      code: dedent`
        # TYPE target_info gauge
        target_info{service_name="api"} 2
        target_info{service_name="web"} 1
      `,
      errors: [
        { messageId: 'targetValue', line: 2, column: 1 },
        { messageId: 'targetSeries', line: 3, column: 1 },
      ],
    },
    {
      code: dedent`
        # TYPE target_info counter
        # HELP target_info Target.
        target_info_total 1
        # EOF
      `,
      errors: [{ messageId: 'targetType', line: 1, column: 1 }],
    },
  ],
});
