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
    {
      name: 'a counter of events about timestamps is not a timestamp (Prometheus 2.42 /metrics)',
      format: 'prometheus',
      code: dedent`
        # HELP prometheus_target_scrapes_sample_duplicate_timestamp_total Total number of samples rejected due to duplicate timestamps but different values.
        # TYPE prometheus_target_scrapes_sample_duplicate_timestamp_total counter
        prometheus_target_scrapes_sample_duplicate_timestamp_total 0
        # HELP scrape_timestamp_skew_seconds Skew seen between scrape timestamps.
        # TYPE scrape_timestamp_skew_seconds histogram
        scrape_timestamp_skew_seconds_bucket{le="+Inf"} 0
        scrape_timestamp_skew_seconds_sum 0
        scrape_timestamp_skew_seconds_count 0
      `,
    },
    {
      name: 'math.MaxInt64 / 1000, the lowest timestamp of an empty TSDB head, is a sentinel, not milliseconds',
      format: 'prometheus',
      code: dedent`
        # HELP prometheus_tsdb_lowest_timestamp_seconds Lowest timestamp value stored in the database.
        # TYPE prometheus_tsdb_lowest_timestamp_seconds gauge
        prometheus_tsdb_lowest_timestamp_seconds 9.223372036854776e+15
      `,
    },
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
    {
      name: 'an untyped timestamp is judged like a gauge',
      format: 'prometheus',
      code: dedent`
        # HELP prometheus_tsdb_lowest_timestamp Lowest timestamp value stored in the database.
        # TYPE prometheus_tsdb_lowest_timestamp untyped
        prometheus_tsdb_lowest_timestamp 1.7e+12
      `,
      errors: [{ messageId: 'timestampUnit', line: 1, column: 1 }],
    },
  ],
});
