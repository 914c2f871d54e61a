// A rule's finding as it is kept until the report: the rule, the message id and the report's data,
// with `message`, `help`, `url`, `code`, `name` and `category` read from the rule's table when asked
// for. A `Diagnostic` to every reader; its JSON is the plain diagnostic's, key for key. An exposition
// with a million findings keeps a million of these, not a million interpolated sentences (issue 13:
// ~1.9 KiB per finding before).
import { detach, type Category, type Diagnostic, type Fix, type Severity, type Span } from '@omkit/parser';
import { interpolate, type AnyRule } from './rule.js';

export type FindingData = Readonly<Record<string, string | number>>;

export class Finding implements Diagnostic {
  readonly #rule: AnyRule;
  readonly #messageId: string;
  readonly #data: FindingData | undefined;
  severity: Severity;
  source: string;
  // The span as six numbers (line, column, offset of start and end; -1: none), made into objects when read.
  #startLine = -1;
  #startColumn = 0;
  #startOffset = 0;
  #endLine = 0;
  #endColumn = 0;
  #endOffset = 0;
  metric: string | undefined;
  detail: Diagnostic['detail'];
  fix: Fix | undefined;

  constructor(
    rule: AnyRule,
    messageId: string,
    data: FindingData | undefined,
    severity: Severity,
    source: string,
    span: Span | undefined,
    metric: string | undefined,
    detail: Diagnostic['detail'] | undefined,
    fix: Fix | undefined,
  ) {
    this.#rule = rule;
    this.#messageId = messageId;
    this.#data = data;
    this.severity = severity;
    this.source = source;
    this.span = span;
    this.metric = metric;
    this.detail = detail;
    this.fix = fix;
  }

  get span(): Span | undefined {
    if (this.#startLine < 0) return undefined;
    return {
      start: { line: this.#startLine, column: this.#startColumn, offset: this.#startOffset },
      end: { line: this.#endLine, column: this.#endColumn, offset: this.#endOffset },
    };
  }
  set span(span: Span | undefined) {
    if (span === undefined) {
      this.#startLine = -1;
      return;
    }
    this.#startLine = span.start.line;
    this.#startColumn = span.start.column;
    this.#startOffset = span.start.offset;
    this.#endLine = span.end.line;
    this.#endColumn = span.end.column;
    this.#endOffset = span.end.offset;
  }

  /** Where the span starts (offset), -1 without one; no object made. */
  static startOffset(d: Diagnostic): number {
    if (d instanceof Finding) return d.#startLine < 0 ? -1 : d.#startOffset;
    return d.span ? d.span.start.offset : -1;
  }

  /**
   * Orders spans by start line, start column, end line, end column (a finding without a span
   * first); no object made for two findings.
   */
  static compareSpans(a: Diagnostic, b: Diagnostic): number {
    if (a instanceof Finding && b instanceof Finding) {
      if (a.#startLine < 0 || b.#startLine < 0) return (a.#startLine < 0 ? 0 : 1) - (b.#startLine < 0 ? 0 : 1);
      return a.#startLine - b.#startLine || a.#startColumn - b.#startColumn || a.#endLine - b.#endLine || a.#endColumn - b.#endColumn;
    }
    const x = a.span;
    const y = b.span;
    if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
    return x.start.line - y.start.line || x.start.column - y.start.column || x.end.line - y.end.line || x.end.column - y.end.column;
  }

  get code(): string {
    return this.#rule.code;
  }
  get name(): string {
    return this.#rule.name;
  }
  get category(): Category {
    return this.#rule.category;
  }
  get url(): string {
    return this.#rule.url;
  }
  get message(): string {
    return interpolate(this.#rule.messages[this.#messageId]!, this.#data as Record<string, string | number> | undefined);
  }
  get help(): string | undefined {
    const template = this.#rule.help?.[this.#messageId];
    return template ? interpolate(template, this.#data as Record<string, string | number> | undefined) : undefined;
  }

  /** The same finding sharing no string with the input (see `detached()`). */
  detached(copy: <T>(value: T) => T): Finding {
    let data: Record<string, string | number> | undefined;
    if (this.#data) {
      data = {};
      for (const key in this.#data) {
        const value = this.#data[key]!;
        data[key] = typeof value === 'string' ? detach(value) : value;
      }
    }
    return new Finding(
      this.#rule,
      this.#messageId,
      data,
      this.severity,
      detach(this.source),
      copy(this.span),
      this.metric === undefined ? undefined : detach(this.metric),
      copy(this.detail),
      copy(this.fix),
    );
  }

  /** The plain diagnostic: the keys the engine always wrote, in that order, absent fields left out. */
  toJSON(): Diagnostic {
    const help = this.help;
    const span = this.span;
    return {
      code: this.code,
      name: this.name,
      category: this.category,
      severity: this.severity,
      message: this.message,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(help ? { help } : {}),
      source: this.source,
      ...(span ? { span } : {}),
      ...(this.metric !== undefined ? { metric: this.metric } : {}),
      ...(this.fix ? { fix: this.fix } : {}),
      url: this.url,
    };
  }
}

/** A diagnostic as a plain object (a finding's JSON; any other diagnostic as it is). */
export function plainDiagnostic(d: Diagnostic): Diagnostic {
  return d instanceof Finding ? d.toJSON() : d;
}
