// The shared check of no-le-label and no-quantile-label (promlint LintHistogramSummaryReserved):
// a label that one kind of family uses for its points, found on a family of another type.
import type { MetricFamily } from '@omkit/parser';
import type { RuleContext } from '../../rule.js';
import { familyLabels } from './family-labels.js';
import { labelSpan } from './spans.js';

/** Reports the first sample of `family` that carries `label` unless the family's type owns it. */
export function reportReservedLabel(
  ctx: Pick<RuleContext<unknown, 'reservedLabel'>, 'report' | 'source'>,
  family: MetricFamily,
  label: string,
  owners: readonly string[],
): void {
  if (owners.includes(family.type)) return;
  const s = familyLabels(family).ofSamples.get(label);
  if (s !== undefined) ctx.report({ messageId: 'reservedLabel', data: { name: family.name, type: family.type }, span: labelSpan(ctx.source, s, label) });
}
