import { samplesOf } from '@omkit/parser';
import { defineRule } from '../rule.js';

/** OM 2.0 §Counter, §Histogram, §Summary: the types whose samples SHOULD have a start timestamp. */
const STARTED: ReadonlySet<string> = new Set(['counter', 'histogram', 'summary']);

export default defineRule({
  code: 'OM228',
  name: 'start-timestamp',
  category: 'practice',
  severity: 'info',
  description: 'OpenMetrics 2.0 counter, histogram and summary samples should have a start timestamp (`st@`)',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 2.0 §Counter: a Sample in a Metric with the Type Counter SHOULD have a Start Timestamp' },
    { kind: 'spec', ref: 'OM 2.0 §Histogram: a Histogram Sample SHOULD have a Start Timestamp; §Summary: a Summary SHOULD have a Start Timestamp' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  formats: ['openmetrics-2.0'],
  messages: { missing: 'The {{type}} `{{name}}` has samples without a start timestamp' },
  help: { missing: 'Write when the count started after the value (and its timestamp): `st@<unix seconds>`, so that ingestors can tell a reset from a new series' },
  create(ctx) {
    return {
      MetricFamily(family) {
        if (!STARTED.has(family.type)) return;
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); )
            if (c.startTimestamp === undefined) {
              ctx.report({ messageId: 'missing', data: { name: family.name, type: family.type }, span: c.span });
              return;
            }
      },
    };
  },
});
