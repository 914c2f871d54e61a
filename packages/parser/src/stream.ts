// Streaming: families are yielded as they complete, with the diagnostics found up to that point,
// holding one family (and one partial line) in memory. Chunks may be bytes or strings, split
// anywhere, multi-byte characters included. Web streams and async iterables only, so that this
// runs wherever JavaScript runs. Without a model, bytes are first vouched for undecoded
// (scan/certify.ts); the full reader takes over at the first family it cannot vouch for.
import type { Format, MetricFamily } from './ast/types.js';
import type { Diagnostic } from './diagnostic.js';
import { DETECT_WINDOW, detectsFromText, HEAD_BYTES, resolveStreamFormat, textHead, type FormatHints } from './format.js';
import type { Carried } from './ast/records.js';
import { Certifier, type Certificate } from './scan/certify.js';
import { firstInvalid, Session, sortDiagnostics } from './session.js';

export type Chunk = Uint8Array | string;
export type ChunkSource = AsyncIterable<Chunk> | Iterable<Chunk> | ReadableStream<Chunk>;

export interface StreamOptions extends FormatHints {
  /** Build the model (default); false yields diagnostics only, the fastest way to validate. */
  model?: boolean;
}

export interface StreamItem {
  readonly format: Format;
  /**
   * A finished family; absent on the last item, which carries the end-of-input diagnostics, and
   * always absent when `model` is false (items then carry only diagnostics, and come only when
   * there are some).
   */
  readonly family?: MetricFamily;
  /** Diagnostics found since the previous item up to the family's end, in text order. */
  readonly diagnostics: Diagnostic[];
}

/** Parses a stream of chunks, yielding each family when it is complete. */
export async function* parseStream(source: ChunkSource, options: StreamOptions = {}): AsyncGenerator<StreamItem> {
  const model = options.model ?? true;
  const chunks = iterate(source);
  const handover = model ? undefined : await certifyChunks(chunks, options);
  if (handover?.complete) {
    yield { format: handover.format!, diagnostics: [] };
    return;
  }
  // ignoreBOM: keep a BOM in the text, so that it is reported as parse() reports it.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  // Finished families, each with the number of diagnostics reported up to its end.
  const finished: { family: MetricFamily; upTo: number }[] = [];
  // Diagnostics already handed out (spliced from the session).
  let yielded = 0;
  let session: Session | undefined;
  let format: Format | undefined;
  // Before the format is known: the head of the text, decided on once it is long enough.
  let head: string[] = [];
  let headLength = 0;
  // A line not yet complete, in pieces (joined once, when its line feed arrives) and its offset.
  let carry: string[] = [];
  let carryStart = 0;
  let total = 0;
  let lastChar = -1;
  // The absolute offset where bytes were first not UTF-8 (decoded as U+FFFD), reported with its
  // line. Only the first in the input, so that where the chunks are cut does not change the report.
  const invalid: number[] = [];
  let sawInvalid = false;
  let previousBytes: Uint8Array = new Uint8Array(0);

  /** Decodes a byte chunk, noting where it was not UTF-8 (OM 1.0 §Overall Structure). */
  const decode = (bytes: Uint8Array | undefined): string => {
    const text = bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    const first = firstInvalid(text, previousBytes, bytes);
    if (first !== -1 && !sawInvalid) {
      invalid.push(total + first);
      sawInvalid = true;
    }
    if (bytes !== undefined) previousBytes = lastTwo(previousBytes, bytes);
    return text;
  };

  const drain = function* (): Generator<StreamItem> {
    for (const { family, upTo } of finished.splice(0)) {
      const diagnostics = sortDiagnostics(session!.diagnostics.splice(0, upTo - yielded));
      yielded = upTo;
      if (model) yield { format: format!, family, diagnostics };
      else if (diagnostics.length > 0) yield { format: format!, diagnostics };
    }
  };

  /** Reports the invalid bytes that fall on the line `[start, end]` (absolute) about to be read. */
  const reportInvalid = (start: number, end: number): void => {
    while (invalid.length > 0 && invalid[0]! <= end) session!.invalidUtf8(invalid.shift()!, session!.nextLine, start);
  };

  const readLine = (text: string, start: number, end: number, base: number): void => {
    reportInvalid(base + start, base + end);
    session!.readLine(text, start, end, base);
  };

  /** Reads the complete lines of `text` (absolute offset `base`), from `from` on; keeps the rest. */
  const feed = (text: string, base: number, from = 0): void => {
    let pos = from;
    if (carry.length > 0) {
      const newline = text.indexOf('\n');
      if (newline === -1) {
        carry.push(text);
        return;
      }
      const line = carry.join('') + text.slice(0, newline);
      carry = [];
      readLine(line, 0, line.length, carryStart);
      pos = newline + 1;
    }
    for (;;) {
      const newline = text.indexOf('\n', pos);
      if (newline === -1) break;
      readLine(text, pos, newline, base);
      pos = newline + 1;
    }
    if (pos < text.length) {
      carry.push(pos === 0 ? text : text.slice(pos));
      carryStart = base + pos;
    }
  };

  /** Starts reading: `ended`, the head holds the whole text. */
  const start = (ended: boolean): void => {
    const text = head.join('');
    head = [];
    format = resolveStreamFormat(options, text, ended);
    session = new Session({
      format,
      model,
      emit: (family) => finished.push({ family, upTo: yielded + session!.diagnostics.length }),
    });
    const bom = text.charCodeAt(0) === 0xfeff;
    if (bom) session.bom();
    feed(text, 0, bom ? 1 : 0);
  };

  // Detecting from the text waits for more than the detection window (then `endsWithEof`, else the
  // head decides), or for the end (the whole text within the window decides by its last line, as
  // parse() decides on the whole text).
  const fromText = detectsFromText(options);
  const waitForHead = (): boolean => session === undefined && fromText && headLength <= DETECT_WINDOW;

  const resume = handover?.resume;
  if (resume !== undefined) {
    format = handover!.format!;
    session = new Session({
      format,
      model,
      emit: (family) => finished.push({ family, upTo: yielded + session!.diagnostics.length }),
      resume: { line: resume.line, carried: resume.carried },
    });
    total = resume.textOffset;
    lastChar = LF;
  }

  for await (const chunk of handover === undefined ? chunks : unread(handover.pending, chunks)) {
    const text = typeof chunk === 'string' ? chunk : decode(chunk);
    if (text.length === 0) continue;
    const base = total;
    total += text.length;
    lastChar = text.charCodeAt(text.length - 1);
    if (session === undefined) {
      head.push(text);
      headLength += text.length;
      if (waitForHead()) continue;
      start(false);
    } else feed(text, base);
    yield* drain();
  }
  const tail = decode(undefined);
  if (tail.length > 0) {
    const base = total;
    total += tail.length;
    lastChar = tail.charCodeAt(tail.length - 1);
    if (session === undefined) head.push(tail);
    else feed(tail, base);
  }
  if (session === undefined) start(true);
  if (carry.length > 0) {
    const line = carry.join('');
    carry = [];
    readLine(line, 0, line.length, carryStart);
  }
  session!.finish(total, lastChar);
  yield* drain();
  yield { format: format!, diagnostics: sortDiagnostics(session!.diagnostics.splice(0)) };
}

const LF = 10;

/** What vouching for the first chunks came to. */
interface Handover {
  readonly complete: boolean;
  /** Known when vouching got as far as deciding it (always, when `complete` or with `resume`). */
  readonly format: Format | undefined;
  /** Chunks read but not vouched for, which the full reader reads first. */
  readonly pending: Chunk[];
  /** Where the full reader takes over; absent: from the start. */
  readonly resume?: { line: number; textOffset: number; carried: Carried };
}

/**
 * Vouches for byte chunks as they come, keeping the bytes of the open family only (the full reader
 * may have to read them again). Stops at the first problem, or at a string chunk.
 */
async function certifyChunks(chunks: AsyncGenerator<Chunk>, options: StreamOptions): Promise<Handover> {
  let buffer = new Uint8Array(1 << 16);
  let length = 0;
  /** The offset of buffer[0] in the whole input. */
  let base = 0;
  let format: Format | undefined = detectsFromText(options) ? undefined : resolveStreamFormat(options, '', false);
  const carried: Carried = { familyTypes: new Map(), claimedNames: new Set() };
  let certifier: Certifier | undefined;

  // Before the format is decided, no certificate: the full reader decides it as this would.
  const handOver = (certificate: Certificate | undefined, extra: Chunk[]): Handover => {
    if (certificate === undefined || certificate.offset === 0) return { complete: false, format, pending: [buffer.subarray(0, length), ...extra] };
    const { line, textOffset } = certificate;
    return { complete: false, format, pending: [buffer.subarray(certificate.offset - base, length), ...extra], resume: { line, textOffset, carried } };
  };

  for (;;) {
    const next = await chunks.next();
    if (next.done === true) break;
    const chunk = next.value;
    if (typeof chunk === 'string') return handOver(certifier?.interrupt(), [chunk]);
    if (length + chunk.length > buffer.length) {
      const grown = new Uint8Array(Math.max(buffer.length * 2, length + chunk.length));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(chunk, length);
    length += chunk.length;
    if (format === undefined) {
      // The format is decided as the full reader decides it: on more than the detection window
      // (`HEAD_BYTES` bytes hold more), or on the whole text at the end.
      if (length <= HEAD_BYTES) continue;
      format = resolveStreamFormat(options, textHead(buffer.subarray(0, length)), false);
    }
    // The byte reader vouches for OpenMetrics 1.0 and Prometheus text; 2.0 is read line by line.
    if (format === 'openmetrics-2.0') return handOver(undefined, []);
    certifier ??= new Certifier(format === 'openmetrics', carried);
    const certificate = certifier.advance(buffer.subarray(0, length), false);
    if (certificate !== undefined) return handOver(certificate, []);
    // Drop what is vouched for once it is half the buffer (each byte is moved at most once on average).
    const keep = certifier.keepFrom;
    if (keep > 0 && keep * 2 >= length) {
      buffer.copyWithin(0, keep, length);
      length -= keep;
      base += keep;
      certifier.rebase(keep);
    }
  }
  format ??= resolveStreamFormat(options, textHead(buffer.subarray(0, length)), true);
  if (format === 'openmetrics-2.0') return handOver(undefined, []);
  certifier ??= new Certifier(format === 'openmetrics', carried);
  const certificate = certifier.advance(buffer.subarray(0, length), true)!;
  return certificate.complete ? { complete: true, format, pending: [] } : handOver(certificate, []);
}

/** The pending chunks, then the rest of the source (closed with this, as a for-await would close it). */
async function* unread(pending: Chunk[], rest: AsyncGenerator<Chunk>): AsyncGenerator<Chunk> {
  try {
    yield* pending;
    for (;;) {
      const next = await rest.next();
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    await rest.return(undefined);
  }
}

async function* iterate(source: ChunkSource): AsyncGenerator<Chunk> {
  if (typeof (source as ReadableStream<Chunk>).getReader === 'function') {
    const reader = (source as ReadableStream<Chunk>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  } else yield* source as AsyncIterable<Chunk>;
}

/** The last two bytes of the stream so far (a chunk may be shorter than two). */
function lastTwo(previous: Uint8Array, bytes: Uint8Array): Uint8Array {
  if (bytes.length >= 2) return bytes.subarray(bytes.length - 2);
  const joined = new Uint8Array(previous.length + bytes.length);
  joined.set(previous);
  joined.set(bytes, previous.length);
  return joined.subarray(Math.max(0, joined.length - 2));
}
