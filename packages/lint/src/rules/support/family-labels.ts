// What several rules ask of a family's labels, gathered in one walk and kept per family: the
// distinct label names, each with where it first appears. Rules that care about names only
// (snake case, reserved, target labels…) then look at a handful of names instead of every label
// of every sample.
import { samplesOf, type Label, type Metric, type MetricFamily } from '@omkit/parser';
import type { SampleLine } from './spans.js';

export interface FamilyLabels {
  /** The names in `metric.labels`, in order of first appearance, each with the first metric that has it. */
  readonly ofMetrics: ReadonlyMap<string, Metric>;
  /**
   * The names in `sample.labels` (part labels such as `le` included), in order of first
   * appearance, each with the line of the first sample that has it.
   */
  readonly ofSamples: ReadonlyMap<string, SampleLine>;
}

// The rules ask in turn while the engine visits one family: the last family's answer is kept, and
// no more (a cache per family kept two maps alive for every family of the exposition until the end).
let last: { family: MetricFamily; labels: FamilyLabels } | undefined;

/** The label names of a family; computed once per family, whichever rule asks first. */
export function familyLabels(family: MetricFamily): FamilyLabels {
  if (last?.family !== family) last = { family, labels: collect(family) };
  return last.labels;
}

function collect(family: MetricFamily): FamilyLabels {
  const ofMetrics = new Map<string, Metric>();
  const ofSamples = new Map<string, SampleLine>();
  let previous: readonly Label[] | undefined;
  for (const metric of family.metrics) {
    const labels = metric.labels;
    const c = samplesOf(metric);
    // Metrics of a family mostly repeat the same names in the same order: nothing new then.
    if (previous === undefined || !sameNames(previous, labels)) {
      for (const label of labels) if (!ofMetrics.has(label.name)) ofMetrics.set(label.name, metric);
      // Every sample carries its metric's labels: the first sample, read in full, meets them first.
      if (c.next()) {
        let line: SampleLine | undefined;
        for (const label of c.labels) if (!ofSamples.has(label.name)) ofSamples.set(label.name, (line ??= { span: c.span }));
      }
      previous = labels;
    }
    // Beyond the metric's labels a sample has at most its point's own (`le`, `quantile`, a state).
    while (c.next()) {
      const all = c.labels;
      if (all.length === labels.length) continue;
      if (all.length === labels.length + 1) {
        const extra = extraName(all, labels);
        if (!ofSamples.has(extra)) ofSamples.set(extra, { span: c.span });
      } else {
        let line: SampleLine | undefined;
        for (const label of all) if (!ofSamples.has(label.name)) ofSamples.set(label.name, (line ??= { span: c.span }));
      }
    }
  }
  return { ofMetrics, ofSamples };
}

/** The name of the one label a sample has beyond its metric's (the others are in the same order). */
function extraName(sample: readonly Label[], metric: readonly Label[]): string {
  for (let i = 0; i < metric.length; i++) if (sample[i]!.name !== metric[i]!.name) return sample[i]!.name;
  return sample[metric.length]!.name;
}

/** Same label names in the same order. */
export function sameNames(a: readonly Label[], b: readonly Label[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.name !== b[i]!.name) return false;
  return true;
}
