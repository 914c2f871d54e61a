import { defineRule, factsOf } from '../rule.js';

export default defineRule({
  code: 'OM306',
  name: 'openmetrics-eof',
  category: 'scrape',
  severity: 'error',
  description: 'A body served as OpenMetrics must end with `# EOF`',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 1.0 §Overall Structure: the exposition MUST end with `# EOF`' },
    { kind: 'prometheus', ref: 'model/textparse/openmetricsparse.go: `data does not end with # EOF` fails the scrape' },
  ],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: { missingEof: 'The body was served as OpenMetrics but does not end with `# EOF`' },
  help: {
    missingEof: 'End the body with `# EOF\\n`, or serve it as `text/plain; version=0.0.4` if it is Prometheus text; a truncated body (a timeout or a proxy limit) also ends early',
  },
  create(ctx) {
    return {
      Exposition() {
        // An empty 200 is a successful empty scrape in Prometheus (empty-body, OM305), EOF or not.
        if (factsOf(ctx.scrape, 'empty-body').length > 0) return;
        for (const f of factsOf(ctx.scrape, 'missing-eof')) {
          ctx.report({ messageId: 'missingEof', detail: { expected: '# EOF', actual: typeof f.tail === 'string' ? JSON.stringify(f.tail) : '' } });
          return;
        }
      },
    };
  },
});
