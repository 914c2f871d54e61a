// Load: `om lint --prometheus-config … --job …` over 200 loopback targets at once. Every target
// is linted (each answers its own exposition, some with a known finding), the job's concurrency
// limit holds (in-flight requests counted on the server side), and a few hostile targets among
// them fail alone. `pnpm stress` runs the same in a child process and reports its peak RSS.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { fakeIo, tempDir } from './helpers.js';

const TARGETS = 200;
/** The default of `scrapeJob` (@omkit/fetch), which `om lint --job` uses. */
const CONCURRENCY = 16;
const TOKEN = 'load-test-bearer-token-77';

let inFlight = 0;
let maxInFlight = 0;
let served = 0;
const authSeen = new Set<string>();

/** A distinct exposition per target: ~100 families; every 10th target has a counter without `_total`. */
function exposition(i: number): string {
  const lines: string[] = [];
  for (let f = 0; f < 100; f++) {
    const name = `app${i}_work_${f}_seconds`;
    lines.push(`# HELP ${name} Work.`, `# TYPE ${name} gauge`, `${name}{shard="${f % 7}"} ${i + f / 100}`, `${name}{shard="x${f}"} 1`);
  }
  if (i % 10 === 0) lines.push('# HELP app_jobs Jobs.', '# TYPE app_jobs counter', 'app_jobs 1');
  return `${lines.join('\n')}\n`;
}

function handler(i: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    authSeen.add(req.headers.authorization ?? '');
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    // Hold each request a little so that requests overlap.
    setTimeout(() => {
      served++;
      if (i === 7) {
        res.writeHead(500);
        return res.end('boom\n');
      }
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(exposition(i));
    }, 25);
  };
}

const servers: { server: http.Server; sockets: Set<Socket>; port: number }[] = [];
const tmp = tempDir({ 'token.txt': TOKEN });

beforeAll(async () => {
  for (let i = 0; i < TARGETS; i++) {
    const server = http.createServer(handler(i));
    const sockets = new Set<Socket>();
    server.on('connection', (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ server, sockets, port: (server.address() as AddressInfo).port });
  }
  const targets = servers.map((s) => `"127.0.0.1:${s.port}"`).join(', ');
  const yml = [
    'scrape_configs:',
    '  - job_name: fleet',
    '    scrape_timeout: 10s',
    '    scrape_interval: 15s',
    '    authorization: {credentials_file: token.txt}',
    '    static_configs:',
    `      - targets: [${targets}]`,
  ].join('\n');
  (await import('node:fs')).writeFileSync(`${tmp.dir}/prometheus.yml`, `${yml}\n`);
});

afterAll(async () => {
  await Promise.all(
    servers.map(
      ({ server, sockets }) =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    ),
  );
  tmp.cleanup();
});

describe('om lint over 200 targets of one job', () => {
  it('lints every target, within the concurrency limit, the failing one alone reported', async () => {
    const t0 = performance.now();
    const { io, out } = fakeIo({ cwd: tmp.dir });
    const r = { exitCode: await main(['lint', '--format', 'json', '--prometheus-config', 'prometheus.yml', '--job', 'fleet'], io), ...out };
    const ms = performance.now() - t0;
    expect(served).toBe(TARGETS);
    expect(maxInFlight).toBeLessThanOrEqual(CONCURRENCY);
    expect(maxInFlight).toBeGreaterThan(1); // they did run at once
    expect([...authSeen]).toEqual([`Bearer ${TOKEN}`]);

    // Target 7 answered 500: one line, exit 2, the other 199 linted.
    expect(r.exitCode).toBe(2);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('om: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/500/);
    const report = JSON.parse(r.stdout) as { results: { source: string; diagnostics: { code: string; metric?: string }[] }[] };
    expect(report.results).toHaveLength(TARGETS - 1);
    const expected = servers.filter((_, i) => i !== 7).map((s) => `http://127.0.0.1:${s.port}/metrics`);
    expect(report.results.map((x) => x.source)).toEqual(expected); // in the config's order
    // Every 10th target has the one counter without `_total`, and no other finding is expected.
    const withFinding = report.results.filter((x) => x.diagnostics.length > 0);
    expect(withFinding).toHaveLength(TARGETS / 10);
    for (const x of withFinding) expect(x.diagnostics.map((d) => `${d.code}:${d.metric}`)).toEqual(['OM201:app_jobs']);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    // 200 × 25 ms / 16 at a time ≈ 0.3 s of waiting; generous for a shared machine.
    expect(ms).toBeLessThan(30_000);
  });

  it('--concurrency sets how many targets are scraped at once', async () => {
    served = 0;
    maxInFlight = 0;
    const { io, out } = fakeIo({ cwd: tmp.dir });
    const exitCode = await main(['lint', '--format', 'json', '--concurrency', '4', '--prometheus-config', 'prometheus.yml', '--job', 'fleet'], io);
    expect(exitCode).toBe(2); // target 7 still answers 500
    expect(served).toBe(TARGETS);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(maxInFlight).toBeGreaterThan(1);
    expect((JSON.parse(out.stdout) as { results: unknown[] }).results).toHaveLength(TARGETS - 1);
  });

  it('a bad --concurrency is one line and exit 2, before any scrape', async () => {
    served = 0;
    for (const argv of [
      ['--concurrency', '0', '--prometheus-config', 'prometheus.yml', '--job', 'fleet'],
      ['--concurrency', 'many', '--prometheus-config', 'prometheus.yml', '--job', 'fleet'],
      ['--concurrency', '4', 'http://127.0.0.1:9/metrics'],
    ]) {
      const { io, out } = fakeIo({ cwd: tmp.dir });
      expect(await main(['lint', ...argv], io)).toBe(2);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(/--concurrency/);
    }
    expect(served).toBe(0);
  });
});
