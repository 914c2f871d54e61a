import type { Fix, Span } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { familySpan, isTargetInfo } from './support/names.js';

export default defineRule({
  code: 'OM158',
  name: 'target-info-first',
  category: 'conformance',
  severity: 'warning',
  description: 'The `target` info family should be the first family of the exposition',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 1.0 §MetricSet: an Info MetricFamily called "target" SHOULD be first' },
    { kind: 'spec', ref: 'OM 2.0 §MetricSet: an Info MetricFamily called "target_info" SHOULD be first' },
  ],
  fixable: true,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { notFirst: 'Target metadata `{{name}}` is not the first metric family' },
  help: { notFirst: 'Move `{{name}}` to the top so ingestors see target metadata before the samples' },
  create(ctx) {
    // Families arrive in text order (in a lint session, over several parts): remember where the
    // first one starts, and judge the first target family only.
    let firstStart: Span['start'] | undefined;
    let judged = false;
    return {
      MetricFamily(f) {
        const isFirst = firstStart === undefined;
        if (isFirst) firstStart = f.span.start;
        if (judged || !isTargetInfo(f, ctx.result.format)) return;
        judged = true;
        if (isFirst) return;
        const text = ctx.text;
        let fix: Fix | undefined;
        if (text !== undefined) {
          // Move the family's lines (through their line feed) before the first family.
          const start = f.span.start;
          const endOffset = text[f.span.end.offset] === '\n' ? f.span.end.offset + 1 : f.span.end.offset;
          const end = { line: f.span.end.line + (endOffset > f.span.end.offset ? 1 : 0), column: 1, offset: endOffset };
          const moved = text.slice(start.offset, endOffset);
          if (moved.endsWith('\n'))
            fix = {
              description: `Move \`${f.name}\` to the top`,
              applicability: 'safe',
              edits: [
                { span: { start: firstStart!, end: firstStart! }, text: moved },
                { span: { start, end }, text: '' },
              ],
            };
        }
        ctx.report({ messageId: 'notFirst', data: { name: f.name }, span: familySpan(f), metric: f.name, ...(fix ? { fix } : {}) });
      },
    };
  },
});
