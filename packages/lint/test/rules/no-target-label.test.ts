import { parse } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { lintSession } from '../../src/engine.js';
import type { ScrapeFacts } from '../../src/rule.js';
import rule from '../../src/rules/no-target-label.js';
import { dedent, ruleTester } from '../rule-tester.js';

// The shape of prometheus-pushgateway 1.5.1's /metrics with one pushed group (test/fixtures/exporters).
const PUSHGATEWAY = dedent`
  # HELP backup_last_success_timestamp_seconds Last success.
  # TYPE backup_last_success_timestamp_seconds gauge
  backup_last_success_timestamp_seconds{instance="db1",job="backup"} 1.7e+09
  # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
  # TYPE push_time_seconds gauge
  push_time_seconds{instance="db1",job="backup"} 1.7966144539967017e+09
`;

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE queue_length gauge
      # HELP queue_length Queue.
      queue_length{worker="w1"} 1
      # EOF
    `,
    { format: 'prometheus', code: 'target_info{job="api",instance="a:1"} 1\n' },
    {
      name: "a Pushgateway's /metrics (it has `push_time_seconds`) is scraped with `honor_labels: true` by convention",
      format: 'prometheus',
      code: PUSHGATEWAY,
    },
    {
      name: 'the job sets `honor_labels: true`: Prometheus keeps the labels',
      format: 'prometheus',
      code: 'queue_length{instance="w1",job="x"} 1\n',
      scrape: [{ kind: 'scrape-job', job: 'federate', honorLabels: true }],
    },
  ],
  invalid: [
    {
      code: dedent`
        # TYPE queue_length gauge
        # HELP queue_length Queue.
        queue_length{instance="w1"} 1
        queue_length{instance="w2",job="x"} 1
        # EOF
      `,
      errors: [
        { messageId: 'targetLabel', line: 3, column: 14, endColumn: 22, metric: 'queue_length' },
        { messageId: 'targetLabel', line: 4, column: 28, endColumn: 31, metric: 'queue_length' },
      ],
    },
    {
      options: { labels: ['cluster'] },
      code: dedent`
        # TYPE queue_length gauge
        # HELP queue_length Queue.
        queue_length{cluster="c1",job="x"} 1
        # EOF
      `,
      errors: [{ messageId: 'targetLabel', line: 3, column: 14 }],
    },
    {
      name: 'a Pushgateway scraped by a job without `honor_labels: true`: the labels are renamed',
      format: 'prometheus',
      code: PUSHGATEWAY,
      scrape: [{ kind: 'scrape-job', job: 'pushgateway', honorLabels: false }],
      errors: [
        { messageId: 'renamed', line: 3, column: 39, metric: 'backup_last_success_timestamp_seconds' },
        { messageId: 'renamed', line: 3, column: 54, metric: 'backup_last_success_timestamp_seconds' },
        { messageId: 'renamed', line: 6, column: 19, metric: 'push_time_seconds' },
        { messageId: 'renamed', line: 6, column: 34, metric: 'push_time_seconds' },
      ],
    },
  ],
});

describe('in a lint session', () => {
  const parts = ['queue_length{instance="w1"} 1\n', 'other{job="x"} 1\n'].map((t) => parse(t, { format: 'prometheus' }));
  const codes = (scrape?: ScrapeFacts) => {
    const session = lintSession({ config: { extends: 'recommended' } });
    for (const part of parts) session.add(part);
    return session.finish(scrape).filter((d) => d.code === rule.code).map((d) => d.metric);
  };

  it('reads the job facts given at the end', () => {
    expect(codes()).toEqual(['queue_length', 'other']);
    expect(codes([{ kind: 'scrape-job', job: 'federate', honorLabels: true }])).toEqual([]);
    expect(codes([{ kind: 'scrape-job', job: 'api', honorLabels: false }])).toEqual(['queue_length', 'other']);
  });
});
