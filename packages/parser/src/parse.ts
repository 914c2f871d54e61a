// parse(): the whole model; validate(): the same diagnostics without keeping a model.
import type { Format, MetricFamily, ParseResult } from './ast/types.js';
import type { Diagnostic } from './diagnostic.js';
import { resolveFormat, type FormatOption } from './format.js';
import { Session, sortDiagnostics } from './session.js';

export interface ParseOptions {
  /** `auto` (default) uses `contentType` when given, otherwise the text. */
  format?: FormatOption;
  /** A Content-Type header, e.g. `application/openmetrics-text; version=1.0.0`. */
  contentType?: string;
}

export interface ValidateResult {
  readonly format: Format;
  readonly diagnostics: Diagnostic[];
}

/** Parses a whole exposition. Never throws: every problem is a diagnostic. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const families: MetricFamily[] = [];
  const { format, diagnostics } = run(text, options, true, (family) => families.push(family));
  return { format, families, diagnostics };
}

/** Checks an exposition without building its model: the same diagnostics as parse(). */
export function validate(text: string, options: ParseOptions = {}): ValidateResult {
  return run(text, options, false, () => {});
}

function run(
  text: string,
  options: ParseOptions,
  model: boolean,
  emit: (family: MetricFamily) => void,
): ValidateResult {
  const format = resolveFormat(options.format, text, options.contentType);
  const session = new Session({ format, model, emit });
  let pos = 0;
  if (text.charCodeAt(0) === 0xfeff) {
    session.bom();
    pos = 1;
  }
  const length = text.length;
  while (pos < length) {
    let newline = text.indexOf('\n', pos);
    if (newline === -1) newline = length;
    session.readLine(text, pos, newline, 0);
    pos = newline + 1;
  }
  session.finish(length, length === 0 ? -1 : text.charCodeAt(length - 1));
  return { format, diagnostics: sortDiagnostics(session.diagnostics) };
}
