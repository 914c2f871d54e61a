// Hostile input through the CLI, in process: arbitrary bytes on stdin never crash `om lint -` or
// `om parse -` (a verdict, exit 0 or 1, with no "internal error"), the streamed path (`--stream`)
// agrees with the whole-text path, and pathological shapes cost time linear in their size (the
// case at n and 4n: a ratio under 8; quadratic gives 16). Sizes ≤ 10 MB; `pnpm stress` runs the
// full ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { fakeIo, run } from './helpers.js';

const enc = new TextEncoder();

const fragment = fc.constantFrom(
  'm 1\n',
  'm{a="b"} 1\n',
  '# TYPE m counter\n',
  '# TYPE m_total counter\n',
  '# HELP m h\\n\\\\x\n',
  '# UNIT m seconds\n',
  '# EOF\n',
  'c_total 1 # {t="x"} 1 1\n',
  'target_info{a="b"} 1\n',
  'h_bucket{le="+Inf"} 1\n',
  '\0',
  '\r',
  '\r\n',
  '\uFEFF',
  '\uD800',
  '"',
  '\\',
  '{',
  '}',
  ' ',
  '\n',
  'é',
);
const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.array(fragment, { maxLength: 30 }).map((a) => Buffer.from(a.join(''), 'utf8')),
  // Lone surrogates as Node writes them (U+FFFD), and raw bytes that are not UTF-8 in valid lines.
  fc.tuple(fc.array(fragment, { maxLength: 10 }), fc.uint8Array({ maxLength: 8 })).map(([a, b]) => Buffer.concat([Buffer.from(a.join('')), Buffer.from(b)])),
);

async function runStdin(argv: string[], stdin: Uint8Array) {
  const { io, out } = fakeIo({ stdin: Buffer.from(stdin) });
  const exitCode = await main(argv, io);
  return { exitCode, ...out };
}

function expectVerdict(r: { exitCode: number; stderr: string }): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect([0, 1]).toContain(r.exitCode);
}

describe('arbitrary bytes on stdin', () => {
  it('om lint - and om parse - give a verdict, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBytes, async (bytes) => {
        expectVerdict(await runStdin(['lint', '--format', 'json', '-'], bytes));
        const parsed = await runStdin(['parse', '-'], bytes);
        // A document om cannot write back validly is refused, with the reason: a verdict too.
        if (parsed.exitCode === 2) expect(parsed.stderr).toMatch(/^om: cannot write valid /m);
        else expectVerdict(parsed);
      }),
      { numRuns: 150 },
    );
  });

  // The same findings at the same line and column: a streamed lint keeps the open family's text.
  it('om lint --stream - finds the same problems at the same places as the whole-text path', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fragment, { maxLength: 30 }).map((a) => Buffer.from(a.join(''), 'utf8')),
        async (bytes) => {
          const whole = await runStdin(['lint', '--format', 'json', '-'], bytes);
          const streamed = await runStdin(['lint', '--stream', '--format', 'json', '-'], bytes);
          expectVerdict(streamed);
          expect(streamed.exitCode).toBe(whole.exitCode);
          const key = (json: string) =>
            (JSON.parse(json) as { results: { diagnostics: { code: string; span?: { start: { line: number; column: number } } }[] }[] }).results
              .flatMap((r) => r.diagnostics)
              .map((d) => `${d.code}@${d.span?.start.line ?? '-'}:${d.span?.start.column ?? '-'}`)
              .sort();
          expect(key(streamed.stdout)).toEqual(key(whole.stdout));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('om lint --stream sees checks across families over the whole input, not a batch at a time', async () => {
    // 1,500 families: a label constant on the last 1,000 only, and a `_count` gauge whose summary
    // comes 1,400 families later. Linted in separate batches, the first looked constant and the
    // second lost its stem.
    let text = '# TYPE app_queue_count gauge\n# HELP app_queue_count Q.\napp_queue_count{env="dev"} 1\n';
    for (let i = 0; i < 1500; i++) text += `# TYPE app_f${i}_bytes gauge\n# HELP app_f${i}_bytes F.\napp_f${i}_bytes{env="${i < 500 ? 'dev' : 'prod'}"} 1\n`;
    text += '# TYPE app_queue summary\n# HELP app_queue Q.\napp_queue_sum{env="prod"} 1\napp_queue_count{env="prod"} 1\n';
    const args = ['lint', '--preset', 'strict', '--format', 'json', '-'];
    const whole = await runStdin(args, enc.encode(text));
    const streamed = await runStdin(['lint', '--stream', ...args.slice(1)], enc.encode(text));
    const found = (json: string) =>
      (JSON.parse(json) as { results: { diagnostics: { code: string; message: string }[] }[] }).results.flatMap((r) => r.diagnostics).map((d) => `${d.code} ${d.message}`);
    expect(found(streamed.stdout)).toEqual(found(whole.stdout));
    expect(found(whole.stdout).some((f) => f.startsWith('OM203'))).toBe(true);
    expect(found(whole.stdout).some((f) => f.startsWith('OM152'))).toBe(false);
  });

  it('gzip on stdin, whole and streamed; a truncated gzip is a clean exit 2', async () => {
    const { gzipSync } = await import('node:zlib');
    const gz = gzipSync('# TYPE up gauge\nup 1\n');
    expect((await runStdin(['lint', '-'], gz)).exitCode).toBe(0);
    expect((await runStdin(['lint', '--stream', '-'], gz)).exitCode).toBe(0);
    for (const argv of [['lint', '-'], ['lint', '--stream', '-']]) {
      const r = await runStdin(argv, gz.subarray(0, gz.length - 6));
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^om: .*gzip/);
    }
  });
});

// ---- scale ------------------------------------------------------------------------------------

async function lintMs(text: string, extra: string[] = []): Promise<{ ms: number; exitCode: number; stderr: string }> {
  const bytes = enc.encode(text);
  const t0 = performance.now();
  const r = await runStdin(['lint', '--format', 'json', ...extra, '-'], bytes);
  return { ms: performance.now() - t0, exitCode: r.exitCode, stderr: r.stderr };
}

/** `om lint -` at n and 4n: the time ratio (measured again up to 5 times while over 8). */
async function lintRatio(make: (n: number) => string, n: number, extra: string[] = []): Promise<number> {
  const small = make(n);
  const large = make(4 * n);
  await lintMs(small, extra); // warm up
  let r = Infinity;
  for (let attempt = 0; attempt < 5 && r >= 8; attempt++) {
    const s = await lintMs(small, extra);
    const l = await lintMs(large, extra);
    expectVerdict(s);
    expectVerdict(l);
    r = Math.min(r, l.ms / Math.max(20, s.ms));
  }
  return r;
}

const labels = (k: number) => Array.from({ length: k }, (_, i) => `l${i}="v"`).join(',');
const shapes: Record<string, [(n: number) => string, number]> = {
  'a single long line': [(n) => `a${'b'.repeat(n)} 1\n`, 500_000],
  'a long label value': [(n) => `m{a="${'x'.repeat(n)}"} 1\n`, 500_000],
  'many labels on one series': [(n) => `m{${labels(Math.floor(n / 10))}} 1\n`, 250_000],
  // Clean: no finding, so that only the input's cost is measured.
  'many families': [
    (n) => Array.from({ length: Math.floor(n / 80) }, (_, i) => `# HELP app_requests_${i} Requests.\n# TYPE app_requests_${i} gauge\napp_requests_${i} ${i}\n`).join(''),
    250_000,
  ],
  'repeated metadata': [(n) => '# TYPE m gauge\n# HELP m x\n'.repeat(Math.floor(n / 26)) + 'm 1\n', 250_000],
  'escaped backslashes': [(n) => `m{a="${'\\\\'.repeat(n / 2)}"} 1\n`, 500_000],
  'many exemplars': [
    (n) => '# TYPE c counter\n' + Array.from({ length: Math.floor(n / 36) }, (_, i) => `c_total{i="${i}"} 1 # {t="a"} 1 1\n`).join('') + '# EOF\n',
    250_000,
  ],
  'many series of one family': [(n) => '# TYPE g gauge\n' + Array.from({ length: Math.floor(n / 16) }, (_, i) => `g{i="${i}"} 1\n`).join(''), 250_000],
};

describe('om lint - in time linear in the input (ratio 4n / n below 8)', () => {
  for (const [name, [make, n]] of Object.entries(shapes)) {
    it(name, async () => {
      expect(await lintRatio(make, n)).toBeLessThan(8);
    });
  }

  it('many families, streamed', async () => {
    expect(await lintRatio(shapes['many families']![0], 250_000, ['--stream'])).toBeLessThan(8);
  });

  it('a 10 MB label value and a 10 MB line without a final newline end with a verdict', async () => {
    const a = await lintMs(`m{a="${'x'.repeat(10_000_000)}"} 1\n`);
    expectVerdict(a);
    const b = await lintMs(`m{a="${'x'.repeat(10_000_000)}`, ['--stream']);
    expectVerdict(b);
    expect(b.exitCode).toBe(1);
  });
});

describe('memory', () => {
  it('om lint --stream - over 8 MB of families does not hold the families', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const text = shapes['many families']![0](8_000_000);
    const bytes = enc.encode(text);
    // Feed stdin in chunks while sampling the heap.
    let peak = 0;
    gc();
    const base = process.memoryUsage().heapUsed;
    const { io, out } = fakeIo();
    const chunked = {
      ...io,
      async *stdinStream() {
        for (let i = 0; i < bytes.length; i += 65536) {
          if (i % (1 << 20) === 0) {
            gc();
            peak = Math.max(peak, process.memoryUsage().heapUsed - base);
          }
          yield bytes.subarray(i, i + 65536);
        }
      },
    };
    expect(await main(['lint', '--stream', '-'], chunked)).toBe(0);
    expect(out.stderr).toBe('');
    // The input is 8 MB and already in memory; its 100k families (~40 MB as a model) are not kept.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('odd inputs', () => {
  it('an empty stdin, a lone BOM, only CRs, only NULs', async () => {
    for (const text of ['', '\uFEFF', '\r\r\r', '\0\0\0']) {
      expectVerdict(await runStdin(['lint', '-'], enc.encode(text)));
      expectVerdict(await runStdin(['lint', '--stream', '-'], enc.encode(text)));
    }
  });

  it('a directory without expositions and a missing file are one-line exit 2', async () => {
    // A directory stands for the exposition files under it (globs.test.ts); src/ holds none.
    for (const target of ['../src', 'no-such-file.prom']) {
      const r = await run(['lint', target]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^om: (cannot read|no exposition files in)/);
    }
  });
});
