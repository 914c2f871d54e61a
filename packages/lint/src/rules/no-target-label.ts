import { detach, type Span } from '@omkit/parser';
import * as v from 'valibot';
import { defineRule, factsOf } from '../rule.js';
import { familyLabels } from './support/family-labels.js';
import { firstLine } from './support/names.js';
import { labelSpan } from './support/spans.js';

/**
 * A family the Pushgateway adds to every pushed group: an exposition with it is a Pushgateway's
 * `/metrics`, which Prometheus scrapes with `honor_labels: true` (Pushgateway README, "About the
 * job and instance labels"), so its `job`/`instance` labels are kept.
 */
const PUSHGATEWAY_FAMILY = 'push_time_seconds';

export default defineRule({
  code: 'OM223',
  name: 'no-target-label',
  category: 'practice',
  severity: 'warning',
  description: 'Series should not carry the target labels `job` and `instance`',
  since: '0.1.0',
  sources: [
    { kind: 'prometheus', ref: 'scrape_config honor_labels: conflicting labels are renamed to `exported_<name>`' },
    { kind: 'prometheus', ref: 'Pushgateway README: About the job and instance labels (scrape it with `honor_labels: true`)' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: {
    targetLabel: 'Label `{{label}}` of `{{name}}` is renamed to `exported_{{label}}` by Prometheus unless the scrape job sets `honor_labels: true`',
    renamed: 'Label `{{label}}` of `{{name}}` will be renamed to `exported_{{label}}`: the scrape job `{{job}}` does not set `honor_labels: true`',
  },
  help: {
    targetLabel: 'Prometheus sets `{{label}}` from the scrape target; with `honor_labels: true` (for a Pushgateway or a federation endpoint) the exposed label is kept instead. Otherwise rename the label',
    renamed: 'Rename the label, or set `honor_labels: true` on the job if the exposition speaks for other targets (a Pushgateway, a federation endpoint)',
  },
  options: v.optional(
    v.strictObject({
      labels: v.optional(v.pipe(v.array(v.string()), v.description('Labels the scraper attaches to every series')), ['job', 'instance']),
    }),
    {},
  ),
  create(ctx) {
    const targets = new Set(ctx.options.labels);
    // The verdict needs the whole exposition (is it a Pushgateway's?) and the scrape facts (does
    // the job honour labels?), which a lint session gives only at the end: it waits for the exit.
    const pending: { label: string; name: string; span: Span }[] = [];
    let pushgateway = false;
    return {
      MetricFamily(family) {
        if (family.name === PUSHGATEWAY_FAMILY) pushgateway = true;
        if (family.name === 'target' || family.name === 'target_info') return;
        for (const [label, m] of familyLabels(family).ofMetrics)
          if (targets.has(label)) pending.push({ label: detach(label), name: detach(family.name), span: labelSpan(ctx.source, firstLine(m), label) });
      },
      'Exposition:exit'() {
        if (pending.length === 0) return;
        const job = factsOf(ctx.scrape, 'scrape-job')[0];
        if (job?.honorLabels === true) return; // Prometheus keeps the exposed labels.
        if (job === undefined && pushgateway) return; // Scraped with `honor_labels: true` by convention.
        for (const p of pending)
          ctx.report(
            job === undefined
              ? { messageId: 'targetLabel', data: { label: p.label, name: p.name }, span: p.span, metric: p.name }
              : { messageId: 'renamed', data: { label: p.label, name: p.name, job: job.job }, span: p.span, metric: p.name },
          );
      },
    };
  },
});
