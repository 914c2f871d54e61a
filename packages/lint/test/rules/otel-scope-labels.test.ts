import rule from '../../src/rules/otel-scope-labels.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE http_requests counter
      # HELP http_requests Requests.
      http_requests_total{otel_scope_name="io.otel.http",otel_scope_version="1.2"} 1
      # TYPE otel_scope info
      # HELP otel_scope Scope.
      otel_scope_info{otel_scope_name="io.otel.http"} 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE http_requests counter
        # HELP http_requests Requests.
        http_requests_total{otel_scope_name="a"} 1
        http_requests_total{otel_scope_version="1.2"} 1
        # TYPE otel_scope_info gauge
        # HELP otel_scope_info Scope.
        otel_scope_info{library="x"} 1
        # EOF
      `,
      errors: [
        { messageId: 'missingScopeName', line: 4, column: 21, metric: 'http_requests' },
        { messageId: 'missingScopeName', line: 7, column: 1, metric: 'otel_scope_info' },
      ],
    },
  ],
});
