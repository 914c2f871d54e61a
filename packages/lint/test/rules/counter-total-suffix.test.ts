import rule from '../../src/rules/counter-total-suffix.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    // OpenMetrics 2.0: a counter family is named with its `_total`.
    { format: 'openmetrics-2.0', code: dedent`
      # TYPE http_requests_total counter
      http_requests_total 3 st@1.0
      # EOF
    ` },
    dedent`
      # TYPE http_requests counter
      # HELP http_requests Requests.
      http_requests_total 7
      http_requests_created 1700000000
      # EOF
    `,
    { format: 'prometheus', code: dedent`
      # TYPE http_requests_total counter
      http_requests_total 7
    ` },
  ],
  invalid: [
    // OpenMetrics 2.0: `_total` is a SHOULD (§Counter), not a parser error.
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE http_requests counter
        http_requests 3 st@1.0
        # EOF
      `,
      errors: [{ messageId: 'missingTotal', line: 2, column: 1 }],
    },
    {
      format: 'prometheus',
      code: dedent`
        # HELP http_requests Requests.
        # TYPE http_requests counter
        http_requests{code="200"} 7
        http_requests{code="500"} 1
      `,
      errors: [{ messageId: 'missingTotal', line: 3, column: 1, metric: 'http_requests' }],
    },
  ],
});
