import * as v from 'valibot';
import picomatch from 'picomatch';
import type { Span } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { firstSpan } from './support/names.js';

export default defineRule({
  code: 'OM152',
  name: 'no-constant-label',
  category: 'conformance',
  severity: 'warning',
  description: 'The same label pair should not appear on every series of the exposition',
  since: '0.1.0',
  sources: [{ kind: 'spec', ref: 'OM 1.0 §MetricSet: the same label name and value SHOULD NOT appear on every Metric' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { constantLabel: 'Every series has the label `{{label}}="{{value}}"`' },
  help: { constantLabel: 'A label on every series usually describes the target: attach it with relabelling or `target_info` instead' },
  options: v.optional(
    v.strictObject({
      minSeries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.description('Only judge expositions with at least this many series')), 2),
      ignoreLabels: v.optional(v.pipe(v.array(v.string()), v.description('Globs of label names not to check')), []),
    }),
    {},
  ),
  presetOptions: { otel: { ignoreLabels: ['otel_scope_*'] } },
  create(ctx) {
    const ignored = ctx.options.ignoreLabels.length ? picomatch(ctx.options.ignoreLabels) : () => false;
    let candidates: Map<string, string> | undefined; // name -> value, on every metric so far
    let firstSeries: Span | undefined;
    let firstFamily: string | undefined;
    let count = 0;
    return {
      Metric(metric, family) {
        if (family.name === 'target' || family.name === 'target_info') return;
        count++;
        if (!candidates) {
          candidates = new Map();
          for (const l of metric.labels) if (!ignored(l.name)) candidates.set(l.name, l.value);
          firstSeries = firstSpan(metric);
          firstFamily = family.name;
          return;
        }
        if (candidates.size === 0) return;
        for (const [name, value] of candidates) {
          if (!metric.labels.some((l) => l.name === name && l.value === value)) candidates.delete(name);
        }
      },
      'Exposition:exit'() {
        if (!candidates || count < ctx.options.minSeries) return;
        for (const [label, value] of candidates)
          ctx.report({ messageId: 'constantLabel', data: { label, value }, span: firstSeries, metric: firstFamily });
      },
    };
  },
});
