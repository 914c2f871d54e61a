import { samplesOf } from '@omkit/parser';
import { defineRule } from '../rule.js';

export default defineRule({
  code: 'OM155',
  name: 'no-explicit-timestamp',
  category: 'conformance',
  severity: 'info',
  description: 'Samples should not carry explicit timestamps',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 1.0 §Metric: MetricPoints SHOULD NOT have explicit timestamps' },
    { kind: 'prometheus', ref: 'Exposition formats: timestamps are for federation and special cases' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { timestamp: 'Samples of `{{name}}` have explicit timestamps' },
  help: { timestamp: 'Let the scraper assign the scrape time; explicit timestamps defeat staleness handling' },
  create(ctx) {
    return {
      MetricFamily(family) {
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); )
            if (c.timestamp !== undefined) {
              ctx.report({ messageId: 'timestamp', data: { name: family.name }, span: c.span });
              return;
            }
      },
    };
  },
});
