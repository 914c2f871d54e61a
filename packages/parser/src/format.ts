// Choosing the text format of a document: once per document, by one rule, the same on every path
// (parse() of a string or of bytes, validate(), parseStream() with any chunking, and the callers
// that pass the same evidence: the `om` CLI, the Content-Type check of @omkit/lint).
//
// The evidence, in order (the first that names a format decides):
// 1. An explicit format (`format: 'openmetrics' | 'prometheus'`; `auto` names none).
// 2. A Content-Type, as Prometheus picks its parser: `application/openmetrics-text` → OpenMetrics,
//    `text/plain` → Prometheus text. Any other media type (`application/octet-stream`, …) is no
//    evidence.
// 3. A file name: `.om` → OpenMetrics, `.prom` → Prometheus text (a final `.gz` is looked through).
//    Other extensions (`.txt`, `.metrics`, …) are no evidence.
// 4. The text (`detectFormat`). A document without `# EOF` cannot be valid OpenMetrics (OM 1.0
//    §Overall Structure: "Expositions MUST end with EOF"). So a document whose whole text fits in the
//    detection window (the first `DETECT_WINDOW` UTF-16 code units) is OpenMetrics if and only if it
//    has a `# EOF` line, whatever other OpenMetrics markers it has. A longer document is decided on
//    its first `DETECT_WINDOW` code units alone, so that a stream decides before it has read its end:
//    OpenMetrics when that head has a `# EOF` line, a `# UNIT` line, an OpenMetrics-only type
//    (`info`, `stateset`, `gaugehistogram`, `unknown`) or a counter whose samples end in `_total`;
//    otherwise Prometheus text. A long OpenMetrics document whose head has none of these markers is
//    read as Prometheus text: name the format (or the file `.om`, or send the Content-Type).
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
}

/** How much of the text auto-detection reads, in UTF-16 code units (64 Ki). */
export const DETECT_WINDOW = 65536;

const OPENMETRICS_MARKERS =
  /^# (?:EOF$|UNIT |TYPE \S+ (?:info|stateset|gaugehistogram|unknown)$)|^# TYPE (\S+) counter\n(?:# .*\n)*\1_total[ {]/m;

const EOF_LINE = /^# EOF$/m;

/** The format a Content-Type names, if it names one. */
export function formatFromContentType(contentType: string | undefined): Format | undefined {
  if (contentType === undefined) return undefined;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/openmetrics-text') return 'openmetrics';
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

/**
 * The format of a document from its text (step 4 of the rule above), or from `contentType` when
 * that names one. `text` is the whole document, or at least its first `DETECT_WINDOW + 1` code
 * units: a text no longer than the window is taken to be the whole document.
 */
export function detectFormat(text: string, contentType?: string): Format {
  const declared = formatFromContentType(contentType);
  if (declared !== undefined) return declared;
  if (text.length <= DETECT_WINDOW) return EOF_LINE.test(text.replace(/\r\n/g, '\n')) ? 'openmetrics' : 'prometheus';
  return OPENMETRICS_MARKERS.test(text.slice(0, DETECT_WINDOW).replace(/\r\n/g, '\n')) ? 'openmetrics' : 'prometheus';
}

/** Whether the format is to be detected from the text (no evidence but the text). */
export function detectsFromText(hints: FormatHints): boolean {
  return declaredFormat(hints) === undefined;
}

/** How many bytes `textHead` decodes: enough for more than `DETECT_WINDOW` code units when there are more. */
export const HEAD_BYTES = DETECT_WINDOW * 3 + 3;

/**
 * The text of the first bytes of a document, enough to detect its format: the whole text when the
 * document has at most `HEAD_BYTES` bytes, otherwise more than `DETECT_WINDOW` code units (a UTF-16
 * code unit takes at most three bytes).
 */
export function textHead(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, HEAD_BYTES));
}

/** The format of a document: the evidence of `hints`, else its text (see `detectFormat` for `head`). */
export function resolveFormat(hints: FormatHints, head: string): Format {
  return declaredFormat(hints) ?? detectFormat(head);
}
