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
  span: Span | undefined;
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
    return {
      code: this.code,
      name: this.name,
      category: this.category,
      severity: this.severity,
      message: this.message,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(help ? { help } : {}),
      source: this.source,
      ...(this.span ? { span: this.span } : {}),
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
