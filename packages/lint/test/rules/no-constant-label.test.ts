import rule from '../../src/rules/no-constant-label.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE a_requests counter
      # HELP a_requests Requests.
      a_requests_total{path="/"} 1
      a_requests_total{path="/x"} 1
      # EOF
    `,
    {
      name: 'a single series is not judged',
      code: dedent`
        # TYPE a_up gauge
        # HELP a_up Up.
        a_up{env="prod"} 1
        # EOF
      `,
    },
    {
      name: 'target_info does not count',
      code: dedent`
        # TYPE target info
        # HELP target Target.
        target_info{env="prod"} 1
        # TYPE a_requests counter
        # HELP a_requests Requests.
        a_requests_total{path="/"} 1
        a_requests_total{path="/x",env="prod"} 1
        # EOF
      `,
    },
    {
      options: { ignoreLabels: ['otel_scope_*'] },
      code: dedent`
        # TYPE a_requests counter
        # HELP a_requests Requests.
        a_requests_total{otel_scope_name="x",path="/"} 1
        a_requests_total{otel_scope_name="x",path="/x"} 1
        # EOF
      `,
    },
  ],
  invalid: [
    {
      code: dedent`
        # TYPE a_requests counter
        # HELP a_requests Requests.
        a_requests_total{env="prod",region="eu",path="/"} 1
        a_requests_total{path="/x",region="eu",env="prod"} 1
        # TYPE a_errors counter
        # HELP a_errors Errors.
        a_errors_total{env="prod",region="eu"} 0
        # EOF
      `,
      errors: [
        { messageId: 'constantLabel', line: 3, column: 1, metric: 'a_requests' },
        { messageId: 'constantLabel', line: 3, column: 1, metric: 'a_requests' },
      ],
    },
  ],
});
