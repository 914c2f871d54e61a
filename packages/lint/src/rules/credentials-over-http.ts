import { defineRule, factsOf } from '../rule.js';

export default defineRule({
  code: 'OM310',
  name: 'credentials-over-http',
  category: 'scrape',
  severity: 'warning',
  description: 'Credentials should not be sent over plain HTTP',
  since: '0.1.0',
  sources: [{ kind: 'prometheus', ref: 'docs/configuration/https.md: use `scheme: https` when a scrape carries `authorization`, `basic_auth` or `oauth2`' }],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: { plainHttp: 'Credentials were sent over plain HTTP to `{{host}}`' },
  help: { plainHttp: 'Scrape `{{host}}` over https (`scheme: https`); anyone on the path can read the credentials' },
  create(ctx) {
    return {
      Exposition() {
        for (const f of factsOf(ctx.scrape, 'credentials-over-http')) ctx.report({ messageId: 'plainHttp', data: { host: f.host } });
      },
    };
  },
});
