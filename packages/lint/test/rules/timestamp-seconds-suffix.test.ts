import rule from '../../src/rules/timestamp-seconds-suffix.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE last_success_timestamp_seconds gauge
      # HELP last_success_timestamp_seconds Last success.
      last_success_timestamp_seconds 1700000000
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE last_success_timestamp gauge
        # HELP last_success_timestamp Last success.
        last_success_timestamp 1700000000
        # TYPE boot_timestamp_ms gauge
        # HELP boot_timestamp_ms Boot.
        boot_timestamp_ms 1700000000000
        # TYPE seen_timestamp_seconds gauge
        # HELP seen_timestamp_seconds Seen.
        seen_timestamp_seconds{a="1"} 1700000000
        seen_timestamp_seconds{a="2"} 1700000000000
        # EOF
      `,
      errors: [
        { messageId: 'timestampUnit', line: 1, column: 1 },
        { messageId: 'timestampUnit', line: 4, column: 1 },
        { messageId: 'notSeconds', line: 10, column: 1 },
      ],
    },
  ],
});
