import { defineRule } from '../rule.js';
import { samplesOf } from '@omkit/parser';
import { familySpan, firstSpan } from './support/names.js';

export default defineRule({
  code: 'OM230',
  name: 'otel-target-info',
  category: 'practice',
  severity: 'warning',
  description: '`target_info` should be one info series with the value 1',
  since: '0.1.0',
  sources: [
    { kind: 'otel', ref: 'Prometheus and OpenMetrics compatibility: Resource Attributes → `target_info`' },
    { kind: 'spec', ref: 'OM 1.0 §Supporting target metadata' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['otel'],
  messages: {
    targetType: '`{{name}}` has the type `{{type}}`, not info',
    targetValue: '`{{name}}` has the value {{value}}, not 1',
    targetSeries: '`{{name}}` has {{count}} series; one target has one set of resource attributes',
  },
  help: {
    targetType: 'Expose resource attributes as an info metric (a gauge in Prometheus text)',
    targetValue: 'Info metrics always have the value 1',
    targetSeries: 'Expose one `target_info` per target (per resource)',
  },
  create(ctx) {
    return {
      MetricFamily(family) {
        const isTarget = (family.name === 'target' && family.type === 'info') || family.name === 'target_info';
        if (!isTarget) return;
        if (family.type !== 'info' && family.type !== 'gauge' && family.type !== 'unknown') {
          ctx.report({ messageId: 'targetType', data: { name: family.name, type: family.type }, span: familySpan(family) });
          return;
        }
        if (family.metrics.length > 1)
          ctx.report({ messageId: 'targetSeries', data: { name: family.name, count: family.metrics.length }, span: firstSpan(family.metrics[1]!) });
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); )
            if (c.composite === undefined && c.value !== 1) {
              ctx.report({ messageId: 'targetValue', data: { name: family.name, value: c.value }, span: c.span });
              return;
            }
      },
    };
  },
});
