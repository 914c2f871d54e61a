import * as v from 'valibot';
import { defineRule } from '../rule.js';
import { familySpan, unitOf, words } from './support/names.js';

const EXEMPT = new Set(['target', 'target_info', 'up', 'scrape_duration_seconds', 'scrape_samples_scraped']);

export default defineRule({
  code: 'OM219',
  name: 'application-prefix',
  category: 'practice',
  severity: 'info',
  description: 'Metric names should start with an application or domain prefix',
  since: '0.1.0',
  sources: [{ kind: 'naming-guide', ref: 'Metric names: single-word application prefix' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: {
    noPrefix: 'Metric name `{{name}}` has no application prefix',
    wrongPrefix: 'Metric name `{{name}}` does not start with one of the configured prefixes',
  },
  help: {
    noPrefix: 'Prefix it with the application or domain, e.g. `myapp_{{name}}`',
    wrongPrefix: 'Use one of: {{prefixes}}',
  },
  options: v.optional(
    v.strictObject({
      prefixes: v.optional(
        v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.description('When set, every name must start with one of these prefixes (without the `_`)')),
        [],
      ),
    }),
    {},
  ),
  create(ctx) {
    const { prefixes } = ctx.options;
    return {
      MetricFamily(family) {
        const name = family.name;
        if (EXEMPT.has(name)) return;
        if (prefixes.length) {
          if (!prefixes.some((p) => name.startsWith(`${p}_`)))
            ctx.report({ messageId: 'wrongPrefix', data: { name, prefixes: prefixes.map((p) => `\`${p}_\``).join(', ') }, span: familySpan(family) });
          return;
        }
        // An OpenMetrics info family `go` is `go_info` in Prometheus text: its `_info` suffix is part
        // of the name in both, so that one exposition gets one verdict in either format.
        const meaningful = words(name).filter((p) => p && p !== 'total' && !unitOf(p));
        if (family.type === 'info') meaningful.push('info');
        if (meaningful.length < 2) ctx.report({ messageId: 'noPrefix', data: { name }, span: familySpan(family) });
      },
    };
  },
});
