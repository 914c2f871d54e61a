// parse(): the whole model; validate(): the same diagnostics without keeping a model. Both take a
// string or UTF-8 bytes; bytes are read as parseStream() reads them (invalid UTF-8 is OM020), and
// validate() first tries to vouch for them without decoding (scan/certify.ts).
import type { Format, MetricFamily, ParseResult } from './ast/types.js';
import type { Diagnostic } from './diagnostic.js';
import { resolveFormat, type FormatHints } from './format.js';
import type { Carried } from './ast/records.js';
import { certify } from './scan/certify.js';
import { firstInvalid, Session, sortDiagnostics } from './session.js';

/**
 * `format` (default `auto`), `contentType` and `fileName` are the evidence for the input's format,
 * decided once per document by the rule of format.ts: explicit format, then the Content-Type, then
 * the file name's extension, then the text: the whole input is at hand, so its end decides (its
 * last line that is not empty is `# EOF`, or not; `endsWithEof` is for streams and not read here).
 */
export type ParseOptions = FormatHints;

export interface ValidateResult {
  readonly format: Format;
  readonly diagnostics: Diagnostic[];
}

/** An exposition as text, or as the UTF-8 bytes it arrived in. */
export type Input = string | Uint8Array;

/** Parses a whole exposition. Never throws: every problem is a diagnostic. */
export function parse(input: Input, options: ParseOptions = {}): ParseResult {
  const families: MetricFamily[] = [];
  const emit = (family: MetricFamily) => families.push(family);
  const { format, diagnostics } = typeof input === 'string' ? run(input, options, true, emit) : runBytes(input, options, true, emit);
  return { format, families, diagnostics };
}

/**
 * Checks an exposition without building its model: the same diagnostics as parse(). Bytes are the
 * fastest input: a well-formed exposition is checked without being decoded.
 */
export function validate(input: Input, options: ParseOptions = {}): ValidateResult {
  if (typeof input === 'string') return run(input, options, false, ignore);
  // Decided from the last bytes: nothing is decoded to detect the format.
  const format = resolveFormat(options, input);
  // The byte reader vouches for OpenMetrics 1.0 and Prometheus text; 2.0 is read line by line.
  if (format === 'openmetrics-2.0') return runBytes(input, { ...options, format }, false, ignore);
  const carried: Carried = { familyTypes: new Map(), claimedNames: new Set() };
  const certificate = certify(input, format === 'openmetrics', carried);
  if (certificate.complete) return { format, diagnostics: [] };
  let rest: string;
  try {
    rest = strictDecoder.decode(input.subarray(certificate.offset));
  } catch {
    // Not UTF-8 after all: read the whole input as parseStream() does, for the same OM020s.
    return runBytes(input, { ...options, format }, false, ignore);
  }
  const session = new Session({ format, model: false, emit: ignore, resume: { line: certificate.line, carried } });
  readLines(session, rest, certificate.textOffset, []);
  return { format, diagnostics: sortDiagnostics(session.diagnostics) };
}

const ignore = (): void => {};
// ignoreBOM: keep a BOM in the text, so that it is reported.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function run(text: string, options: ParseOptions, model: boolean, emit: (family: MetricFamily) => void): ValidateResult {
  const format = resolveFormat(options, text);
  const session = new Session({ format, model, emit });
  readLines(session, text, 0, []);
  return { format, diagnostics: sortDiagnostics(session.diagnostics) };
}

/** Bytes decoded as one chunk of parseStream(): U+FFFD where they are not UTF-8, the first reported as OM020. */
function runBytes(bytes: Uint8Array, options: ParseOptions, model: boolean, emit: (family: MetricFamily) => void): ValidateResult {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const body = decoder.decode(bytes, { stream: true });
  const tail = decoder.decode();
  const text = body + tail;
  const invalid: number[] = [];
  const first = firstInvalid(body, new Uint8Array(0), bytes);
  if (first !== -1) invalid.push(first);
  const cut = first === -1 ? firstInvalid(tail, bytes, undefined) : -1;
  if (cut !== -1) invalid.push(body.length + cut);
  const format = resolveFormat(options, bytes);
  const session = new Session({ format, model, emit });
  readLines(session, text, 0, invalid);
  return { format, diagnostics: sortDiagnostics(session.diagnostics) };
}

/**
 * Reads `text` line by line into the session and finishes it. `base` is the offset of `text` in
 * the whole input; `invalid` the offsets where bytes were not UTF-8, reported with their lines.
 */
function readLines(session: Session, text: string, base: number, invalid: number[]): void {
  let pos = 0;
  // A byte order mark is only one at the very start of the input.
  if (base === 0 && text.charCodeAt(0) === 0xfeff) {
    session.bom();
    pos = 1;
  }
  const length = text.length;
  let next = 0;
  while (pos < length) {
    let newline = text.indexOf('\n', pos);
    if (newline === -1) newline = length;
    while (next < invalid.length && invalid[next]! <= newline) session.invalidUtf8(invalid[next++]!, session.nextLine, pos);
    session.readLine(text, pos, newline, base);
    pos = newline + 1;
  }
  session.finish(base + length, length === 0 ? (base === 0 ? -1 : 10) : text.charCodeAt(length - 1));
}
