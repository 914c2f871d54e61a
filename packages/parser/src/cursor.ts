// A cursor over a metric's samples: one reused object whose fields move from sample to sample, so a
// reader that visits every sample (lint rules, diff, the serializer) makes no object per sample.
// The parser's own metrics give their cursor compact storage to read (COLUMNS); any other Metric,
// a consumer's own objects among them, is read through its `samples` array.
import type { Span } from './diagnostic.js';
import type { CompositeValue, Exemplar, Label, Metric, Sample } from './ast/types.js';

/** What a cursor reads: the fields of one sample. */
export interface SampleFields {
  readonly name: string;
  readonly labels: readonly Label[];
  readonly value: number;
  readonly timestamp: number | undefined;
  readonly startTimestamp: number | undefined;
  readonly composite: CompositeValue | undefined;
  readonly exemplar: Exemplar | undefined;
  readonly exemplars: readonly Exemplar[] | undefined;
}

/**
 * The storage behind a parser-made metric, when it has one: `readSample(index, into)` fills the
 * cursor's fields for sample `index` without making the sample. A symbol, so that it stays out of
 * the model's keys, its JSON and its type (ast/model.ts defines it on MetricNode's prototype).
 */
export const COLUMNS: unique symbol = Symbol('om.columns');

/** What `readSample` writes: a cursor's fields. */
export type SampleTarget = { -readonly [K in keyof SampleFields]: SampleFields[K] };

export interface SampleColumns {
  readonly sampleCount: number;
  /** Fills every field of `into` for sample `index` (0-based within the metric). */
  readSample(index: number, into: SampleTarget): void;
  sampleSpan(index: number): Span;
  /** The model object `metric.samples[index]` (the same one each time). */
  sampleAt(index: number): Sample;
}

/** Where a metric keeps its compact storage (parser-made metrics only). */
interface WithColumns {
  readonly [COLUMNS]?: SampleColumns;
}

/**
 * Visits a metric's samples in order: `while (cursor.next()) use(cursor.name, cursor.value)`.
 * The fields are the current sample's until the next call to `next()`; `sample()` and `span` make
 * objects, for the few samples that need them.
 */
export class SampleCursor implements SampleFields {
  name = '';
  labels: readonly Label[] = [];
  value = Number.NaN;
  timestamp: number | undefined = undefined;
  startTimestamp: number | undefined = undefined;
  composite: CompositeValue | undefined = undefined;
  exemplar: Exemplar | undefined = undefined;
  exemplars: readonly Exemplar[] | undefined = undefined;
  /** The current sample's index in its metric, -1 before the first `next()`. */
  index = -1;
  readonly #metric: Metric;
  readonly #columns: SampleColumns | undefined;
  readonly #count: number;

  constructor(metric: Metric) {
    this.#metric = metric;
    this.#columns = (metric as WithColumns)[COLUMNS];
    this.#count = this.#columns?.sampleCount ?? metric.samples.length;
  }

  /** How many samples the metric has. */
  get count(): number {
    return this.#count;
  }

  /** Moves to the next sample; false (and no move) at the end. */
  next(): boolean {
    if (this.index + 1 >= this.#count) return false;
    this.index++;
    if (this.#columns !== undefined) this.#columns.readSample(this.index, this);
    else this.#fill(this.#metric.samples[this.index]!);
    return true;
  }

  /** The current sample's span. */
  get span(): Span {
    return this.#columns !== undefined ? this.#columns.sampleSpan(this.index) : this.#metric.samples[this.index]!.span;
  }

  /** The current sample as a model object (the same object `metric.samples` holds). */
  sample(): Sample {
    return this.#columns !== undefined ? this.#columns.sampleAt(this.index) : this.#metric.samples[this.index]!;
  }

  #fill(sample: Sample): void {
    copySampleFields(sample, this);
  }
}

/** Copies a sample object's fields into a cursor (or anything shaped like one). */
export function copySampleFields(sample: Sample, into: SampleTarget): void {
  into.name = sample.name;
  into.labels = sample.labels;
  into.value = sample.value;
  into.timestamp = sample.timestamp;
  into.startTimestamp = sample.startTimestamp;
  into.composite = sample.composite;
  into.exemplar = sample.exemplar;
  into.exemplars = sample.exemplars;
}

/** A cursor over `metric`'s samples. */
export function samplesOf(metric: Metric): SampleCursor {
  return new SampleCursor(metric);
}
