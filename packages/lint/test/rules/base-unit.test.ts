import rule from '../../src/rules/base-unit.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE request_duration_seconds gauge
      # HELP request_duration_seconds Duration.
      request_duration_seconds 1
      # TYPE room_temperature_celsius gauge
      # HELP room_temperature_celsius Temperature.
      room_temperature_celsius 21
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE request_duration_milliseconds gauge
        # HELP request_duration_milliseconds Duration.
        request_duration_milliseconds 1
        # TYPE cache_mebibytes gauge
        # HELP cache_mebibytes Cache size.
        cache_mebibytes 1
        # TYPE uptime_hours gauge
        # HELP uptime_hours Uptime.
        uptime_hours 1
        # TYPE archive_exbibytes gauge
        # HELP archive_exbibytes Archive size.
        archive_exbibytes 1
        # EOF
      `,
      errors: [
        { messageId: 'nonBaseUnit', line: 1, column: 1, metric: 'request_duration_milliseconds' },
        { messageId: 'nonBaseUnit', line: 4, column: 1, metric: 'cache_mebibytes' },
        { messageId: 'nonBaseUnit', line: 7, column: 1, metric: 'uptime_hours' },
        { messageId: 'nonBaseUnit', line: 10, column: 1, metric: 'archive_exbibytes' },
      ],
    },
  ],
});
