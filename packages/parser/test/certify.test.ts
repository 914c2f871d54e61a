// validate(bytes) vouches for well-formed input without decoding it (src/scan/certify.ts) and hands
// anything else to the full reader at the start of a family. Whatever it does, it must report
// exactly what the text reading reports.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseStream, serialize, validate, type Chunk, type Diagnostic, type MetricFamily, type StreamItem } from '../src/index.js';
import { certify, type Certificate } from '../src/scan/certify.js';
// @ts-expect-error plain .mjs script without types
import { writeCorpus } from '../bench/corpus.mjs';
import { cut, exposition, formats, inTextOrder, mutate, mutatedText, seeds, streamed, type Format } from './support/arbitraries.js';

const encoder = new TextEncoder();
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

function certificate(bytes: Uint8Array, format: Format): Certificate {
  return certify(bytes, format === 'openmetrics', { familyTypes: new Map(), claimedNames: new Set() });
}

/** validate() of the bytes and of their text agree, for each way of choosing the format. */
function agrees(bytes: Uint8Array): void {
  const text = decode(bytes);
  for (const format of [...formats, 'auto'] as const) {
    expect(validate(bytes, { format }), JSON.stringify(text)).toEqual(validate(text, { format }));
  }
}

/** A quoted metric or label name (a `"` in a label value is always escaped). */
const quotedName = /[{,]"|^# [A-Z]+ "/m;

const generated = (format: Format) => exposition(format).map((spec) => serialize(spec as unknown as MetricFamily[], { format }));

/** A generated exposition with a few edits inside one of its lines, the rest left intact. */
const damaged = (format: Format) =>
  fc
    .tuple(generated(format), fc.nat(), fc.array(fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace'), at: fc.nat(), char: fc.constantFrom(' ', '{', '}', ',', '"', '\\', '#', '=', '.', 'e', '-', '_', '0', '1', 'é', '\r', 'NaN', 'le', 'quantile', '_total') }), { minLength: 1, maxLength: 3 }))
    .map(([text, which, edits]) => {
      const lines = text.split('\n');
      const k = which % lines.length;
      lines[k] = mutate(lines[k]!, edits);
      return lines.join('\n');
    });

/** A generated exposition with its lines dropped, repeated, moved, or a sample's value changed. */
const rearranged = (format: Format) =>
  fc
    .tuple(generated(format), fc.array(fc.tuple(fc.constantFrom('drop', 'repeat', 'move', 'value'), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }))
    .map(([text, ops]) => {
      const lines = text.split('\n');
      for (const [op, a, b] of ops) {
        const k = a % lines.length;
        const j = b % lines.length;
        if (op === 'drop') lines.splice(k, 1);
        else if (op === 'repeat') lines.splice(j, 0, lines[k]!);
        else if (op === 'move') lines.splice(j, 0, ...lines.splice(k, 1));
        // The value: the first number after the labels (or the name).
        else lines[k] = lines[k]!.replace(/^([^#][^ ]*(?:\{.*\})? )([-+0-9.eInfa]+)/, (_, head: string, v: string) => `${head}${b % 2 ? '-' : ''}${v}${b % 3}`);
      }
      return lines.join('\n');
    });

describe('validate(bytes) ≡ validate(text)', () => {
  it('on the conformance cases', () => {
    for (const text of seeds) agrees(encoder.encode(text));
  });

  for (const format of formats) {
    it(`on generated ${format} expositions, and vouches for them whole`, () => {
      fc.assert(
        fc.property(generated(format), (text) => {
          const bytes = encoder.encode(text);
          agrees(bytes);
          // Every generated exposition is valid: the certifier must get to the end of those in its
          // plain shapes (quoted names are the full reader's).
          expect(validate(text, { format }).diagnostics).toEqual([]);
          if (!quotedName.test(text)) expect(certificate(bytes, format).complete, text).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    it(`on generated ${format} expositions with one line damaged`, () => {
      fc.assert(fc.property(damaged(format), (text) => agrees(encoder.encode(text))), { numRuns: 300 });
    });

    it(`on generated ${format} expositions with lines dropped, repeated, moved or changed`, () => {
      fc.assert(fc.property(rearranged(format), (text) => agrees(encoder.encode(text))), { numRuns: 300 });
    });

    it(`on ${format} expositions joined with families repeated or clashing`, () => {
      fc.assert(
        fc.property(fc.array(generated(format), { minLength: 2, maxLength: 3 }), fc.boolean(), (texts, renamed) => {
          // Two generated expositions name their families alike (f0x…): joined, they clash.
          const parts = texts.map((t, i) => (renamed && i > 0 ? t.replaceAll('f0x', 'g0x') : t).replace(/# EOF\n$/, ''));
          agrees(encoder.encode(parts.join('') + (format === 'openmetrics' ? '# EOF\n' : '')));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('on the spellings the two readers might take differently', () => {
    const texts = [
      '# TYPE a counter\na_total 1 # {} NaN\n# EOF\n',
      '# TYPE a gauge\na NaN\na{b="1"} Inf\na{b="2"} -Inf\na{b="3"} +Inf\na{b="4"} -NaN\n# EOF\n',
      '# TYPE a histogram\na_bucket{le="+Inf"} 1 # {} NaN\na_count 1\na_sum 1\n# EOF\n',
      '# TYPE a summary\na{quantile="0.5"} NaN\na{quantile=".5"} 1\na{quantile="5e-1"} 1\n# EOF\n',
      '# TYPE a histogram\na_bucket{le="1"} 0\na_bucket{le="1.0"} 0\na_bucket{le="+Inf"} 0\na_count 0\na_sum 0\n# EOF\n',
      '# HELP a \\"quoted\\" and \\\\ and \\n\n# TYPE a gauge\na{b="\\"\\\\\\n"} 1\n# EOF\n',
      'a 1 1700000000000\na{b="1"} 1 -1\na{b="2"} 1 1.5\n',
      '# TYPE a info\na_info{b="1"} 1\n# TYPE b stateset\nb{b="x"} 1\nb{b="y"} 0\n# UNIT a seconds\n# EOF\n',
    ];
    for (const text of texts) agrees(encoder.encode(text));
  });

  it('on mutated conformance cases', () => {
    fc.assert(fc.property(mutatedText, (text) => agrees(encoder.encode(text))), { numRuns: 300 });
  });

  it('on the benchmark corpora (1 MB of each format, a later scrape with changed values)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'om-certify-'));
    try {
      for (const format of formats) {
        for (const perturb of [0, 0.25]) {
          const file = join(dir, `${format}-${perturb}.txt`);
          writeCorpus(format, 1_000_000, file, 7, { perturb });
          const bytes = readFileSync(file);
          expect(certificate(bytes, format).complete).toBe(true);
          expect(validate(bytes, { format })).toEqual(validate(bytes.toString('utf8'), { format }));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('validate(bytes) on bytes that are not UTF-8', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 80 }),
    // Valid text with invalid bytes spliced in.
    fc
      .tuple(generated('openmetrics'), fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x80, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf5, 0xff)), { minLength: 1, maxLength: 3 }))
      .map(([text, splices]) => {
        const out = [...encoder.encode(text)];
        for (const [at, byte] of splices) out.splice(at % (out.length + 1), 0, byte);
        return Uint8Array.from(out);
      }),
  );

  it('report what parse(bytes) and parseStream() report (OM020)', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom<Format | 'auto'>('openmetrics', 'prometheus', 'auto'), async (input, format) => {
        const parsed = parse(input, { format });
        expect(validate(input, { format })).toEqual({ format: parsed.format, diagnostics: parsed.diagnostics });
        expect((await streamed([input], format)).diagnostics).toEqual(parsed.diagnostics);
      }),
      { numRuns: 200 },
    );
  });

  it('an invalid byte in a label value is reported on its line', () => {
    const input = Uint8Array.from([...encoder.encode('# TYPE a gauge\na{b="'), 0xff, ...encoder.encode('"} 1\n# EOF\n')]);
    const codes = validate(input, { format: 'openmetrics' }).diagnostics.map((d) => `${d.code}@${d.span?.start.line}:${d.span?.start.column}`);
    expect(codes).toEqual(['OM020@2:6']);
  });
});

describe('the hand-over', () => {
  const family = (name: string, value: number) => `# HELP ${name} Ünïcode help.\n# TYPE ${name} gauge\n${name}{x="ü"} ${value}\n`;

  it('is at the start of the family with the problem, in UTF-16 units', () => {
    const text = `${family('a', 1)}${family('b', 2)}# TYPE c gauge\nc{x="1"} 1\nc{x="1"} 2\n# EOF\n`;
    const bytes = encoder.encode(text);
    const stop = certificate(bytes, 'openmetrics');
    expect(stop.complete).toBe(false);
    expect(stop.textOffset).toBe(text.indexOf('# TYPE c'));
    expect(stop.offset).toBe(encoder.encode(text.slice(0, stop.textOffset)).length);
    expect(stop.line).toBe(6);
    const diagnostics = validate(bytes, { format: 'openmetrics' }).diagnostics;
    expect(diagnostics.map((d) => `${d.code}@${d.span?.start.line}`)).toEqual(['OM126@9']);
    expect(diagnostics).toEqual(validate(text, { format: 'openmetrics' }).diagnostics);
  });

  it('carries the earlier families: a family named again is reported', () => {
    const text = `${family('a', 1)}${family('b', 2)}${family('a', 3)}# EOF\n`;
    const stop = certificate(encoder.encode(text), 'openmetrics');
    expect(stop.textOffset).toBe(text.lastIndexOf('# HELP a'));
    const codes = validate(encoder.encode(text), { format: 'openmetrics' }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['OM103', 'OM104']);
  });

  it('after `# EOF`, is at the `# EOF` line', () => {
    const text = `${family('a', 1)}# EOF\nb 1\n`;
    const stop = certificate(encoder.encode(text), 'openmetrics');
    expect(stop.textOffset).toBe(text.indexOf('# EOF'));
    expect(validate(encoder.encode(text), { format: 'openmetrics' }).diagnostics.map((d) => d.code)).toEqual(['OM005']);
  });

  it('Prometheus text without a final line feed', () => {
    const text = `${family('a', 1)}b 2`;
    expect(validate(encoder.encode(text), { format: 'prometheus' }).diagnostics.map((d) => d.code)).toEqual(['OM021']);
  });
});

describe('parseStream({ model: false }) ≡ validate(text)', () => {
  async function streamedDiagnostics(chunks: Chunk[], format: Format | 'auto') {
    const diagnostics: Diagnostic[] = [];
    let last: StreamItem['format'] | undefined;
    async function* source() {
      yield* chunks;
    }
    for await (const item of parseStream(source(), { format, model: false })) {
      diagnostics.push(...item.diagnostics);
      last = item.format;
    }
    return { format: last, diagnostics: inTextOrder(diagnostics) };
  }

  const text = fc.oneof(
    generated('openmetrics'),
    generated('prometheus'),
    damaged('openmetrics'),
    damaged('prometheus'),
    rearranged('openmetrics'),
    rearranged('prometheus'),
    mutatedText,
  );
  const format = fc.constantFrom<Format | 'auto'>('openmetrics', 'prometheus', 'auto');

  it('byte chunks cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), format, async (t, points, f) => {
        const bytes = encoder.encode(t);
        expect(await streamedDiagnostics(cut(bytes, points), f)).toEqual(validate(decode(bytes), { format: f }));
      }),
      { numRuns: 300 },
    );
  });

  it('byte chunks, then text chunks', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 6 }), fc.nat(), format, async (t, points, switchAt, f) => {
        const pieces = cut(t, points);
        const k = switchAt % (pieces.length + 1);
        const chunks: Chunk[] = pieces.map((piece, i) => (i < k ? encoder.encode(piece) : piece));
        // What the chunks say: a lone surrogate in a byte chunk was encoded as U+FFFD.
        const said = chunks.map((c) => (typeof c === 'string' ? c : decode(c))).join('');
        expect(await streamedDiagnostics(chunks, f)).toEqual(validate(said, { format: f }));
      }),
      { numRuns: 200 },
    );
  });

  it('a long stream of small chunks (the certifier drops what it has vouched for as it goes)', async () => {
    const family = (i: number) => `# TYPE f${i} counter\nf${i}_total{a="${i}"} ${i}\n`;
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < 20_000; i++) chunks.push(encoder.encode(family(i)));
    chunks.push(encoder.encode('# EOF\n'));
    expect(await streamedDiagnostics(chunks, 'openmetrics')).toEqual({ format: 'openmetrics', diagnostics: [] });
    // A problem in the last family is found where it is: `f0_total` is the first family's sample name.
    chunks.splice(chunks.length - 1, 0, encoder.encode('f0_total 1\n'));
    const { diagnostics } = await streamedDiagnostics(chunks, 'openmetrics');
    expect(diagnostics.map((d) => `${d.code}@${d.span?.start.line}`)).toEqual(['OM104@40001']);
    expect(diagnostics).toEqual(validate(chunks.map(decode).join(''), { format: 'openmetrics' }).diagnostics);
  });

  it('after handing over, a consumer that stops early releases the source', async () => {
    const parts = ['# TYPE a gauge\na 1\na 2\n', '# TYPE b gauge\nb 1\n', '# TYPE c gauge\nc 1\n', '# EOF\n'];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(encoder.encode(part));
        controller.close();
      },
    });
    for await (const item of parseStream(stream, { format: 'openmetrics', model: false })) {
      expect(item.diagnostics.map((d) => d.code)).toEqual(['OM126']);
      break;
    }
    expect(stream.locked).toBe(false);
  });
});

// Prometheus text 0.0.4 histograms and summaries ("Histograms and summaries": a `le="+Inf"` bucket
// equal to `_count`, buckets and quantiles in increasing order; buckets cumulative) and its int64
// millisecond timestamps, with OpenMetrics timestamps beyond a float64: the grammar, the fast line
// reader and the byte certifier must report the same, on every path.
describe('broken histograms, summaries and timestamps: every path reports the same', () => {
  const H = '# HELP h Latency.\n# TYPE h histogram\n';
  const good = `# TYPE q histogram\nq_bucket{a="x",le="0.5"} 1\nq_bucket{a="x",le="+Inf"} 2\nq_sum{a="x"} 1.5\nq_count{a="x"} 2\n`;
  const gauge = '# TYPE g gauge\ng{a="ü"} 1\n';
  const cases: { what: string; format: Format; text: string; expected: string[] }[] = [
    { what: 'no +Inf bucket', format: 'prometheus', text: `${H}h_bucket{le="1"} 1\nh_bucket{le="2"} 2\nh_sum 3\nh_count 2\n`, expected: ['OM114@3:1'] },
    { what: 'buckets that are not cumulative', format: 'prometheus', text: `${H}h_bucket{le="1"} 3\nh_bucket{le="2"} 1\nh_bucket{le="+Inf"} 3\n`, expected: ['OM116@4:1'] },
    { what: '`_count` other than the +Inf bucket', format: 'prometheus', text: `${H}h_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_count 3\n`, expected: ['OM117@3:1'] },
    { what: 'buckets out of order', format: 'prometheus', text: `${H}h_bucket{le="2"} 1\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 1\n`, expected: ['OM115@4:1'] },
    { what: 'a negative count', format: 'prometheus', text: `${H}h_bucket{le="+Inf"} 0\nh_count -1\n`, expected: ['OM117@3:1', 'OM110@4:1'] },
    { what: 'quantiles out of order', format: 'prometheus', text: '# TYPE s summary\ns{quantile="0.9"} 1\ns{quantile="0.5"} 1\ns_count 1\n', expected: ['OM128@3:1'] },
    { what: 'a timestamp beyond int64', format: 'prometheus', text: 'a 1 9223372036854775808\n', expected: ['OM014@1:5'] },
    { what: 'a 1000-digit timestamp', format: 'prometheus', text: `a 1 ${'9'.repeat(1000)}\n`, expected: ['OM014@1:5'] },
    { what: 'a timestamp beyond a float64', format: 'openmetrics', text: '# TYPE a gauge\na 1 1e400\n# EOF\n', expected: ['OM014@2:5'] },
    { what: 'a huge exponent', format: 'openmetrics', text: '# TYPE a gauge\na 1 1e999999999999999999999\n# EOF\n', expected: ['OM014@2:5'] },
    { what: 'an exemplar timestamp beyond a float64', format: 'openmetrics', text: '# TYPE c counter\nc_total 1 # {} 1 1e400\n# EOF\n', expected: ['OM015@2:18'] },
    { what: 'a value beyond a float64', format: 'openmetrics', text: '# TYPE a gauge\na 1e400\na{b="c"} -1e999999999\n# EOF\n', expected: ['OM013@2:3', 'OM013@3:10'] },
    { what: 'a value beyond a float64', format: 'prometheus', text: `a 1e400\nb ${'9'.repeat(400)}\n`, expected: ['OM013@1:3', 'OM013@2:3'] },
    { what: 'an `le` beyond a float64', format: 'prometheus', text: `${H}h_bucket{le="1e400"} 1\nh_bucket{le="+Inf"} 1\n`, expected: ['OM109@3:1'] },
    { what: 'an `le` beyond a float64', format: 'openmetrics', text: '# TYPE h histogram\nh_bucket{le="1e400"} 1\nh_bucket{le="+Inf"} 1\n# EOF\n', expected: ['OM109@2:1'] },
  ];

  const key = (ds: Diagnostic[]) => ds.map((d) => `${d.code}:${d.severity}@${d.span?.start.line}:${d.span?.start.column}`);
  async function streamedKeys(chunks: Chunk[], format: Format, model: boolean) {
    const diagnostics: Diagnostic[] = [];
    async function* source() {
      yield* chunks;
    }
    for await (const item of parseStream(source(), { format, model })) diagnostics.push(...item.diagnostics);
    return key(inTextOrder(diagnostics));
  }
  /** The case alone, and between families the certifier vouches for (line numbers move by the lines before). */
  const variants = (c: (typeof cases)[number]) => {
    const eof = c.format === 'openmetrics' ? '# EOF\n' : '';
    const body = c.text.replace(/# EOF\n$/, '');
    const before = `${good}${gauge}`;
    const shift = before.split('\n').length - 1;
    const moved = c.expected.map((e) => e.replace(/@(\d+):/, (_, l: string) => `@${Number(l) + shift}:`));
    return [
      { text: c.text, expected: c.expected },
      { text: `${before}${body}# TYPE z gauge\nz 1\n${eof}`, expected: moved },
    ];
  };

  it.each(cases)('$what ($format)', async (c) => {
    for (const { text, expected } of variants(c)) {
      const bytes = encoder.encode(text);
      const format = c.format;
      const reference = parse(text, { format }).diagnostics;
      expect(key(reference).map((k) => k.replace(/:error@|:warning@/, '@'))).toEqual(expected);
      expect(key(parse(bytes, { format }).diagnostics)).toEqual(key(reference));
      expect(key(validate(bytes, { format }).diagnostics)).toEqual(key(reference));
      expect(key(validate(text, { format }).diagnostics)).toEqual(key(reference));
      expect(validate(bytes, { format }).diagnostics).toEqual(reference);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), async (points, model) => {
          expect(await streamedKeys(cut(bytes, points), format, model)).toEqual(key(reference));
        }),
        { numRuns: 40 },
      );
    }
  });

  it('valid Prometheus text histograms and summaries are still vouched for whole', () => {
    const text = `${good}${gauge}# TYPE s summary\ns{quantile="0.5"} 1\ns{quantile="0.9"} 2\ns_sum 3\ns_count 4\n# TYPE k histogram\nk_bucket{le="1"} 1\nk_bucket{le="+Inf"} 1\nt 1 9223372036854775807\n`;
    const bytes = encoder.encode(text);
    expect(validate(text, { format: 'prometheus' }).diagnostics).toEqual([]);
    expect(certificate(bytes, 'prometheus').complete).toBe(true);
  });
});
