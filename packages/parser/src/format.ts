// Choosing the text format of a document: once per document, by one rule, the same on every path
// (parse() of a string or of bytes, validate(), parseStream() with any chunking, and the callers
// that pass the same evidence: the `om` CLI, the Content-Type check of @omkit/lint).
//
// The evidence, in order (the first that names a format decides):
// 1. An explicit format (`format: 'openmetrics' | 'openmetrics-2.0' | 'prometheus'`; `auto` names none).
// 2. A Content-Type, as Prometheus picks its parser: `application/openmetrics-text` → OpenMetrics
//    (`version=2.0.0`, or any 2.x, → OpenMetrics 2.0; `1.0.0`, `0.0.1` or none → 1.0),
//    `text/plain` → Prometheus text. Any other media type (`application/octet-stream`, …) is no
//    evidence. OpenMetrics 2.0 is chosen only by these two: the text alone decides between 1.0 and
//    Prometheus text (a 2.0 document ends with `# EOF` too, and is read as 1.0, where its first 2.0
//    line gets OM023 saying how to read it as 2.0).
// 3. A file name: `.om` → OpenMetrics, `.prom` → Prometheus text (a final `.gz` is looked through).
//    Other extensions (`.txt`, `.metrics`, …) are no evidence.
// 4. The text. A document without `# EOF` cannot be valid OpenMetrics (OM 1.0 §Overall Structure:
//    "Expositions MUST end with EOF"), and neither can one with text after its `# EOF` line. So the
//    END of the document decides whenever the end is known, and its head only when it is not:
//    a. The whole document at hand (`parse()` and `validate()` of a string or of bytes, whatever
//       their length; `parseStream()` of a stream no longer than the detection window, the first
//       `DETECT_WINDOW` UTF-16 code units): OpenMetrics if and only if its last line that is not
//       empty is `# EOF` (`lastLineIsEof`; `\r\n` line ends are read as `\n`). Only the last bytes
//       are looked at: no scan, and bytes are not decoded to decide. Not "a `# EOF` line
//       anywhere": lines after `# EOF` make a document invalid OpenMetrics (the conformance cases
//       `bad_text_after_eof_*`), while in Prometheus text `# EOF` is a comment like any other, so
//       such a document is read in the one format it can be valid in.
//    b. A stream longer than the window, when the caller knows how the document ends
//       (`endsWithEof`, e.g. the `om` CLI from the last bytes of a file it streams): that decides.
//    c. Otherwise (a longer stream whose end is not known ahead: stdin, an HTTP body without a
//       Content-Type that names a format): the first `DETECT_WINDOW` code units decide, so that a
//       stream decides before it has read its end. OpenMetrics when that head has a `# EOF` line, a
//       `# UNIT` line, an OpenMetrics-only type (`info`, `stateset`, `gaugehistogram`, `unknown`)
//       or a counter whose samples end in `_total`; otherwise Prometheus text.
//    The one case where paths may differ: a stream longer than the window, with no hint of its
//    end, whose head markers contradict its ending (an OpenMetrics document whose first 64 Ki code
//    units are one huge summary is read as Prometheus text, a long Prometheus document with
//    OpenMetrics markers in its head as OpenMetrics). Name the format, the file (`.om`, `.prom`), or send the
//    Content-Type. The whole-input paths and a stream given `endsWithEof` always agree.
import type { Format } from './ast/types.js';

export type FormatOption = Format | 'auto';

/** The evidence for a document's format, besides its text (steps 1–3 of the rule above). */
export interface FormatHints {
  /** `auto` (default): decided by the other evidence. */
  format?: FormatOption;
  /** A Content-Type header, e.g. `application/openmetrics-text; version=1.0.0`. */
  contentType?: string;
  /** The name (or path) of the file the document was read from: `.om` and `.prom` name a format. */
  fileName?: string;
  /**
   * The caller knows how the document ends: whether its last line that is not empty is `# EOF`
   * (`lastLineIsEof` of its last bytes). Step 4b: read by `parseStream()` for a stream longer than
   * the detection window, instead of the markers of its head. `parse()` and `validate()` have the
   * whole document and read its end themselves.
   */
  endsWithEof?: boolean;
}

/** How much of a stream's text auto-detection may read before it decides, in UTF-16 code units (64 Ki). */
export const DETECT_WINDOW = 65536;

const OPENMETRICS_MARKERS =
  /^# (?:EOF$|UNIT |TYPE \S+ (?:info|stateset|gaugehistogram|unknown)$)|^# TYPE (\S+) counter\n(?:# .*\n)*\1_total[ {]/m;

/** The format a Content-Type names, if it names one. */
export function formatFromContentType(contentType: string | undefined): Format | undefined {
  if (contentType === undefined) return undefined;
  const [media, ...parameters] = contentType.split(';');
  const mediaType = media!.trim().toLowerCase();
  if (mediaType === 'application/openmetrics-text') {
    // OM 2.0 §Overall Structure: `application/openmetrics-text; version=2.0.0; charset=utf-8`.
    for (const parameter of parameters) {
      const [key, value] = parameter.split('=');
      if (key!.trim().toLowerCase() === 'version' && /^"?2\./.test(value?.trim() ?? '')) return 'openmetrics-2.0';
    }
    return 'openmetrics';
  }
  if (mediaType === 'text/plain') return 'prometheus';
  return undefined;
}

/** The format a file name names, if it names one: `.om` or `.prom`, either with `.gz` after it. */
export function formatFromFileName(fileName: string | undefined): Format | undefined {
  if (fileName === undefined) return undefined;
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
  const name = base.endsWith('.gz') ? base.slice(0, -3) : base;
  if (name.endsWith('.om')) return 'openmetrics';
  if (name.endsWith('.prom')) return 'prometheus';
  return undefined;
}

/** The format the evidence other than the text names (steps 1–3), or undefined: the text decides. */
export function declaredFormat(hints: FormatHints): Format | undefined {
  if (hints.format !== undefined && hints.format !== 'auto') return hints.format;
  return formatFromContentType(hints.contentType) ?? formatFromFileName(hints.fileName);
}

const LF = 10;
const CR = 13;
/** `# EOF` in character codes (ASCII: the same as bytes in UTF-8). */
const EOF_CODES = [0x23, 0x20, 0x45, 0x4f, 0x46];

/**
 * Whether the last line of a document that is not empty is `# EOF` (step 4a), looking at its end
 * only: `\n` and `\r\n` line ends are tolerated, empty lines after it too; `# EOF` must be the
 * whole line (not `# EOF later`, not after a byte order mark). `tail` is the whole document (text
 * or UTF-8 bytes: it reads alike, as bytes of ASCII are never part of a multi-byte character),
 * or, with `whole: false`, its last bytes or code units: then undefined when they do not hold
 * enough of the last line to tell.
 */
export function lastLineIsEof(tail: string | Uint8Array, whole = true): boolean | undefined {
  const at = typeof tail === 'string' ? (i: number) => tail.charCodeAt(i) : (i: number) => tail[i]!;
  let end = tail.length;
  while (end > 0 && at(end - 1) === LF) {
    end--;
    if (end > 0 && at(end - 1) === CR) end--;
  }
  for (let k = 1; k <= EOF_CODES.length; k++) {
    if (end - k < 0) return whole ? false : undefined;
    if (at(end - k) !== EOF_CODES[EOF_CODES.length - k]) return false;
  }
  const before = end - EOF_CODES.length - 1;
  if (before < 0) return whole ? true : undefined;
  return at(before) === LF;
}

/**
 * The format of a whole document from its text or bytes (step 4a), or from `contentType` when
 * that names one: OpenMetrics if and only if its last line that is not empty is `# EOF`.
 */
export function detectFormat(input: string | Uint8Array, contentType?: string): Format {
  return formatFromContentType(contentType) ?? (lastLineIsEof(input) ? 'openmetrics' : 'prometheus');
}

/** Step 4c: the format the markers of a stream's head name (its first `DETECT_WINDOW` code units read). */
export function formatFromHead(head: string): Format {
  return OPENMETRICS_MARKERS.test(head.slice(0, DETECT_WINDOW).replace(/\r\n/g, '\n')) ? 'openmetrics' : 'prometheus';
}

/** Whether the format is to be detected from the text (no evidence but the text). */
export function detectsFromText(hints: FormatHints): boolean {
  return declaredFormat(hints) === undefined;
}

/** The format of a whole document (text or bytes): the evidence of `hints`, else its end (4a). */
export function resolveFormat(hints: FormatHints, input: string | Uint8Array): Format {
  return declaredFormat(hints) ?? detectFormat(input);
}

/**
 * The format of a stream: the evidence of `hints`, else its text. `text` is the whole text when
 * `ended`, otherwise more than the first `DETECT_WINDOW` code units. A text no longer than the
 * window is the whole document (4a); a longer one is decided by `endsWithEof` (4b), else by its
 * head (4c), whether or not its end has arrived yet, so that where chunks are cut never matters.
 */
export function resolveStreamFormat(hints: FormatHints, text: string, ended: boolean): Format {
  const declared = declaredFormat(hints);
  if (declared !== undefined) return declared;
  if (ended && text.length <= DETECT_WINDOW) return detectFormat(text);
  if (hints.endsWithEof !== undefined) return hints.endsWithEof ? 'openmetrics' : 'prometheus';
  return formatFromHead(text);
}

/** How many bytes `textHead` decodes: enough for more than `DETECT_WINDOW` code units when there are more. */
export const HEAD_BYTES = DETECT_WINDOW * 3 + 3;

/**
 * The text of the first bytes of a document, enough to detect the format of a stream: the whole
 * text when the document has at most `HEAD_BYTES` bytes, otherwise more than `DETECT_WINDOW` code
 * units (a UTF-16 code unit takes at most three bytes).
 */
export function textHead(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, HEAD_BYTES));
}
