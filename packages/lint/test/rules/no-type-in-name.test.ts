import rule from '../../src/rules/no-type-in-name.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE scrapes_exceeded_native_histogram_bucket_limit counter
      # HELP scrapes_exceeded_native_histogram_bucket_limit Scrapes.
      scrapes_exceeded_native_histogram_bucket_limit_total 0
      # TYPE gauge_readings gauge
      # HELP gauge_readings Readings of a pressure gauge.
      gauge_readings 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE requests_counter counter
        # HELP requests_counter Requests.
        requests_counter_total 1
        # TYPE temp_gauge_celsius gauge
        # HELP temp_gauge_celsius Temperature.
        temp_gauge_celsius 1
        # EOF
      `,
      errors: [
        { messageId: 'typeInName', line: 1, column: 1, metric: 'requests_counter' },
        { messageId: 'typeInName', line: 4, column: 1, metric: 'temp_gauge_celsius' },
      ],
    },
  ],
});
