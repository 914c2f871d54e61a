import { defineRule, factsOf } from '../rule.js';

export default defineRule({
  code: 'OM303',
  name: 'content-encoding',
  category: 'scrape',
  severity: 'error',
  description: 'The body should be sent uncompressed or gzip-compressed',
  since: '0.1.0',
  sources: [{ kind: 'prometheus', ref: 'scrape/scrape.go readResponse: only `Content-Encoding: gzip` is decoded; any other encoding reaches the parser undecoded' }],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: {
    notGzip: 'The body is encoded with `{{encoding}}`, which Prometheus does not decode',
    notRequested: 'The body is gzip-compressed although the scraper did not ask for compression',
  },
  help: {
    notGzip: 'Answer with gzip or no Content-Encoding, as the `Accept-Encoding: gzip` request asks',
    notRequested: 'Honour `Accept-Encoding: identity`; Prometheus still decodes gzip, other clients may not',
  },
  create(ctx) {
    return {
      Exposition() {
        for (const f of factsOf(ctx.scrape, 'content-encoding')) {
          if (f.problem === 'not-requested') ctx.report({ messageId: 'notRequested', detail: { actual: f.encoding }, severity: 'info' });
          else ctx.report({ messageId: 'notGzip', data: { encoding: f.encoding }, detail: { expected: 'gzip or identity', actual: f.encoding } });
        }
      },
    };
  },
});
