import { samplesOf, type Label } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { sameNames } from './support/family-labels.js';
import { exemplarsOf } from './support/exemplars.js';

/** Keys that name a W3C Trace Context field in another spelling (`traceId`, `trace-id`, `SpanID`…). */
const TRACE_KEY = /^(trace|span)[-_.]?id$/i;

export default defineRule({
  code: 'OM234',
  name: 'exemplar-labels',
  category: 'practice',
  severity: 'warning',
  description: 'Exemplars of a sample should have the same label names, none of the metric\'s, and `trace_id`/`span_id` for trace context',
  since: '0.1.0',
  sources: [
    { kind: 'spec', ref: 'OM 2.0 §Exemplars: the LabelSet SHOULD NOT contain Label names included in the Metric\'s LabelSet; Exemplars of a Sample SHOULD have the same Label names' },
    { kind: 'spec', ref: 'OM 2.0 §Exemplars: a Trace Context SHOULD use the `trace_id` key for trace-id and the `span_id` key for parent-id' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  formats: ['openmetrics-2.0'],
  messages: {
    differentNames: 'Exemplars of one `{{name}}` sample have different label names ({{expected}} vs {{actual}})',
    metricLabel: 'An exemplar of `{{name}}` has the label `{{label}}`, which its metric has too',
    traceKey: 'An exemplar of `{{name}}` names a trace context field `{{label}}`, not `{{key}}`',
  },
  help: {
    differentNames: 'Give every exemplar of a sample the same label names',
    metricLabel: 'The exemplar\'s labels add to the metric\'s: leave out the ones the metric already has',
    traceKey: 'Use `trace_id` for the trace-id and `span_id` for the parent-id of a W3C Trace Context',
  },
  create(ctx) {
    return {
      MetricFamily(family) {
        const reported = new Set<string>();
        const report = (messageId: 'differentNames' | 'metricLabel' | 'traceKey', data: Record<string, string>, span: import('@omkit/parser').Span) => {
          if (reported.has(messageId)) return;
          reported.add(messageId);
          ctx.report({ messageId, data: { name: family.name, ...data }, span });
        };
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); ) {
            const exemplars = exemplarsOf(c);
            if (exemplars.length === 0) continue;
            let first: readonly Label[] | undefined;
            for (const e of exemplars) {
              for (const l of e.labels) {
                if (m.labels.some((x) => x.name === l.name)) report('metricLabel', { label: l.name }, e.span);
                const key = TRACE_KEY.exec(l.name);
                if (key && l.name !== 'trace_id' && l.name !== 'span_id') report('traceKey', { label: l.name, key: `${key[1]!.toLowerCase()}_id` }, e.span);
              }
              if (first === undefined) first = e.labels;
              else if (!sameNames(first, e.labels) && names(first) !== names(e.labels))
                report('differentNames', { expected: names(first) || 'none', actual: names(e.labels) || 'none' }, e.span);
            }
          }
      },
    };
  },
});

function names(labels: readonly Label[]): string {
  return labels.map((l) => `\`${l.name}\``).sort().join(', ');
}
