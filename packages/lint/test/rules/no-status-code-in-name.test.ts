import rule from '../../src/rules/no-status-code-in-name.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE http_responses counter
      # HELP http_responses Responses.
      http_responses_total{code="500"} 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE http_responses_500 counter
        # HELP http_responses_500 Errors.
        http_responses_500_total 1
        # TYPE http_5xx_responses gauge
        # HELP http_5xx_responses Errors.
        http_5xx_responses 1
        # EOF
      `,
      errors: [
        { messageId: 'statusInName', line: 1, column: 1 },
        { messageId: 'statusInName', line: 4, column: 1 },
      ],
    },
  ],
});
