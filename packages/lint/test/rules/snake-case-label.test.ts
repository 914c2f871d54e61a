import rule from '../../src/rules/snake-case-label.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE http_requests gauge
      # HELP http_requests Requests.
      http_requests{status_code="200"} 1
      # EOF
    `,
  ],
  invalid: [
    {
      name: 'reported once per family and label, naming it',
      code: dedent`
        # TYPE http_requests gauge
        # HELP http_requests Requests.
        http_requests{statusCode="200"} 1
        http_requests{statusCode="500"} 2
        http_requests{statusCode="503",podName="a"} 2
        # EOF
      `,
      errors: [
        { messageId: 'notSnakeCase', line: 3, column: 15, endColumn: 25, metric: 'http_requests' },
        { messageId: 'notSnakeCase', line: 5, column: 32, endColumn: 39, metric: 'http_requests' },
      ],
    },
    {
      name: 'a point label first met on a later sample of its metric',
      parseErrors: true, // the first sample lacks its state (OM108)
      code: dedent`
        # TYPE diskState stateset
        diskState{disk="a"} 1
        diskState{disk="a",diskState="ok"} 0
        # EOF
      `,
      errors: [{ messageId: 'notSnakeCase', line: 3, column: 20, endColumn: 29, metric: 'diskState' }],
    },
  ],
});
