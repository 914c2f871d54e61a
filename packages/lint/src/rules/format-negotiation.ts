import { defineRule, factsOf } from '../rule.js';

const FORMATS = { prometheus: 'Prometheus text', protobuf: 'protobuf' } as const;

export default defineRule({
  code: 'OM302',
  name: 'format-negotiation',
  category: 'scrape',
  severity: 'info',
  description: 'The target should answer in OpenMetrics when the scraper prefers it',
  since: '0.1.0',
  sources: [
    { kind: 'prometheus', ref: 'scrape/scrape.go acceptHeader: Prometheus 3 prefers `application/openmetrics-text;version=1.0.0` (q=0.6)' },
    { kind: 'spec', ref: 'OM 1.0 §Protocol Negotiation' },
  ],
  fixable: false,
  requiresScrape: true,
  presets: ['strict'],
  messages: { notOpenMetrics: 'The target ignored the preferred OpenMetrics and answered in {{received}}' },
  help: {
    notOpenMetrics: 'Turn on OpenMetrics in the client library (e.g. Go `promhttp.HandlerOpts{EnableOpenMetrics: true}`) to expose exemplars, units and `_created` series',
  },
  create(ctx) {
    return {
      Exposition() {
        for (const f of factsOf(ctx.scrape, 'format-negotiation')) {
          // No format at all is the content-type rule's finding.
          if (f.received !== 'prometheus' && f.received !== 'protobuf') continue;
          ctx.report({
            messageId: 'notOpenMetrics',
            data: { received: FORMATS[f.received] },
            detail: { expected: 'application/openmetrics-text', actual: f.contentType ?? '' },
          });
        }
      },
    };
  },
});
