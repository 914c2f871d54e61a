import rule from '../../src/rules/snake-case-name.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE http_requests gauge
      # HELP http_requests Requests.
      http_requests 1
      # EOF
    `,
    {
      options: { allow: ['node_memory_*'] },
      code: dedent`
        # TYPE node_memory_MemTotal_bytes gauge
        # HELP node_memory_MemTotal_bytes Memory.
        node_memory_MemTotal_bytes 1
        # EOF
      `,
    },
  ],
  invalid: [
    {
      code: dedent`
        # TYPE httpRequests gauge
        # HELP httpRequests Requests.
        httpRequests 1
        # EOF
      `,
      errors: [{ messageId: 'notSnakeCase', line: 1, column: 1, metric: 'httpRequests' }],
    },
  ],
});
