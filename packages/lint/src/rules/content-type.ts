import { detectFormat } from '@omkit/parser';
import { defineRule, factsOf } from '../rule.js';

const PROPER = '`application/openmetrics-text; version=1.0.0; charset=utf-8` or `text/plain; version=0.0.4; charset=utf-8`';

export default defineRule({
  code: 'OM301',
  name: 'content-type',
  category: 'scrape',
  severity: 'error',
  description: 'The Content-Type should name the format of the body, as Prometheus 3 requires',
  since: '0.1.0',
  sources: [
    { kind: 'prometheus', ref: 'docs/migration.md "Scrape protocols": Prometheus 3 fails on a blank, unparsable or unsupported Content-Type without `fallback_scrape_protocol`' },
    { kind: 'prometheus', ref: 'model/textparse/interface.go New: the media type picks the parser' },
  ],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: {
    missing: 'The response has no Content-Type',
    unparsable: 'The Content-Type `{{contentType}}` cannot be parsed',
    unsupported: 'The Content-Type `{{contentType}}` is not one Prometheus recognises',
    textButOpenMetrics: 'The Content-Type `{{contentType}}` declares Prometheus text but the body is OpenMetrics',
    openMetricsButText: 'The Content-Type declares OpenMetrics but the body is Prometheus text',
  },
  help: {
    missing: 'Send {{proper}}; {{prometheus}}',
    unparsable: 'Send {{proper}}; {{prometheus}}',
    unsupported: 'Send {{proper}}; {{prometheus}}',
    textButOpenMetrics: 'Send `application/openmetrics-text; version=1.0.0; charset=utf-8`; Prometheus reads the body with its text parser, which rejects OpenMetrics-only lines (exemplars, `info`, `stateset`)',
    openMetricsButText: 'Send `text/plain; version=0.0.4; charset=utf-8`; the OpenMetrics parser of Prometheus fails on Prometheus text',
  },
  create(ctx) {
    return {
      Exposition() {
        const headerFacts = factsOf(ctx.scrape, 'content-type');
        for (const f of headerFacts) {
          const fails = f.prometheus !== 'uses-fallback';
          const prometheus = fails
            ? 'Prometheus 3 fails the scrape unless the job sets `fallback_scrape_protocol` (Prometheus 2 read it as text 0.0.4)'
            : `Prometheus 3 reads it as \`${f.fallback ?? 'the fallback protocol'}\` only because of \`fallback_scrape_protocol\``;
          ctx.report({
            messageId: f.problem === 'missing' || f.problem === 'unparsable' || f.problem === 'unsupported' ? f.problem : 'unsupported',
            data: { contentType: f.contentType ?? '', proper: PROPER, prometheus },
            ...(f.contentType !== null ? { detail: { actual: f.contentType } } : {}),
            severity: fails ? 'error' : 'warning',
          });
        }
        // A recognised Content-Type that does not match the body (needs the text). The body is read
        // by the parser's own detection from the text (@omkit/parser detectFormat: without `# EOF`, a
        // body within the detection window is Prometheus text), so there is one reading of a body.
        if (ctx.text === undefined || headerFacts.length > 0) return;
        const negotiated = factsOf(ctx.scrape, 'format-negotiation').find((f) => f.received === 'prometheus');
        if (negotiated && detectFormat(ctx.text) === 'openmetrics') {
          ctx.report({
            messageId: 'textButOpenMetrics',
            data: { contentType: negotiated.contentType ?? '' },
            detail: { expected: 'application/openmetrics-text', actual: negotiated.contentType ?? '' },
            severity: 'warning',
          });
        }
        if (!negotiated && factsOf(ctx.scrape, 'missing-eof').length > 0 && ctx.text.trim() !== '' && detectFormat(ctx.text) === 'prometheus') {
          ctx.report({ messageId: 'openMetricsButText', detail: { expected: 'text/plain', actual: 'application/openmetrics-text' } });
        }
      },
    };
  },
});
