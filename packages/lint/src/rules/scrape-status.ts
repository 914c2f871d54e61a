import { defineRule, factsOf } from '../rule.js';

export default defineRule({
  code: 'OM300',
  name: 'scrape-status',
  category: 'scrape',
  severity: 'error',
  description: 'The target should answer a scrape with HTTP status 200',
  since: '0.1.0',
  sources: [{ kind: 'prometheus', ref: 'scrape/scrape.go readResponse: any status but 200 fails the scrape (`server returned HTTP status …`)' }],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: { notOk: 'The target answered HTTP status `{{status}}`' },
  help: { notOk: 'Serve the metrics with status 200: Prometheus fails the scrape on any other status and discards the body' },
  create(ctx) {
    return {
      Exposition() {
        for (const f of factsOf(ctx.scrape, 'status')) {
          if (f.status === 200) continue;
          ctx.report({
            messageId: 'notOk',
            data: { status: `${f.status} ${f.statusText ?? ''}`.trim() },
            detail: { expected: '200', actual: String(f.status) },
          });
        }
      },
    };
  },
});
