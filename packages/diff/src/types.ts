// The change model: what diff() returns and every formatter renders.
import type { Label, MetricType, Span } from '@omkit/parser';

/** Every kind of change, in the order changes of one family are listed. */
export const changeKinds = [
  'family-added',
  'family-removed',
  'type-changed',
  'help-changed',
  'unit-changed',
  'label-schema-changed',
  'cardinality-changed',
  'bucket-layout-changed',
  'native-layout-changed',
  'series-removed',
  'series-added',
  'value-changed',
  'counter-reset',
] as const;

export type ChangeKind = (typeof changeKinds)[number];

interface ChangeBase {
  readonly kind: ChangeKind;
  /**
   * The family's name as written in `a` (in `b` when the family is only there); when one side is
   * OpenMetrics 1.0 and the other in another format, its 1.0 name (a Prometheus-text or 2.0 counter
   * `x_total` is `x`).
   */
  readonly family: string;
  /** Where the change is in `a`. */
  readonly before?: Span;
  /** Where the change is in `b`. */
  readonly after?: Span;
}

export interface FamilyAdded extends ChangeBase {
  readonly kind: 'family-added';
  readonly after: Span;
  readonly type: MetricType;
  /** Number of series of the family in `b`. */
  readonly series: number;
}

export interface FamilyRemoved extends ChangeBase {
  readonly kind: 'family-removed';
  readonly before: Span;
  readonly type: MetricType;
  /** Number of series of the family in `a`. */
  readonly series: number;
}

export interface TypeChanged extends ChangeBase {
  readonly kind: 'type-changed';
  readonly from: MetricType;
  readonly to: MetricType;
}

/** HELP or UNIT text changed; an absent (or empty) value is `undefined`. */
export interface MetadataChanged extends ChangeBase {
  readonly kind: 'help-changed' | 'unit-changed';
  readonly from?: string;
  readonly to?: string;
}

export interface LabelSchemaChanged extends ChangeBase {
  readonly kind: 'label-schema-changed';
  /** Sorted label names used by the family's series in `a` / `b`. */
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface CardinalityChanged extends ChangeBase {
  readonly kind: 'cardinality-changed';
  /** Number of series of the family in `a` / `b`. */
  readonly from: number;
  readonly to: number;
  readonly delta: number;
}

export interface BucketLayoutChanged extends ChangeBase {
  readonly kind: 'bucket-layout-changed';
  /** The histogram (its name and labels without `le`), e.g. `latency{path="/"}`. */
  readonly series: string;
  /** `le` values in numeric order. */
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** What fixes the bounds of a native histogram's buckets: its schema and its zero bucket's width. */
export interface NativeLayout {
  readonly schema: number;
  readonly zeroThreshold: number;
}

/**
 * OM 2.0 §Native Buckets: a native histogram's schema or zero threshold changed, or its spans hold
 * other buckets. Bucket indexes are absolute, at the lower of the two schemas (a finer schema's
 * buckets merged as Prometheus merges them when it lowers a schema).
 */
export interface NativeLayoutChanged extends ChangeBase {
  readonly kind: 'native-layout-changed';
  /** The native histogram's series key, e.g. `latency_seconds{path="/"}`. */
  readonly series: string;
  readonly from: NativeLayout;
  readonly to: NativeLayout;
  /** Indexes of the positive / negative buckets populated in `b` only / in `a` only. */
  readonly positive: { readonly added: readonly number[]; readonly removed: readonly number[] };
  readonly negative: { readonly added: readonly number[]; readonly removed: readonly number[] };
}

/**
 * Which part of a native histogram a `value-changed` or `counter-reset` compares (OM 2.0
 * §Histogram): its count, its sum, its zero bucket, or one positive or negative bucket (`index`).
 */
export type HistogramField = 'count' | 'sum' | 'zero-count' | 'positive-bucket' | 'negative-bucket';

export interface SeriesChange extends ChangeBase {
  readonly kind: 'series-added' | 'series-removed';
  /** The series key: sample name and labels sorted by name, e.g. `up{instance="a",job="x"}`. */
  readonly series: string;
  readonly name: string;
  /** Labels sorted by name, after ignoreLabels and relabel. */
  readonly labels: readonly Label[];
  /** The value on the side where the series exists (a native histogram's: its count). */
  readonly value: number;
}

export interface ValueChanged extends ChangeBase {
  readonly kind: 'value-changed';
  readonly series: string;
  readonly from: number;
  readonly to: number;
  /** `to - from`. */
  readonly delta: number;
  /** Seconds between the two samples: their timestamps when both have one, else `intervalSeconds`. */
  readonly interval?: number;
  /** `delta / interval`, for counter samples (`_total`, `_count`, `_sum`, `_bucket`) only. */
  readonly rate?: number;
  /** A native histogram's part that changed; absent for a sample's own value. */
  readonly field?: HistogramField;
  /** The absolute bucket index of a `positive-bucket` / `negative-bucket` field. */
  readonly index?: number;
}

export interface CounterReset extends ChangeBase {
  readonly kind: 'counter-reset';
  readonly series: string;
  readonly from: number;
  readonly to: number;
  readonly delta: number;
  /**
   * `decrease`: the value went down; `created`: the `_created` timestamp (OM 2.0: the start
   * timestamp `st@`) moved on.
   */
  readonly reason: 'decrease' | 'created';
  readonly interval?: number;
  /** Like Prometheus' `rate()` over a reset: `to / interval`. */
  readonly rate?: number;
  /** A native histogram's part that went down; absent for a sample's own value. */
  readonly field?: HistogramField;
  readonly index?: number;
}

export type Change =
  | FamilyAdded
  | FamilyRemoved
  | TypeChanged
  | MetadataChanged
  | LabelSchemaChanged
  | CardinalityChanged
  | BucketLayoutChanged
  | NativeLayoutChanged
  | SeriesChange
  | ValueChanged
  | CounterReset;

export interface Tolerance {
  /** Values whose difference is at most this are equal. */
  absolute?: number;
  /** Values whose difference is at most this fraction of the larger magnitude are equal. */
  relative?: number;
}

export interface Relabel {
  /** The label whose values are rewritten; `*` and `?` globs allowed. */
  label: string;
  /** A string is compiled with the `g` flag; a RegExp is used as given. */
  pattern: RegExp | string;
  /** As for String.prototype.replace: `$1`, `$<name>` … */
  replacement: string;
}

export interface DiffOptions {
  /** Families and samples whose name matches one of these globs (`*`, `?`) are left out. */
  ignoreMetrics?: readonly string[];
  /** Labels dropped from every series before comparing (series that then collide keep the first). */
  ignoreLabels?: readonly string[];
  /** Label value rewriting, applied in order, after ignoreLabels. */
  relabel?: readonly Relabel[];
  /** Value differences within the tolerance are not changes. Counter resets are always reported. */
  tolerance?: Tolerance;
  /** Seconds between the two scrapes, for rates when samples carry no timestamps. */
  intervalSeconds?: number;
  /** Only report these kinds. */
  only?: readonly ChangeKind[];
}
