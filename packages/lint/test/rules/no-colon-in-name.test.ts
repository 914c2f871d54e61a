import rule from '../../src/rules/no-colon-in-name.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE job:http_requests:rate5m gauge
      # HELP job:http_requests:rate5m Recording rule.
      job:http_requests:rate5m 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE app:requests gauge
        # HELP app:requests Requests.
        app:requests 1
        # EOF
      `,
      errors: [{ messageId: 'colon', line: 1, column: 1, metric: 'app:requests' }],
    },
    {
      options: { allowRecordingRules: false },
      code: dedent`
        # TYPE job:http_requests:rate5m gauge
        # HELP job:http_requests:rate5m Recording rule.
        job:http_requests:rate5m 1
        # EOF
      `,
      errors: [{ messageId: 'colon', line: 1, column: 1 }],
    },
  ],
});
