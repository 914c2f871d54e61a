import { samplesOf } from '@omkit/parser';
import { defineRule } from '../rule.js';
import { familySpan, textName } from './support/names.js';

export default defineRule({
  code: 'OM215',
  name: 'info-suffix',
  category: 'practice',
  severity: 'warning',
  description: '`_info` names are for info metrics whose value is 1',
  since: '0.1.0',
  sources: [
    { kind: 'naming-guide', ref: 'Metric names: `_info` for metadata pseudo-metrics' },
    { kind: 'spec', ref: 'OM 1.0 §Info' },
    { kind: 'spec', ref: 'OM 2.0 §Info: the MetricFamily name MUST end in `_info`' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: {
    infoType: 'The {{type}} `{{name}}` has the `_info` suffix of info metrics',
    infoValue: 'Info-style metric `{{name}}` has the value {{value}}, not 1',
    doubleInfo: 'Info family `{{name}}` already ends in `_info`, so its samples are `{{name}}_info`',
  },
  help: {
    infoType: 'Rename it, or expose it as an info metric (a gauge with value 1 in Prometheus text)',
    infoValue: 'Info metrics carry their data in labels; the value is always 1',
    doubleInfo: 'Name the family `{{stem}}`',
  },
  create(ctx) {
    return {
      MetricFamily(family) {
        // Judged by the name Prometheus text gives the family (an OpenMetrics counter `x_info` is
        // `x_info_total` there), so that one exposition gets one verdict in either format.
        const name = family.type === 'counter' ? textName(family, ctx.result.format) : family.name;
        if (family.type === 'info') {
          // OpenMetrics 2.0 names an info family with its `_info` (the parser checks it, OM137).
          if (name.endsWith('_info') && ctx.result.format !== 'openmetrics-2.0')
            ctx.report({ messageId: 'doubleInfo', data: { name, stem: name.slice(0, -5) }, span: familySpan(family) });
          return;
        }
        if (!name.endsWith('_info')) return;
        // Prometheus text spells an info family `x_info` of OpenMetrics as the gauge `x_info_info`.
        if (name.endsWith('_info_info') && (family.type === 'gauge' || family.type === 'unknown') && ctx.result.format !== 'openmetrics-2.0') {
          const family_ = name.slice(0, -5);
          ctx.report({ messageId: 'doubleInfo', data: { name: family_, stem: family_.slice(0, -5) }, span: familySpan(family) });
          return;
        }
        if (family.type !== 'gauge' && family.type !== 'unknown') {
          ctx.report({ messageId: 'infoType', data: { name, type: family.type }, span: familySpan(family) });
          return;
        }
        for (const m of family.metrics)
          for (const c = samplesOf(m); c.next(); )
            if (c.composite === undefined && c.value !== 1) {
              ctx.report({ messageId: 'infoValue', data: { name, value: c.value }, span: c.span });
              return;
            }
      },
    };
  },
});
