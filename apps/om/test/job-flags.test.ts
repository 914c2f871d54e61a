// `--prometheus-config` / `--job` / `--concurrency` are offered where a job's targets are inputs
// (`om lint`, `om fetch`, `om stats`) and nowhere else: `om parse` reads one input and `om diff`
// two sides, so their help does not list the flags, and given anyway they are an unknown option.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const JOB_FLAGS = ['--prometheus-config', '--job', '--concurrency'];

describe('job flags', () => {
  it.each(['parse', 'diff'])('om %s --help lists the URL scrape flags but not the job flags', async (command) => {
    const r = await run([command, '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('--bearer-token-file');
    expect(r.stdout).toContain('--fallback-scrape-protocol');
    for (const flag of JOB_FLAGS) expect(r.stdout).not.toMatch(new RegExp(`${flag}\\b`));
  });

  it.each(['lint', 'fetch', 'stats'])('om %s --help lists the job flags', async (command) => {
    const r = await run([command, '--help']);
    expect(r.exitCode).toBe(0);
    for (const flag of JOB_FLAGS) expect(r.stdout).toMatch(new RegExp(`${flag}\\b`));
  });

  it.each([
    ['parse', 'sample.prom'],
    ['diff', 'sample.prom', 'sample.om'],
  ])('om %s refuses --prometheus-config as an unknown option (exit 2, one line)', async (command, ...inputs) => {
    const r = await run([command, '--prometheus-config', 'prometheus.yml', '--job', 'node', ...inputs]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("om: unknown option '--prometheus-config'\n");
  });
});
