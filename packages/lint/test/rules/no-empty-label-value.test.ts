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
      name: 'the fix keeps the other labels and their commas',
      format: 'prometheus',
      code: dedent`
        pods{a="1",b="",c="3"} 1
        pods{b="",a="2",c="3"} 1
        pods{a="3",c="3",b=""} 1
      `,
      errors: [{ messageId: 'emptyValue', line: 1, column: 12 }],
      output: dedent`
        pods{a="1",c="3"} 1
        pods{a="2",c="3"} 1
        pods{a="3",c="3"} 1
      `,
    },
    {
      code: dedent`
        # TYPE pods gauge
        # HELP pods Pods.
        pods{node="n1",ip=""} 1
        pods{node="",ip=""} 1
        # EOF
      `,
      errors: [
        { messageId: 'emptyValue', line: 3, column: 16, endColumn: 21 },
        { messageId: 'emptyValue', line: 4, column: 6, endColumn: 13 },
      ],
      output: dedent`
        # TYPE pods gauge
        # HELP pods Pods.
        pods{node="n1"} 1
        pods 1
        # EOF
      `,
    },
  ],
});
