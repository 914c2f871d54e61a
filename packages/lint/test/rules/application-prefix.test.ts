import rule from '../../src/rules/application-prefix.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'an OpenMetrics info family is judged with its `_info` suffix, as in Prometheus text (client_golang `go_info`)',
      code: dedent`
        # TYPE go info
        # HELP go Information about the Go environment.
        go_info{version="go1.19.8"} 1
        # EOF
      `,
    },
    {
      name: 'the same in Prometheus text',
      format: 'prometheus',
      code: dedent`
        # HELP go_info Information about the Go environment.
        # TYPE go_info gauge
        go_info{version="go1.19.8"} 1
      `,
    },
    dedent`
      # TYPE myapp_requests counter
      # HELP myapp_requests Requests.
      myapp_requests_total 1
      # TYPE target info
      # HELP target Target.
      target_info{a="b"} 1
      # EOF
    `,
    {
      options: { prefixes: ['myapp'] },
      code: dedent`
        # TYPE myapp_requests counter
        # HELP myapp_requests Requests.
        myapp_requests_total 1
        # EOF
      `,
    },
  ],
  invalid: [
    {
      code: dedent`
        # TYPE requests counter
        # HELP requests Requests.
        requests_total 1
        # TYPE uptime_seconds gauge
        # HELP uptime_seconds Uptime.
        uptime_seconds 1
        # EOF
      `,
      errors: [
        { messageId: 'noPrefix', line: 1, column: 1, metric: 'requests' },
        { messageId: 'noPrefix', line: 4, column: 1, metric: 'uptime_seconds' },
      ],
    },
    {
      options: { prefixes: ['myapp', 'http'] },
      code: dedent`
        # TYPE other_requests counter
        # HELP other_requests Requests.
        other_requests_total 1
        # EOF
      `,
      errors: [{ messageId: 'wrongPrefix', line: 1, column: 1 }],
    },
  ],
});
