import { defineRule, factsOf } from '../rule.js';

const WHERE = { headers: 'response headers', body: 'body' } as const;

export default defineRule({
  code: 'OM311',
  name: 'secret-echoed',
  category: 'scrape',
  severity: 'error',
  description: 'The target must not send back a credential it was given',
  since: '0.1.0',
  sources: [{ kind: 'prometheus', ref: 'prometheus/common config.Secret: credentials are never shown; a target that echoes one leaks it into stored series' }],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: { echoed: 'The target sent a credential back in its {{where}}' },
  help: { echoed: 'Find what copies request headers into the response (a debug handler, a label with the Authorization header) and remove it; om replaced the secret with `<secret>`' },
  create(ctx) {
    return {
      Exposition() {
        const seen = new Set<string>();
        for (const f of factsOf(ctx.scrape, 'secret-echoed')) {
          const where = f.where === 'headers' || f.where === 'body' ? WHERE[f.where] : 'response';
          if (seen.has(where)) continue;
          seen.add(where);
          ctx.report({ messageId: 'echoed', data: { where } });
        }
      },
    };
  },
});
