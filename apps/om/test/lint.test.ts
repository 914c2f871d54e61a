import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, run, tempDir } from './helpers.js';

const sample = readFileSync(join(EXAMPLES, 'sample.prom'), 'utf8');
const invalid = readFileSync(join(FIXTURES, 'invalid.prom'), 'utf8');
const valid = readFileSync(join(FIXTURES, 'valid.prom'), 'utf8');

const tmp = tempDir({
  'sample.prom': sample,
  'invalid.prom': invalid,
  'valid.prom': valid,
  'sample.prom.gz': gzipSync(sample),
  'bad-config/om.config.json': JSON.stringify({ rules: { OM999: 'error' } }),
  'bad-config/valid.prom': valid,
  'off-config/.omrc.json': JSON.stringify({ rules: { 'counter-total-suffix': 'off' } }),
  'off-config/sample.prom': sample,
  'broken-json/om.config.json': '{ "rules": ',
});
afterAll(tmp.cleanup);
const cwd = tmp.dir;

describe('om lint', () => {
  it('exits 0 on a valid file', async () => {
    expect(await run(['lint', 'valid.prom'], { cwd })).toMatchSnapshot();
  });

  it('exits 0 on the bundled OpenMetrics sample', async () => {
    expect(await run(['lint', 'sample.om'])).toMatchSnapshot();
  });

  it('exits 1 on naming problems (concise when not a TTY)', async () => {
    expect(await run(['lint', 'sample.prom'], { cwd })).toMatchSnapshot();
  });

  it('exits 1 on a syntax error', async () => {
    expect(await run(['lint', 'invalid.prom'], { cwd })).toMatchSnapshot();
  });

  it('uses the full format on a TTY', async () => {
    expect(await run(['lint', 'sample.prom'], { cwd, stdoutTTY: true })).toMatchSnapshot();
  });

  it('colours only when the stream wants colour', async () => {
    const plain = await run(['lint', 'sample.prom'], { cwd });
    const coloured = await run(['lint', 'sample.prom'], { cwd, color: true });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(coloured.stdout).toContain('\u001b[');
  });

  it('exits 2 with one line on a missing file', async () => {
    const r = await run(['lint', 'missing.prom'], { cwd });
    expect(r).toMatchSnapshot();
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports the readable inputs and still exits 2 when one is missing', async () => {
    expect(await run(['lint', 'valid.prom', 'missing.prom'], { cwd })).toMatchSnapshot();
  });

  it('exits 2 on a bad flag', async () => {
    const r = await run(['lint', '--no-such-flag', 'valid.prom'], { cwd });
    expect(r).toMatchSnapshot();
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a bad --format value', async () => {
    expect(await run(['lint', '--format', 'xml', 'valid.prom'], { cwd })).toMatchSnapshot();
  });

  it('exits 2 on a bad config found upward from cwd', async () => {
    const r = await run(['lint', 'valid.prom'], { cwd: join(cwd, 'bad-config') });
    expect(r).toMatchSnapshot();
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a config that is not JSON (--config)', async () => {
    const r = await run(['lint', '--config', 'broken-json/om.config.json', 'valid.prom'], { cwd });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^om: Invalid config: broken-json\/om.config.json is not valid JSON/);
  });

  it('reads .omrc.json', async () => {
    expect(await run(['lint', 'sample.prom'], { cwd: join(cwd, 'off-config') })).toMatchSnapshot();
  });

  it('--rule turns a rule off and --fail-on error ignores warnings', async () => {
    const r = await run(['lint', '--rule', 'OM201=off', '--rule', 'snake-case-name=info', '--fail-on', 'error', 'sample.prom'], { cwd });
    expect(r).toMatchSnapshot();
  });

  it('--rule refuses unknown rules and parser codes', async () => {
    expect(await run(['lint', '--rule', 'OM999=off', 'sample.prom'], { cwd })).toMatchSnapshot();
    expect(await run(['lint', '--rule', 'OM001=off', 'sample.prom'], { cwd })).toMatchSnapshot();
    expect(await run(['lint', '--rule', 'OM201', 'sample.prom'], { cwd })).toMatchSnapshot();
  });

  it('--exit-zero', async () => {
    expect((await run(['lint', '--exit-zero', 'invalid.prom'], { cwd })).exitCode).toBe(0);
  });

  it('--max-warnings with --fail-on error', async () => {
    expect((await run(['lint', '--fail-on', 'error', '--max-warnings', '2', 'sample.prom'], { cwd })).exitCode).toBe(1);
    expect((await run(['lint', '--fail-on', 'error', '--max-warnings', '3', 'sample.prom'], { cwd })).exitCode).toBe(0);
  });

  it('--max-diagnostics limits what the human formats show', async () => {
    expect(await run(['lint', '--max-diagnostics', '1', 'sample.prom'], { cwd })).toMatchSnapshot();
  });

  it('reads stdin with -', async () => {
    expect(await run(['lint', '-'], { cwd, stdin: sample })).toMatchSnapshot();
  });

  it('reads gzip files transparently', async () => {
    const r = await run(['lint', '--fail-on', 'warning', 'sample.prom.gz'], { cwd });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('sample.prom.gz:19:1: warning OM201/counter-total-suffix');
  });

  it('reads gzip from stdin', async () => {
    const r = await run(['lint', '-'], { cwd, stdin: gzipSync(sample) });
    expect(r.stdout).toContain('-:19:1: warning OM201');
  });

  it('keeps stdout pure JSON and puts the summary on stderr', async () => {
    const r = await run(['lint', '--format', 'json', 'sample.prom', 'valid.prom'], { cwd });
    expect(r.exitCode).toBe(0); // warnings only: below the default --fail-on error
    const report = JSON.parse(r.stdout);
    expect(report.results.map((x: { source: string }) => x.source)).toEqual(['sample.prom', 'valid.prom']);
    expect(r.stderr).toMatchInlineSnapshot(`
      "⚠ 3 warnings in 2 inputs
      "
    `);
  });

  it('keeps stdout pure SARIF', async () => {
    const r = await run(['lint', '--format', 'sarif', 'sample.prom'], { cwd });
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['OM201', 'OM210', 'OM208']);
    expect(r.stderr).toBe('⚠ 3 warnings in 1 input\n');
  });

  it('junit and github keep stdout pure', async () => {
    const junit = await run(['lint', '--format', 'junit', 'sample.prom'], { cwd });
    expect(junit.stdout.startsWith('<?xml')).toBe(true);
    expect(junit.stderr).toBe('⚠ 3 warnings in 1 input\n');
    expect(await run(['lint', '--format', 'github', 'sample.prom'], { cwd })).toMatchSnapshot();
  });

  it('picks github under GitHub Actions and honours OM_FORMAT', async () => {
    const gh = await run(['lint', 'sample.prom'], { cwd, env: { GITHUB_ACTIONS: 'true' } });
    expect(gh.stdout.startsWith('::warning file=sample.prom,line=19')).toBe(true);
    const json = await run(['lint', 'sample.prom'], { cwd, env: { GITHUB_ACTIONS: 'true', OM_FORMAT: 'json' } });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    const bad = await run(['lint', 'sample.prom'], { cwd, env: { OM_FORMAT: 'xml' } });
    expect(bad).toMatchSnapshot();
  });

  it('writes and applies a baseline', async () => {
    const write = await run(['lint', '--baseline', 'baseline.json', '--write-baseline', 'sample.prom'], { cwd });
    expect(write).toMatchSnapshot();
    const base = JSON.parse(readFileSync(join(cwd, 'baseline.json'), 'utf8'));
    expect(base.entries).toHaveLength(3);
    expect(await run(['lint', '--baseline', 'baseline.json', 'sample.prom'], { cwd })).toMatchSnapshot();
    expect(await run(['lint', '--baseline', 'nope.json', 'sample.prom'], { cwd })).toMatchSnapshot();
  });

  it('writes the report to --output-file and the summary to stderr', async () => {
    const r = await run(['lint', '-o', 'report.txt', 'sample.prom'], { cwd });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('⚠ 3 warnings in 1 input\n');
    expect(readFileSync(join(cwd, 'report.txt'), 'utf8')).toContain('sample.prom:19:1: warning OM201');
  });

  it('--help lists examples', async () => {
    const r = await run(['lint', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--bearer-token-file');
  });
});

describe('om', () => {
  it('--version', async () => {
    expect(await run(['--version'])).toEqual({ exitCode: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('unknown command exits 2', async () => {
    const r = await run(['lnt']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatchSnapshot();
  });
});
