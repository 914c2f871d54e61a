import * as v from 'valibot';
import picomatch from 'picomatch';
import { defineRule } from '../rule.js';
import { firstLine } from './support/names.js';
import { labelSpan } from './support/spans.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^(?:0x)?[0-9a-f]{16,}$/i;
const EMAIL = /^[^@\s/]+@[^@\s/]+\.[a-z]{2,}$/i;
const ID_SEGMENT = /^(?:\d{2,}|[0-9a-f]{8}-[0-9a-f-]{27,}|[0-9a-f]{12,})$/i;

/** What kind of ID a label value looks like, if any. */
export function idKind(value: string): string | undefined {
  // Each test first asks what its pattern cannot do without: most values are none of these.
  if (value.length < 6) return undefined;
  if (value.length === 36 && UUID.test(value)) return 'a UUID';
  if (value.length >= 16 && HEX.test(value) && /\d/.test(value) && /[a-f]/i.test(value)) return 'a hex ID';
  if (value.includes('@') && EMAIL.test(value)) return 'an email address';
  if (value.includes('/')) {
    const path = value.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0]!;
    if (path.split('/').some((seg) => ID_SEGMENT.test(seg))) return 'a path with an ID';
  }
  return undefined;
}

export default defineRule({
  code: 'OM221',
  name: 'no-id-label-value',
  category: 'practice',
  severity: 'warning',
  description: 'Label values should not be unbounded IDs (UUIDs, hashes, emails, URLs with IDs)',
  since: '0.1.0',
  sources: [
    { kind: 'instrumentation-guide', ref: 'Do not overuse labels (user IDs, emails, unbounded sets)' },
    { kind: 'naming-guide', ref: 'Labels' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { idValue: 'Label `{{label}}` of `{{name}}` has {{kind}} as its value' },
  help: { idValue: 'Each distinct ID creates a new series: drop the label, or use a bounded value (route template, status class)' },
  options: v.optional(
    v.strictObject({
      ignoreLabels: v.optional(v.pipe(v.array(v.string()), v.description('Globs of label names not to check')), []),
    }),
    {},
  ),
  create(ctx) {
    const ignored = ctx.options.ignoreLabels.length ? picomatch(ctx.options.ignoreLabels) : () => false;
    return {
      MetricFamily(family) {
        // Info metrics carry build data (commit hashes, IDs) by design.
        if (family.type === 'info' || family.name.endsWith('_info') || family.name === 'target') return;
        const seen = new Set<string>();
        for (const m of family.metrics)
          for (const l of m.labels) {
            if (seen.has(l.name) || ignored(l.name)) continue;
            const kind = idKind(l.value);
            if (!kind) continue;
            seen.add(l.name);
            ctx.report({ messageId: 'idValue', data: { label: l.name, name: family.name, kind }, span: labelSpan(ctx.source, firstLine(m), l.name, 'value') });
          }
      },
    };
  },
});
