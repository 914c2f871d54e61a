// The model's classes. Spans are computed on access from offsets kept in private fields, so a
// sample costs one object and its labels rather than five position objects (PERF-NOTES.md).
// Private fields are invisible to JSON.stringify and to structural equality.
import type { Span } from '../diagnostic.js';
import { lineSpan, spanBetween } from '../position.js';
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

export class MetricNode implements Metric {
  samples: Sample[] = [];
  constructor(readonly labels: readonly Label[]) {}
}

export class FamilyNode implements MetricFamily {
  type: MetricType = 'unknown';
  typeDeclared = false;
  help: string | undefined = undefined;
  unit: string | undefined = undefined;
  readonly descriptors: Descriptor[] = [];
  readonly metrics: MetricNode[] = [];
  #firstLine = 0;
  #firstLineStart = 0;
  #firstStart = 0;
  #lastLine = 0;
  #lastLineStart = 0;
  #end = 0;

  constructor(readonly name: string) {}

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

function withSpan(node: object & { span: Span }): object {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (value !== undefined) out[key] = value;
  out.span = node.span;
  return out;
}
