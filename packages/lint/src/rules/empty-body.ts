import { defineRule, factsOf } from '../rule.js';

export default defineRule({
  code: 'OM305',
  name: 'empty-body',
  category: 'scrape',
  severity: 'warning',
  description: 'A successful scrape should return at least one metric',
  since: '0.1.0',
  sources: [{ kind: 'prometheus', ref: 'scrape/scrape.go: an empty 200 body is a successful scrape with no samples (`up` 1, `scrape_samples_scraped` 0)' }],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: { empty: 'The target answered 200 with an empty body' },
  help: { empty: 'Check that the exporter registers its collectors and serves them on this path; Prometheus records the scrape as successful with no series' },
  create(ctx) {
    return {
      Exposition() {
        if (factsOf(ctx.scrape, 'empty-body').length > 0) ctx.report({ messageId: 'empty' });
      },
    };
  },
});
