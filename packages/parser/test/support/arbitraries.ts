// Generators and helpers shared by the property tests: the conformance cases as seeds, mutations,
// generated families of every type in both formats, and streaming/whole-text readings to compare.
import fc from 'fast-check';
import { conformanceCases } from './conformance.js';
import { parse, parseStream, toJSON, type Diagnostic, type MetricFamily, type StreamItem } from '../../src/index.js';

/** An `le` / `quantile` value as the generated expositions write it. */
export function formatThreshold(value: number): string {
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** The formats the generators write (OpenMetrics 2.0 has generators of its own). */
export type Format = 'openmetrics' | 'prometheus';

// ---------------------------------------------------------------- seed texts

export const seeds: string[] = conformanceCases('1.0')
  .map((c) => c.text)
  .concat([
    '# HELP go_goroutines Number of goroutines.\n# TYPE go_goroutines gauge\ngo_goroutines 9\n' +
      '# TYPE h histogram\nh_bucket{le="0.5"} 1 1700000000000\nh_bucket{le="+Inf"} 2 1700000000000\n' +
      'h_sum 3 1700000000000\nh_count 2 1700000000000\n\n# a comment\nnode_load1\t0.2\n',
  ]);

/** Insert, delete or replace characters, biased towards the characters the grammar cares about. */
export const interesting = [' ', '\t', '\n', '\r', '{', '}', ',', '"', '\\', '#', '=', '.', 'e', '+', '-', '_', ':', '0', '1', 'é', '😀', '\ufeff', '\u0000'];
export const edit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.nat(),
  char: fc.oneof(fc.constantFrom(...interesting), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
});
export function mutate(text: string, edits: { kind: string; at: number; char: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === 'insert') out = out.slice(0, at) + e.char + out.slice(at);
    else if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + e.char + out.slice(at + 1);
  }
  return out;
}
export const mutatedText = fc
  .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) => mutate(text, edits));

export const formats: Format[] = ['openmetrics', 'prometheus'];

// ---------------------------------------------------------------- generated families

export const alnum = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), maxLength: 5 });
export const oddChars = fc.string({ unit: 'binary', maxLength: 4 }).filter((s) => !s.includes('_'));
export const labelValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('', 'a"b', 'back\\slash', 'new\nline', 'ünïcödé', '😀', 'a\\nb', '\\"'),
);
export const labelName = fc.oneof(
  { weight: 4, arbitrary: alnum.map((s) => `lb${s}`) },
  { weight: 1, arbitrary: oddChars.map((s) => `lb.${s}`) },
);
export const labels = fc.uniqueArray(fc.record({ name: labelName, value: labelValue }), {
  selector: (l) => l.name,
  maxLength: 3,
});
export const labelSets = (max: number) =>
  fc.uniqueArray(labels, {
    minLength: 1,
    maxLength: max,
    selector: (ls) => JSON.stringify([...ls].sort((a, b) => (a.name < b.name ? -1 : 1))),
  });
export const anyValue = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e21, 5e-324),
);
export const nonNegative = fc.oneof(fc.nat(), fc.double({ min: 0, noNaN: true }), fc.constant(Infinity)).map((v) => (v === 0 ? 0 : v));
export const count = fc.nat({ max: 1e9 });
export const omTimestamp = fc.option(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 2e9 })), { nil: undefined });
export const promTimestamp = fc.option(fc.integer({ min: -1e13, max: 1e13 }).map((ms) => ms / 1000), { nil: undefined });
export const exemplarOf = (value: fc.Arbitrary<number>) =>
  fc.option(
    fc.record({
      labels: fc.uniqueArray(fc.record({ name: alnum.map((s) => `ex${s}`), value: fc.string({ unit: 'binary', maxLength: 10 }) }), {
        selector: (l) => l.name,
        maxLength: 2,
      }),
      value,
      timestamp: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
    }),
    { nil: undefined, freq: 2 },
  );
export const help = fc.option(
  fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('with "quotes" and \\ and \nnewline', 'ünïcödé 😀')),
  { nil: undefined },
);

export interface Spec {
  name: string;
  type: MetricFamily['type'];
  typeDeclared: boolean;
  help?: string;
  unit?: string;
  metrics: { labels: { name: string; value: string }[]; samples: SampleSpec[] }[];
}
export interface SampleSpec {
  name: string;
  labels: { name: string; value: string }[];
  value: number;
  timestamp?: number;
  exemplar?: { labels: { name: string; value: string }[]; value: number; timestamp?: number };
}

export function sample(name: string, labelList: SampleSpec['labels'], value: number, timestamp: number | undefined, exemplar?: SampleSpec['exemplar']): SampleSpec {
  const s: SampleSpec = { name, labels: labelList, value };
  if (timestamp !== undefined) s.timestamp = timestamp;
  if (exemplar !== undefined) {
    const e: SampleSpec['exemplar'] = { labels: exemplar.labels, value: exemplar.value };
    if (exemplar.timestamp !== undefined) e.timestamp = exemplar.timestamp;
    s.exemplar = e;
  }
  return s;
}

/** One family of a type, named `name`, valid in `format`. */
export function familyOf(type: MetricFamily['type'], name: string, format: Format): fc.Arbitrary<Spec> {
  const om = format === 'openmetrics';
  const ts = om ? omTimestamp : promTimestamp;
  const withMetrics = (perMetric: (ls: Spec['metrics'][number]['labels']) => fc.Arbitrary<SampleSpec[]>, max = 3) =>
    labelSets(max).chain((sets) => fc.tuple(...sets.map((ls) => perMetric(ls).map((samples) => ({ labels: ls, samples })))));
  const metricsOf = (name: string): fc.Arbitrary<Spec['metrics']> => {
  let metrics: fc.Arbitrary<Spec['metrics']>;
  switch (type) {
    case 'counter':
      metrics = withMetrics((ls) =>
        om
          ? fc
              .tuple(nonNegative, ts, exemplarOf(fc.double({ noNaN: true, noDefaultInfinity: true })), fc.option(fc.nat(), { nil: undefined }))
              .map(([v, t, ex, created]) => [
                sample(`${name}_total`, ls, v, t, ex),
                ...(created === undefined ? [] : [sample(`${name}_created`, ls, created, t)]),
              ])
          : fc.tuple(nonNegative, ts).map(([v, t]) => [sample(name, ls, v, t)]),
      );
      break;
    case 'gauge':
    case 'unknown':
      metrics = withMetrics((ls) => fc.tuple(anyValue, ts).map(([v, t]) => [sample(name, ls, v, t)]));
      break;
    case 'info':
      metrics = withMetrics((ls) => ts.map((t) => [sample(`${name}_info`, ls, 1, t)]));
      break;
    case 'stateset':
      metrics = withMetrics((ls) =>
        fc
          .tuple(fc.uniqueArray(fc.oneof(alnum, labelValue), { minLength: 1, maxLength: 3 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), ts)
          .map(([states, on, t]) => states.map((state, i) => sample(name, [...ls, { name, value: state }], on[i] ? 1 : 0, t))),
      );
      break;
    case 'histogram':
      metrics = withMetrics((ls) =>
        fc
          .tuple(
            fc.uniqueArray(fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => (x === 0 ? 0 : x)), { maxLength: 4 }),
            fc.array(count, { minLength: 5, maxLength: 5 }),
            fc.array(exemplarOf(fc.double({ min: -10, max: 0, noNaN: true })), { minLength: 5, maxLength: 5 }),
            fc.option(fc.double({ min: 0, noNaN: true }), { nil: undefined }),
            ts,
          )
          .map(([thresholds, increments, exemplars, sum, t]) => {
            const les = [...thresholds].sort((a, b) => a - b).map(formatThreshold).concat('+Inf');
            let running = 0;
            const samples = les.map((le, i) => {
              running += increments[i]!;
              return sample(`${name}_bucket`, [...ls, { name: 'le', value: le }], running, t, om ? exemplars[i] : undefined);
            });
            if (sum !== undefined) samples.push(sample(`${name}_sum`, ls, sum, t), sample(`${name}_count`, ls, running, t));
            return samples;
          }),
      );
      break;
    case 'summary':
      metrics = withMetrics((ls) =>
        fc
          .tuple(
            fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (x === 0 ? 0 : x)), { minLength: 1, maxLength: 3 }),
            fc.array(fc.oneof(nonNegative, fc.constant(NaN)), { minLength: 3, maxLength: 3 }),
            fc.option(fc.tuple(fc.double({ min: 0, noNaN: true }), count), { nil: undefined }),
            ts,
          )
          .map(([qs, values, sumCount, t]) => {
            const samples = [...qs]
              .sort((a, b) => a - b)
              .map((q, i) => sample(name, [...ls, { name: 'quantile', value: formatThreshold(q) }], values[i]!, t));
            if (sumCount !== undefined) samples.push(sample(`${name}_sum`, ls, sumCount[0], t), sample(`${name}_count`, ls, sumCount[1], t));
            return samples;
          }),
      );
      break;
    default:
      throw new Error(type);
  }
  return metrics;
  };
  const unitAllowed = om && type !== 'info' && type !== 'stateset' && !name.includes('.');
  const unit = unitAllowed ? fc.option(fc.constantFrom('seconds', 'bytes', 'ratio'), { nil: undefined }) : fc.constant(undefined);
  return unit.chain((u) => {
    const full = u === undefined ? name : `${name}_${u}`;
    return fc
      .record({
        metrics: metricsOf(full),
        help: help.filter((h) => h === undefined || (h !== '' && !h.endsWith('\r') && (om || !/^[ \t]|[ \t]$/.test(h)))),
        declared: fc.boolean(),
      })
      .map(({ metrics: ms, help: h, declared }) => {
        const spec: Spec = { name: full, type, typeDeclared: type !== 'unknown' || declared, metrics: ms };
        if (h !== undefined) spec.help = h;
        if (u !== undefined) spec.unit = u;
        return spec;
      });
  });
}

export function exposition(format: Format): fc.Arbitrary<Spec[]> {
  const types: MetricFamily['type'][] =
    format === 'openmetrics'
      ? ['counter', 'gauge', 'histogram', 'summary', 'info', 'stateset', 'unknown']
      : ['counter', 'gauge', 'histogram', 'summary', 'unknown'];
  return fc
    .array(fc.tuple(fc.constantFrom(...types), fc.oneof({ weight: 4, arbitrary: alnum }, { weight: 1, arbitrary: oddChars.map((s) => `.${s}`) })), {
      minLength: 1,
      maxLength: 4,
    })
    .chain((list) => fc.tuple(...list.map(([type, rest], i) => familyOf(type, `f${i}x${rest}`, format))));
}

/** The structural fields of families (no spans, no descriptors). */
export function project(families: readonly (MetricFamily | Spec)[]): unknown {
  return families.map((f) => {
    const out: Record<string, unknown> = { name: f.name, type: f.type, typeDeclared: f.typeDeclared };
    if (f.help !== undefined) out.help = f.help;
    if (f.unit !== undefined) out.unit = f.unit;
    out.metrics = f.metrics.map((m) => ({
      labels: m.labels.map((l) => ({ name: l.name, value: l.value })),
      samples: m.samples.map((s) => {
        const o: Record<string, unknown> = { name: s.name, labels: s.labels.map((l) => ({ name: l.name, value: l.value })), value: s.value };
        if (s.timestamp !== undefined) o.timestamp = s.timestamp;
        if (s.exemplar !== undefined) {
          const e: Record<string, unknown> = { labels: s.exemplar.labels.map((l) => ({ name: l.name, value: l.value })), value: s.exemplar.value };
          if (s.exemplar.timestamp !== undefined) e.timestamp = s.exemplar.timestamp;
          o.exemplar = e;
        }
        return o;
      }),
    }));
    return out;
  });
}

/** Spec metrics hold every label on each sample; a Metric's labels leave out the part label. */
export function metricLabelsOf(spec: Spec[]): Spec[] {
  return spec;
}

// ---------------------------------------------------------------- readings to compare

/** Cut `n` items into consecutive pieces at the given cut points. */
export function cut<T extends string | Uint8Array>(whole: T, points: number[]): T[] {
  const at = [...new Set(points.map((p) => p % (whole.length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let from = 0;
  for (const p of at) {
    pieces.push(whole.slice(from, p) as T);
    from = p;
  }
  pieces.push(whole.slice(from) as T);
  return pieces;
}

export async function streamed(chunks: (string | Uint8Array)[], format: Format | 'auto') {
  const families: unknown[] = [];
  const diagnostics: unknown[] = [];
  let last: StreamItem | undefined;
  async function* source() {
    yield* chunks;
  }
  for await (const item of parseStream(source(), { format })) {
    if (item.family !== undefined) families.push(item.family);
    diagnostics.push(...item.diagnostics);
    last = item;
  }
  // Each item's diagnostics are in text order, but a family's own diagnostics (histogram
  // structure, say) arrive when it closes, after later lines' ones: compare in text order.
  return { format: last!.format, families: toJSON(families as MetricFamily[]), diagnostics: inTextOrder(diagnostics as Diagnostic[]) };
}

export function inTextOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => [d, i] as const)
    .sort(([a, i], [b, j]) => (a.span?.start.offset ?? Infinity) - (b.span?.start.offset ?? Infinity) || i - j)
    .map(([d]) => d);
}

export function whole(text: string, format: Format | 'auto') {
  const r = parse(text, { format });
  return { format: r.format, families: toJSON(r.families), diagnostics: r.diagnostics };
}

