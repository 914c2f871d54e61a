import rule from '../../src/rules/consistent-name-quoting.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE "foodb.read.errors" counter
        # HELP "foodb.read.errors" Errors.
        {"foodb.read.errors","service.name"="my_service"} 3482
        {"foodb.read.errors","service.name"="b"} 1
        # TYPE up gauge
        up 1
        # EOF
      `,
    },
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE "read_errors" counter
        # HELP read_errors Errors.
        {"read_errors","service.name"="my_service"} 3482
        # TYPE up gauge
        up 1
        {"up",a="b"} 1
        # EOF
      `,
      errors: [
        { messageId: 'mixedQuoting', line: 2, column: 1 },
        { messageId: 'mixedQuoting', line: 6, column: 1 },
      ],
    },
  ],
});
