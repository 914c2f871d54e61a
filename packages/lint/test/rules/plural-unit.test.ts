import rule from '../../src/rules/plural-unit.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE disk_written_bytes_per_second gauge
      # HELP disk_written_bytes_per_second Rate.
      disk_written_bytes_per_second 1
      # TYPE power_meter_readings gauge
      # HELP power_meter_readings Readings of the power meter.
      power_meter_readings 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE uptime_second gauge
        # HELP uptime_second Uptime.
        uptime_second 1
        # TYPE sent_byte counter
        # HELP sent_byte Sent.
        sent_byte_total 1
        # EOF
      `,
      errors: [
        { messageId: 'singular', line: 1, column: 1, metric: 'uptime_second' },
        { messageId: 'singular', line: 4, column: 1, metric: 'sent_byte' },
      ],
    },
  ],
});
