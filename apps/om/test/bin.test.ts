// Smoke tests of the built binary (run `pnpm build` first; the test builds when dist is missing).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const sample = readFileSync(new URL('../examples/sample.prom', import.meta.url), 'utf8');

function om(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { exitCode: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(bin)) execFileSync('pnpm', ['exec', 'tsc', '-b'], { cwd: root });
});

describe('dist/bin.js', () => {
  it('lints the bundled sample from stdin, without colour when piped', () => {
    expect(om(['lint', '-'], sample)).toMatchSnapshot();
  });

  it('sets exit code 2 with one line and no stack for a missing file', () => {
    expect(om(['lint', 'examples/missing.prom'])).toEqual({ exitCode: 2, stdout: '', stderr: 'om: cannot read examples/missing.prom: no such file\n' });
  });

  it('FORCE_COLOR colours a pipe', () => {
    expect(om(['lint', 'examples/sample.prom'], undefined, { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
  });

  it('--version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(om(['--version'])).toEqual({ exitCode: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});
