// Shared helpers for rules: name tokens, unit tables, spans.
import { isPartLabel as isPartLabelOf, samplesOf, type Metric, type MetricFamily, type Span } from '@omkit/parser';

/** The span to report a family-level problem at: its first metadata line, else its first sample. */
export function familySpan(family: MetricFamily): Span {
  const d = family.descriptors[0];
  if (d) return d.span;
  const m = family.metrics[0];
  return (m && firstSpan(m)) ?? family.span;
}

/**
 * The family's name as Prometheus text spells it: an OpenMetrics counter `x` is `x_total` there,
 * an info family `x` the gauge `x_info`. Name rules that judge suffixes use it, so that one
 * exposition gets one verdict in either format.
 */
export function textName(family: MetricFamily, format: string): string {
  if (format !== 'openmetrics') return family.name;
  if (family.type === 'counter') return `${family.name}_total`;
  if (family.type === 'info') return `${family.name}_info`;
  return family.name;
}

/** The span of a metric's first sample (every metric has one), read through the cursor: no sample is made. */
export function firstSpan(metric: Metric): Span | undefined {
  const c = samplesOf(metric);
  return c.next() ? c.span : undefined;
}

/** The first sample line of a metric, for label spans inside it (`labelSpan(source, firstLine(m), …)`). */
export function firstLine(metric: Metric): { readonly span: Span } {
  return { span: firstSpan(metric)! };
}

/**
 * The target metadata family (OM 1.0 and 2.0 §Supporting target metadata): the info family `target`
 * in OpenMetrics 1.0 (its sample `target_info`), `target_info` in 2.0 (an info family's name ends in
 * `_info`), and the gauge or untyped `target_info` that Prometheus text writes for either.
 */
export function isTargetInfo(family: MetricFamily, format: string): boolean {
  if (family.name === 'target_info') return family.type !== 'info' || format === 'openmetrics-2.0';
  return family.name === 'target' && family.type === 'info' && format === 'openmetrics';
}

/** Whether `name` has the `_`-separated token sequence `token` (`a_b` in `x_a_b_y`). */
export function hasToken(name: string, token: string): boolean {
  return name === token || name.startsWith(`${token}_`) || name.endsWith(`_${token}`) || name.includes(`_${token}_`);
}

export function tokens(name: string): string[] {
  return name.split(/[_:]/).filter(Boolean);
}

/**
 * A name split at `_`, as written and lowercased. The rules ask for the same family's name in
 * turn, so the last name asked for is remembered: each name is split and lowercased once, not once
 * per rule (which for a pathological 100 MB name meant a 100 MB copy per rule).
 */
let remembered: { name: string; words?: readonly string[]; lower?: string; lowerWords?: readonly string[] } = { name: '' };
function about(name: string) {
  if (remembered.name !== name) remembered = { name };
  return remembered;
}

/** The `_`-separated words of a name, as written. */
export function words(name: string): readonly string[] {
  const entry = about(name);
  return (entry.words ??= Object.freeze(name.split('_')));
}

/** The name in lower case. */
export function lowerName(name: string): string {
  const entry = about(name);
  return (entry.lower ??= name.toLowerCase());
}

/** The `_`-separated words of the name in lower case. */
export function lowerWords(name: string): readonly string[] {
  const entry = about(name);
  return (entry.lowerWords ??= Object.freeze(lowerName(name).split('_')));
}

/** Base units (Prometheus naming guide + promlint units.go). */
export const BASE_UNITS = new Set(['amperes', 'bytes', 'celsius', 'grams', 'joules', 'kelvin', 'meters', 'metres', 'seconds', 'volts', 'ratio']);

/** Non-base units and their base unit (promlint units.go). */
export const UNIT_TO_BASE: Readonly<Record<string, string>> = {
  minutes: 'seconds',
  hours: 'seconds',
  days: 'seconds',
  weeks: 'seconds',
  kelvins: 'kelvin',
  fahrenheit: 'celsius',
  rankine: 'celsius',
  inches: 'meters',
  yards: 'meters',
  miles: 'meters',
  bits: 'bytes',
  calories: 'joules',
  pounds: 'grams',
  ounces: 'grams',
};

/** SI and IEC prefixes (promlint's list with `mebi` spelled right, plus exa/exbi). */
export const PREFIXES = [
  'pico', 'nano', 'micro', 'milli', 'centi', 'deci', 'deca', 'hecto', 'kilo', 'kibi',
  'mega', 'mebi', 'giga', 'gibi', 'tera', 'tebi', 'peta', 'pebi', 'exa', 'exbi',
] as const;

/** The longest unit word there is (a prefix and a unit): longer tokens are not lowercased to find out. */
const LONGEST_UNIT = Math.max(...PREFIXES.map((p) => p.length)) + Math.max(...[...BASE_UNITS, ...Object.keys(UNIT_TO_BASE)].map((u) => u.length));

/** Every unit word (with its base unit) that can appear as a name token, prefixed or not. */
export function unitOf(token: string): { unit: string; base: string; prefix?: string } | undefined {
  if (token.length > LONGEST_UNIT) return undefined;
  const t = token.toLowerCase();
  if (BASE_UNITS.has(t)) return { unit: t, base: t };
  if (t in UNIT_TO_BASE) return { unit: t, base: UNIT_TO_BASE[t]! };
  for (const p of PREFIXES) {
    if (t.length > p.length && t.startsWith(p)) {
      const rest = t.slice(p.length);
      if (BASE_UNITS.has(rest) && rest !== 'ratio') return { unit: t, base: rest, prefix: p };
      if (rest in UNIT_TO_BASE) return { unit: t, base: UNIT_TO_BASE[rest]!, prefix: p };
    }
  }
  return undefined;
}

/** Singular spellings of base units (`second` → `seconds`). */
export const SINGULAR_UNITS: Readonly<Record<string, string>> = {
  second: 'seconds',
  byte: 'bytes',
  meter: 'meters',
  metre: 'metres',
  volt: 'volts',
  ampere: 'amperes',
  joule: 'joules',
  gram: 'grams',
};

/** Label names used for a point's parts, not for identity (the parser's `isPartLabel`). */
export function isPartLabel(family: MetricFamily, label: string): boolean {
  return isPartLabelOf(family.type, family.name, label);
}
