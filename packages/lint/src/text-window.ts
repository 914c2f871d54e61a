// The text of a streamed exposition as far as a lint session still needs it: fed the chunks that
// parseStream() reads, decoded as it decodes them, so that offsets in spans find the same
// characters. Rules read lines through it (ctx.source) to point inside a line, as the whole-text
// lint does; what lies before the last family walked is released.
import type { ChunkSource } from '@omkit/parser';
import type { SourceText } from './rule.js';

export class TextWindow implements SourceText {
  // ignoreBOM: keep a BOM in the text, as the parser does, so that offsets agree.
  readonly #decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Decoded pieces still held, and the absolute offset each starts at. */
  #pieces: string[] = [];
  #starts: number[] = [];
  #end = 0;

  /** Passes every chunk of `source` on, keeping its text. */
  async *tee(source: ChunkSource): AsyncGenerator<Uint8Array | string> {
    const iterable: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> =
      Symbol.asyncIterator in source || Symbol.iterator in source ? (source as AsyncIterable<Uint8Array | string>) : readAll(source);
    for await (const chunk of iterable) {
      this.#add(typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, { stream: true }));
      yield chunk;
    }
    this.#add(this.#decoder.decode());
  }

  /** `text[start, end)`, or undefined when part of it is released or not read yet. */
  slice(start: number, end: number): string | undefined {
    const pieces = this.#pieces;
    if (pieces.length === 0 || start < this.#starts[0]! || end > this.#end || start > end) return undefined;
    let i = pieces.length - 1;
    while (this.#starts[i]! > start) i--;
    const from = start - this.#starts[i]!;
    if (end <= this.#starts[i]! + pieces[i]!.length) return pieces[i]!.slice(from, end - this.#starts[i]!);
    const parts = [pieces[i]!.slice(from)];
    for (i++; i < pieces.length && this.#starts[i]! < end; i++) parts.push(pieces[i]!.slice(0, end - this.#starts[i]!));
    return parts.join('');
  }

  /** Forgets the text before `offset` (whole pieces only). */
  release(offset: number): void {
    let n = 0;
    while (n < this.#pieces.length && this.#starts[n]! + this.#pieces[n]!.length <= offset) n++;
    if (n === 0) return;
    this.#pieces = this.#pieces.slice(n);
    this.#starts = this.#starts.slice(n);
  }

  #add(text: string): void {
    if (text === '') return;
    this.#pieces.push(text);
    this.#starts.push(this.#end);
    this.#end += text.length;
  }
}

async function* readAll(stream: ReadableStream<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
