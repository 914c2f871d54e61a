import { defineRule, factsOf } from '../rule.js';

export default defineRule({
  code: 'OM309',
  name: 'insecure-tls',
  category: 'scrape',
  severity: 'warning',
  description: 'A scrape over TLS should verify the server certificate',
  since: '0.1.0',
  sources: [{ kind: 'prometheus', ref: 'config/http_config.go TLSConfig `insecure_skip_verify` (default false)' }],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: { insecure: 'The server certificate was not verified' },
  help: { insecure: 'Give the CA with `ca_file` (and `server_name` if the host name differs) instead of `insecure_skip_verify`' },
  create(ctx) {
    return {
      Exposition() {
        if (factsOf(ctx.scrape, 'insecure-tls').length > 0) ctx.report({ messageId: 'insecure' });
      },
    };
  },
});
