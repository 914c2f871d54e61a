import { samplesOf } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { exemplarsOf } from './support/exemplars.js';

export default defineRule({
  code: 'OM233',
  name: 'exemplar-timestamp-order',
  category: 'practice',
  severity: 'warning',
  description: 'An exemplar\'s timestamp should lie between its sample\'s start timestamp and timestamp',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 2.0 §Exemplars: the timestamp SHOULD be before or equal to the Sample\'s timestamp, if present, and after or equal to the Sample\'s start timestamp, if present' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  formats: ['openmetrics-2.0'],
  messages: {
    afterSample: 'An exemplar of `{{name}}` is timestamped {{exemplar}}, after its sample ({{sample}})',
    beforeStart: 'An exemplar of `{{name}}` is timestamped {{exemplar}}, before its sample\'s start timestamp ({{start}})',
  },
  help: {
    afterSample: 'An exemplar is an observation counted in the sample: it cannot be later than the sample\'s timestamp',
    beforeStart: 'An exemplar is an observation counted since the start timestamp: it cannot be earlier',
  },
  create(ctx) {
    return {
      MetricFamily(family) {
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); ) {
            if (c.timestamp === undefined && c.startTimestamp === undefined) continue;
            for (const e of exemplarsOf(c)) {
              if (e.timestamp === undefined) continue;
              if (c.timestamp !== undefined && e.timestamp > c.timestamp) {
                ctx.report({ messageId: 'afterSample', data: { name: family.name, exemplar: e.timestamp, sample: c.timestamp }, span: e.span });
                return;
              }
              if (c.startTimestamp !== undefined && e.timestamp < c.startTimestamp) {
                ctx.report({ messageId: 'beforeStart', data: { name: family.name, exemplar: e.timestamp, start: c.startTimestamp }, span: e.span });
                return;
              }
            }
          }
      },
    };
  },
});
