// parseStream: chunk sources (Web ReadableStream, async and sync iterables, Node streams), bytes
// split inside characters, BOM, CRLF, huge lines, families yielded as they complete, model: false.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse, parseStream, toJSON, type Chunk, type ChunkSource, type StreamItem, type StreamOptions } from '../src/index.js';

async function collect(source: ChunkSource, options: StreamOptions = {}): Promise<StreamItem[]> {
  const items: StreamItem[] = [];
  for await (const item of parseStream(source, options)) items.push(item);
  return items;
}

function codesAt(items: { diagnostics: StreamItem['diagnostics'] }[]): string[] {
  return items.flatMap((i) => i.diagnostics).map((d) => `${d.code}@${d.span!.start.line}:${d.span!.start.column}`);
}

/** The stream's families and diagnostics against parse() of the same text. */
async function expectSameAsParse(source: ChunkSource, text: string, options: StreamOptions = {}): Promise<StreamItem[]> {
  const items = await collect(source, options);
  const expected = parse(text, options);
  expect(items.at(-1)!.family).toBeUndefined();
  expect(items.every((i) => i.format === expected.format)).toBe(true);
  expect(toJSON(items.flatMap((i) => (i.family ? [i.family] : [])))).toEqual(toJSON(expected.families));
  expect(codesAt(items).sort()).toEqual(codesAt([expected]).sort());
  return items;
}

const enc = new TextEncoder();
const om = [
  '# TYPE "my.metric" counter',
  '# HELP "my.metric" Emoji 😀 and ünïcödé.',
  '{"my.metric_total",emoji="😀"} 1 # {trace="😀"} 1',
  '# TYPE g gauge',
  'g{x="é"} 2.5',
  '# EOF',
  '',
].join('\n');

function webStream(chunks: Chunk[]): ReadableStream<Chunk> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

describe('chunk sources', () => {
  it('a Web ReadableStream of bytes', async () => {
    const bytes = enc.encode(om);
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 60), bytes.subarray(60)];
    const items = await expectSameAsParse(webStream(chunks), om, { format: 'openmetrics' });
    expect(items.map((i) => i.family?.name)).toEqual(['my.metric', 'g', undefined]);
    expect(codesAt(items)).toEqual([]);
  });

  it('a Web ReadableStream of strings, through a TextDecoderStream too', async () => {
    await expectSameAsParse(webStream([om.slice(0, 30), om.slice(30)]), om, { format: 'openmetrics' });
    const decoded = webStream([enc.encode(om)]).pipeThrough(new TextDecoderStream() as unknown as TransformStream<Chunk, string>);
    await expectSameAsParse(decoded, om, { format: 'openmetrics' });
  });

  it('an async iterable', async () => {
    async function* chunks() {
      for (const line of om.split(/(?<=\n)/)) {
        await Promise.resolve();
        yield line;
      }
    }
    await expectSameAsParse(chunks(), om);
  });

  it('a Node Readable (an async iterable of Buffers)', async () => {
    await expectSameAsParse(Readable.from([Buffer.from(om.slice(0, 50)), Buffer.from(om.slice(50))]), om);
  });

  it('an array of Uint8Array chunks splitting a 4-byte emoji', async () => {
    const bytes = enc.encode(om);
    const emoji = bytes.indexOf(0xf0);
    expect(emoji).toBeGreaterThan(0);
    for (const split of [1, 2, 3]) {
      const chunks = [bytes.subarray(0, emoji + split), bytes.subarray(emoji + split)];
      await expectSameAsParse(chunks, om);
    }
    // and every byte on its own
    await expectSameAsParse([...bytes].map((b) => Uint8Array.of(b)), om);
  });

  it('an empty source', async () => {
    const items = await collect([], { format: 'openmetrics' });
    expect(items).toHaveLength(1);
    expect(codesAt(items)).toEqual(['OM004@1:1']);
    expect(await collect([''], { format: 'prometheus' })).toEqual([{ format: 'prometheus', diagnostics: [] }]);
  });
});

describe('framing', () => {
  it('reports a BOM given as bytes, as parse() does', async () => {
    const text = '\ufeffa 1\n# EOF\n';
    const items = await expectSameAsParse([enc.encode(text)], text, { format: 'openmetrics' });
    expect(codesAt(items)).toEqual(['OM002@1:1']);
    expect(items[0]!.family!.metrics[0]!.samples[0]!.span.start.offset).toBe(1);
  });

  it('reports a BOM split across byte chunks, and one given in a string', async () => {
    const text = '\ufeffa 1\n# EOF\n';
    const bytes = enc.encode(text);
    expect(codesAt(await collect([bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)], { format: 'openmetrics' }))).toEqual(['OM002@1:1']);
    expect(codesAt(await collect([text], { format: 'openmetrics' }))).toEqual(['OM002@1:1']);
  });

  it('reports each CRLF line end, with the CR and LF in different chunks', async () => {
    const text = 'a 1\r\nb 2\r\n# EOF\r\n';
    const items = await expectSameAsParse(['a 1\r', '\nb 2\r', '\n# EOF\r', '\n'], text, { format: 'openmetrics' });
    expect(codesAt(items)).toEqual(['OM003@1:4', 'OM003@2:4', 'OM003@3:6']);
  });

  it('reads a huge line split into many chunks', async () => {
    const value = 'x'.repeat(1_000_000);
    const text = `a{v="${value}"} 1\nb 2\n# EOF\n`;
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 4096) chunks.push(text.slice(i, i + 4096));
    const items = await collect(chunks, { format: 'openmetrics' });
    expect(codesAt(items)).toEqual([]);
    expect(items[0]!.family!.metrics[0]!.labels[0]!.value).toHaveLength(1_000_000);
    expect(items[1]!.family!.metrics[0]!.samples[0]!.span.start).toMatchObject({ line: 2, column: 1, offset: text.indexOf('\nb') + 1 });
  });

  it('reads a last line without a line feed, and warns', async () => {
    const text = 'a 1\nb 2';
    const items = await expectSameAsParse(['a 1\nb', ' 2'], text, { format: 'prometheus' });
    expect(codesAt(items)).toEqual(['OM021@2:4']);
  });
});

describe('yielding', () => {
  it('yields a family as soon as the next one starts, before the stream ends', async () => {
    let controller!: ReadableStreamDefaultController<string>;
    const stream = new ReadableStream<string>({ start: (c) => void (controller = c) });
    const iterator = parseStream(stream, { format: 'openmetrics' })[Symbol.asyncIterator]();
    controller.enqueue('# TYPE a gauge\na 1\na{x="y"} 2\n');
    controller.enqueue('b 1\n');
    const first = await iterator.next();
    expect(first.value!.family!.name).toBe('a');
    expect(first.value!.family!.metrics).toHaveLength(2);
    controller.enqueue('# EOF\n');
    controller.close();
    const second = await iterator.next();
    expect(second.value!.family!.name).toBe('b');
    const last = await iterator.next();
    expect(last.value).toEqual({ format: 'openmetrics', diagnostics: [] });
    expect((await iterator.next()).done).toBe(true);
  });

  it('gives each family its diagnostics, and the end-of-input ones last', async () => {
    const text = '# TYPE a counter\na_total -1\n# TYPE b gauge\nb 1\nb 2\n';
    const items = await collect([text], { format: 'openmetrics' });
    expect(items.map((i) => [i.family?.name, codesAt([i])])).toEqual([
      ['a', ['OM110@2:1']],
      ['b', ['OM126@5:1']],
      [undefined, ['OM004@6:1']],
    ]);
  });

  it('detects the format from the head, or from a Content-Type', async () => {
    expect((await collect(['a 1\n', '# EOF\n']))[0]!.format).toBe('openmetrics');
    expect((await collect(['a 1\n', 'b 1\n']))[0]!.format).toBe('prometheus');
    expect((await collect(['a 1\n'], { contentType: 'application/openmetrics-text; version=1.0.0' }))[0]!.format).toBe('openmetrics');
  });
});

describe('model: false', () => {
  const text = [
    '# TYPE a counter',
    'a_total -1',
    'a_total{x="y"} 2 # {} 1',
    '# TYPE h histogram',
    'h_bucket{le="1"} 2',
    'h_bucket{le="+Inf"} 1',
    'junk line',
    'g  1',
  ].join('\n');

  it('yields no families but the same diagnostics', async () => {
    const withModel = await collect([text], { format: 'openmetrics' });
    const without = await collect([text.slice(0, 20), text.slice(20)], { format: 'openmetrics', model: false });
    expect(without.every((i) => i.family === undefined)).toBe(true);
    expect(codesAt(without).sort()).toEqual(codesAt(withModel).sort());
    expect(codesAt(without).sort()).toEqual(codesAt([parse(text, { format: 'openmetrics' })]).sort());
    expect(codesAt(without).length).toBeGreaterThan(4);
  });

  it('on a valid exposition yields only the final, empty item', async () => {
    expect(await collect([om], { model: false })).toEqual([{ format: 'openmetrics', diagnostics: [] }]);
  });
});

describe('invalid UTF-8 in byte chunks', () => {
  it('does not mistake a U+FFFD written in the input, split over three one-byte chunks, for invalid bytes', async () => {
    const bytes = new TextEncoder().encode('a{x="\ufffd"} 1\n');
    const at = bytes.indexOf(0xef);
    const chunks = [bytes.subarray(0, at + 1), bytes.subarray(at + 1, at + 2), bytes.subarray(at + 2)];
    const items = await collect(chunks, { format: 'prometheus' });
    expect(items.flatMap((i) => i.diagnostics)).toEqual([]);
  });
});
