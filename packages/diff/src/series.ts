// Series identity: sample name + labels sorted by name, after ignoreLabels, relabel and the
// numeric canonicalisation of `le` / `quantile` values (`1.0` and `1` are the same bucket).
import type { Label, Metric, MetricType } from '@omkit/parser';
import { Points } from './points.js';
import { globsMatcher } from './glob.js';
import type { DiffOptions } from './types.js';

const LEGACY_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Label names repeat on every sample: each is checked and quoted once. */
const renderedNames = new Map<string, string>();

function renderName(name: string): string {
  let out = renderedNames.get(name);
  if (out === undefined) {
    out = LEGACY_LABEL.test(name) ? name : JSON.stringify(name);
    if (renderedNames.size < 10_000) renderedNames.set(name, out);
  }
  return out;
}

function renderValue(value: string): string {
  // Most values need no escaping: look for the three characters that do.
  if (value.indexOf('\\') === -1 && value.indexOf('"') === -1 && value.indexOf('\n') === -1) return value;
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `name="value"` pairs joined by commas; values escaped as in the text formats. */
export function renderLabels(labels: readonly Label[], skip?: string): string {
  let out = '';
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label.name === skip) continue;
    out += `${out === '' ? '' : ','}${renderName(label.name)}="${renderValue(label.value)}"`;
  }
  return out;
}

/** The series key: `name{a="1",b="2"}`, or `name` without labels. Labels must be sorted. */
export function seriesKey(name: string, labels: readonly Label[], skip?: string): string {
  const rendered = renderLabels(labels, skip);
  return rendered === '' ? name : `${name}{${rendered}}`;
}

const canonicalCache = new Map<string, string>();

/** `1.0`, `1` and `1e0` → `1`; `+inf` → `+Inf`; anything else unchanged. */
export function canonicalFloat(text: string): string {
  const cached = canonicalCache.get(text);
  if (cached !== undefined) return cached;
  let out = text;
  const t = text.trim();
  if (/^\+?inf(inity)?$/i.test(t)) out = '+Inf';
  else if (/^-inf(inity)?$/i.test(t)) out = '-Inf';
  else if (/^nan$/i.test(t)) out = 'NaN';
  else if (t !== '') {
    const n = Number(t);
    if (!Number.isNaN(n)) out = String(n);
  }
  if (canonicalCache.size < 10_000) canonicalCache.set(text, out);
  return out;
}

/**
 * The number canonicalFloat() reads in `text` (±Infinity for the infinities); undefined for NaN
 * and what is not a number. Two texts with different numbers have different canonical forms.
 */
export function thresholdNumber(text: string): number | undefined {
  const canonical = canonicalFloat(text);
  if (canonical === '+Inf') return Infinity;
  if (canonical === '-Inf') return -Infinity;
  if (canonical.trim() === '') return undefined;
  const n = Number(canonical);
  return Number.isNaN(n) ? undefined : n;
}

/** Turns a sample's labels into the sorted, normalised label list used for identity. */
export type LabelNormalizer = (labels: readonly Label[]) => readonly Label[];

export function labelNormalizer(options: DiffOptions): LabelNormalizer {
  const ignored = globsMatcher(options.ignoreLabels);
  const relabels = (options.relabel ?? []).map((r) => ({
    matches: globsMatcher([r.label])!,
    pattern: typeof r.pattern === 'string' ? new RegExp(r.pattern, 'g') : r.pattern,
    replacement: r.replacement,
  }));
  return (labels) => {
    let out: Label[] | undefined;
    let sorted = true;
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i];
      if (ignored?.(label.name)) {
        out ??= labels.slice(0, i);
        continue;
      }
      let value = label.value;
      for (const r of relabels) {
        if (r.matches(label.name)) {
          r.pattern.lastIndex = 0;
          value = value.replace(r.pattern, r.replacement);
        }
      }
      if (label.name === 'le' || label.name === 'quantile') value = canonicalFloat(value);
      if (value !== label.value) out ??= labels.slice(0, i);
      if (out !== undefined) out.push(value === label.value ? label : { name: label.name, value });
      if (i > 0 && labels[i - 1].name > label.name) sorted = false;
    }
    const result = out ?? labels;
    if (sorted && out === undefined) return result;
    return [...result].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  };
}

const identity = labelNormalizer({});

/**
 * The time series of a family, by key: one per sample name and label set, as Prometheus stores
 * them (`le` / `quantile` compared as numbers; a sample repeated is one series). So a counter's
 * `x_total` and `x_created` are two series (Prometheus ingests `_created` as a series of its own
 * unless its skip-`_created` scrape option is on), and each bucket of a histogram is one. An
 * OpenMetrics 2.0 composite sample counts as the 1.0 samples it converts to, and a native histogram
 * as one series (see points.ts). `om stats` and `diff()` (the `series` of `family-added` /
 * `family-removed`, `cardinality-changed`) count these.
 */
export function familySeries(
  family: { readonly type?: MetricType; readonly metrics: readonly Metric[] },
  normalize: LabelNormalizer = identity,
): Set<string> {
  const keys = new Set<string>();
  const points = new Points();
  const type = family.type ?? 'unknown';
  for (const metric of family.metrics) {
    points.fill(metric, type);
    for (let i = 0; i < points.count; i++) keys.add(seriesKey(points.names[i]!, normalize(points.labels[i]!)));
  }
  return keys;
}

/** How many time series the families hold (see `familySeries`), summed over families. */
export function countSeries(families: readonly { readonly type?: MetricType; readonly metrics: readonly Metric[] }[]): number {
  let n = 0;
  for (const family of families) n += familySeries(family).size;
  return n;
}
