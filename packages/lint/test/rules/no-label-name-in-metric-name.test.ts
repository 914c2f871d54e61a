import rule from '../../src/rules/no-label-name-in-metric-name.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE http_requests gauge
      # HELP http_requests Requests.
      http_requests{method="GET"} 1
      # TYPE sorted_by_name gauge
      # HELP sorted_by_name Sorted.
      sorted_by_name{kind="x"} 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE http_requests_by_method gauge
        # HELP http_requests_by_method Requests.
        http_requests_by_method{method="GET"} 1
        http_requests_by_method{method="PUT"} 1
        # EOF
      `,
      errors: [{ messageId: 'labelInName', line: 1, column: 1, metric: 'http_requests_by_method' }],
    },
  ],
});
