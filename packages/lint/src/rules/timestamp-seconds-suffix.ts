import { samplesOf } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { familySpan, words } from './support/names.js';

/** Epoch seconds stay below this until the year 5138; epoch milliseconds are above it since 1973. */
const MAX_SECONDS = 1e11;
/**
 * Epoch milliseconds stay below this until the year 5138. Larger values are not milliseconds of
 * any plausible date: sentinels such as Prometheus' `prometheus_tsdb_lowest_timestamp_seconds`
 * of an empty head (math.MaxInt64 / 1000), which this rule does not judge.
 */
const MAX_MILLISECONDS = 1e14;

/** The types a timestamp is exposed as: a counter, histogram or summary counts events (about timestamps, maybe). */
const TIMESTAMP_TYPES: ReadonlySet<string> = new Set(['gauge', 'unknown']);

export default defineRule({
  code: 'OM216',
  name: 'timestamp-seconds-suffix',
  category: 'practice',
  severity: 'warning',
  description: 'Timestamps should be named `_timestamp_seconds` and hold Unix seconds',
  since: '0.1.0',
  sources: [{ kind: 'naming-guide', ref: 'Metric names: `_timestamp_seconds`; "Timestamps, not time since"' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: {
    timestampUnit: 'Timestamp metric `{{name}}` is not named `…_timestamp_seconds`',
    notSeconds: 'Timestamp `{{name}}` has the value {{value}}, which looks like milliseconds, not seconds',
  },
  help: {
    timestampUnit: 'Export Unix time in seconds and name it `{{suggestion}}`',
    notSeconds: 'Divide by 1000',
  },
  create(ctx) {
    return {
      MetricFamily(family) {
        // `prometheus_target_scrapes_sample_duplicate_timestamp_total` counts scrapes, it is not a timestamp.
        if (!TIMESTAMP_TYPES.has(family.type)) return;
        const parts = words(family.name);
        const i = parts.lastIndexOf('timestamp');
        if (i < 0) return;
        if (parts[i + 1] !== 'seconds') {
          const suggestion = [...parts.slice(0, i + 1), 'seconds'].join('_');
          ctx.report({ messageId: 'timestampUnit', data: { name: family.name, suggestion }, span: familySpan(family) });
          return;
        }
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); )
            if (Math.abs(c.value) >= MAX_SECONDS && Math.abs(c.value) < MAX_MILLISECONDS) {
              ctx.report({ messageId: 'notSeconds', data: { name: family.name, value: c.value }, span: c.span });
              return;
            }
      },
    };
  },
});
