import { defineRule, factsOf } from '../rule.js';

export default defineRule({
  code: 'OM307',
  name: 'invalid-utf8',
  category: 'scrape',
  severity: 'error',
  description: 'The body must be valid UTF-8',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 1.0 §ABNF: the exposition is UTF-8' },
    { kind: 'prometheus', ref: 'model/textparse: label values and names must be valid UTF-8 (`invalid UTF-8 label value`)' },
  ],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: { invalidUtf8: 'The body is not valid UTF-8' },
  help: { invalidUtf8: 'Encode HELP text and label values as UTF-8; invalid bytes in a label value make Prometheus fail the scrape' },
  create(ctx) {
    return {
      Exposition() {
        if (factsOf(ctx.scrape, 'invalid-utf8').length > 0) ctx.report({ messageId: 'invalidUtf8' });
      },
    };
  },
});
