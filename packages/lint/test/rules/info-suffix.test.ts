import rule from '../../src/rules/info-suffix.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE build info
      # HELP build Build.
      build_info{version="1"} 1
      # EOF
    `,
    { format: 'prometheus', code: dedent`
      # TYPE build_info gauge
      build_info{version="1"} 1
    ` },
  ],
  invalid: [
    {
      code: dedent`
        # TYPE build_info gauge
        # HELP build_info Build.
        build_info{version="1"} 1
        build_info{version="2"} 2
        # TYPE requests_info counter
        # HELP requests_info Requests.
        requests_info_total 1
        # TYPE app_info info
        # HELP app_info App.
        app_info_info{version="1"} 1
        # EOF
      `,
      errors: [
        { messageId: 'infoValue', line: 4, column: 1, metric: 'build_info' },
        { messageId: 'infoType', line: 5, column: 1, metric: 'requests_info' },
        { messageId: 'doubleInfo', line: 8, column: 1, metric: 'app_info' },
      ],
    },
  ],
});
