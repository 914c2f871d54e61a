import * as v from 'valibot';
import { defineRule, factsOf } from '../rule.js';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export default defineRule({
  code: 'OM304',
  name: 'body-size',
  category: 'scrape',
  severity: 'warning',
  description: 'The decoded body should stay well below the scrape body size limit',
  since: '0.1.0',
  sources: [{ kind: 'prometheus', ref: 'scrape/scrape.go readResponse: `body size limit exceeded` once the decoded body reaches `body_size_limit`' }],
  fixable: false,
  requiresScrape: true,
  presets: ['recommended', 'strict', 'otel'],
  messages: {
    nearLimit: 'The decoded body is {{percent}}% of the body size limit',
    overLimit: 'The decoded body reaches the body size limit',
  },
  help: {
    nearLimit: 'Reduce the series the target exposes, or raise `body_size_limit` before growth makes Prometheus fail the scrape',
    overLimit: 'Reduce the series the target exposes, or raise `body_size_limit`: Prometheus fails the scrape at the limit',
  },
  options: v.optional(
    v.strictObject({
      ratio: v.optional(
        v.pipe(v.number(), v.minValue(0), v.maxValue(1), v.description('Report a body at or above this fraction of the limit (fetch records facts from 0.8)')),
        0.8,
      ),
    }),
    {},
  ),
  create(ctx) {
    return {
      Exposition() {
        for (const f of factsOf(ctx.scrape, 'body-size')) {
          if (!(f.limit > 0)) continue;
          const detail = { expected: `< ${f.limit} bytes (${mib(f.limit)})`, actual: `${f.bytes} bytes (${mib(f.bytes)})` };
          if (f.bytes >= f.limit) ctx.report({ messageId: 'overLimit', detail, severity: 'error' });
          else if (f.bytes >= f.limit * ctx.options.ratio)
            ctx.report({ messageId: 'nearLimit', data: { percent: Math.floor((f.bytes / f.limit) * 100) }, detail });
        }
      },
    };
  },
});
