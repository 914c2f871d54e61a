// The format of a document is decided once, by one rule (src/format.ts), and every path agrees:
// parse() of a string and of bytes, validate() of both, parseStream() with and without a model, fed
// bytes or strings in any chunk size.
import { describe, expect, it } from 'vitest';
import { declaredFormat, detectFormat, DETECT_WINDOW, formatFromFileName, parse, parseStream, validate, type Diagnostic, type ParseOptions } from '../src/index.js';

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

  it('reads a document longer than the window by the markers of its head', async () => {
    const long = gauge('filler', Math.ceil(DETECT_WINDOW / 30));
    expect(long.length).toBeGreaterThan(DETECT_WINDOW);
    expect(detectFormat(`# TYPE c counter\nc_total 1\n${long}`)).toBe('openmetrics');
    expect(detectFormat(`# UNIT x_seconds seconds\n${long}`)).toBe('openmetrics');
    expect(detectFormat(`${long}# EOF\n`)).toBe('prometheus');
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
      const read = await agreed(text, {}, [1 << 16, 4099]);
      // Longer than the window: the head decides, and it holds the whole `# EOF` up to one code unit more.
      expect(read.format).toBe(length <= DETECT_WINDOW + 1 ? 'openmetrics' : 'prometheus');
    }
  });

  it('multi-byte text around the bytes of the window', async () => {
    // Three bytes per code unit: a head cut in bytes must still hold more than the window.
    const value = '€'.repeat(60);
    const line = (i: number) => `m{v="${value}",i="${i}"} 1\n`;
    for (const n of [Math.floor(DETECT_WINDOW / line(0).length) - 2, Math.ceil(DETECT_WINDOW / line(0).length) + 1]) {
      const text = `# TYPE m gauge\n${Array.from({ length: n }, (_, i) => line(i)).join('')}# EOF\n`;
      const read = await agreed(text, {}, [1 << 16, 1000, 7]);
      expect(read.format).toBe(text.length <= DETECT_WINDOW ? 'openmetrics' : 'prometheus');
    }
  });

  it('a long OpenMetrics document whose head has no markers: one reading everywhere, and auto equals the named format once named', async () => {
    // As node_exporter's scrape converted to OpenMetrics and grown family by family: a head of one
    // big summary, `unknown` families far behind it.
    const summary = `# TYPE go_gc_duration_seconds summary\n${Array.from({ length: 1500 }, (_, i) => `go_gc_duration_seconds{instance="h${i}",quantile="0.5"} 1\n`).join('')}`;
    const text = `${summary}# TYPE node_netstat_Icmp6_InErrors unknown\nnode_netstat_Icmp6_InErrors 0\n# EOF\n`;
    expect(text.length).toBeGreaterThan(DETECT_WINDOW);
    const auto = await agreed(text);
    expect(auto.format).toBe('prometheus');
    const named = await agreed(text, { format: 'openmetrics' });
    expect(named).toEqual({ format: 'openmetrics', diagnostics: [] });
    expect(await agreed(text, { fileName: 'node.om' })).toEqual(named);
    expect(await agreed(text, { contentType: 'application/openmetrics-text; version=1.0.0' })).toEqual(named);
  });

  it('a long document with OpenMetrics markers in its head', async () => {
    const text = `# TYPE c counter\nc_total 1\n${gauge('filler', 3000)}# TYPE u unknown\nu 1\n# EOF\n`;
    expect(await agreed(text)).toEqual({ format: 'openmetrics', diagnostics: [] });
  });
});
