// Counts of one exposition: families, series, samples, exemplars, label cardinality, sizes. Pure and
// browser-safe (no Node API): `om stats` prints it and the playground shows it. A series is what
// diff() counts: `familySeries`, one per sample name and label set as Prometheus stores them.
// Samples are read through the parser's cursor (points.ts): no object per sample.
import { samplesOf, type ParseResult } from '@omkit/parser';
import { Points } from './points.js';
import { seriesKey, labelNormalizer } from './series.js';

export interface FamilyStats {
  name: string;
  type: string;
  series: number;
  samples: number;
  /** Populated native histogram buckets (OM 2.0), summed over the family's native histograms. */
  nativeBuckets: number;
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
  /**
   * Samples as written: one per sample line (an OpenMetrics 2.0 histogram or summary is one
   * composite sample, however many series it holds).
   */
  samples: number;
  /**
   * Populated native histogram buckets (OM 2.0 §Native Buckets): the buckets the spans of every
   * native histogram list (positive and negative; the zero bucket not counted), which is what
   * Prometheus' `native_histogram_bucket_limit` counts per histogram. A native histogram is one
   * series in `series`; its buckets are counted here.
   */
  nativeBuckets: number;
  /** Exemplars of every sample (OM 2.0: a sample may carry several). */
  exemplars: number;
  errors: number;
  /** Sorted by series, descending, then name. */
  byFamily: FamilyStats[];
  /** Sorted by distinct values, descending, then name. */
  byLabel: LabelStats[];
}

/**
 * The counts of one parsed exposition. `text` is what was parsed (for its size in UTF-8 bytes and
 * its lines); `source` names it in the result. Families are listed as the parser returns them (a
 * family interleaved with another is two parts).
 */
export function computeStats(source: string, text: string, result: ParseResult): Stats {
  let series = 0;
  let samples = 0;
  let exemplars = 0;
  let nativeBuckets = 0;
  const points = new Points();
  const byFamily: FamilyStats[] = [];
  const labels = new Map<string, { values: Set<string>; series: number; families: Set<string> }>();
  for (const family of result.families) {
    const perLabel = new Map<string, Set<string>>();
    const keys = new Set<string>();
    let familySamples = 0;
    let familyBuckets = 0;
    for (const metric of family.metrics) {
      const cursor = samplesOf(metric);
      familySamples += cursor.count;
      while (cursor.next()) exemplars += cursor.exemplars?.length ?? (cursor.exemplar ? 1 : 0);
      points.fill(metric, family.type);
      familyBuckets += points.nativeBuckets;
      // The metric's series not already counted in this family (a repeated label set adds none).
      let fresh = 0;
      for (let i = 0; i < points.count; i++) {
        const key = seriesKey(points.names[i]!, identity(points.labels[i]!));
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
    nativeBuckets += familyBuckets;
    byFamily.push({
      name: family.name,
      type: family.type,
      series: keys.size,
      samples: familySamples,
      nativeBuckets: familyBuckets,
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
    bytes: utf8Length(text),
    lines,
    families: result.families.length,
    series,
    samples,
    nativeBuckets,
    exemplars,
    errors: result.diagnostics.filter((d) => d.severity === 'error').length,
    byFamily,
    byLabel,
  };
}

/** Series identity as `familySeries` reads it (`le` / `quantile` compared as numbers). */
const identity = labelNormalizer({});

/** The length of `text` encoded as UTF-8 (a lone surrogate as U+FFFD, 3 bytes, as TextEncoder writes it). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
