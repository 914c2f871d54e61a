// om lint --fix / --diff / --unsafe-fixes / --statistics.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

// OpenMetrics with three fixable errors (a carriage return, a blank line, no `# EOF`) and a
// non-fixable warning (`OM219`/`OM200` are not in play: the family has a prefix and help).
const broken = '# TYPE shop_orders counter\r\n# HELP shop_orders Orders.\nshop_orders_total 1\n\n# TYPE shop_up gauge\n# HELP shop_up Up.\nshop_up 1\n';
const fixed = '# TYPE shop_orders counter\n# HELP shop_orders Orders.\nshop_orders_total 1\n# TYPE shop_up gauge\n# HELP shop_up Up.\nshop_up 1\n# EOF\n';
const om = ['--format-in', 'openmetrics', '--format', 'concise'];

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function files(content: Record<string, string | Buffer>) {
  const t = tempDir(content);
  cleanup = t.cleanup;
  return t.dir;
}

describe('om lint --fix', () => {
  it('rewrites the file in place, keeps its mode, leaves no temp file, and exits by what remains', async () => {
    const dir = files({ 'm.om': broken });
    chmodSync(join(dir, 'm.om'), 0o640);
    const before = await run(['lint', ...om, 'm.om'], { cwd: dir });
    expect(before.exitCode).toBe(1);
    expect(before.stdout).toContain('(3 fixable)');

    const r = await run(['lint', ...om, '--fix', 'm.om'], { cwd: dir });
    expect(readFileSync(join(dir, 'm.om'), 'utf8')).toBe(fixed);
    expect(statSync(join(dir, 'm.om')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['m.om']);
    expect(r.stderr).toBe('om: fixed 3 findings in 1 input\n');
    expect(r.stdout).toBe('✔ no problems in 1 input\n');
    expect(r.exitCode).toBe(0);

    // Idempotent: nothing left to do.
    const again = await run(['lint', ...om, '--fix', 'm.om'], { cwd: dir });
    expect(again).toEqual({ exitCode: 0, stdout: '✔ no problems in 1 input\n', stderr: 'om: nothing to fix\n' });
  });

  it('exit 1 when an error remains that no fix removes', async () => {
    const dir = files({ 'm.om': `${broken}shop_up 2\n` });
    const r = await run(['lint', ...om, '--fix', 'm.om'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/OM1\d\d\//);
    expect(readFileSync(join(dir, 'm.om'), 'utf8')).not.toContain('\r');
  });

  it('stdin: prints the fixed text on stdout, the findings left on stderr', async () => {
    const r = await run(['lint', ...om, '--fix', '-'], { stdin: broken });
    expect(r.stdout).toBe(fixed);
    expect(r.stderr).toBe('✔ no problems in 1 input\n');
    expect(r.exitCode).toBe(0);
  });

  it('leaves gzip files and input that is not UTF-8 alone, with a note', async () => {
    const notUtf8 = Buffer.concat([Buffer.from('# TYPE shop_g gauge\r\n# HELP shop_g G.\nshop_g{v="a'), Buffer.from([0x80]), Buffer.from('b"} 1\n')]);
    const dir = files({ 'm.om.gz': gzipSync(broken), 'bad.prom': notUtf8 });
    const r = await run(['lint', '--fix', '--format', 'concise', 'm.om.gz', 'bad.prom'], { cwd: dir });
    expect(r.stderr).toContain('om: m.om.gz: not fixed: a gzip file is not written back\n');
    expect(r.stderr).toMatch(/om: bad\.prom: not fixed: the input is not valid UTF-8/);
    expect(readFileSync(join(dir, 'bad.prom')).equals(notUtf8)).toBe(true);
    expect(r.exitCode).toBe(1);
  });

  it('refuses --fix with --diff, and --unsafe-fixes alone', async () => {
    expect((await run(['lint', '--fix', '--diff', 'x.om'])).exitCode).toBe(2);
    expect(await run(['lint', '--fix', '-', 'x.om'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'om: --fix with - (stdin) prints the fixed text on stdout and takes no other input\n',
    });
    const r = await run(['lint', '--unsafe-fixes', 'x.om']);
    expect(r).toEqual({ exitCode: 2, stdout: '', stderr: 'om: --unsafe-fixes needs --fix or --diff\n' });
  });
});

describe('om lint --diff', () => {
  it('prints a unified diff, writes nothing, exit 1', async () => {
    const dir = files({ 'm.om': broken });
    const r = await run(['lint', ...om, '--diff', 'm.om'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(
      [
        '--- m.om',
        '+++ m.om',
        '@@ -1,7 +1,7 @@',
        '-# TYPE shop_orders counter\r',
        '+# TYPE shop_orders counter',
        ' # HELP shop_orders Orders.',
        ' shop_orders_total 1',
        '-',
        ' # TYPE shop_up gauge',
        ' # HELP shop_up Up.',
        ' shop_up 1',
        '+# EOF',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('om: --fix would fix 3 findings in 1 input\n');
    expect(readFileSync(join(dir, 'm.om'), 'utf8')).toBe(broken);
  });

  it('exit 0 and no output when there is nothing to fix', async () => {
    const dir = files({ 'm.om': fixed });
    expect(await run(['lint', ...om, '--diff', 'm.om'], { cwd: dir })).toEqual({ exitCode: 0, stdout: '', stderr: 'om: nothing to fix\n' });
    expect(existsSync(join(dir, 'm.om'))).toBe(true);
  });
});

describe('om lint --statistics', () => {
  const text = '# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\n# TYPE c gauge\nc{le="1"} 1\n';

  it('counts per rule, most first, fixable marked', async () => {
    const dir = files({ 'm.prom': text });
    writeFileSync(join(dir, 'n.prom'), '# TYPE shop_x counter\nshop_x 1\r\n');
    const r = await run(['lint', '--statistics', 'm.prom', 'n.prom'], { cwd: dir });
    const rows = r.stdout.trimEnd().split('\n');
    const summary = rows.pop();
    expect(summary).toMatch(/^✖ 1 error, \d+ warnings, \d+ infos in 2 inputs \(1 fixable\)$/);
    expect(rows[0]).toMatch(/^\s*4 {2}OM200\/help-text$/);
    const counts = rows.map((row) => Number(row.trim().split(/\s+/)[0]));
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(rows.find((row) => row.includes('OM003/carriage-return'))).toMatch(/^\s*1 {2}OM003\/carriage-return\s+\[\*\]$/);
    expect(r.exitCode).toBe(1);
  });

  it('JSON with --format json; the summary on stderr', async () => {
    const dir = files({ 'm.prom': text });
    const r = await run(['lint', '--statistics', '--format', 'json', 'm.prom'], { cwd: dir });
    const stats = JSON.parse(r.stdout) as { code: string; name: string; count: number; fixable: number }[];
    expect(stats[0]).toEqual({ code: 'OM200', name: 'help-text', count: 3, fixable: 0 });
    expect(stats.map((s) => s.count)).toEqual(stats.map((s) => s.count).sort((x, y) => y - x));
    expect(r.stderr).toMatch(/^⚠ \d+ warnings/);
  });
});
