// @omkit/fetch/node: opening inputs for the parser, with cwd, stdin and progress given by the caller.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandTarget, globRegExp, InputError, openInputs, parseInput, readAllInputs, readInputs, type Opened } from '../src/node/index.js';

const PROM = '# TYPE up gauge\nup 1\n';
const OM = '# TYPE up gauge\nup 1\n# EOF\n';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'om-node-inputs-'));
  mkdirSync(join(dir, 'm/sub'), { recursive: true });
  mkdirSync(join(dir, 'm/.hidden'), { recursive: true });
  writeFileSync(join(dir, 'm/b.prom'), PROM);
  writeFileSync(join(dir, 'm/a.om'), OM);
  writeFileSync(join(dir, 'm/sub/c.prom.gz'), gzipSync(PROM));
  writeFileSync(join(dir, 'm/README.md'), '# no\n');
  writeFileSync(join(dir, 'm/.hidden/x.prom'), PROM);
  writeFileSync(join(dir, 'bad.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
  writeFileSync(join(dir, 'big.om'), `${'# TYPE g gauge\n'}${'g 1\n'.repeat(100)}# EOF\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readInputs', () => {
  it('reads files (gzip too) relative to cwd, with the evidence of their format', async () => {
    const [a, c] = await readAllInputs(['m/a.om', 'm/sub/c.prom.gz'], { cwd: dir });
    expect(a).toMatchObject({ kind: 'file', source: 'm/a.om', path: join(dir, 'm/a.om'), text: OM });
    expect(parseInput(a!, 'auto').format).toBe('openmetrics');
    expect(c).toMatchObject({ source: 'm/sub/c.prom.gz', text: PROM });
    expect(parseInput(c!, 'auto').format).toBe('prometheus');
  });

  it('a target that cannot be read is a failure beside the others, never a throw', async () => {
    const out = await readInputs(['nope.prom', 'bad.gz', 'ftp://host/x', 'm/b.prom'], { cwd: dir });
    expect(out.map((o) => o.ok)).toEqual([false, false, false, true]);
    const errors = out.flatMap((o) => (o.ok ? [] : [o.error]));
    expect(errors.every((e) => e instanceof InputError)).toBe(true);
    expect(errors.map((e) => e.message)).toEqual([
      'cannot read nope.prom: no such file',
      expect.stringMatching(/^bad\.gz: cannot decompress gzip data: /),
      'cannot read ftp://host/x: unsupported URL scheme `ftp:` (om reads http and https URLs, files and -)',
    ]);
    await expect(readAllInputs(['nope.prom'], { cwd: dir })).rejects.toThrow(InputError);
  });

  it('stdin comes from the caller (gunzipped); without a reader `-` is a failure', async () => {
    const [input] = await readAllInputs(['-'], { cwd: dir, readStdin: async () => gzipSync(OM) });
    expect(input).toMatchObject({ kind: 'stdin', source: '-', text: OM });
    const [none] = await readInputs(['-'], { cwd: dir });
    expect(none).toMatchObject({ ok: false, source: '-' });
  });

  it('expands directories and globs when asked, and tells the progress callback about more than 3 targets', async () => {
    const seen: (string | undefined)[] = [];
    const out = await readInputs(['m', 'm/**/*.prom*', 'm/b.prom', 'm/a.om'], { cwd: dir, expand: true, progress: (s) => seen.push(s) });
    expect(out.map((o) => (o.ok ? o.input.source : o.source))).toEqual(['m/a.om', 'm/b.prom', 'm/sub/c.prom.gz', 'm/b.prom', 'm/sub/c.prom.gz', 'm/b.prom', 'm/a.om']);
    expect(seen[0]).toBe('reading 1/4 m/a.om');
    expect(seen.at(-1)).toBeUndefined();
    const [empty] = await readInputs(['m/*.nothing'], { cwd: dir, expand: true });
    expect(empty).toMatchObject({ ok: false, source: 'm/*.nothing', error: { message: 'no files match m/*.nothing' } });
  });
});

describe('openInputs', () => {
  const all = async (it: AsyncIterable<Opened>) => {
    const out: Opened[] = [];
    for await (const o of it) out.push(o);
    return out;
  };

  it('streams an input above streamAbove, with how a plain file ends', async () => {
    const [opened] = await all(openInputs(['big.om'], { cwd: dir, streamAbove: 64 }));
    if (!opened?.ok || !('streamed' in opened)) throw new Error('expected a streamed input');
    expect(opened.streamed).toMatchObject({ kind: 'file', source: 'big.om', endsWithEof: true });
    const chunks: Uint8Array[] = [];
    for await (const chunk of opened.streamed.chunks) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString()).toMatch(/^# TYPE g gauge\n(g 1\n){100}# EOF\n$/);
  });

  it('holds a small input whole, and expands a directory', async () => {
    const out = await all(openInputs(['m'], { cwd: dir }));
    expect(out.map((o) => o.ok && 'input' in o && o.input.source)).toEqual(['m/a.om', 'm/b.prom', 'm/sub/c.prom.gz']);
  });
});

describe('directories and globs', () => {
  it('a directory stands for its exposition files; one without any is a failure', async () => {
    expect(await expandTarget(dir, 'm')).toEqual(['m/a.om', 'm/b.prom', 'm/sub/c.prom.gz']);
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const [failed] = await expandTarget(dir, 'empty');
    expect(failed).toMatchObject({ source: 'empty', error: { message: 'no exposition files in empty/ (om looks for .prom, .om, .txt, .metrics and each with .gz)' } });
    expect(await expandTarget(dir, '-')).toEqual(['-']);
    expect(await expandTarget(dir, 'http://127.0.0.1/metrics')).toEqual(['http://127.0.0.1/metrics']);
  });

  it('globs match as a shell does', () => {
    const m = (pattern: string, path: string) => globRegExp(pattern.split('/')).test(path);
    expect(m('**/*.prom', 'x/y/a.prom')).toBe(true);
    expect(m('[!a]*.om', 'b.om')).toBe(true);
    expect(m('[!a]*.om', 'a.om')).toBe(false);
    expect(m('a+(b)', 'a+(b)')).toBe(true);
    expect(m('a+(b)', 'ab')).toBe(false);
    expect(m('{x,y}/*.om', 'z/q.om')).toBe(false);
  });
});
