import rule from '../../src/rules/info-suffix.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    // OpenMetrics 2.0 names an info family with its `_info` (§Info).
    { format: 'openmetrics-2.0', code: dedent`
      # TYPE build_info info
      build_info{version="1.2"} 1
      # EOF
    ` },
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
    {
      name: 'an OpenMetrics counter `x_info` is `x_info_total` in Prometheus text: the same verdict in both',
      code: dedent`
        # TYPE requests_info counter
        # HELP requests_info Requests.
        requests_info_total 1
        # EOF
      `,
    },
    { name: 'the same counter in Prometheus text', format: 'prometheus', code: '# TYPE requests_info_total counter\nrequests_info_total 1\n' },
  ],
  invalid: [
    {
      code: dedent`
        # TYPE build_info gauge
        # HELP build_info Build.
        build_info{version="1"} 1
        build_info{version="2"} 2
        # TYPE requests_info histogram
        # HELP requests_info Requests.
        requests_info_bucket{le="+Inf"} 1
        requests_info_count 1
        requests_info_sum 1
        # TYPE app_info info
        # HELP app_info App.
        app_info_info{version="1"} 1
        # EOF
      `,
      errors: [
        { messageId: 'infoValue', line: 4, column: 1, metric: 'build_info' },
        { messageId: 'infoType', line: 5, column: 1, metric: 'requests_info' },
        { messageId: 'doubleInfo', line: 10, column: 1, metric: 'app_info' },
      ],
    },
    {
      name: 'the OpenMetrics info family `app_info` is the gauge `app_info_info` in Prometheus text',
      format: 'prometheus',
      code: '# TYPE app_info_info gauge\napp_info_info{version="1"} 1\n',
      errors: [{ messageId: 'doubleInfo', line: 1, column: 1, metric: 'app_info_info' }],
    },
  ],
});
