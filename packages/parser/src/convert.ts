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
//
// OpenMetrics 2.0 (spec-2.0-rc0, with migration-1.0-to-2.0.md), from OpenMetrics 1.0 or Prometheus
// text 0.0.4 (read first as 1.0 reads it, then gathered):
// - a counter family is named as its samples: 1.0 `x` becomes `x_total`; a 0.0.4 family keeps its
//   name, `_total` or not (2.0's `_total` is a SHOULD); an info family `x` becomes `x_info`;
// - the samples of one point (one timestamp) of a histogram, gauge histogram or summary become one
//   composite sample; buckets are put in `le` order; a histogram without `_count` takes the `+Inf`
//   bucket's (the spec makes them equal); one without `_sum` (1.0 forbids a Sum beside negative
//   buckets) is written `sum:NaN`, reported as dropped: 2.0 requires a Sum and NaN is the one value
//   that claims none. A summary without `_count` or `_sum` has no 2.0 form: a problem;
// - `_created` becomes the point's `st@`; the buckets' exemplars become the composite sample's, in
//   bucket order; an exemplar without a timestamp is left out (2.0 requires one) and reported;
// - names outside the legacy character set need no escaping: 2.0 quotes them.
//
// OpenMetrics 2.0 to 1.0 or 0.0.4 (through its 1.0 form, so 0.0.4 gets what 1.0 → 0.0.4 writes,
// `_created` gauges included):
// - a composite sample becomes its classic lines (`_bucket{le}`, `_count`/`_sum`, `_gcount`/`_gsum`,
//   quantiles), `st@` becomes `_created` where 1.0 has one (counter, histogram, summary) and is
//   left out, reported, elsewhere;
// - native buckets have no 1.0 or 0.0.4 form: a sample with only native buckets is a problem,
//   naming its family. One with classic buckets as well is written with its classic buckets, and
//   the native ones are reported as dropped (choice: the classic buckets are the same observations,
//   so the data fits; refusing would leave no way to convert a combined histogram);
// - 1.0 allows one exemplar per counter sample and per bucket, within the bucket's range: each
//   exemplar of a histogram goes to the bucket its value falls in, the rest (a second exemplar for a
//   counter or for one bucket, any on other types) are left out and reported;
// - a 1.0 histogram has no Sum beside negative buckets, nor a NaN or negative one (§Histogram), and
//   then no `_count` either ("if and only if"): both are left out and reported; likewise a NaN Gsum.
//   A NaN Sum is left out for 0.0.4 too, so that 0.0.4 → 2.0 → 0.0.4 gives back what it was given;
// - a unit that is not the name's suffix (a 2.0 SHOULD, a 1.0 MUST) is left out and reported.
import type { ClassicBucket, CompositeValue, Exemplar, Format, Label, Metric, MetricFamily, MetricType, Sample } from './ast/types.js';
import { canonicalThreshold } from './canonical.js';
import { escapeName, isLegacyLabelName, isLegacyMetricName, type EscapingScheme } from './escaping.js';
import { samplesOf } from './cursor.js';
import { formatValue, thresholdValue } from './number.js';
import { parse, validate } from './parse.js';
import { serialize } from './serialize.js';
import { BUCKET_LABEL, EXEMPLAR_LABELS_LIMIT, isOpenMetrics, QUANTILE_LABEL, sampleSuffixes } from './spec.js';

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
   * family; `native`: OpenMetrics 2.0 native histogram buckets without classic ones, which
   * OpenMetrics 1.0 and Prometheus text 0.0.4 cannot write; `dropped`: what the target format
   * cannot say and was left out.
   */
  readonly kind: 'escaping' | 'clash' | 'native' | 'invalid' | 'dropped';
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
  const notes = new Notes();
  const exemplars = new Set<string>();
  const precision: string[] = [];
  const scheme = options.escaping ?? 'allow-utf-8';
  const om2 = to === OM2;
  for (const input of families) {
    const report = (message: string, kind: ConversionNote['kind'] = 'invalid') => problems.push({ kind, families: [input.name], message: `\`${input.name}\`: ${message}` });
    // A 2.0 family for an older target is read in its 1.0 form; 1.0 and 0.0.4 families for a 2.0
    // target are converted to 1.0's names first, then gathered.
    let family = input;
    let source = from;
    if (from === OM2 && !om2) {
      const expanded = expand(input, to, notes, report);
      family = expanded.family;
      if (expanded.exemplars && to === 'prometheus') exemplars.add(input.name);
      source = 'openmetrics';
    }
    if (options.escaping === undefined && !om2) {
      const why = needsEscaping(family);
      if (why !== undefined) problems.push({ kind: 'escaping', families: [input.name], message: `\`${input.name}\`: ${why} is outside the legacy character set of ${FORMAT_NAME[to]}` });
    }
    const converted = from === OM2 && om2 ? passThrough(family, scheme) : convertFamily(family, source, om2 ? 'openmetrics' : to, scheme);
    // A 2.0 counter without `_total` keeps its name in 0.0.4, which names counters as 2.0 does.
    if (from === OM2 && to === 'prometheus' && input.type === 'counter' && !input.name.endsWith('_total'))
      converted.families[0] = renamed(converted.families[0]!, escapeName(input.name, scheme));
    for (const f of converted.families) {
      out.push(om2 && from !== OM2 ? gather(f, input, from, notes, report) : f);
      origin.push(input);
    }
    if (converted.labelClash !== undefined) problems.push({ kind: 'clash', families: [input.name], message: `\`${input.name}\`: ${converted.labelClash}` });
    if (converted.exemplars) exemplars.add(input.name);
    if (converted.badTimestamp !== undefined)
      problems.push({ kind: 'invalid', families: [input.name], message: `\`${input.name}\`: timestamp \`${formatValue(converted.badTimestamp)}\` (seconds) is outside the int64 milliseconds of ${FORMAT_NAME[to]}` });
    else if (converted.roundedTimestamps) precision.push(input.name);
  }
  problems.push(...clashes(out, origin, to));
  const dropped: ConversionNote[] = notes.dropped(to);
  if (exemplars.size) dropped.push({ kind: 'dropped', families: [...exemplars], message: `${FORMAT_NAME[to]} has no exemplars: left out those of ${list([...exemplars])}` });
  if (precision.length) dropped.push({ kind: 'dropped', families: precision, message: `${FORMAT_NAME[to]} timestamps are integer milliseconds: rounded those of ${list(precision)}` });
  return { families: out, problems, dropped, origin };
}

const OM2 = 'openmetrics-2.0';

/** What was left out or filled in, by kind, with the families concerned (input names, in order). */
class Notes {
  readonly #families = new Map<NoteKind, Set<string>>();

  add(kind: NoteKind, family: string): void {
    const set = this.#families.get(kind) ?? new Set<string>();
    set.add(family);
    this.#families.set(kind, set);
  }

  dropped(to: Format): ConversionNote[] {
    return NOTE_KINDS.flatMap((kind) => {
      const set = this.#families.get(kind);
      if (set === undefined) return [];
      const families = [...set];
      return [{ kind: 'dropped' as const, families, message: NOTE_MESSAGES[kind](FORMAT_NAME[to], list(families)) }];
    });
  }
}

const NOTE_MESSAGES = {
  sumUnknown: (_: string, names: string) => `OpenMetrics 2.0 requires a histogram's Sum, which the input does not have: wrote \`NaN\` for those of ${names}`,
  exemplarTimestamp: (_: string, names: string) => `OpenMetrics 2.0 exemplars have a timestamp: left out those without one of ${names}`,
  native: (target: string, names: string) => `${target} has no native histogram buckets: left out those of ${names}, keeping their classic buckets`,
  startTimestamp: (target: string, names: string) => `${target} has start timestamps (\`_created\`) for counters, histograms and summaries only: left out those of ${names}`,
  exemplarsPerSample: (target: string, names: string) => `${target} has one exemplar per counter sample and per bucket, within its range: left out the others of ${names}`,
  exemplarLength: (target: string, names: string) => `${target} exemplars have at most ${EXEMPLAR_LABELS_LIMIT} characters of label names and values: left out longer ones of ${names}`,
  exemplarsOnType: (target: string, names: string) => `${target} has exemplars on counters and histogram buckets only: left out those of ${names}`,
  sum: (target: string, names: string) =>
    target === FORMAT_NAME.prometheus
      ? `${target} gets no NaN histogram Sum (what OpenMetrics 2.0 writes for a Sum not exposed): left out the Sum and Count of ${names}`
      : `${target} cannot carry these histograms' Sum (NaN, negative, or beside negative buckets; OM 1.0 §Histogram): left out the Sum and Count of ${names}`,
  unit: (target: string, names: string) => `${target} has a unit only as the name's suffix: left out the unit of ${names}`,
} satisfies Record<string, (target: string, names: string) => string>;
type NoteKind = keyof typeof NOTE_MESSAGES;
const NOTE_KINDS = Object.keys(NOTE_MESSAGES) as NoteKind[];

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
  for (const metric of family.metrics) {
    const sample = samplesOf(metric);
    while (sample.next()) {
      if (!isLegacyMetricName(sample.name)) return `sample name \`${sample.name}\``;
      for (const label of sample.labels) if (!isLegacyLabelName(label.name)) return `label name \`${label.name}\``;
      for (const exemplar of sample.exemplars ?? (sample.exemplar !== undefined ? [sample.exemplar] : []))
        for (const label of exemplar.labels) if (!isLegacyLabelName(label.name)) return `exemplar label name \`${label.name}\``;
    }
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
  const mapLabels = labelMapper(scheme, result);
  const main: Metric[] = [];
  const parts = new Map<string, Metric[]>();
  for (const metric of family.metrics) {
    const labels = mapLabels(metric.labels);
    const kept: Sample[] = [];
    const moved = new Map<string, Sample[]>();
    const sample = samplesOf(metric);
    while (sample.next()) {
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
        if (om) exemplar = relabeled(exemplar, exemplar.labels.map((l) => ({ name: labelName(l.name), value: l.value })));
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

/** A family and its samples named `name` (a 0.0.4 counter's samples are named as the family). */
function renamed(family: MetricFamily, name: string): MetricFamily {
  return { ...family, name, metrics: family.metrics.map((m) => ({ labels: m.labels, samples: m.samples.map((s) => ({ ...s, name })) })) };
}

/** OM 1.0 §Exemplars: an exemplar's label names and values together longer than 1.0 allows. */
function tooLong(exemplar: Exemplar): boolean {
  let length = 0;
  for (const label of exemplar.labels) length += [...label.name].length + [...label.value].length;
  return length > EXEMPLAR_LABELS_LIMIT;
}

/** Metrics with equal labels as one, their samples in timestamp order (stable; none first). */
function regroup(metrics: readonly Metric[]): Metric[] {
  const groups = new Map<string, { labels: readonly Label[]; samples: Sample[] }>();
  for (const metric of metrics) {
    const key = JSON.stringify(metric.labels);
    const group = groups.get(key) ?? { labels: metric.labels, samples: [] };
    group.samples.push(...metric.samples);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ labels: g.labels, samples: g.samples.map((s, i) => [s, i] as const).sort(([a, i], [b, j]) => (a.timestamp ?? -Infinity) - (b.timestamp ?? -Infinity) || i - j).map(([s]) => s) }));
}

// The model's objects may keep fields as getters (a parser-made family's and exemplar's span):
// copies name every field rather than spreading.

/** `family` with other name, metrics (and unit). */
function familyWith(family: MetricFamily, fields: { name: string; metrics: Metric[]; unit?: string | undefined }): MetricFamily {
  const unit = 'unit' in fields ? fields.unit : family.unit;
  return {
    name: fields.name,
    type: family.type,
    typeDeclared: family.typeDeclared,
    ...(family.help !== undefined ? { help: family.help } : {}),
    ...(unit !== undefined ? { unit } : {}),
    descriptors: family.descriptors,
    metrics: fields.metrics,
    span: family.span,
  };
}

/** `exemplar` with other labels. */
function relabeled(exemplar: Exemplar, labels: readonly Label[]): Exemplar {
  return { labels, value: exemplar.value, ...(exemplar.timestamp !== undefined ? { timestamp: exemplar.timestamp } : {}), span: exemplar.span };
}

/** Label names as the scheme writes them; the first pair that escaping makes equal is a clash. */
function labelMapper(scheme: EscapingScheme, result: { labelClash: string | undefined }): (labels: readonly Label[]) => Label[] {
  return (labels) => {
    if (scheme === 'allow-utf-8') return labels.slice();
    const mapped = labels.map((l) => ({ name: escapeName(l.name, scheme, 'label'), value: l.value }));
    if (result.labelClash === undefined) {
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
}

/** Every exemplar of the cursor's current sample. */
function exemplarsOf(sample: { exemplar: Exemplar | undefined; exemplars: readonly Exemplar[] | undefined }): readonly Exemplar[] {
  return sample.exemplars ?? (sample.exemplar !== undefined ? [sample.exemplar] : []);
}

/** A sample with its exemplars: `exemplar` the first, `exemplars` all of them (absent when none). */
function withExemplars(sample: Omit<Sample, 'exemplar' | 'exemplars'>, exemplars: readonly Exemplar[]): Sample {
  return exemplars.length === 0 ? sample : { ...sample, exemplar: exemplars[0], exemplars };
}

/** A 2.0 family to 2.0: names written by the scheme, everything else as it is. */
function passThrough(family: MetricFamily, scheme: EscapingScheme): Converted {
  const result: Converted = { families: [], exemplars: false, roundedTimestamps: false, badTimestamp: undefined, labelClash: undefined };
  const mapLabels = labelMapper(scheme, result);
  const exemplar = (e: Exemplar): Exemplar => relabeled(e, mapLabels(e.labels));
  const metrics = family.metrics.map((metric): Metric => {
    const samples: Sample[] = [];
    const sample = samplesOf(metric);
    while (sample.next()) {
      samples.push(
        withExemplars(
          {
            name: escapeName(sample.name, scheme),
            labels: mapLabels(sample.labels),
            value: sample.value,
            ...(sample.timestamp !== undefined ? { timestamp: sample.timestamp } : {}),
            ...(sample.startTimestamp !== undefined ? { startTimestamp: sample.startTimestamp } : {}),
            ...(sample.composite !== undefined ? { composite: sample.composite } : {}),
            span: sample.span,
          },
          exemplarsOf(sample).map(exemplar),
        ),
      );
    }
    return { labels: mapLabels(metric.labels), samples };
  });
  result.families.push(familyWith(family, { name: escapeName(family.name, scheme), metrics }));
  return result;
}

/** One point of a 1.0 histogram, gauge histogram or summary: its samples at one timestamp. */
interface Point {
  readonly timestamp: number | undefined;
  readonly span: Sample['span'];
  buckets: (ClassicBucket & { exemplar?: Exemplar | undefined })[];
  quantiles: { quantile: number; value: number }[];
  count?: number;
  sum?: number;
  created?: number;
  value?: number;
  exemplar?: Exemplar | undefined;
}

/**
 * A family in its 1.0 form (names as `convertFamily` wrote them for OpenMetrics 1.0) gathered into
 * OpenMetrics 2.0: each point one sample, `_created` its `st@`, classic lines one composite value.
 */
function gather(family: MetricFamily, input: MetricFamily, from: Format, notes: Notes, report: (message: string) => void): MetricFamily {
  const base = family.name;
  const type = family.type;
  const name =
    type === 'counter' ? base + (from === 'prometheus' && !input.name.endsWith('_total') ? '' : '_total') : type === 'info' ? `${base}_info` : base;
  const composite = type === 'histogram' || type === 'gaugehistogram' || type === 'summary';
  let reported = false;
  const refuse = (message: string) => {
    if (!reported) report(message);
    reported = true;
  };
  const keep = (exemplar: Exemplar | undefined): Exemplar[] => {
    if (exemplar === undefined) return [];
    if (exemplar.timestamp !== undefined) return [exemplar];
    notes.add('exemplarTimestamp', input.name);
    return [];
  };
  const metrics = family.metrics.map((metric): Metric => {
    const samples: Sample[] = [];
    // The points of the metric, by timestamp, in the order first seen (a metric's timestamps
    // increase, OM 1.0 §Metric, so each point's samples are together).
    const points = new Map<number | undefined, Point>();
    let last: Point | undefined;
    const sample = samplesOf(metric);
    while (sample.next()) {
      if (!composite && type !== 'counter') {
        samples.push(withExemplars({ name, labels: sample.labels, value: sample.value, ...(sample.timestamp !== undefined ? { timestamp: sample.timestamp } : {}), span: sample.span }, keep(sample.exemplar)));
        continue;
      }
      const suffix = sample.name.startsWith(base) ? sample.name.slice(base.length) : undefined;
      // A `_created` without its point's timestamp belongs to the point before it.
      let point = points.get(sample.timestamp) ?? (suffix === '_created' && sample.timestamp === undefined ? last : undefined);
      if (point === undefined) {
        point = { timestamp: sample.timestamp, span: sample.span, buckets: [], quantiles: [] };
        points.set(sample.timestamp, point);
      }
      last = point;
      if (suffix === '_created') point.created = sample.value;
      else if (type === 'counter') {
        point.value = sample.value;
        point.exemplar = sample.exemplar;
      } else if (suffix === '_count' || suffix === '_gcount') point.count = sample.value;
      else if (suffix === '_sum' || suffix === '_gsum') point.sum = sample.value;
      else if (suffix === '_bucket') {
        const le = thresholdValue(sample.labels.find((l) => l.name === BUCKET_LABEL)?.value ?? '', 'openmetrics');
        if (le !== undefined) point.buckets.push({ le, count: sample.value, exemplar: sample.exemplar });
      } else if (suffix === '') {
        const quantile = thresholdValue(sample.labels.find((l) => l.name === QUANTILE_LABEL)?.value ?? '', 'openmetrics');
        if (quantile !== undefined) point.quantiles.push({ quantile, value: sample.value });
      }
    }
    for (const point of points.values()) {
      const head = {
        name,
        labels: metric.labels,
        ...(point.timestamp !== undefined ? { timestamp: point.timestamp } : {}),
        ...(point.created !== undefined ? { startTimestamp: point.created } : {}),
        span: point.span,
      };
      if (type === 'counter') {
        if (point.value !== undefined) samples.push(withExemplars({ ...head, value: point.value }, keep(point.exemplar)));
        continue;
      }
      let value: CompositeValue;
      if (type === 'summary') {
        if (point.count === undefined || point.sum === undefined) {
          refuse('a summary without `_count` and `_sum` has no OpenMetrics 2.0 form (OM 2.0 §Summary: a Summary Sample MUST contain a Count and a Sum)');
          continue;
        }
        value = { kind: 'summary', count: point.count, sum: point.sum, quantiles: point.quantiles };
      } else {
        const buckets = point.buckets.slice().sort((a, b) => a.le - b.le);
        if (buckets.at(-1)?.le !== Infinity) {
          if (point.count === undefined) {
            refuse(`a ${type} without a \`+Inf\` bucket or a count has no OpenMetrics 2.0 form (OM 2.0 §Classic Buckets: a +Inf bucket is required)`);
            continue;
          }
          buckets.push({ le: Infinity, count: point.count });
        }
        const count = point.count ?? buckets.at(-1)!.count;
        if (point.sum === undefined) notes.add('sumUnknown', input.name);
        value = { kind: type as 'histogram' | 'gaugehistogram', count, sum: point.sum ?? Number.NaN, buckets: buckets.map((b) => ({ le: b.le, count: b.count })) };
      }
      const exemplars = point.buckets.flatMap((b) => keep(b.exemplar));
      samples.push(withExemplars({ ...head, value: Number.NaN, composite: value }, exemplars));
    }
    return { labels: metric.labels, samples };
  });
  return { ...family, name, metrics };
}

/**
 * A 2.0 family in its 1.0 form (names not escaped yet): classic lines for composite values,
 * `_created` for `st@`, exemplars where 1.0 has them. For 0.0.4 (`to`), which keeps no exemplars,
 * exemplars are left for `convertFamily` to drop and report; `exemplars` tells whether there were any.
 */
function expand(family: MetricFamily, to: Format, notes: Notes, report: (message: string, kind?: ConversionNote['kind']) => void): { family: MetricFamily; exemplars: boolean } {
  const type = family.type;
  const strip = (suffix: string) => (family.name.endsWith(suffix) ? family.name.slice(0, -suffix.length) : family.name);
  const base = type === 'counter' ? strip('_total') : type === 'info' ? strip('_info') : family.name;
  const older = to === 'openmetrics';
  let exemplars = false;
  let reported = false;
  const refuse = (message: string, kind?: ConversionNote['kind']) => {
    if (!reported) report(message, kind);
    reported = true;
  };
  let metrics = family.metrics.map((metric): Metric => {
    const samples: Sample[] = [];
    const sample = samplesOf(metric);
    while (sample.next()) {
      let all = exemplarsOf(sample);
      if (all.length > 0) exemplars = true;
      if (older && all.some(tooLong)) {
        notes.add('exemplarLength', family.name);
        all = all.filter((e) => !tooLong(e));
      }
      const labels = sample.labels;
      const at = sample.timestamp !== undefined ? { timestamp: sample.timestamp } : {};
      const span = sample.span;
      const line = (suffix: string, value: number, extra: readonly Label[] = [], exemplar?: Exemplar): Sample => ({
        name: base + suffix,
        labels: extra.length ? [...labels, ...extra] : labels,
        value,
        ...at,
        ...(exemplar !== undefined ? { exemplar } : {}),
        span,
      });
      const created = () => {
        if (sample.startTimestamp !== undefined) samples.push(line('_created', sample.startTimestamp));
      };
      const composite = sample.composite;
      if (composite !== undefined && (composite.kind === 'summary' ? type !== 'summary' : type !== 'histogram' && type !== 'gaugehistogram')) {
        refuse(`a composite value on a sample of type ${type} has no ${FORMAT_NAME[to]} form`);
        continue;
      }
      if (composite === undefined) {
        const counter = type === 'counter';
        if (all.length > (counter ? 1 : 0) && older) notes.add(counter ? 'exemplarsPerSample' : 'exemplarsOnType', family.name);
        samples.push(line(counter ? '_total' : type === 'info' ? '_info' : '', sample.value, [], counter || !older ? all[0] : undefined));
        if (counter) created();
        else if (sample.startTimestamp !== undefined) notes.add('startTimestamp', family.name);
        continue;
      }
      if (composite.kind === 'summary') {
        if (all.length > 0 && older) notes.add('exemplarsOnType', family.name);
        for (const q of composite.quantiles) samples.push(line('', q.value, [{ name: QUANTILE_LABEL, value: canonicalThreshold(q.quantile) }]));
        samples.push(line('_count', composite.count), line('_sum', composite.sum));
        created();
        continue;
      }
      if (composite.buckets === undefined) {
        refuse(`native histogram buckets have no ${FORMAT_NAME[to]} form (a sample has no classic buckets to write instead)`, 'native');
        continue;
      }
      if (composite.native !== undefined) notes.add('native', family.name);
      // Each exemplar to the bucket its value falls in, one per bucket (OM 1.0 §Histogram).
      const buckets = composite.buckets;
      const placed: (Exemplar | undefined)[] = buckets.map(() => undefined);
      for (const exemplar of all) {
        const i = older ? buckets.findIndex((b) => exemplar.value <= b.le) : buckets.length - 1;
        if (i >= 0 && placed[i] === undefined) placed[i] = exemplar;
        else if (older) notes.add('exemplarsPerSample', family.name);
      }
      buckets.forEach((b, i) => samples.push(line('_bucket', b.count, [{ name: BUCKET_LABEL, value: canonicalThreshold(b.le) }], placed[i])));
      const g = composite.kind === 'gaugehistogram' ? 'g' : '';
      // A NaN Sum is left out for 0.0.4 too: it is what 1.0 → 2.0 writes for a Sum not exposed.
      // 1.0: a histogram's Sum is not negative and absent beside negative buckets; a gauge
      // histogram's may be negative only beside negative buckets (OM 1.0 §Histogram, §GaugeHistogram).
      const negativeBuckets = buckets.some((b) => b.le < 0);
      const sumFits = !Number.isNaN(composite.sum) && (!older || (g ? composite.sum >= 0 || negativeBuckets : composite.sum >= 0 && !negativeBuckets));
      if (sumFits) samples.push(line(`_${g}count`, composite.count), line(`_${g}sum`, composite.sum));
      else notes.add('sum', family.name);
      if (type === 'histogram') created();
      else if (sample.startTimestamp !== undefined) notes.add('startTimestamp', family.name);
    }
    const partLabel = type === 'stateset' ? family.name : undefined;
    return { labels: partLabel === undefined ? metric.labels : metric.labels.filter((l) => l.name !== partLabel), samples };
  });
  // A 2.0 stateset's MetricGroup lists each state's samples in turn (OM 2.0 §StateSet); a 1.0
  // metric's samples go forward in time (OM 1.0 §Metric): the group's samples by timestamp.
  if (type === 'stateset') metrics = regroup(metrics);
  const name = type === 'counter' || type === 'info' ? base : family.name;
  // OM 1.0 §Unit: the unit MUST be the name's suffix (2.0: SHOULD); 0.0.4 has units only as suffixes.
  let unit = family.unit;
  if (unit !== undefined && !name.endsWith(`_${unit}`)) {
    notes.add('unit', family.name);
    unit = undefined;
  }
  return { family: familyWith(family, { name, unit, metrics }), exemplars };
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
    const names = isOpenMetrics(to) ? sampleSuffixes(to, family.type).map((s) => family.name + s).concat(family.name) : [family.name];
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
