// om against a real exporter: Debian's prometheus-node-exporter on loopback (installed by .ci/run).
// Under CI=true a missing binary fails the test; elsewhere it is skipped with the reason.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const NODE_EXPORTER = process.env.OM_TEST_NODE_EXPORTER ?? '/usr/bin/prometheus-node-exporter';
const present = existsSync(NODE_EXPORTER);
const inCi = process.env.CI === 'true' || process.env.CI === '1';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForMetrics(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`node_exporter did not answer at ${url}`);
}

describe.skipIf(!present && !inCi)(`om diff of a running node_exporter${present ? '' : ` (skipped: ${NODE_EXPORTER} is not installed)`}`, () => {
  let child: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    if (!present) return;
    const port = await freePort();
    url = `http://127.0.0.1:${port}/metrics`;
    child = spawn(NODE_EXPORTER, [`--web.listen-address=127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', () => {});
    await waitForMetrics(url);
  }, 20_000);

  afterAll(async () => {
    if (child === undefined || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child!.once('exit', () => resolve());
      child!.kill('SIGTERM');
    });
  });

  it('--interval 2s shows counter deltas and rates per second', async () => {
    if (!present) throw new Error(`${NODE_EXPORTER} is not installed (.ci/run installs prometheus-node-exporter)`);
    const r = await run(['diff', url, '--interval', '2s', '--format', 'json', '--only', 'value-changed']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(1);
    const changes = JSON.parse(r.stdout).changes as { kind: string; family: string; delta?: number; rate?: number; interval?: number }[];
    // The exporter's own CPU time goes up between two scrapes two seconds apart.
    const counters = changes.filter((c) => c.kind === 'value-changed' && c.rate !== undefined);
    expect(counters.length).toBeGreaterThan(0);
    for (const c of counters) {
      expect(c.interval).toBeGreaterThanOrEqual(1.9);
      expect(c.rate).toBeCloseTo(c.delta! / c.interval!, 9);
    }
    expect(counters.some((c) => c.family.startsWith('node_') || c.family.startsWith('process_'))).toBe(true);
  }, 30_000);

  it('lints the live exporter without errors', async () => {
    if (!present) throw new Error(`${NODE_EXPORTER} is not installed (.ci/run installs prometheus-node-exporter)`);
    const r = await run(['lint', url, '--format', 'json']);
    const report = JSON.parse(r.stdout) as { results: { diagnostics: { severity: string; code: string }[] }[] };
    expect(report.results[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.exitCode).toBe(0);
  }, 30_000);
});
