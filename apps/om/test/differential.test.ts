// One verdict, whatever the path. Every input of the corpus below gets the same findings (code,
// severity, line:col) from every way an exposition reaches om: parse() of text and of bytes,
// validate() of both, parseStream() fed chunks cut anywhere (bytes and strings, with and without
// a model), and the CLI reading a file, a gzip file, stdin, a loopback HTTP body and each of
// those streamed. `auto` reads every input as the format it reports, on every path.
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { parse, parseStream, serialize, validate, type Diagnostic, type Format, type MetricFamily } from '@omkit/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cut, exposition, mutatedText, seeds } from '../../../packages/parser/test/support/arbitraries.js';
import { EXAMPLES, FIXTURES, run, tempDir } from './helpers.js';

interface Entry {
  name: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Every file directly in `dir` (or in `dir/<case>/metrics` for the conformance layout). */
function filesOf(dir: string, prefix: string): Entry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      if (entry.isDirectory()) {
        const metrics = join(dir, entry.name, 'metrics');
        return existsSync(metrics) ? [{ name: `${prefix}${entry.name}`, bytes: readFileSync(metrics) }] : [];
      }
      if (/\.(md|sh|json|gz)$/.test(entry.name)) return [];
      return [{ name: `${prefix}${entry.name}`, bytes: readFileSync(join(dir, entry.name)) }];
    });
}

const conformance = filesOf(here('../../../packages/parser/test/conformance/openmetrics/cases/'), 'conformance/');
const exporters = filesOf(here('../../../packages/lint/test/fixtures/exporters/'), 'exporter/');
const examples = [...filesOf(EXAMPLES, 'example/'), ...filesOf(FIXTURES, 'fixture/')];

// Generated: valid expositions of both formats, damaged ones, and bytes that are not UTF-8.
const generated: Entry[] = [
  ...(['openmetrics', 'prometheus'] as const).flatMap((format) =>
    fc
      .sample(exposition(format), { numRuns: 25, seed: 7 })
      .map((spec, i) => ({ name: `generated/${format}-${i}`, bytes: utf8(serialize(spec as unknown as MetricFamily[], { format })) })),
  ),
  ...fc.sample(mutatedText, { numRuns: 40, seed: 11 }).map((text, i) => ({ name: `generated/damaged-${i}`, bytes: utf8(text) })),
  ...seeds.slice(0, 30).map((text, i) => {
    const bytes = utf8(text);
    const at = Math.floor(bytes.length / 2);
    return { name: `generated/invalid-utf8-${i}`, bytes: Uint8Array.from([...bytes.subarray(0, at), 0x80, 0xfe, ...bytes.subarray(at)]) };
  }),
  { name: 'generated/prometheus-histogram-without-inf', bytes: utf8('# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n') },
  { name: 'generated/prometheus-counter-without-eof', bytes: utf8('# HELP shop_orders Orders.\n# TYPE shop_orders counter\nshop_orders_total 1\nshop_orders_created 1\n') },
];

// The benchmark's node_exporter-like corpora, at a real scrape's size.
const benchCorpus: string = new URL('../../../packages/parser/bench/corpus.mjs', import.meta.url).href;
const { writeCorpus } = (await import(benchCorpus)) as { writeCorpus: (format: Format, bytes: number, file: string, seed?: number) => void };
const benchDir = mkdtempSync(join(tmpdir(), 'om-differential-'));
const bench: Entry[] = (['prometheus', 'openmetrics'] as const).map((format) => {
  const file = join(benchDir, format);
  writeCorpus(format, 150_000, file, 3);
  return { name: `bench/${format}`, bytes: readFileSync(file) };
});
rmSync(benchDir, { recursive: true, force: true });

const corpus: Entry[] = [...conformance, ...exporters, ...examples, ...bench, ...generated];

/** A finding as the paths must agree on it. */
const key = (d: Pick<Diagnostic, 'code' | 'severity' | 'span'>) => `${d.span?.start.line ?? 0}:${d.span?.start.column ?? 0} ${d.severity} ${d.code}`;
const keys = (ds: readonly Pick<Diagnostic, 'code' | 'severity' | 'span'>[]) => ds.map(key).sort();

/** Deterministic cut points for one input (mulberry32 seeded by its length and name). */
function cutPoints(length: number, seedText: string): number[] {
  let a = seedText.split('').reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, length);
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const points = new Set<number>();
  const n = Math.min(12, length);
  for (let i = 0; i < n; i++) points.add(Math.floor(rnd() * length));
  return [...points].sort((x, y) => x - y);
}

async function streamed(chunks: (Uint8Array | string)[], format: Format | 'auto', model: boolean) {
  const diagnostics: Diagnostic[] = [];
  let read: Format | undefined;
  for await (const item of parseStream(chunks, { format, model })) {
    diagnostics.push(...item.diagnostics);
    read = item.format;
  }
  return { format: read, diagnostics: keys(diagnostics) };
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function textOf(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

describe('the library reads every input alike on every path', () => {
  it('covers the conformance cases, real exporters, examples and generated inputs', () => {
    expect(conformance).toHaveLength(211);
    expect(generated.length).toBeGreaterThan(100);
  });

  it.each(corpus.map((e) => [e.name, e] as const))('%s', async (_name, entry) => {
    const { bytes } = entry;
    const text = textOf(bytes);
    const points = cutPoints(bytes.length, entry.name);
    for (const format of ['auto', 'openmetrics', 'prometheus'] as const) {
      const reference = parse(bytes, { format });
      const expected = { format: reference.format, diagnostics: keys(reference.diagnostics) };
      const at = `${entry.name} as ${format}`;
      const validated = validate(bytes, { format });
      expect({ format: validated.format, diagnostics: keys(validated.diagnostics) }, `${at}: validate(bytes)`).toEqual(expected);
      expect(await streamed(cut(bytes, points), format, true), `${at}: parseStream(bytes)`).toEqual(expected);
      expect(await streamed(cut(bytes, points), format, false), `${at}: parseStream(bytes, no model)`).toEqual(expected);
      if (text !== undefined) {
        const fromText = parse(text, { format });
        expect({ format: fromText.format, diagnostics: keys(fromText.diagnostics) }, `${at}: parse(text)`).toEqual(expected);
        const validatedText = validate(text, { format });
        expect({ format: validatedText.format, diagnostics: keys(validatedText.diagnostics) }, `${at}: validate(text)`).toEqual(expected);
        expect(await streamed(cut(text, cutPoints(text.length, entry.name)), format, true), `${at}: parseStream(text)`).toEqual(expected);
      }
      if (format === 'auto') {
        // `auto` is the explicit format it reports.
        const explicit = parse(bytes, { format: reference.format });
        expect(keys(explicit.diagnostics), `${entry.name}: auto ≡ ${reference.format}`).toEqual(expected.diagnostics);
      }
    }
  });
});

// ------------------------------------------------------------------------------------ the CLI

const CONTENT_TYPE: Record<Format, string> = {
  openmetrics: 'application/openmetrics-text; version=1.0.0; charset=utf-8',
  'openmetrics-2.0': 'application/openmetrics-text; version=2.0.0; charset=utf-8',
  prometheus: 'text/plain; version=0.0.4; charset=utf-8',
};

interface Finding {
  code: string;
  severity: string;
  span?: { start: { line: number; column: number } };
}

/** The findings of one `om lint --format json` run, without the scrape rules (OM3xx: only URLs have them). */
async function lintFindings(argv: string[], stdin?: Uint8Array): Promise<{ exitCode: number; findings: string[] }> {
  const result = await run(['lint', '--format', 'json', '--preset', 'strict', ...argv], stdin === undefined ? {} : { stdin: Buffer.from(stdin) });
  expect(result.exitCode, `om lint ${argv.join(' ')}: ${result.stderr}`).toBeLessThan(2);
  const report = JSON.parse(result.stdout) as { results: { diagnostics: Finding[] }[] };
  const findings = report.results.flatMap((r) => r.diagnostics).filter((d) => !d.code.startsWith('OM3'));
  return { exitCode: result.exitCode, findings: keys(findings as Pick<Diagnostic, 'code' | 'severity' | 'span'>[]) };
}

describe('the CLI reads every input alike on every path', () => {
  const served = new Map<string, { body: Uint8Array; type: string }>();
  let server: Server;
  let base = '';
  let files: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    files = tempDir();
    server = createServer((req, res) => {
      const page = served.get(req.url ?? '');
      if (page === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': page.type }).end(page.body);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    files.cleanup();
  });

  // The conformance cases, the exporters, the examples, the bench corpora and a share of the generated inputs.
  const cliCorpus = [...conformance, ...exporters, ...examples, ...bench, ...generated.filter((_, i) => i % 3 === 0)];

  it.each(cliCorpus.map((e, i) => [e.name, e, i] as const))('%s', async (_name, entry, index) => {
    const { bytes } = entry;
    // No extension: the file is judged by its text, as stdin is.
    const file = join(files.dir, `input-${index}`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, bytes);
    writeFileSync(`${file}.gz`, gzipSync(bytes));
    const format = parse(bytes).format;

    const expected = await lintFindings([file]);
    // The parser's findings are all there, as the library reports them from the bytes.
    const library = keys(parse(bytes).diagnostics);
    expect(expected.findings.filter((f) => library.includes(f)), 'the parser\'s findings').toEqual(library);
    expect(await lintFindings([`${file}.gz`]), 'gzip file').toEqual(expected);
    expect(await lintFindings(['-'], bytes), 'stdin').toEqual(expected);
    expect(await lintFindings(['--stream', file]), 'file, streamed').toEqual(expected);
    expect(await lintFindings(['--stream', '-'], bytes), 'stdin, streamed').toEqual(expected);
    expect(await lintFindings(['--format-in', format, file]), `--format-in ${format}`).toEqual(expected);

    served.set(`/m${index}`, { body: bytes, type: CONTENT_TYPE[format] });
    expect(await lintFindings([`${base}/m${index}`]), 'HTTP body').toEqual(expected);
  });
});
