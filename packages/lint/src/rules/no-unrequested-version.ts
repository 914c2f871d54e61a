import { defineRule, factsOf } from '../rule.js';

export default defineRule({
  code: 'OM313',
  name: 'no-unrequested-version',
  category: 'scrape',
  severity: 'warning',
  description: 'The target should answer OpenMetrics 1.0.0 unless the scraper asked for a newer version',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 2.0 §Protocol Negotiation: HTTP content type negotiation MUST default to the oldest version of the standard (1.0.0) if no newer version is requested' },
  ],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: { unrequested: 'The target answered OpenMetrics {{version}}, which the scrape did not ask for' },
  help: {
    unrequested: 'Answer `application/openmetrics-text; version=1.0.0` unless the Accept header names version {{version}}: a scraper that asked for 1.0.0 may not read 2.0 (om asks for it with `--scrape-protocols OpenMetricsText2.0.0`)',
  },
  create(ctx) {
    // In a lint session the facts arrive with the end of the input.
    const check = () => {
      for (const f of factsOf(ctx.scrape, 'unrequested-version'))
        ctx.report({ messageId: 'unrequested', data: { version: f.version }, detail: { expected: 'application/openmetrics-text; version=1.0.0', actual: f.contentType } });
    };
    return { 'Exposition:exit': check };
  },
});
