import { detach, suffixOwners, type Span } from '@omkit/parser';
import * as v from 'valibot';
import { defineRule } from '../rule.js';
import { familySpan, textName } from './support/names.js';

// Which types own a suffix is the parser's table (OM 1.0 §Suffixes); this rule decides only which
// suffixes it judges, and how.
const RESERVED: ReadonlyArray<[suffix: string, owners: readonly string[]]> = ['_bucket', '_gcount', '_gsum'].map((s) => [s, suffixOwners(s)]);

/**
 * Suffixes judged by an option: `_count`/`_sum` by `countSum` (reported always by default, like
 * promlint), `_created` by `created` (kube-state-metrics' `*_created` gauges predate OpenMetrics'
 * `_created` samples: reported on a collision by default).
 */
const JUDGED: ReadonlyArray<[suffix: string, owners: readonly string[], option: 'countSum' | 'created']> = [
  ['_count', suffixOwners('_count'), 'countSum'],
  ['_sum', suffixOwners('_sum'), 'countSum'],
  ['_created', suffixOwners('_created'), 'created'],
];

/** The types that own a judged suffix. */
const STEM_TYPES: ReadonlySet<string> = new Set(JUDGED.flatMap(([, owners]) => owners));

export default defineRule({
  code: 'OM203',
  name: 'no-reserved-suffix',
  category: 'practice',
  severity: 'warning',
  description: 'Names should not end in a suffix that another metric type adds to its samples',
  since: '0.1.0',
  sources: [
    { kind: 'promlint', ref: 'LintHistogramSummaryReserved' },
    { kind: 'spec', ref: 'OM 1.0 §Suffixes' },
    { kind: 'instrumentation-guide', ref: 'Writing exporters §Naming: avoid `_sum`, `_count`, `_bucket`, `_total` unless producing one of those' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  // OpenMetrics 2.0 samples have no suffixes: its own SHOULD NOT is no-discouraged-suffix (OM227).
  formats: ['prometheus', 'openmetrics'],
  messages: {
    reservedSuffix: 'The {{type}} `{{name}}` ends in `{{suffix}}`, a suffix of {{owners}} samples',
    countSumSuffix: 'The {{type}} `{{name}}` ends in `{{suffix}}`, a suffix of {{owners}} samples',
  },
  help: {
    reservedSuffix: 'Rename the family so it cannot be mistaken for a part of another metric',
    countSumSuffix: 'Rename it (e.g. `{{stem}}_items`), or expose it as part of a histogram or summary',
  },
  options: v.optional(
    v.strictObject({
      countSum: v.optional(
        v.pipe(
          v.picklist(['collision', 'always']),
          v.description('`always` (default): every `_count`/`_sum` name on another type, like promlint; `collision`: only when a histogram or summary is named like the stem (Prometheus text; the parser reports OpenMetrics clashes)'),
        ),
        'always',
      ),
      created: v.optional(
        v.pipe(
          v.picklist(['collision', 'always']),
          v.description('`collision` (default): report a `_created` name on another type only when a counter, histogram or summary is named like the stem; `always`: every such name'),
        ),
        'collision',
      ),
    }),
    {},
  ),
  presetOptions: { strict: { countSum: 'always', created: 'always' } },
  create(ctx) {
    // `collision` looks for the stem's family anywhere in the exposition, before or after (in a
    // lint session, in any part): names and types are gathered, the verdicts wait for the end.
    const types = new Map<string, string>();
    const pending: { family: string; type: string; suffix: string; stem: string; owners: readonly string[]; span: Span }[] = [];
    return {
      MetricFamily(family) {
        // Judged by the name Prometheus text gives the family: an OpenMetrics counter `x_count` is
        // `x_count_total` there, an info family `x_count` the gauge `x_count_info` (no clash, and
        // promlint does not report them), so they get the same verdict.
        const name = textName(family, ctx.result.format);
        // Only a family of a type that owns one of the suffixes can be a stem (the last one named so counts).
        if (ctx.options.countSum === 'collision' || ctx.options.created === 'collision') {
          if (STEM_TYPES.has(family.type)) types.set(detach(family.name), family.type);
          else types.delete(family.name);
        }
        if (family.type === 'unknown') return;
        for (const [suffix, owners] of RESERVED) {
          if (name.endsWith(suffix) && !owners.includes(family.type)) {
            ctx.report({
              messageId: 'reservedSuffix',
              data: { name, type: family.type, suffix, owners: owners.join('/') },
              span: familySpan(family),
            });
            return;
          }
        }
        for (const [suffix, owners, option] of JUDGED) {
          if (!name.endsWith(suffix) || owners.includes(family.type)) continue;
          const stem = name.slice(0, -suffix.length);
          if (ctx.options[option] === 'collision') {
            // In OpenMetrics the parser reports the clash itself (OM104).
            if (ctx.result.format === 'openmetrics') return;
            pending.push({ family: detach(name), type: family.type, suffix, stem: detach(stem), owners, span: familySpan(family) });
            return;
          }
          report(name, family.type, suffix, stem, owners, familySpan(family));
          return;
        }
      },
      'Exposition:exit'() {
        for (const p of pending) {
          const stemType = types.get(p.stem);
          if (stemType !== undefined && p.owners.includes(stemType)) report(p.family, p.type, p.suffix, p.stem, p.owners, p.span, p.family);
        }
      },
    };

    function report(name: string, type: string, suffix: string, stem: string, owners: readonly string[], span: Span, metric?: string): void {
      ctx.report({
        messageId: 'countSumSuffix',
        data: { name, type, suffix, stem, owners: owners.join('/') },
        span,
        ...(metric !== undefined ? { metric } : {}),
      });
    }
  },
});
