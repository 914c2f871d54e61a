// The streamed path of the built binary (real process.stdin, real file streams): `--stream` on
// stdin, on a gzip file and on a plain file gives the findings of the whole-text path.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const sample = readFileSync(new URL('../examples/sample.prom', import.meta.url), 'utf8');

// ~3 MB: the sample (3 findings) then 20k clean families, then a syntax error on the last line.
let big = sample;
for (let k = 0; k < 20_000; k++) big += `# HELP app_x${k.toString(36)}_bytes B.\n# TYPE app_x${k.toString(36)}_bytes gauge\napp_x${k.toString(36)}_bytes ${k}\n`;
big += 'broken{ 1\n';
const tmp = tempDir({ 'big.prom': big, 'big.prom.gz': gzipSync(big) });
afterAll(() => tmp.cleanup());

function om(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: tmp.dir, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, maxBuffer: 64 * 1024 * 1024 });
  return { exitCode: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(bin)) execFileSync('pnpm', ['exec', 'tsc', '-b'], { cwd: root });
});

describe('dist/bin.js lint --stream', () => {
  it('stdin, a gzip file and a plain file: the same findings as the whole-text path', () => {
    const whole = om(['lint', '--format', 'concise', 'big.prom']);
    expect(whole.exitCode).toBe(1);
    expect(whole.stdout.split('\n').filter((l) => l.startsWith('big.prom:'))).toHaveLength(4);
    const lines = (out: string, name: string) => out.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l)).map((l) => l.replace(/^\S+?:(\d+):\d+:/, `${name}:$1:`));
    const expected = lines(whole.stdout, 'x');
    for (const [argv, input] of [
      [['lint', '--stream', '--format', 'concise', '-'], big],
      [['lint', '--stream', '--format', 'concise', 'big.prom.gz'], undefined],
      [['lint', '--stream', '--format', 'concise', 'big.prom'], undefined],
    ] as const) {
      const r = om([...argv], input);
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(1);
      expect(lines(r.stdout, 'x')).toEqual(expected);
    }
  });

  it('JSON: every field of every finding as the whole-text path has it (streamed findings are copies)', () => {
    const findings = (out: string) => (JSON.parse(out) as { results: { diagnostics: unknown[] }[] }).results[0]!.diagnostics;
    const whole = om(['lint', '--preset', 'strict', '--format', 'json', 'big.prom']);
    const streamed = om(['lint', '--stream', '--preset', 'strict', '--format', 'json', 'big.prom']);
    expect(streamed.exitCode).toBe(whole.exitCode);
    expect(findings(whole.stdout).length).toBeGreaterThan(3);
    expect(findings(streamed.stdout)).toEqual(findings(whole.stdout));
  });

  it('the full format without code frames, and a summary', () => {
    const r = om(['lint', '--stream', '--format', 'full', join(tmp.dir, 'big.prom')]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('1 error, 3 warnings in 1 input');
    expect(r.stdout).not.toMatch(/^\s*\d+ \|/m); // no code frame
  });
});
