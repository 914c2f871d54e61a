import { canonicalThreshold, samplesOf, thresholdValue, type Edit, type MetricFamily, type SampleFields } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { labelPairs } from './support/spans.js';

// The canonical rendering (Go's `%g` with `.0` appended) is the parser's, which the converter writes.
export { canonicalThreshold };

function labelValue(sample: SampleFields, name: string): string | undefined {
  const labels = sample.labels;
  for (let i = 0; i < labels.length; i++) if (labels[i]!.name === name) return labels[i]!.value;
  return undefined;
}

/** The label carrying the threshold of a sample (`le` of a bucket, `quantile` of a summary), if any. */
function thresholdLabel(family: MetricFamily, sample: SampleFields): 'le' | 'quantile' | undefined {
  const name = sample.name;
  if (
    (family.type === 'histogram' || family.type === 'gaugehistogram') &&
    name.length === family.name.length + 7 &&
    name.endsWith('_bucket') &&
    name.startsWith(family.name)
  )
    return 'le';
  if (family.type === 'summary' && sample.name === family.name) return 'quantile';
  return undefined;
}

export default defineRule({
  code: 'OM161',
  name: 'canonical-threshold',
  category: 'conformance',
  severity: 'warning',
  description: 'Bucket `le` and summary `quantile` values should be written canonically',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 1.0 §Numbers: arbitrary rendering of numbers MUST NOT be used for "quantile" and "le" label values' },
    { kind: 'spec', ref: 'OM 1.0 §Considerations: Canonical Numbers' },
  ],
  fixable: true,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  // OpenMetrics 2.0 writes thresholds as numbers of a composite value, not as `le`/`quantile` label values.
  formats: ['prometheus', 'openmetrics'],
  messages: { nonCanonical: '`{{label}}="{{value}}"` of `{{name}}` is not written canonically' },
  help: { nonCanonical: 'Write thresholds as Go\'s `%g` does, with `.0` appended to integers (`1.0`, `0.001`, `1e+06`, `+Inf`)' },
  create(ctx) {
    const openmetrics = ctx.result.format === 'openmetrics';
    return {
      MetricFamily(family) {
        if (family.type !== 'histogram' && family.type !== 'gaugehistogram' && family.type !== 'summary') return;
        const seen = new Set<string>();
        // Values already found fine (or left to the parser): a family repeats its thresholds.
        const fine = new Set<string>();
        for (const m of family.metrics)
          for (const s = samplesOf(m); s.next(); ) {
            const label = thresholdLabel(family, s);
            if (!label) continue;
            const value = labelValue(s, label);
            if (value === undefined || seen.has(value) || fine.has(value)) continue;
            const n = thresholdValue(value, ctx.result.format);
            const canonical = n === undefined ? value : canonicalThreshold(n); // undefined: the parser reports it
            // Prometheus text exposers (expfmt) write plain `%g`: `le="1"` is their canonical form,
            // and the `.0` is OpenMetrics' own addition.
            if (canonical === value || (!openmetrics && canonical.endsWith('.0') && value === canonical.slice(0, -2))) {
              fine.add(value);
              continue;
            }
            seen.add(value);
            // One fix rewrites the value on every bucket / quantile line of the family that has it.
            const edits: Edit[] = [];
            const text = ctx.text;
            if (text !== undefined)
              for (const m2 of family.metrics)
                for (const s2 = samplesOf(m2); s2.next(); ) {
                  if (thresholdLabel(family, s2) !== label) continue;
                  const p = labelPairs(text, s2).find((x) => x.name === label);
                  if (p && text.slice(p.valueSpan.start.offset, p.valueSpan.end.offset) === `"${value}"`)
                    edits.push({ span: p.valueSpan, text: `"${canonical}"` });
                }
            const pair = labelPairs(ctx.source, s).find((x) => x.name === label);
            ctx.report({
              messageId: 'nonCanonical',
              data: { label, value, name: family.name },
              span: pair ? pair.valueSpan : s.span,
              detail: { expected: canonical, actual: value },
              ...(edits.length ? { fix: { description: `Write \`${label}="${canonical}"\``, applicability: 'safe' as const, edits } } : {}),
            });
          }
      },
    };
  },
});
