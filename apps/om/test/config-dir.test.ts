// The config's `source` globs and the baseline's sources do not depend on the working directory:
// globs are relative to the config file's directory (as ESLint's), a baseline's sources to the
// baseline file's directory. The same file gets the same verdict from the project root and from a
// subdirectory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rebaseSource } from '@omkit/lint/node';
import { run, tempDir } from './helpers.js';

// One error (OM110, a negative counter) and one warning (OM200, no HELP) in metrics/app.prom.
const app = '# TYPE shop_orders_total counter\nshop_orders_total -1\n';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function project(files: Record<string, string>) {
  const t = tempDir(files);
  cleanup = t.cleanup;
  return t.dir;
}

describe('from a subdirectory', () => {
  it('an ignore with a `source` glob applies the same', async () => {
    const config = JSON.stringify({ ignore: [{ rule: 'OM200', source: 'metrics/*.prom' }, { rule: '*', source: 'metrics/app.prom', metric: 'shop_*' }] });
    const dir = project({ 'om.config.json': config, 'metrics/app.prom': app });
    const fromRoot = await run(['lint', '--format', 'concise', 'metrics/app.prom'], { cwd: dir });
    const fromSub = await run(['lint', '--format', 'concise', 'app.prom'], { cwd: join(dir, 'metrics') });
    expect(fromRoot.stdout.split('\n').filter((l) => l.includes(' OM'))).toEqual([]);
    expect(fromSub.stdout).toBe(fromRoot.stdout);
    expect(fromSub.exitCode).toBe(fromRoot.exitCode);
  });

  it('a baseline written from the root accepts the findings from a subdirectory, and the other way round', async () => {
    const dir = project({ 'om.config.json': JSON.stringify({ baseline: 'om-baseline.json' }), 'metrics/app.prom': app });
    const wrote = await run(['lint', '--write-baseline', 'metrics/app.prom'], { cwd: dir });
    expect(wrote.exitCode).toBe(0);
    const sources = JSON.parse(readFileSync(join(dir, 'om-baseline.json'), 'utf8')).entries.map((e: { source: string }) => e.source);
    expect(new Set(sources)).toEqual(new Set(['metrics/app.prom']));

    const fromRoot = await run(['lint', '--format', 'concise', 'metrics/app.prom'], { cwd: dir });
    const fromSub = await run(['lint', '--format', 'concise', 'app.prom'], { cwd: join(dir, 'metrics') });
    expect(fromRoot).toEqual({ exitCode: 0, stdout: '✔ no problems in 1 input\n', stderr: '' });
    expect(fromSub).toEqual(fromRoot);

    // Written from the subdirectory: the same file.
    const again = await run(['lint', '--write-baseline', 'app.prom'], { cwd: join(dir, 'metrics') });
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'om-baseline.json'), 'utf8')).entries.map((e: { source: string }) => e.source)).toEqual(sources);
  });

  it('--baseline FILE: sources relative to the baseline file', async () => {
    const dir = project({ 'metrics/app.prom': app, 'ci/.keep': '' });
    expect((await run(['lint', '--baseline', 'ci/base.json', '--write-baseline', 'metrics/app.prom'], { cwd: dir })).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'ci/base.json'), 'utf8')).toContain('"source": "../metrics/app.prom"');
    const fromSub = await run(['lint', '--format', 'concise', '--baseline', '../ci/base.json', 'app.prom'], { cwd: join(dir, 'metrics') });
    expect(fromSub).toEqual({ exitCode: 0, stdout: '✔ no problems in 1 input\n', stderr: '' });
  });

  it('stdin and URLs keep their source', () => {
    expect(rebaseSource('-', '/a', '/b')).toBe('-');
    expect(rebaseSource('http://127.0.0.1:9/metrics', '/a', '/b')).toBe('http://127.0.0.1:9/metrics');
    expect(rebaseSource('x.prom', '/p/metrics', '/p')).toBe('metrics/x.prom');
    expect(rebaseSource('metrics/x.prom', '/p', '/p/ci')).toBe('../metrics/x.prom');
  });
});
