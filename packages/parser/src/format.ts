// Choosing the text format: from a Content-Type when one is given (as Prometheus does), otherwise
// from the first 64 KiB of the text (so that a stream and a string decide alike).
import type { Format } from './ast/types.js';

export type FormatOption = Format | 'auto';

/** How much of the text auto-detection reads. */
export const DETECT_WINDOW = 65536;

const OPENMETRICS_MARKERS =
  /^# (?:EOF$|UNIT |TYPE \S+ (?:info|stateset|gaugehistogram|unknown)$)|^# TYPE (\S+) counter\n(?:# .*\n)*\1_total[ {]/m;

/** The format a Content-Type names, if it names one. */
export function formatFromContentType(contentType: string | undefined): Format | undefined {
  if (contentType === undefined) return undefined;
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/openmetrics-text') return 'openmetrics';
  if (mediaType === 'text/plain') return 'prometheus';
  return undefined;
}

/**
 * The format of a text: OpenMetrics when its head has a `# EOF` line, a `# UNIT` line, an
 * OpenMetrics-only type, or a counter whose samples end in `_total`; otherwise Prometheus text.
 */
export function detectFormat(head: string, contentType?: string): Format {
  const declared = formatFromContentType(contentType);
  if (declared !== undefined) return declared;
  const window = head.length > DETECT_WINDOW ? head.slice(0, DETECT_WINDOW) : head;
  return OPENMETRICS_MARKERS.test(window.replace(/\r\n/g, '\n')) ? 'openmetrics' : 'prometheus';
}

/** Whether the format is to be detected from the text (no format and no Content-Type given). */
export function detectsFromText(format: FormatOption | undefined, contentType: string | undefined): boolean {
  return (format === undefined || format === 'auto') && contentType === undefined;
}

/** The head of a text from its first bytes, enough to detect its format (a UTF-16 unit takes at most three). */
export function textHead(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, DETECT_WINDOW * 3));
}

export function resolveFormat(format: FormatOption | undefined, head: string, contentType?: string): Format {
  return format === undefined || format === 'auto' ? detectFormat(head, contentType) : format;
}
