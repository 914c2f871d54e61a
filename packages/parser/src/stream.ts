// Streaming: families are yielded as they complete, with the diagnostics found up to that point,
// holding one family (and one partial line) in memory. Chunks may be bytes or strings, split
// anywhere, multi-byte characters included. Web streams and async iterables only, so that this
// runs wherever JavaScript runs.
import type { Format, MetricFamily } from './ast/types.js';
import type { Diagnostic } from './diagnostic.js';
import { DETECT_WINDOW, resolveFormat } from './format.js';
import type { ParseOptions } from './parse.js';
import { Session, sortDiagnostics } from './session.js';

export type Chunk = Uint8Array | string;
export type ChunkSource = AsyncIterable<Chunk> | Iterable<Chunk> | ReadableStream<Chunk>;

export interface StreamOptions extends ParseOptions {
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
  // ignoreBOM: keep a BOM in the text, so that it is reported as parse() reports it.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const model = options.model ?? true;
  // Finished families, each with the number of diagnostics reported up to its end.
  const finished: { family: MetricFamily; upTo: number }[] = [];
  // Diagnostics already handed out (spliced from the session).
  let yielded = 0;
  let session: Session | undefined;
  let format: Format | undefined;
  // Text not yet read: a partial last line, and before the format is known, the head.
  let pending = '';
  let base = 0;
  let total = 0;
  let lastChar = -1;
  // How far `pending` has been searched for a line feed: a long line is not searched twice.
  let searched = 0;
  // Absolute offsets where bytes were not UTF-8 (decoded as U+FFFD), reported with their line.
  const invalid: number[] = [];
  let previousBytes: Uint8Array = new Uint8Array(0);

  /** Decodes a byte chunk, noting where it was not UTF-8 (OM 1.0 §Overall Structure). */
  const decode = (bytes: Uint8Array | undefined): string => {
    const text = bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    const first = text.indexOf('\uFFFD');
    if (first !== -1 && countReplacements(text) > countEncodedReplacements(previousBytes, bytes)) {
      invalid.push(base + pending.length + first);
    }
    if (bytes !== undefined) previousBytes = bytes.subarray(Math.max(0, bytes.length - 2));
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

  const readLines = (final: boolean): void => {
    let pos = 0;
    for (;;) {
      const newline = pending.indexOf('\n', Math.max(pos, searched));
      if (newline === -1) {
        searched = pending.length;
        break;
      }
      reportInvalid(pos, newline);
      session!.readLine(pending, pos, newline, base);
      pos = newline + 1;
    }
    if (final && pos < pending.length) {
      reportInvalid(pos, pending.length);
      session!.readLine(pending, pos, pending.length, base);
      pos = pending.length;
    }
    base += pos;
    searched = Math.max(0, searched - pos);
    pending = pending.slice(pos);
  };

  /** Reports the invalid bytes that fall on the line `pending[pos, end)` about to be read. */
  const reportInvalid = (pos: number, end: number): void => {
    while (invalid.length > 0 && invalid[0]! <= base + end) {
      session!.invalidUtf8(invalid.shift()!, session!.nextLine, base + pos);
    }
  };

  const start = (): void => {
    format = resolveFormat(options.format, pending, options.contentType);
    session = new Session({
      format,
      model,
      emit: (family) => finished.push({ family, upTo: yielded + session!.diagnostics.length }),
    });
    if (pending.charCodeAt(0) === 0xfeff) {
      session.bom();
      pending = pending.slice(1);
      base = 1;
    }
  };

  for await (const chunk of iterate(source)) {
    const text = typeof chunk === 'string' ? chunk : decode(chunk);
    if (text.length === 0) continue;
    total += text.length;
    lastChar = text.charCodeAt(text.length - 1);
    pending += text;
    if (session === undefined) {
      if (pending.length < DETECT_WINDOW && options.contentType === undefined && (options.format ?? 'auto') === 'auto') continue;
      start();
    }
    readLines(false);
    yield* drain();
  }
  const tail = decode(undefined);
  if (tail.length > 0) {
    total += tail.length;
    lastChar = tail.charCodeAt(tail.length - 1);
    pending += tail;
  }
  if (session === undefined) start();
  readLines(true);
  session!.finish(total, lastChar);
  yield* drain();
  yield { format: format!, diagnostics: sortDiagnostics(session!.diagnostics.splice(0)) };
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

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** U+FFFD written in the input itself (EF BF BD), including one split from the previous chunk. */
function countEncodedReplacements(previous: Uint8Array, bytes: Uint8Array | undefined): number {
  if (bytes === undefined) return 0;
  let n = 0;
  const at = (i: number) => (i < 0 ? previous[previous.length + i] : bytes[i]);
  for (let i = -Math.min(2, previous.length); i + 2 < bytes.length; i++) {
    if (at(i) === 0xef && at(i + 1) === 0xbf && at(i + 2) === 0xbd) n++;
  }
  return n;
}
