// Directories and quoted globs as inputs: `om lint metrics/` lints the exposition files under it,
// `om lint 'fixtures/**/*.prom'` expands the pattern itself; sorted; nothing matched is exit 2 with
// one line. And a URL of a scheme om does not read is said to be one.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globRegExp } from '../src/inputs.js';
import { run, tempDir } from './helpers.js';

/** A gauge without HELP: one warning (OM200), so that each input shows in the report. */
const gauge = (name: string) => `# TYPE ${name} gauge\n${name} 1\n`;

let t: ReturnType<typeof tempDir>;

beforeAll(() => {
  t = tempDir({
    'metrics/b.prom': gauge('app_b'),
    'metrics/a.om': `${gauge('app_a')}# EOF\n`,
    'metrics/sub/c.prom.gz': gzipSync(gauge('app_c')),
    'metrics/sub/deeper/d.metrics': gauge('app_d'),
    'metrics/sub/e.txt': gauge('app_e'),
    'metrics/README.md': '# not an exposition\n',
    'metrics/.cache/hidden.prom': 'this is not looked at\n',
    'metrics/node_modules/dep/x.prom': 'nor is this\n',
    'empty/notes.md': 'nothing here\n',
    'broken/x.prom': '# TYPE x gauge\nx{ 1\n',
  });
});

afterAll(() => t.cleanup());

/** The sources a concise report names, in order. */
const sources = (out: string) => [...new Set(out.split('\n').filter((l) => /^\S+:\d+:\d+:/.test(l)).map((l) => l.split(':')[0]))];

describe('directories', () => {
  it('lints the exposition files under a directory, recursively, sorted, dot names skipped', async () => {
    const r = await run(['lint', '--format', 'concise', 'metrics'], { cwd: t.dir });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(sources(r.stdout)).toEqual(['metrics/a.om', 'metrics/b.prom', 'metrics/sub/c.prom.gz', 'metrics/sub/deeper/d.metrics', 'metrics/sub/e.txt']);
    expect(r.stdout).toContain('in 5 inputs');
  });

  it('a trailing slash, and several targets keep their order', async () => {
    const r = await run(['lint', '--format', 'concise', 'metrics/sub/', 'metrics/b.prom'], { cwd: t.dir });
    expect(sources(r.stdout)).toEqual(['metrics/sub/c.prom.gz', 'metrics/sub/deeper/d.metrics', 'metrics/sub/e.txt', 'metrics/b.prom']);
  });

  it('a directory without exposition files is exit 2 with one line; the other inputs are still reported', async () => {
    const r = await run(['lint', '--format', 'concise', 'empty', 'metrics/b.prom'], { cwd: t.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('om: no exposition files in empty/ (om looks for .prom, .om, .txt, .metrics and each with .gz)\n');
    expect(sources(r.stdout)).toEqual(['metrics/b.prom']);
  });

  it('om stats takes directories too', async () => {
    const r = await run(['stats', '--format', 'json', 'metrics/sub'], { cwd: t.dir });
    expect(r.exitCode).toBe(0);
    expect((JSON.parse(r.stdout) as { source: string }[]).map((s) => s.source)).toEqual(['metrics/sub/c.prom.gz', 'metrics/sub/deeper/d.metrics', 'metrics/sub/e.txt']);
  });

  it('om parse reads one file: a directory stays an error', async () => {
    const r = await run(['parse', 'metrics'], { cwd: t.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is a directory');
  });
});

describe('quoted globs', () => {
  it('expands `**` and `*`, sorted', async () => {
    const r = await run(['lint', '--format', 'concise', 'metrics/**/*.prom*'], { cwd: t.dir });
    expect(r.exitCode).toBe(0);
    expect(sources(r.stdout)).toEqual(['metrics/b.prom', 'metrics/sub/c.prom.gz']);
  });

  it('braces, `?` and classes', async () => {
    const r = await run(['lint', '--format', 'concise', 'metrics/?.{om,prom}', 'metrics/sub/[a-d].*'], { cwd: t.dir });
    expect(sources(r.stdout)).toEqual(['metrics/a.om', 'metrics/b.prom', 'metrics/sub/c.prom.gz']);
  });

  it('a pattern that matches nothing is exit 2 with one line', async () => {
    const r = await run(['lint', 'fixtures/**/*.prom'], { cwd: t.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('om: no files match fixtures/**/*.prom\n');
    expect(r.stdout).toBe('');
  });

  it('a file findings make exit 1 as for a file given by name', async () => {
    const r = await run(['lint', '--format', 'concise', 'broken/*.prom'], { cwd: t.dir });
    expect(r.exitCode).toBe(1);
    expect(sources(r.stdout)).toEqual(['broken/x.prom']);
  });

  it('a name with glob characters that exists is read as given', async () => {
    const u = tempDir({ 'odd[1].prom': gauge('app_odd') });
    try {
      const r = await run(['lint', '--format', 'concise', 'odd[1].prom'], { cwd: u.dir });
      expect(r.exitCode).toBe(0);
      expect(sources(r.stdout)).toEqual(['odd[1].prom']);
    } finally {
      u.cleanup();
    }
  });

  it('matches paths as shells do', () => {
    const m = (pattern: string, path: string) => globRegExp(pattern.split('/')).test(path);
    expect(m('**/*.prom', 'a.prom')).toBe(true);
    expect(m('**/*.prom', 'x/y/a.prom')).toBe(true);
    expect(m('*.prom', 'x/a.prom')).toBe(false);
    expect(m('a/**', 'a/b/c')).toBe(true);
    expect(m('{x,y}/*.om', 'y/q.om')).toBe(true);
    expect(m('[!a]*.om', 'a.om')).toBe(false);
    expect(m('a.b', 'axb')).toBe(false);
    expect(m('a+(b)', 'a+(b)')).toBe(true);
  });
});

describe('URL schemes', () => {
  it('a scheme other than http(s) is unsupported, exit 2, never "no such file"', async () => {
    for (const target of ['ftp://host/x', 'file:///etc/hosts', 'S3://bucket/key']) {
      const r = await run(['lint', target], { cwd: t.dir });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/^om: cannot read .*: unsupported URL scheme `[a-z0-9]+:` \(om reads http and https URLs, files and -\)\n$/);
      expect(r.stderr).not.toContain('no such file');
    }
    const parsed = await run(['parse', 'ftp://host/x'], { cwd: t.dir });
    expect(parsed.exitCode).toBe(2);
    expect(parsed.stderr).toContain('unsupported URL scheme `ftp:`');
  });
});
