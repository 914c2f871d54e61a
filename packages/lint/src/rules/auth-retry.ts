import { defineRule, factsOf } from '../rule.js';

export default defineRule({
  code: 'OM312',
  name: 'auth-retry',
  category: 'scrape',
  severity: 'info',
  description: 'The target should accept a valid OAuth2 token on the first request',
  since: '0.1.0',
  sources: [{ kind: 'prometheus', ref: 'golang.org/x/oauth2 clientcredentials: a cached token is used until shortly before `expires_in`' }],
  fixable: false,
  requiresScrape: true,
  presets: ['strict'],
  messages: { retried: 'The target rejected the OAuth2 token with 401 and the scrape was retried with a new one' },
  help: { retried: 'Check that the token endpoint\'s `expires_in` matches how long the target accepts its tokens' },
  create(ctx) {
    return {
      Exposition() {
        if (factsOf(ctx.scrape, 'auth-retry').length > 0) ctx.report({ messageId: 'retried' });
      },
    };
  },
});
