import rule from '../../src/rules/no-empty-label-value.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE pods gauge
      # HELP pods Pods.
      pods{node="n1"} 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE pods gauge
        # HELP pods Pods.
        pods{node="n1",ip=""} 1
        pods{node="",ip=""} 1
        # EOF
      `,
      errors: [
        { messageId: 'emptyValue', line: 3, column: 1 },
        { messageId: 'emptyValue', line: 4, column: 1 },
      ],
    },
  ],
});
