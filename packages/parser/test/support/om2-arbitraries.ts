// Generators of valid OpenMetrics 2.0 (rc0) families for the property tests: every type, composite
// values with classic and native buckets (counts that agree: the `+Inf` bucket and the native
// buckets with the zero bucket all equal the Count), start timestamps where rc0 gives them, several
// exemplars each with its timestamp, quoted UTF-8 names; and a projection of a model for comparing.
import fc from 'fast-check';
import type { CompositeValue, MetricFamily, MetricType, NativeBuckets } from '../../src/index.js';
import { alnum, anyValue, help, labelSets, labelValue, nonNegative, oddChars } from './arbitraries.js';

export interface Label2 {
  name: string;
  value: string;
}
export interface Exemplar2 {
  labels: Label2[];
  value: number;
  timestamp: number;
}
export interface Sample2 {
  name: string;
  labels: Label2[];
  value: number;
  timestamp?: number;
  startTimestamp?: number;
  composite?: CompositeValue;
  exemplar?: Exemplar2;
  exemplars?: Exemplar2[];
}
export interface Spec2 {
  name: string;
  type: MetricType;
  typeDeclared: boolean;
  help?: string;
  unit?: string;
  metrics: { labels: Label2[]; samples: Sample2[] }[];
}

const real = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).map((x) => (Object.is(x, -0) ? 0 : x));
const timestamp = fc.oneof(real, fc.integer({ min: 0, max: 2e9 }));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const exemplars = (value: fc.Arbitrary<number>) =>
  fc.array(
    fc.record({
      labels: fc.uniqueArray(fc.record({ name: alnum.map((s) => `ex${s}`), value: fc.string({ unit: 'binary', maxLength: 10 }) }), { selector: (l) => l.name, maxLength: 2 }),
      value,
      timestamp,
    }),
    { maxLength: 3 },
  );

/** A sample of a family named `name`: the fields given, exemplars as the model holds them. */
function sample2(name: string, labels: Label2[], fields: Omit<Sample2, 'name' | 'labels' | 'exemplar' | 'exemplars'>, ex: Exemplar2[] = []): Sample2 {
  const s: Sample2 = { name, labels, value: fields.value };
  if (fields.timestamp !== undefined) s.timestamp = fields.timestamp;
  if (fields.startTimestamp !== undefined) s.startTimestamp = fields.startTimestamp;
  if (fields.composite !== undefined) s.composite = fields.composite;
  if (ex.length > 0) {
    s.exemplar = ex[0];
    s.exemplars = ex;
  }
  return s;
}

/** Native buckets whose zero bucket and spans' buckets count `total` observations (OM 2.0 §Native Buckets). */
const native = (total: number): fc.Arbitrary<NativeBuckets> =>
  fc
    .record({
      schema: fc.integer({ min: -4, max: 8 }),
      zeroThreshold: fc.oneof(fc.constant(0), fc.constantFrom(1e-128, 1e-4, 0.001)),
      negative: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      positive: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }),
      firstNegative: fc.integer({ min: -5, max: 5 }),
      firstPositive: fc.integer({ min: -5, max: 5 }),
      gaps: fc.array(fc.nat({ max: 3 }), { minLength: 5, maxLength: 5 }),
      shares: fc.array(fc.nat({ max: 10 }), { minLength: 16, maxLength: 16 }),
    })
    .map((r) => {
      const spans = (lengths: number[], first: number) => lengths.map((length, i) => ({ offset: i === 0 ? first : r.gaps[i]!, length }));
      const negativeSpans = spans(r.negative, r.firstNegative);
      const positiveSpans = spans(r.positive, r.firstPositive);
      const n = r.negative.reduce((a, b) => a + b, 0);
      const p = r.positive.reduce((a, b) => a + b, 0);
      // Split `total` over the zero bucket and the n + p buckets by the shares.
      const weights = r.shares.slice(0, 1 + n + p);
      const sum = weights.reduce((a, b) => a + b, 0) || 1;
      const counts = weights.map((w) => Math.floor((w * total) / sum));
      counts[0]! += total - counts.reduce((a, b) => a + b, 0);
      return {
        schema: r.schema,
        zeroThreshold: r.zeroThreshold,
        zeroCount: counts[0]!,
        negativeSpans,
        negativeBuckets: counts.slice(1, 1 + n),
        positiveSpans,
        positiveBuckets: counts.slice(1 + n),
      };
    });

/** Classic buckets ending in `+Inf`, cumulative up to `total`. */
const classic = (total: number) =>
  fc
    .tuple(
      fc.uniqueArray(fc.double({ min: -1e3, max: 1e6, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)), { maxLength: 4 }),
      fc.array(fc.nat({ max: 1000 }), { minLength: 4, maxLength: 4 }),
      fc.boolean(),
    )
    .map(([thresholds, increments, minusInf]) => {
      const les = [...thresholds].sort((a, b) => a - b);
      if (minusInf) les.unshift(-Infinity);
      let running = 0;
      const buckets = les.map((le, i) => {
        running = Math.min(total, running + (increments[i] ?? 0));
        return { le, count: running };
      });
      return [...buckets, { le: Infinity, count: total }];
    });

/** A histogram or gauge histogram value: classic buckets, native ones, or both. */
const histogramValue = (kind: 'histogram' | 'gaugehistogram') =>
  fc
    .tuple(fc.nat({ max: 1e6 }), fc.constantFrom('classic', 'native', 'both'), fc.oneof(real, fc.constant(NaN)))
    .chain(([total, which, sum]) =>
      fc
        .tuple(which === 'native' ? fc.constant(undefined) : classic(total), which === 'classic' ? fc.constant(undefined) : native(total))
        .map(([buckets, nat]): CompositeValue => ({ kind, count: total, sum, ...(nat !== undefined ? { native: nat } : {}), ...(buckets !== undefined ? { buckets } : {}) })),
    );

const summaryValue: fc.Arbitrary<CompositeValue> = fc
  .tuple(
    fc.nat({ max: 1e9 }),
    fc.double({ min: 0, max: 1e12, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
    fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)), { maxLength: 3 }),
    fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)), fc.constant(NaN)), { minLength: 3, maxLength: 3 }),
  )
  .map(([count, sum, qs, values]) => ({ kind: 'summary', count, sum, quantiles: [...qs].sort((a, b) => a - b).map((quantile, i) => ({ quantile, value: values[i]! })) }));

/** One valid 2.0 family of `type` named from `base` (a counter `…_total` or not, an info `…_info`). */
export function family2Of(type: MetricType, base: string): fc.Arbitrary<Spec2> {
  const named = type === 'info' ? fc.constant(`${base}_info`) : type === 'counter' ? fc.constantFrom(`${base}_total`, base) : fc.constant(base);
  return named.chain((name) => {
    const perMetric = (ls: Label2[]): fc.Arbitrary<Sample2[]> => {
      switch (type) {
        case 'counter':
          return fc
            .tuple(nonNegative, optional(timestamp), optional(timestamp), exemplars(real))
            .map(([value, t, st, ex]) => [sample2(name, ls, { value, timestamp: t, startTimestamp: st }, ex)]);
        case 'gauge':
          return fc.tuple(anyValue, optional(timestamp)).map(([value, t]) => [sample2(name, ls, { value, timestamp: t })]);
        case 'unknown':
          return fc.tuple(anyValue, optional(timestamp)).map(([value, t]) => [sample2(name, ls, { value, timestamp: t })]);
        case 'info':
          return optional(timestamp).map((t) => [sample2(name, ls, { value: 1, timestamp: t })]);
        case 'stateset':
          return fc
            .tuple(fc.uniqueArray(fc.oneof(alnum, labelValue), { minLength: 1, maxLength: 3 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }))
            .map(([states, on]) => states.map((state, i) => sample2(name, [...ls, { name, value: state }], { value: on[i] ? 1 : 0 })));
        case 'histogram':
          return fc
            .tuple(histogramValue('histogram'), optional(timestamp), optional(timestamp), exemplars(real))
            .map(([composite, t, st, ex]) => [sample2(name, ls, { value: NaN, composite, timestamp: t, startTimestamp: st }, ex)]);
        case 'gaugehistogram':
          return fc
            .tuple(histogramValue('gaugehistogram'), optional(timestamp), exemplars(real))
            .map(([composite, t, ex]) => [sample2(name, ls, { value: NaN, composite, timestamp: t }, ex)]);
        case 'summary':
          return fc
            .tuple(summaryValue, optional(timestamp), optional(timestamp))
            .map(([composite, t, st]) => [sample2(name, ls, { value: NaN, composite, timestamp: t, startTimestamp: st })]);
      }
    };
    const unitAllowed = type !== 'info' && type !== 'stateset';
    return fc
      .record({
        sets: labelSets(3),
        help: help.filter((h) => h === undefined || (h !== '' && !h.endsWith('\r'))),
        unit: unitAllowed ? optional(fc.constantFrom('seconds', 'bytes')) : fc.constant(undefined),
        declared: fc.boolean(),
      })
      .chain(({ sets, help: h, unit, declared }) =>
        fc.tuple(...sets.map((ls) => perMetric(ls).map((samples) => ({ labels: ls, samples })))).map((metrics): Spec2 => {
          const spec: Spec2 = { name, type, typeDeclared: type !== 'unknown' || declared, metrics };
          if (h !== undefined) spec.help = h;
          if (unit !== undefined) spec.unit = unit;
          return spec;
        }),
      );
  });
}

const TYPES: MetricType[] = ['counter', 'gauge', 'histogram', 'gaugehistogram', 'summary', 'info', 'stateset', 'unknown'];

/** A valid 2.0 exposition: one to four families, names distinct, some outside the legacy character set. */
export function exposition2(): fc.Arbitrary<Spec2[]> {
  return fc
    .array(fc.tuple(fc.constantFrom(...TYPES), fc.oneof({ weight: 4, arbitrary: alnum }, { weight: 1, arbitrary: oddChars.map((s) => `.${s}`) })), { minLength: 1, maxLength: 4 })
    .chain((list) => fc.tuple(...list.map(([type, rest], i) => family2Of(type, `f${i}x${rest}`))));
}

/**
 * What a model says, sample by sample (metric grouping, spans and descriptors aside): names,
 * labels, numbers or composite values, timestamps, start timestamps and every exemplar.
 */
export function project2(families: readonly (MetricFamily | Spec2)[]): unknown {
  return families.map((f) => ({
    name: f.name,
    type: f.type,
    typeDeclared: f.typeDeclared,
    help: f.help,
    unit: f.unit,
    samples: f.metrics.flatMap((m) =>
      m.samples.map((s) => ({
        name: s.name,
        labels: s.labels.map((l) => ({ name: l.name, value: l.value })),
        value: s.composite !== undefined ? 'composite' : s.value,
        timestamp: s.timestamp,
        startTimestamp: s.startTimestamp,
        composite: s.composite === undefined ? undefined : JSON.parse(JSON.stringify(s.composite, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))),
        exemplars: (s.exemplars ?? (s.exemplar !== undefined ? [s.exemplar] : [])).map((e) => ({
          labels: e.labels.map((l) => ({ name: l.name, value: l.value })),
          value: e.value,
          timestamp: e.timestamp,
        })),
      })),
    ),
  }));
}
