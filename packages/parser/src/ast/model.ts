// The model's classes. Spans are computed on access from offsets kept in private fields, so a
// sample costs one object and its labels rather than five position objects (PERF-NOTES.md).
// Private fields are invisible to JSON.stringify and to structural equality.
//
// A metric's samples are not objects until asked for: they are rows in the columns of a
// SampleStore (one per parse, in chunks), and `metric.samples` makes SampleNode objects on first
// access, then keeps them. Readers that visit every sample go through samplesOf() (cursor.ts),
// which reads the columns (COLUMNS) and makes no object per sample.
import type { Span } from '../diagnostic.js';
import { lineSpan, spanBetween } from '../position.js';
import { COLUMNS, copySampleFields, type SampleColumns, type SampleTarget } from '../cursor.js';
import type { ExemplarRecord } from './records.js';
import type {
  CompositeValue,
  Descriptor,
  Exemplar,
  Label,
  Metric,
  MetricFamily,
  MetricType,
  Sample,
} from './types.js';

/** Something written on one line: its span is computed from offsets when asked for. */
abstract class OnOneLine {
  readonly #line: number;
  readonly #lineStart: number;
  readonly #start: number;
  readonly #end: number;

  constructor(line: number, lineStart: number, start: number, end: number) {
    this.#line = line;
    this.#lineStart = lineStart;
    this.#start = start;
    this.#end = end;
  }

  get span(): Span {
    return lineSpan({ line: this.#line, start: this.#lineStart }, this.#start, this.#end);
  }

  toJSON(): object {
    return withSpan(this);
  }
}

export class ExemplarNode extends OnOneLine implements Exemplar {
  constructor(
    readonly labels: readonly Label[],
    readonly value: number,
    readonly timestamp: number | undefined,
    line: number,
    lineStart: number,
    start: number,
    end: number,
  ) {
    super(line, lineStart, start, end);
  }
}

export class SampleNode extends OnOneLine implements Sample {
  /** OM 2.0: set only when the sample has them (1.0 models keep their keys). */
  declare readonly startTimestamp?: number;
  declare readonly composite?: CompositeValue;
  declare readonly exemplars?: readonly Exemplar[];

  constructor(
    readonly name: string,
    readonly labels: readonly Label[],
    readonly value: number,
    readonly timestamp: number | undefined,
    readonly exemplar: Exemplar | undefined,
    line: number,
    lineStart: number,
    start: number,
    end: number,
    startTimestamp?: number,
    composite?: CompositeValue,
    exemplars?: readonly Exemplar[],
  ) {
    super(line, lineStart, start, end);
    if (startTimestamp !== undefined) (this as { startTimestamp?: number }).startTimestamp = startTimestamp;
    if (composite !== undefined) (this as { composite?: CompositeValue }).composite = composite;
    if (exemplars !== undefined) (this as { exemplars?: readonly Exemplar[] }).exemplars = exemplars;
  }
}

export class DescriptorNode extends OnOneLine implements Descriptor {
  constructor(
    readonly kind: Descriptor['kind'],
    readonly name: string,
    readonly value: string,
    line: number,
    lineStart: number,
    start: number,
    end: number,
  ) {
    super(line, lineStart, start, end);
  }
}

// ---- compact samples ----

/** A sample's flags: which of its optional columns hold something. */
const TIMESTAMP = 1;
/** The sample's line starts before it (blanks before the name, Prometheus text). */
const INDENT = 2;
/** The sample's labels are its metric's plus one part label (`le`, `quantile`, the stateset label). */
const PART = 4;
/** Exemplars, or labels of another shape, live in the chunk's side map. */
const EXTRA = 8;
/** OM 2.0: a start timestamp (`st@`), a composite value. Most 2.0 samples have them: columns, not the side map. */
const START = 16;
const COMPOSITE = 32;

/** What few samples have: exemplars, labels of another shape. */
interface Extra {
  readonly exemplar: ExemplarNode | undefined;
  readonly exemplars: readonly ExemplarNode[] | undefined;
  /** The sample's whole label set, when it is neither its metric's nor its metric's plus one part label. */
  readonly labels: readonly Label[] | undefined;
}

/** The first chunk's capacity: a small parse stays small. Chunks double up to LARGEST. */
const SMALLEST = 64;
const LARGEST = 4096;

/**
 * A run of samples, one column per field. Numbers are in typed arrays (outside the JS heap, never
 * scanned by the GC); columns most samples leave empty are made when a sample first needs them.
 */
class Chunk {
  length = 0;
  readonly names: string[];
  readonly values: Float64Array;
  readonly lines: Float64Array;
  /** The sample's first character, an absolute offset. */
  readonly starts: Float64Array;
  /** end − start. */
  readonly lengths: Uint32Array;
  readonly flags: Uint8Array;
  timestamps: Float64Array | undefined = undefined;
  /** start − the line's start, where not 0. */
  indents: Uint32Array | undefined = undefined;
  /** The part label and its index in the sample's labels. */
  parts: Label[] | undefined = undefined;
  partAt: Uint32Array | undefined = undefined;
  extras: Map<number, Extra> | undefined = undefined;
  startTimestamps: Float64Array | undefined = undefined;
  composites: CompositeValue[] | undefined = undefined;

  constructor(readonly capacity: number) {
    this.names = new Array<string>(capacity);
    this.values = new Float64Array(capacity);
    this.lines = new Float64Array(capacity);
    this.starts = new Float64Array(capacity);
    this.lengths = new Uint32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }
}

/**
 * Where one parse keeps its samples: chunks filled in order, each metric's samples one contiguous
 * run of rows. A chunk lives as long as a metric that has rows in it: a stream's consumer that drops
 * its families drops their chunks, but one that keeps a family keeps its chunk's other rows (at most
 * LARGEST, names and numbers) with it.
 */
export class SampleStore {
  #chunk: Chunk | undefined = undefined;
  #next = SMALLEST;

  /** A chunk with room for one more sample. */
  room(): Chunk {
    let chunk = this.#chunk;
    if (chunk === undefined || chunk.length === chunk.capacity) {
      chunk = new Chunk(this.#next);
      this.#next = Math.min(LARGEST, this.#next * 2);
      this.#chunk = chunk;
    }
    return chunk;
  }
}

export class MetricNode implements Metric, SampleColumns {
  readonly labels: readonly Label[];
  /** An own enumerable accessor (defined in the constructor), so that equality, JSON and spread see it. */
  declare readonly samples: readonly Sample[];
  /** The chunk of the first sample, its row there, and the chunks after it when the samples run on. */
  #chunk: Chunk | undefined = undefined;
  #first = 0;
  #count = 0;
  #more: Chunk[] | undefined = undefined;
  /** The samples as objects, once asked for. */
  #made: SampleNode[] | undefined = undefined;

  static readonly #samples: PropertyDescriptor = {
    get(this: MetricNode): readonly Sample[] {
      return (this.#made ??= this.#make());
    },
    enumerable: true,
    configurable: true,
  };

  constructor(labels: readonly Label[]) {
    this.labels = labels;
    // A getter on the prototype would be invisible to toEqual, Object.keys and spread.
    Object.defineProperty(this, 'samples', MetricNode.#samples);
  }

  /** The cursor's way in (cursor.ts): this metric reads its own columns. */
  get [COLUMNS](): SampleColumns {
    return this;
  }

  /** Whether `metric.samples` has made its objects (tests: a cursor's walk must not). */
  get made(): boolean {
    return this.#made !== undefined;
  }

  /**
   * Adds a sample. `all` is the sample's every label in the order written; the metric's labels are
   * the same minus `partLabel`. Offsets are absolute; `exemplars`, when given, is every exemplar of
   * the sample (OM 2.0), `exemplar` its first.
   */
  append(
    store: SampleStore,
    name: string,
    all: readonly Label[],
    partLabel: string | undefined,
    value: number,
    timestamp: number | undefined,
    exemplar: ExemplarRecord | undefined,
    line: number,
    lineStart: number,
    start: number,
    end: number,
    startTimestamp: number | undefined,
    composite: CompositeValue | undefined,
    exemplars: readonly ExemplarRecord[] | undefined,
  ): void {
    const chunk = store.room();
    const row = chunk.length++;
    if (this.#count === 0) {
      this.#chunk = chunk;
      this.#first = row;
    } else if (chunk !== (this.#more === undefined ? this.#chunk : this.#more[this.#more.length - 1])) {
      (this.#more ??= []).push(chunk);
    }
    this.#count++;
    this.#made = undefined;
    chunk.names[row] = name;
    chunk.values[row] = value;
    chunk.lines[row] = line;
    chunk.starts[row] = start;
    chunk.lengths[row] = end - start;
    let flags = 0;
    if (timestamp !== undefined) {
      (chunk.timestamps ??= new Float64Array(chunk.capacity))[row] = timestamp;
      flags |= TIMESTAMP;
    }
    if (start !== lineStart) {
      (chunk.indents ??= new Uint32Array(chunk.capacity))[row] = start - lineStart;
      flags |= INDENT;
    }
    let labels: readonly Label[] | undefined;
    const extra = all.length - this.labels.length;
    if (extra === 1 && partLabel !== undefined) {
      let at = 0;
      while (all[at]!.name !== partLabel) at++;
      (chunk.parts ??= new Array<Label>(chunk.capacity))[row] = all[at]!;
      (chunk.partAt ??= new Uint32Array(chunk.capacity))[row] = at;
      flags |= PART;
    } else if (extra !== 0) labels = all;
    if (startTimestamp !== undefined) {
      (chunk.startTimestamps ??= new Float64Array(chunk.capacity))[row] = startTimestamp;
      flags |= START;
    }
    if (composite !== undefined) {
      (chunk.composites ??= new Array<CompositeValue>(chunk.capacity))[row] = composite;
      flags |= COMPOSITE;
    }
    if (exemplar !== undefined || exemplars !== undefined || labels !== undefined) {
      const first = exemplar === undefined ? undefined : exemplarNode(exemplar, line, lineStart);
      (chunk.extras ??= new Map()).set(row, {
        exemplar: first,
        exemplars: exemplars?.map((e) => (e === exemplar ? first! : exemplarNode(e, line, lineStart))),
        labels,
      });
      flags |= EXTRA;
    }
    chunk.flags[row] = flags;
  }

  get sampleCount(): number {
    return this.#count;
  }

  readSample(index: number, into: SampleTarget): void {
    const made = this.#made;
    if (made !== undefined) {
      copySampleFields(made[index]!, into);
      return;
    }
    let chunk = this.#chunk!;
    let row = this.#first + index;
    if (row >= chunk.capacity) [chunk, row] = this.#locate(row);
    const flags = chunk.flags[row]!;
    into.name = chunk.names[row]!;
    into.value = chunk.values[row]!;
    into.timestamp = (flags & TIMESTAMP) === 0 ? undefined : chunk.timestamps![row];
    into.labels = (flags & PART) === 0 ? this.labels : withPart(this.labels, chunk.parts![row]!, chunk.partAt![row]!);
    into.startTimestamp = (flags & START) === 0 ? undefined : chunk.startTimestamps![row];
    into.composite = (flags & COMPOSITE) === 0 ? undefined : chunk.composites![row];
    if ((flags & EXTRA) === 0) {
      into.exemplar = undefined;
      into.exemplars = undefined;
    } else {
      const extra = chunk.extras!.get(row)!;
      if (extra.labels !== undefined) into.labels = extra.labels;
      into.exemplar = extra.exemplar;
      into.exemplars = extra.exemplars;
    }
  }

  sampleSpan(index: number): Span {
    let chunk = this.#chunk!;
    let row = this.#first + index;
    if (row >= chunk.capacity) [chunk, row] = this.#locate(row);
    const start = chunk.starts[row]!;
    const lineStart = (chunk.flags[row]! & INDENT) === 0 ? start : start - chunk.indents![row]!;
    return lineSpan({ line: chunk.lines[row]!, start: lineStart }, start, start + chunk.lengths[row]!);
  }

  sampleAt(index: number): Sample {
    return (this.#made ??= this.#make())[index]!;
  }

  /** Node's console and `util.inspect` show the samples, not `[Getter]` (a browser ignores this). */
  [Symbol.for('nodejs.util.inspect.custom')](_depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    return `MetricNode ${inspect({ labels: this.labels, samples: this.samples }, options)}`;
  }

  /** JSON as the samples' objects would write it, without keeping them. */
  toJSON(): object {
    return { labels: this.labels, samples: this.#made ?? this.#make() };
  }

  /** The chunk and row of a sample past the first chunk (`row` counted from the first chunk's start). */
  #locate(row: number): [Chunk, number] {
    row -= this.#chunk!.capacity;
    for (const chunk of this.#more!) {
      if (row < chunk.capacity) return [chunk, row];
      row -= chunk.capacity;
    }
    throw new RangeError(`no sample ${row}`);
  }

  #make(): SampleNode[] {
    const out = new Array<SampleNode>(this.#count);
    const fields = {} as SampleTarget;
    for (let i = 0; i < this.#count; i++) {
      this.readSample(i, fields);
      let chunk = this.#chunk!;
      let row = this.#first + i;
      if (row >= chunk.capacity) [chunk, row] = this.#locate(row);
      const start = chunk.starts[row]!;
      const lineStart = (chunk.flags[row]! & INDENT) === 0 ? start : start - chunk.indents![row]!;
      out[i] = new SampleNode(
        fields.name,
        fields.labels,
        fields.value,
        fields.timestamp,
        fields.exemplar,
        chunk.lines[row]!,
        lineStart,
        start,
        start + chunk.lengths[row]!,
        fields.startTimestamp,
        fields.composite,
        fields.exemplars,
      );
    }
    return out;
  }
}

function exemplarNode(e: ExemplarRecord, line: number, lineStart: number): ExemplarNode {
  return new ExemplarNode(e.labels, e.value, e.timestamp, line, lineStart, e.start, e.end);
}

/** The metric's labels with the part label put back at its place. */
function withPart(labels: readonly Label[], part: Label, at: number): Label[] {
  const out = new Array<Label>(labels.length + 1);
  for (let i = 0, j = 0; i < out.length; i++) out[i] = i === at ? part : labels[j++]!;
  return out;
}

export class FamilyNode implements MetricFamily {
  type: MetricType = 'unknown';
  typeDeclared = false;
  help: string | undefined = undefined;
  unit: string | undefined = undefined;
  descriptors: Descriptor[] = [];
  metrics: MetricNode[] = [];
  #firstLine = 0;
  #firstLineStart = 0;
  #firstStart = 0;
  #lastLine = 0;
  #lastLineStart = 0;
  #end = 0;

  constructor(readonly name: string) {}

  addDescriptor(descriptor: Descriptor): void {
    this.descriptors = grown(this.descriptors, descriptor);
  }

  addMetric(metric: MetricNode): void {
    this.metrics = grown(this.metrics, metric);
  }

  /** Record that the family extends over a line (absolute offsets: the line's start, its content). */
  cover(line: number, lineStart: number, start: number, end: number): void {
    if (this.#firstLine === 0) {
      this.#firstLine = line;
      this.#firstLineStart = lineStart;
      this.#firstStart = start;
    }
    this.#lastLine = line;
    this.#lastLineStart = lineStart;
    this.#end = end;
  }

  get span(): Span {
    return spanBetween(
      { line: this.#firstLine, start: this.#firstLineStart },
      this.#firstStart,
      { line: this.#lastLine, start: this.#lastLineStart },
      this.#end,
    );
  }

  toJSON(): object {
    return withSpan(this);
  }
}

/**
 * `list` with `item` added. Most families hold a metric or two and a descriptor or two: those
 * arrays are made exactly as long, where push would reserve room for 17.
 */
function grown<T>(list: T[], item: T): T[] {
  if (list.length >= 4) {
    list.push(item);
    return list;
  }
  const out = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i++) out[i] = list[i]!;
  out[list.length] = item;
  return out;
}

/** The keyword as one shared string, not a copy cut from each line. */
export function keyword(word: Descriptor['kind']): Descriptor['kind'] {
  return word === 'TYPE' ? 'TYPE' : word === 'HELP' ? 'HELP' : 'UNIT';
}

function withSpan(node: object & { span: Span }): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (value !== undefined) out[key] = value;
  out.span = node.span;
  return out;
}
