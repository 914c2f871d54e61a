import rule from '../../src/rules/no-unit-abbreviation.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE request_duration_seconds gauge
      # HELP request_duration_seconds Duration.
      request_duration_seconds 1
      # TYPE ms_queue_length gauge
      # HELP ms_queue_length Queue of the ms component.
      ms_queue_length 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE request_duration_ms gauge
        # HELP request_duration_ms Duration.
        request_duration_ms 1
        # TYPE io_kb_per_s gauge
        # HELP io_kb_per_s Throughput.
        io_kb_per_s 1
        # EOF
      `,
      errors: [
        { messageId: 'abbreviated', line: 1, column: 1, metric: 'request_duration_ms' },
        { messageId: 'abbreviated', line: 4, column: 1, metric: 'io_kb_per_s' },
        { messageId: 'abbreviated', line: 4, column: 1, metric: 'io_kb_per_s' },
      ],
    },
    {
      name: 'usec, msec and nsec are abbreviations too (redis_exporter 1.45)',
      format: 'prometheus',
      code: dedent`
        # HELP redis_latency_percentiles_usec A summary of latency percentile distribution per command
        # TYPE redis_latency_percentiles_usec summary
        redis_latency_percentiles_usec_sum{cmd="set"} 2
        redis_latency_percentiles_usec_count{cmd="set"} 1
        # TYPE poll_msec gauge
        poll_msec 3
        # TYPE clock_nsec gauge
        clock_nsec 3
      `,
      errors: [
        { messageId: 'abbreviated', line: 1, column: 1, metric: 'redis_latency_percentiles_usec' },
        { messageId: 'abbreviated', line: 5, column: 1, metric: 'poll_msec' },
        { messageId: 'abbreviated', line: 7, column: 1, metric: 'clock_nsec' },
      ],
    },
  ],
});
