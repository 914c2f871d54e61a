import { samplesOf, type Span } from '@omkit/parser';
import { defineRule, type SourceText } from '../rule.js';

/** Whether a `# TYPE`/`# HELP`/`# UNIT` line writes the name in quotes; undefined without its text. */
function descriptorQuoted(source: SourceText, span: Span): boolean | undefined {
  const head = source.slice(span.start.offset, Math.min(span.end.offset, span.start.offset + 8));
  return head === undefined ? undefined : head.charAt(7) === '"';
}

/** Whether a sample line writes its name in quotes (`"name"{…}` or `{"name",…}`); undefined without its text. */
function sampleQuoted(source: SourceText, span: Span): boolean | undefined {
  const head = source.slice(span.start.offset, Math.min(span.end.offset, span.start.offset + 2));
  return head === undefined ? undefined : head.startsWith('"') || head === '{"';
}

export default defineRule({
  code: 'OM238',
  name: 'consistent-name-quoting',
  category: 'practice',
  severity: 'warning',
  description: 'A family\'s name should be quoted alike in its metadata and its samples',
  since: '0.1.0',
  sources: [{ kind: 'spec', ref: 'OM 2.0 §MetricFamily: the same MetricFamily\'s Name and Metric\'s Name SHOULD have the same quoting' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  formats: ['openmetrics-2.0'],
  messages: { mixedQuoting: 'The name `{{name}}` is {{sample}} in a sample but {{metadata}} in its metadata' },
  help: { mixedQuoting: 'Write the name the same way everywhere: quoted (needed for names outside `[a-zA-Z_:][a-zA-Z0-9_:]*`) or bare' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const source = ctx.source;
        if (source === undefined) return;
        let metadata: boolean | undefined;
        for (const d of family.descriptors) {
          const q = descriptorQuoted(source, d.span);
          if (q === undefined) return;
          if (metadata === undefined) metadata = q;
          else if (q !== metadata) {
            ctx.report({ messageId: 'mixedQuoting', data: { name: family.name, sample: q ? 'quoted' : 'bare', metadata: metadata ? 'quoted' : 'bare' }, span: d.span });
            return;
          }
        }
        if (metadata === undefined) return;
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); ) {
            const span = c.span;
            const q = sampleQuoted(source, span);
            if (q === undefined || q === metadata) continue;
            ctx.report({ messageId: 'mixedQuoting', data: { name: family.name, sample: q ? 'quoted' : 'bare', metadata: metadata ? 'quoted' : 'bare' }, span });
            return;
          }
      },
    };
  },
});
