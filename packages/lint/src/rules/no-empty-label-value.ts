import { samplesOf, type Edit, type Span } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { firstLine } from './support/names.js';
import { labelPairs, labelSpan, type SampleLine } from './support/spans.js';

function shift(span: Span['start'], by: number): Span['start'] {
  return { line: span.line, column: span.column + by, offset: span.offset + by };
}

/** The edit removing `name=""` (and a comma, or the braces when it is the only label) from a sample line. */
function removal(text: string, sample: SampleLine, name: string): Edit | undefined {
  const pairs = labelPairs(text, sample);
  const p = pairs.find((x) => x.name === name);
  if (!p) return undefined;
  const { start, end } = p.pair;
  if (pairs.length === 1 && text[start.offset - 1] === '{' && text[end.offset] === '}')
    return { span: { start: shift(start, -1), end: shift(end, 1) }, text: '' };
  if (text[end.offset] === ',') return { span: { start, end: shift(end, 1) }, text: '' };
  if (text[start.offset - 1] === ',') return { span: { start: shift(start, -1), end }, text: '' };
  return undefined;
}

export default defineRule({
  code: 'OM222',
  name: 'no-empty-label-value',
  category: 'practice',
  severity: 'info',
  description: 'Labels with an empty value should be left out',
  since: '0.1.0',
  sources: [{ kind: 'spec', ref: 'OM 1.0 §Label: empty label values SHOULD be treated as if the label was not present' }],
  fixable: true,
  requiresScrape: false,
  presets: ['strict'],
  messages: { emptyValue: 'Label `{{label}}` of `{{name}}` has an empty value' },
  help: { emptyValue: 'An empty value is the same as no label; leave it out' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const seen = new Set<string>();
        for (const m of family.metrics)
          for (const l of m.labels) {
            if (l.value !== '' || seen.has(l.name)) continue;
            seen.add(l.name);
            // One fix removes the label from every line of the family where it is empty.
            const edits: Edit[] = [];
            const text = ctx.text;
            if (text !== undefined)
              for (const m2 of family.metrics)
                for (const s = samplesOf(m2); s.next(); )
                  if (s.labels.some((x) => x.name === l.name && x.value === '')) {
                    const e = removal(text, s, l.name);
                    if (e) edits.push(e);
                  }
            ctx.report({
              messageId: 'emptyValue',
              data: { label: l.name, name: family.name },
              span: labelSpan(ctx.source, firstLine(m), l.name, 'pair'),
              ...(edits.length ? { fix: { description: `Remove the empty \`${l.name}\` label`, applicability: 'safe' as const, edits } } : {}),
            });
          }
      },
    };
  },
});
