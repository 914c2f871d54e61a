// Converting a model between the two text formats: what each format calls a family, what the other
// cannot say, and what cannot be written validly at all (then the conversion reports problems, and
// the caller refuses it: nothing is renamed or left out silently).
//
// OpenMetrics → Prometheus text 0.0.4 exposes the OpenMetrics-only parts as client_python's
// `generate_latest` does (the reference implementation of both formats): a counter `x` is `x_total`;
// `_created` samples (and a gauge histogram's `_gsum` / `_gcount`) become gauge families `x_created`
// (`x_gsum`, `x_gcount`) after their family; info `x` is gauge `x_info`; stateset is gauge;
// gaugehistogram is histogram; unknown is untyped. Exemplars are left out (0.0.4 has none) and
// reported as dropped. The UNIT line is left out without a report: the unit is already the name's
// suffix (OM 1.0 §Unit), so nothing is lost. Timestamps become integer milliseconds (rounded;
// reported as dropped precision when that changes them); one outside int64 milliseconds is a problem.
//
// Prometheus text 0.0.4 → OpenMetrics names a counter family without `_total` and its samples with
// it. Two families that end up with the same name, or one claiming another's sample names (a gauge
// `x` beside a counter `x_total`, as every Go exporter's `go_memstats_alloc_bytes` has), are a
// problem: no lossless renaming exists, so the conversion is refused, naming both.
//
// OpenMetrics output writes `le` / `quantile` values canonically (OM 1.0 §Numbers). Names outside
// the legacy character set (neither format has others; quoted names are Prometheus 3's
// `escaping=allow-utf-8` extension) are written by the `escaping` option: without one they are a
// problem. A scheme escapes a family's name and appends the type's suffixes (`_total`, `_bucket`, …)
// as they are, so the structure stays readable.
import type { Format, Label, Metric, MetricFamily, MetricType, Sample } from './ast/types.js';
import { canonicalThreshold } from './canonical.js';
import { escapeName, isLegacyLabelName, isLegacyMetricName, type EscapingScheme } from './escaping.js';
import { formatValue, thresholdValue } from './number.js';
import { parse, validate } from './parse.js';
import { serialize } from './serialize.js';
import { sampleSuffixes } from './spec.js';

export interface ConvertOptions {
  /**
   * How to write metric and label names outside the legacy character set. Without it, such a
   * name is a problem (and the families keep it, quoted).
   */
  escaping?: EscapingScheme;
}

/** A family-level finding of a conversion: one sentence, the families named in backticks. */
export interface ConversionNote {
  /**
   * `escaping`: a name outside the legacy character set and no `escaping` option; `clash`: two
   * families with one name or sample name; `invalid`: another reason the target rejects the
   * family; `dropped`: what the target format cannot say and was left out.
   */
  readonly kind: 'escaping' | 'clash' | 'invalid' | 'dropped';
  /** The families concerned, as the input names them. */
  readonly families: readonly string[];
  readonly message: string;
}

export interface Conversion {
  /** The families as the target format writes them (even when there are problems). */
  readonly families: MetricFamily[];
  /** Why the families cannot be written validly in the target format; refuse when not empty. */
  readonly problems: ConversionNote[];
  /** What the target format cannot say and was left out (exemplars, timestamp precision). */
  readonly dropped: ConversionNote[];
}

const FORMAT_NAME: Record<Format, string> = { openmetrics: 'OpenMetrics 1.0', 'openmetrics-2.0': 'OpenMetrics 2.0', prometheus: 'Prometheus text 0.0.4' };
const INT64_MAX = 9223372036854775807n;

/** The families of `families` (parsed as `from`) as the `to` format names and writes them. */
export function convert(families: readonly MetricFamily[], from: Format, to: Format, options: ConvertOptions = {}): Conversion {
  const { origin: _, ...conversion } = convertTracing(families, from, to, options);
  return conversion;
}

/** `convert`, with the input family each written family comes from. */
function convertTracing(families: readonly MetricFamily[], from: Format, to: Format, options: ConvertOptions): Conversion & { origin: MetricFamily[] } {
  const out: MetricFamily[] = [];
  const origin: MetricFamily[] = [];
  const problems: ConversionNote[] = [];
  const dropped: ConversionNote[] = [];
  const exemplars: string[] = [];
  const precision: string[] = [];
  const scheme = options.escaping ?? 'allow-utf-8';
  for (const family of families) {
    if (options.escaping === undefined) {
      const why = needsEscaping(family);
      if (why !== undefined) problems.push({ kind: 'escaping', families: [family.name], message: `\`${family.name}\`: ${why} is outside the legacy character set of ${FORMAT_NAME[to]}` });
    }
    const converted = convertFamily(family, from, to, scheme);
    for (const f of converted.families) {
      out.push(f);
      origin.push(family);
    }
    if (converted.labelClash !== undefined) problems.push({ kind: 'clash', families: [family.name], message: `\`${family.name}\`: ${converted.labelClash}` });
    if (converted.exemplars) exemplars.push(family.name);
    if (converted.badTimestamp !== undefined)
      problems.push({ kind: 'invalid', families: [family.name], message: `\`${family.name}\`: timestamp \`${formatValue(converted.badTimestamp)}\` (seconds) is outside the int64 milliseconds of ${FORMAT_NAME[to]}` });
    else if (converted.roundedTimestamps) precision.push(family.name);
  }
  problems.push(...clashes(out, origin, to));
  if (exemplars.length) dropped.push({ kind: 'dropped', families: exemplars, message: `${FORMAT_NAME[to]} has no exemplars: left out those of ${list(exemplars)}` });
  if (precision.length) dropped.push({ kind: 'dropped', families: precision, message: `${FORMAT_NAME[to]} timestamps are integer milliseconds: rounded those of ${list(precision)}` });
  return { families: out, problems, dropped, origin };
}

export interface ConvertTextOptions extends ConvertOptions {
  /**
   * Parse the written text again and report its errors as problems (default true): the guarantee
   * that accepted output is valid in the target format. Turn it off for input that had errors.
   */
  check?: boolean;
}

/** `convert`, then `serialize`; the text is written only when there are no problems. */
export function convertText(
  families: readonly MetricFamily[],
  from: Format,
  to: Format,
  options: ConvertTextOptions = {},
): Conversion & { text: string | undefined } {
  const { origin, ...conversion } = convertTracing(families, from, to, options);
  if (conversion.problems.length > 0) return { ...conversion, text: undefined };
  const text = serialize(conversion.families, { format: to });
  if (options.check === false || !validate(text, { format: to }).diagnostics.some((d) => d.severity === 'error')) return { ...conversion, text };
  // What the explicit checks above missed: the written text's own errors, by family.
  const again = parse(text, { format: to });
  const problems: ConversionNote[] = [];
  for (const d of again.diagnostics) {
    if (d.severity !== 'error') continue;
    const line = d.span?.start.line ?? 0;
    const written = again.families.find((f) => f.span.start.line <= line && line <= f.span.end.line);
    // The written families are the converted ones, in order (the text reads back as it was written).
    const at = written === undefined ? -1 : conversion.families.findIndex((f) => f.name === written.name);
    const name = at < 0 ? (written?.name ?? 'the document') : origin[at]!.name;
    problems.push({ kind: 'invalid', families: [name], message: `\`${name}\`: ${d.message} (${d.code} in the written ${FORMAT_NAME[to]})` });
  }
  return { ...conversion, problems, text: undefined };
}

function list(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((n) => `\`${n}\``);
  return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more` : shown.join(', ');
}

/** What of a family needs escaping: its name or a label name outside the legacy set. */
function needsEscaping(family: MetricFamily): string | undefined {
  if (!isLegacyMetricName(family.name)) return 'its name';
  for (const metric of family.metrics)
    for (const sample of metric.samples) {
      if (!isLegacyMetricName(sample.name)) return `sample name \`${sample.name}\``;
      for (const label of sample.labels) if (!isLegacyLabelName(label.name)) return `label name \`${label.name}\``;
      for (const label of sample.exemplar?.labels ?? []) if (!isLegacyLabelName(label.name)) return `exemplar label name \`${label.name}\``;
    }
  return undefined;
}

/** The family's name without the suffix its format gives the family itself (a 0.0.4 counter's `_total`). */
function baseName(family: MetricFamily, from: Format): string {
  if (from === 'prometheus' && family.type === 'counter' && family.name.endsWith('_total')) return family.name.slice(0, -'_total'.length);
  return family.name;
}

interface Converted {
  families: MetricFamily[];
  exemplars: boolean;
  roundedTimestamps: boolean;
  badTimestamp: number | undefined;
  labelClash: string | undefined;
}

function convertFamily(family: MetricFamily, from: Format, to: Format, scheme: EscapingScheme): Converted {
  const result: Converted = { families: [], exemplars: false, roundedTimestamps: false, badTimestamp: undefined, labelClash: undefined };
  const base = baseName(family, from);
  const name = escapeName(base, scheme);
  const om = to === 'openmetrics';
  const fromOm = from === 'openmetrics';
  // The target type, the family's own suffix, and where each source suffix goes.
  let type: MetricType = family.type;
  let own = fromOm ? '' : family.name.slice(base.length);
  const split = new Set<string>();
  if (!om && fromOm) {
    switch (family.type) {
      case 'counter':
        own = '_total';
        split.add('_created');
        break;
      case 'histogram':
      case 'summary':
        split.add('_created');
        break;
      case 'gaugehistogram':
        type = 'histogram';
        split.add('_gsum').add('_gcount');
        break;
      case 'info':
        type = 'gauge';
        own = '_info';
        break;
      case 'stateset':
        type = 'gauge';
        break;
    }
  }
  if (om && family.type === 'counter') own = '';
  // A stateset's state label is named after the family: escaped as a label name, it stays equal to
  // the escaped family name unless that has a `:` (which no label name can have).
  const labelName = (l: string) => escapeName(l, scheme, 'label');
  const mapLabels = (labels: readonly Label[]): Label[] => {
    const mapped = labels.map((l) => ({ name: labelName(l.name), value: l.value }));
    if (result.labelClash === undefined && scheme !== 'allow-utf-8') {
      const seen = new Map<string, string>();
      for (let i = 0; i < mapped.length; i++) {
        const before = seen.get(mapped[i]!.name);
        if (before !== undefined && before !== labels[i]!.name) {
          result.labelClash = `labels \`${before}\` and \`${labels[i]!.name}\` are both \`${mapped[i]!.name}\` when escaped`;
        }
        seen.set(mapped[i]!.name, labels[i]!.name);
      }
    }
    return mapped;
  };
  const main: Metric[] = [];
  const parts = new Map<string, Metric[]>();
  for (const metric of family.metrics) {
    const labels = mapLabels(metric.labels);
    const kept: Sample[] = [];
    const moved = new Map<string, Sample[]>();
    for (const sample of metric.samples) {
      const rel = sample.name.startsWith(base) ? sample.name.slice(base.length) : undefined;
      let suffix = rel;
      if (om && family.type === 'counter' && !fromOm && (rel === '' || rel === '_total')) suffix = '_total';
      const sampleName = suffix === undefined ? escapeName(sample.name, scheme) : name + suffix;
      let sampleLabels = mapLabels(sample.labels);
      if (om) sampleLabels = canonicalLabels(family.type, suffix, sampleLabels, from);
      let timestamp = sample.timestamp;
      if (!om && timestamp !== undefined) {
        const ms = Math.round(timestamp * 1000);
        if (!Number.isFinite(ms) || BigInt(ms) > INT64_MAX || BigInt(ms) < -INT64_MAX - 1n) result.badTimestamp ??= timestamp;
        else if (ms / 1000 !== timestamp) {
          result.roundedTimestamps = true;
          timestamp = ms / 1000;
        }
      }
      let exemplar = sample.exemplar;
      if (exemplar !== undefined) {
        if (om) exemplar = { ...exemplar, labels: exemplar.labels.map((l) => ({ name: labelName(l.name), value: l.value })) };
        else {
          result.exemplars = true;
          exemplar = undefined;
        }
      }
      const written: Sample = { name: sampleName, labels: sampleLabels, value: sample.value, timestamp, exemplar, span: sample.span };
      if (suffix !== undefined && split.has(suffix)) {
        const list = moved.get(suffix) ?? [];
        list.push(written);
        moved.set(suffix, list);
      } else kept.push(written);
    }
    if (kept.length > 0) main.push({ labels, samples: kept });
    for (const [suffix, samples] of moved) {
      const list = parts.get(suffix) ?? [];
      list.push({ labels, samples });
      parts.set(suffix, list);
    }
  }
  const unit = om ? family.unit : undefined;
  const typeDeclared = family.typeDeclared || type !== family.type;
  result.families.push({
    name: name + own,
    type,
    typeDeclared,
    help: family.help,
    unit,
    descriptors: family.descriptors,
    metrics: main,
    span: family.span,
  });
  for (const suffix of [...split].sort()) {
    const metrics = parts.get(suffix);
    if (metrics === undefined) continue;
    result.families.push({ name: name + suffix, type: 'gauge', typeDeclared: true, help: family.help, unit: undefined, descriptors: [], metrics, span: family.span });
  }
  return result;
}

/** `le` of a bucket and `quantile` of a summary written canonically (OM 1.0 §Canonical Numbers). */
function canonicalLabels(type: MetricType, suffix: string | undefined, labels: Label[], from: Format): Label[] {
  const part =
    (type === 'histogram' || type === 'gaugehistogram') && suffix === '_bucket' ? 'le' : type === 'summary' && suffix === '' ? 'quantile' : undefined;
  if (part === undefined) return labels;
  return labels.map((l) => {
    if (l.name !== part) return l;
    const n = thresholdValue(l.value, from);
    return n === undefined ? l : { name: l.name, value: canonicalThreshold(n) };
  });
}

/**
 * Families that end up with one name, or (OpenMetrics, OM 1.0 §MetricFamily: a name "MUST NOT
 * result in a potential clash for sample metric names") claim another's sample names.
 */
function clashes(families: readonly MetricFamily[], origin: readonly MetricFamily[], to: Format): ConversionNote[] {
  const claimed = new Map<string, number>();
  const problems: ConversionNote[] = [];
  const reported = new Set<string>();
  families.forEach((family, i) => {
    const names = to === 'openmetrics' ? sampleSuffixes(to, family.type).map((s) => family.name + s).concat(family.name) : [family.name];
    for (const n of new Set(names)) {
      const j = claimed.get(n);
      if (j === undefined) {
        claimed.set(n, i);
        continue;
      }
      const a = origin[j]!;
      const b = origin[i]!;
      const key = `${j}:${i}`;
      if (a === b || reported.has(key)) continue;
      reported.add(key);
      problems.push({
        kind: 'clash',
        families: [a.name, b.name],
        message:
          families[j]!.name === family.name
            ? `\`${a.name}\` (${a.type}) and \`${b.name}\` (${b.type}) are both named \`${family.name}\` in ${FORMAT_NAME[to]}`
            : `\`${a.name}\` (${a.type}) and \`${b.name}\` (${b.type}) both claim the sample name \`${n}\` in ${FORMAT_NAME[to]}`,
      });
    }
  });
  return problems;
}
