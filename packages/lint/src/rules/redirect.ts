import { defineRule, factsOf } from '../rule.js';

export default defineRule({
  code: 'OM308',
  name: 'redirect',
  category: 'scrape',
  severity: 'info',
  description: 'The scrape URL should not redirect',
  since: '0.1.0',
  sources: [
    { kind: 'prometheus', ref: 'config/http_config.go: `follow_redirects` (default true); Authorization is dropped on a redirect to another host' },
  ],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: {
    redirected: 'The scrape was redirected ({{status}}) from `{{from}}` to `{{to}}`',
    credentialsDropped: 'The scrape was redirected ({{status}}) to another origin, `{{to}}`, and its credentials were dropped',
  },
  help: {
    redirected: 'Scrape `{{to}}` directly: every redirect costs a round trip, and `follow_redirects: false` would fail it',
    credentialsDropped: 'Scrape `{{to}}` directly with its own credentials; credentials do not follow a redirect to another origin',
  },
  create(ctx) {
    return {
      Exposition() {
        for (const f of factsOf(ctx.scrape, 'redirect')) {
          const data = { status: f.status, from: f.from, to: f.to };
          if (f.crossOrigin && f.credentialsDropped) ctx.report({ messageId: 'credentialsDropped', data, severity: 'warning' });
          else ctx.report({ messageId: 'redirected', data });
        }
      },
    };
  },
});
