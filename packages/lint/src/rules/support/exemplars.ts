// The exemplars of the sample under a cursor: OpenMetrics 2.0 lists them all, 1.0 has at most one.
import type { Exemplar, SampleFields } from '@omkit/parser';

const NONE: readonly Exemplar[] = [];

export function exemplarsOf(sample: SampleFields): readonly Exemplar[] {
  return sample.exemplars ?? (sample.exemplar ? [sample.exemplar] : NONE);
}
