// The format of a document is decided once, by one rule (src/format.ts), and every path agrees:
// parse() of a string and of bytes, validate() of both, parseStream() with and without a model, fed
// bytes or strings in any chunk size.
import { describe, expect, it } from 'vitest';
import { declaredFormat, detectFormat, DETECT_WINDOW, formatFromFileName, lastLineIsEof, parse, parseStream, validate, type Diagnostic, type ParseOptions } from '../src/index.js';

const encoder = new TextEncoder();
const at = (d: Diagnostic) => `${d.code}@${d.span?.start.line}:${d.span?.start.column}`;

interface Reading {
  path: string;
  format: string;
  diagnostics: string[];
}

function* chunksOf<T extends string | Uint8Array>(whole: T, size: number): Generator<T> {
  for (let i = 0; i < whole.length; i += size) yield whole.slice(i, i + size) as T;
}

/** The format and diagnostics of `text` on every path. */
async function readings(text: string, options: ParseOptions = {}, sizes = [1 << 16, 4099, 997]): Promise<Reading[]> {
  const bytes = encoder.encode(text);
  const out: Reading[] = [];
  const push = (path: string, r: { format: string; diagnostics: Diagnostic[] }) => out.push({ path, format: r.format, diagnostics: r.diagnostics.map(at) });
  push('parse(text)', parse(text, options));
  push('parse(bytes)', parse(bytes, options));
  push('validate(text)', validate(text, options));
  push('validate(bytes)', validate(bytes, options));
  for (const size of sizes) {
    for (const model of [true, false]) {
      for (const kind of ['bytes', 'text'] as const) {
        const formats = new Set<string>();
        const diagnostics: Diagnostic[] = [];
        const source = kind === 'bytes' ? chunksOf(bytes, size) : chunksOf(text, size);
        for await (const item of parseStream(source, { ...options, model })) {
          formats.add(item.format);
          diagnostics.push(...item.diagnostics);
        }
        push(`parseStream(${kind}, ${size}, model ${model})`, { format: [...formats].join('|'), diagnostics });
      }
    }
  }
  return out;
}

const WHOLE = ['parse(text)', 'parse(bytes)', 'validate(text)', 'validate(bytes)'];

/** The readings of the paths that have the whole input (parse and validate), and of the streams. */
async function split(text: string, options: ParseOptions = {}, sizes?: number[]): Promise<{ whole: Reading[]; streams: Reading[] }> {
  const all = await readings(text, options, sizes);
  return { whole: all.filter((r) => WHOLE.includes(r.path)), streams: all.filter((r) => !WHOLE.includes(r.path)) };
}

/** The one reading every one of `paths` gives (each path is named when it differs). */
function one(paths: Reading[]): { format: string; diagnostics: string[] } {
  const first = paths[0]!;
  for (const r of paths) expect({ path: r.path, format: r.format, diagnostics: r.diagnostics }).toEqual({ path: r.path, format: first.format, diagnostics: first.diagnostics });
  return { format: first.format, diagnostics: first.diagnostics };
}

/** Every path reads `text` alike; returns that reading. */
async function agreed(text: string, options: ParseOptions = {}, sizes?: number[]): Promise<{ format: string; diagnostics: string[] }> {
  const all = await readings(text, options, sizes);
  const first = all[0]!;
  for (const r of all) expect({ path: r.path, format: r.format, diagnostics: r.diagnostics }).toEqual({ path: r.path, format: first.format, diagnostics: first.diagnostics });
  return { format: first.format, diagnostics: first.diagnostics };
}

/** A family of `n` gauge series, one line each. */
const gauge = (name: string, n: number) => `# TYPE ${name} gauge\n${Array.from({ length: n }, (_, i) => `${name}{instance="host-${i}.example:9100"} ${i}\n`).join('')}`;

describe('the detection rule', () => {
  it('reads a short document without `# EOF` as Prometheus text, whatever OpenMetrics markers it has', async () => {
    const old = '# HELP shop_orders Orders placed.\n# TYPE shop_orders counter\nshop_orders_total 1\nshop_orders_created 1.7e9\n';
    expect(detectFormat(old)).toBe('prometheus');
    const read = await agreed(old);
    expect(read.format).toBe('prometheus');
    expect(read.diagnostics).not.toContain('OM004@5:1');
    for (const marker of ['# UNIT a_seconds seconds\n# TYPE a_seconds gauge\na_seconds 1\n', '# TYPE i info\ni_info 1\n', '# TYPE u unknown\nu 1\n']) {
      expect(detectFormat(marker)).toBe('prometheus');
    }
  });

  it('reads a short document with a `# EOF` line as OpenMetrics, with or without other markers', async () => {
    expect(detectFormat('a 1\n# EOF\n')).toBe('openmetrics');
    expect(detectFormat('a 1\r\n# EOF\r\n')).toBe('openmetrics');
    expect(detectFormat('a 1\n# EOF')).toBe('openmetrics');
    expect((await agreed('# TYPE shop_orders counter\nshop_orders_total 1\n# EOF\n')).format).toBe('openmetrics');
    // Not a `# EOF` line: a comment that starts with it.
    expect(detectFormat('a 1\n# EOF later\n')).toBe('prometheus');
  });

  it('reads a whole document by its end, whatever its length and its head', async () => {
    const long = gauge('filler', Math.ceil(DETECT_WINDOW / 30));
    expect(long.length).toBeGreaterThan(DETECT_WINDOW);
    for (const input of [(t: string) => t, (t: string) => encoder.encode(t)]) {
      expect(detectFormat(input(`# TYPE c counter\nc_total 1\n${long}`))).toBe('prometheus');
      expect(detectFormat(input(`# UNIT x_seconds seconds\n${long}`))).toBe('prometheus');
      expect(detectFormat(input(`${long}# EOF\n`))).toBe('openmetrics');
      expect(detectFormat(input(`# TYPE c counter\nc_total 1\n${long}# EOF`))).toBe('openmetrics');
    }
  });

  it('reads a `# EOF` line with lines after it as Prometheus text (where `# EOF` is a comment)', () => {
    // As the conformance case bad_text_after_eof_0: not an OpenMetrics document, whatever it meant to be.
    expect(detectFormat('a 1\n# EOF\nb 1\n')).toBe('prometheus');
    expect(parse('a 1\n# EOF\nb 1\n').format).toBe('prometheus');
    expect(parse('a 1\n# EOF\nblah').diagnostics.some((d) => d.severity === 'error')).toBe(true);
    // Empty lines after it are no such lines: OpenMetrics, and the empty line is reported there.
    const blank = parse('a 1\n# EOF\n\n');
    expect(blank.format).toBe('openmetrics');
    expect(blank.diagnostics.map(at)).toEqual(['OM005@3:1']);
  });

  it('finds the last line that is not empty from the last bytes or code units', () => {
    const cases: [string, boolean][] = [
      ['# EOF', true],
      ['# EOF\n', true],
      ['a 1\n# EOF\n\n\n', true],
      ['a 1\r\n# EOF\r\n\r\n', true],
      ['a 1\n# EOF\r\n', true],
      ['', false],
      ['\n\n', false],
      ['a 1\n', false],
      ['a 1\n# EOF later\n', false],
      ['a 1\n## EOF\n', false],
      ['a 1\n # EOF\n', false],
      ['a 1\r# EOF\n', false],
      ['\uFEFF# EOF\n', false],
      ['a 1\n# EOF\nb 1', false],
      ['a{v="€"} 1\n# EOF\n', true],
    ];
    for (const [text, expected] of cases) {
      expect(lastLineIsEof(text), JSON.stringify(text)).toBe(expected);
      expect(lastLineIsEof(encoder.encode(text)), `bytes ${JSON.stringify(text)}`).toBe(expected);
    }
    // Invalid UTF-8 before the line: bytes and the decoded text agree.
    expect(lastLineIsEof(Uint8Array.from([0x61, 0xe2, 0x0a, ...encoder.encode('# EOF\n')]))).toBe(true);
    expect(lastLineIsEof(Uint8Array.from([0x61, 0xe2, ...encoder.encode('# EOF\n')]))).toBe(false);
    // Only the last bytes of a longer document: undefined when they cannot tell.
    expect(lastLineIsEof(encoder.encode('1\n# EOF\n'), false)).toBe(true);
    expect(lastLineIsEof(encoder.encode('# EOF\n'), false)).toBeUndefined();
    expect(lastLineIsEof(encoder.encode('OF\n'), false)).toBeUndefined();
    expect(lastLineIsEof(encoder.encode('\n\n\n'), false)).toBeUndefined();
    expect(lastLineIsEof(encoder.encode('x"} 1\n'), false)).toBe(false);
    expect(lastLineIsEof(encoder.encode('x# EOF\n'), false)).toBe(false);
  });

  it('puts explicit format, Content-Type and file name before the text, in this order', () => {
    const om = 'a 1\n# EOF\n';
    expect(parse(om, { format: 'prometheus', contentType: 'application/openmetrics-text', fileName: 'x.om' }).format).toBe('prometheus');
    expect(parse(om, { contentType: 'text/plain; version=0.0.4', fileName: 'x.om' }).format).toBe('prometheus');
    expect(parse('a 1\n', { contentType: 'application/openmetrics-text; version=1.0.0', fileName: 'x.prom' }).format).toBe('openmetrics');
    expect(parse(om, { fileName: 'dir/x.prom' }).format).toBe('prometheus');
    expect(parse('a 1\n', { fileName: 'x.om.gz' }).format).toBe('openmetrics');
    // A media type that names no format, and other extensions, are no evidence: the text decides.
    expect(parse(om, { contentType: 'application/octet-stream', fileName: 'x.txt' }).format).toBe('openmetrics');
    expect(parse('a 1\n', { format: 'auto', fileName: 'x.metrics.gz' }).format).toBe('prometheus');
  });

  it('takes `.om` and `.prom` from file names, gzip looked through', () => {
    expect(formatFromFileName('a/b/metrics.OM')).toBe('openmetrics');
    expect(formatFromFileName('C:\\m\\x.prom.gz')).toBe('prometheus');
    expect(formatFromFileName('x.prometheus')).toBeUndefined();
    expect(formatFromFileName('om')).toBeUndefined();
    expect(formatFromFileName('x.om.txt')).toBeUndefined();
    expect(declaredFormat({ format: 'auto', contentType: 'text/html', fileName: 'x.json' })).toBeUndefined();
  });
});

describe('every path decides alike', () => {
  it('a short OpenMetrics-looking document without `# EOF` (no OM004 anywhere)', async () => {
    const read = await agreed('# TYPE shop_orders counter\nshop_orders_total 1\n', {}, [1, 5, 64]);
    expect(read.format).toBe('prometheus');
    expect(read.diagnostics.filter((d) => d.startsWith('OM004'))).toEqual([]);
  });

  it('a Content-Type that names no format leaves the text to decide, on every path', async () => {
    // Bytes once went to validate() and the certifier with an empty head: Prometheus text.
    const read = await agreed('# TYPE i info\ni_info{v="1"} 1\n# EOF\n', { contentType: 'application/octet-stream' });
    expect(read).toEqual({ format: 'openmetrics', diagnostics: [] });
  });

  it('documents at the edge of the window', async () => {
    const eof = '# EOF\n';
    for (const length of [DETECT_WINDOW - 1, DETECT_WINDOW, DETECT_WINDOW + 1, DETECT_WINDOW + 2]) {
      // `a 1\n` lines, padded with a comment line, then `# EOF`: exactly `length` code units.
      const body = `# TYPE a gauge\n${'a 1\n'.repeat(Math.floor((length - 15 - eof.length - 4) / 4))}`;
      const pad = length - body.length - eof.length;
      const text = `${body}#${'x'.repeat(pad - 2)}\n${eof}`;
      expect(text.length).toBe(length);
      // The whole input, and a stream that knows its end: OpenMetrics.
      expect((await agreed(text, { endsWithEof: true }, [1 << 16, 4099])).format).toBe('openmetrics');
      // A stream longer than the window with no hint: its head decides, and holds the whole
      // `# EOF` up to one code unit more (the documented case where paths may differ).
      const { whole, streams } = await split(text, {}, [1 << 16, 4099]);
      expect(one(whole).format).toBe('openmetrics');
      expect(one(streams).format).toBe(length <= DETECT_WINDOW + 1 ? 'openmetrics' : 'prometheus');
    }
  });

  it('multi-byte text around the bytes of the window', async () => {
    // Three bytes per code unit: a head cut in bytes must still hold more than the window.
    const value = '€'.repeat(60);
    const line = (i: number) => `m{v="${value}",i="${i}"} 1\n`;
    for (const n of [Math.floor(DETECT_WINDOW / line(0).length) - 2, Math.ceil(DETECT_WINDOW / line(0).length) + 1]) {
      const text = `# TYPE m gauge\n${Array.from({ length: n }, (_, i) => line(i)).join('')}# EOF\n`;
      expect((await agreed(text, { endsWithEof: true }, [1 << 16, 1000, 7])).format).toBe('openmetrics');
      const { whole, streams } = await split(text, {}, [1 << 16, 1000, 7]);
      expect(one(whole).format).toBe('openmetrics');
      expect(one(streams).format).toBe(text.length <= DETECT_WINDOW ? 'openmetrics' : 'prometheus');
    }
  });

  it('a long OpenMetrics document whose head has no markers: OpenMetrics from the whole input and from a stream that knows its end', async () => {
    // As node_exporter's scrape converted to OpenMetrics and grown family by family: a head of one
    // big summary, `unknown` families far behind it.
    const summary = `# TYPE go_gc_duration_seconds summary\n${Array.from({ length: 1500 }, (_, i) => `go_gc_duration_seconds{instance="h${i}",quantile="0.5"} 1\n`).join('')}`;
    const text = `${summary}# TYPE node_netstat_Icmp6_InErrors unknown\nnode_netstat_Icmp6_InErrors 0\n# EOF\n`;
    expect(text.length).toBeGreaterThan(DETECT_WINDOW);
    const named = await agreed(text, { format: 'openmetrics' });
    expect(named).toEqual({ format: 'openmetrics', diagnostics: [] });
    expect(await agreed(text, { fileName: 'node.om' })).toEqual(named);
    expect(await agreed(text, { contentType: 'application/openmetrics-text; version=1.0.0' })).toEqual(named);
    // auto: parse and validate of text and bytes read the end; so does a stream given `endsWithEof`.
    expect(await agreed(text, { endsWithEof: true })).toEqual(named);
    expect(await agreed(text, { fileName: 'node.txt', endsWithEof: true })).toEqual(named);
    // A stream of it with no hint of its end is read by its head (documented): Prometheus text.
    const { whole, streams } = await split(text);
    expect(one(whole)).toEqual(named);
    expect(one(streams)).toEqual({ format: 'prometheus', diagnostics: ['OM016@1502:36'] });
  });

  it('a long document with OpenMetrics markers in its head and no `# EOF`: Prometheus text from the whole input', async () => {
    const text = `# TYPE c counter\nc_total 1\n# UNIT x_seconds seconds\n# TYPE x_seconds gauge\nx_seconds 1\n${gauge('filler', 3000)}`;
    expect(text.length).toBeGreaterThan(DETECT_WINDOW);
    const prometheus = await agreed(text, { endsWithEof: false });
    expect(prometheus.format).toBe('prometheus');
    expect(await agreed(text, { format: 'prometheus' })).toEqual(prometheus);
    // A stream of it with no hint of its end is read by its head (documented): OpenMetrics.
    const { whole, streams } = await split(text);
    expect(one(whole)).toEqual(prometheus);
    expect(one(streams).format).toBe('openmetrics');
  });

  it('`endsWithEof` is for streams longer than the window: a shorter stream and the whole input read their end', async () => {
    const text = '# TYPE a gauge\na 1\n# EOF\n';
    expect(await agreed(text, { endsWithEof: false }, [1, 7, 64])).toEqual({ format: 'openmetrics', diagnostics: [] });
    expect((await agreed('# TYPE a gauge\na 1\n', { endsWithEof: true }, [1, 7, 64])).format).toBe('prometheus');
  });

  it('a long document with OpenMetrics markers in its head', async () => {
    const text = `# TYPE c counter\nc_total 1\n${gauge('filler', 3000)}# TYPE u unknown\nu 1\n# EOF\n`;
    expect(await agreed(text)).toEqual({ format: 'openmetrics', diagnostics: [] });
  });
});
