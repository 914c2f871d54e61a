// Counts for `om stats`: families, series, samples, label cardinality. Pure; no I/O.
// (Candidate for a library once one wants it; kept small here.) A series is what `om diff` counts:
// @omkit/diff's familySeries, one per sample name and label set as Prometheus stores them.
import { familySeries } from '@omkit/diff';
import type { ParseResult } from '@omkit/parser';

export interface FamilyStats {
  name: string;
  type: string;
  series: number;
  samples: number;
  /** Distinct values per label name within the family. */
  labels: Record<string, number>;
}

export interface LabelStats {
  name: string;
  /** Distinct values across all families. */
  values: number;
  /** Series that carry the label. */
  series: number;
  /** Families that use it. */
  families: number;
}

export interface Stats {
  source: string;
  format: string;
  bytes: number;
  lines: number;
  families: number;
  series: number;
  samples: number;
  exemplars: number;
  errors: number;
  /** Sorted by series, descending, then name. */
  byFamily: FamilyStats[];
  /** Sorted by distinct values, descending, then name. */
  byLabel: LabelStats[];
}

export function computeStats(source: string, text: string, result: ParseResult): Stats {
  let series = 0;
  let samples = 0;
  let exemplars = 0;
  const byFamily: FamilyStats[] = [];
  const labels = new Map<string, { values: Set<string>; series: number; families: Set<string> }>();
  for (const family of result.families) {
    const perLabel = new Map<string, Set<string>>();
    const keys = new Set<string>();
    let familySamples = 0;
    for (const metric of family.metrics) {
      familySamples += metric.samples.length;
      for (const s of metric.samples) if (s.exemplar) exemplars++;
      // The metric's series not already counted in this family (a repeated label set adds none).
      let fresh = 0;
      for (const key of familySeries({ metrics: [metric] })) {
        if (keys.has(key)) continue;
        keys.add(key);
        fresh++;
      }
      for (const l of metric.labels) {
        let set = perLabel.get(l.name);
        if (!set) perLabel.set(l.name, (set = new Set()));
        set.add(l.value);
        let g = labels.get(l.name);
        if (!g) labels.set(l.name, (g = { values: new Set(), series: 0, families: new Set() }));
        g.values.add(l.value);
        g.series += fresh;
        g.families.add(family.name);
      }
    }
    series += keys.size;
    samples += familySamples;
    byFamily.push({
      name: family.name,
      type: family.type,
      series: keys.size,
      samples: familySamples,
      labels: Object.fromEntries([...perLabel].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.size])),
    });
  }
  byFamily.sort((a, b) => b.series - a.series || a.name.localeCompare(b.name));
  const byLabel = [...labels]
    .map(([name, g]) => ({ name, values: g.values.size, series: g.series, families: g.families.size }))
    .sort((a, b) => b.values - a.values || a.name.localeCompare(b.name));
  const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return {
    source,
    format: result.format,
    bytes: Buffer.byteLength(text, 'utf8'),
    lines,
    families: result.families.length,
    series,
    samples,
    exemplars,
    errors: result.diagnostics.filter((d) => d.severity === 'error').length,
    byFamily,
    byLabel,
  };
}
