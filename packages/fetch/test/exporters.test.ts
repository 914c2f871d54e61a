import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrape } from '../src/index.js';
import { freePort, recordingRelay, requireBinary, waitForPort, type Running } from './helpers/servers.js';

// Real exporters from Debian packages (installed by scripts/ci-deps.sh). Under CI=true a missing
// binary fails these tests; elsewhere they are skipped with the reason.
const PROM_ACCEPT =
  'application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2';

const NODE_EXPORTER = process.env.OM_TEST_NODE_EXPORTER ?? '/usr/bin/prometheus-node-exporter';
const PYTHON = process.env.OM_TEST_PYTHON ?? '/usr/bin/python3';
const nodeExporter = requireBinary(NODE_EXPORTER);
const python = requireBinary(PYTHON);
const pythonClient = (() => {
  if (!python.present) return { ...python };
  try {
    execFileSync(PYTHON, ['-c', 'import prometheus_client'], { stdio: 'pipe' });
    return python;
  } catch {
    return { ...python, present: false, skip: !(process.env.CI === 'true' || process.env.CI === '1'), reason: 'python3-prometheus-client is not installed (run packages/fetch/scripts/ci-deps.sh as root)' };
  }
})();

/** A test that fails (rather than skips) when its binary is missing; describe.skipIf does the skipping outside CI. */
function needs(binary: { present: boolean; reason: string }) {
  return (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (!binary.present) throw new Error(binary.reason);
      await fn();
    });
}

const children: ChildProcess[] = [];
function start(cmd: string, args: string[]): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', () => {}); // node_exporter logs to stderr; keep it out of the test output
  children.push(child);
  return child;
}

afterAll(async () => {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
});

const itNodeExporter = needs(nodeExporter);
const itPython = needs(pythonClient);

describe.skipIf(nodeExporter.skip)(`prometheus-node-exporter${nodeExporter.skip ? ` (skipped: ${nodeExporter.reason})` : ''}`, () => {
  let relay: Running & { heads: string[] };
  let port: number;

  beforeAll(async () => {
    if (!nodeExporter.present) return;
    port = await freePort();
    start(NODE_EXPORTER, [`--web.listen-address=127.0.0.1:${port}`, '--collector.disable-defaults', '--collector.loadavg', '--collector.meminfo', '--collector.time']);
    await waitForPort(port);
    relay = await recordingRelay(port);
  }, 20_000);

  afterAll(async () => {
    await relay?.close();
  });

  itNodeExporter('is fetched with the exact Prometheus Accept header; it answers text 0.0.4, gzipped', async () => {
    const r = await scrape(`${relay.url}/metrics`);
    const head = relay.heads.at(-1)!;
    const lines = head.split('\r\n');
    expect(lines[0]).toBe('GET /metrics HTTP/1.1');
    const header = (name: string) => lines.filter((l) => l.toLowerCase().startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trim());
    expect(header('accept')).toEqual([PROM_ACCEPT]);
    expect(Buffer.from(header('accept')[0]!, 'latin1').equals(Buffer.from(PROM_ACCEPT))).toBe(true);
    expect(header('accept-encoding')).toEqual(['gzip']);
    expect(header('x-prometheus-scrape-timeout-seconds')).toEqual(['10']);
    expect(header('user-agent')[0]).toMatch(/^om\//);

    expect(r.status).toBe(200);
    expect(r.mediaType).toBe('text/plain');
    expect(r.mediaTypeParams.version).toBe('0.0.4');
    expect(r.format).toBe('prometheus');
    expect(r.compressed).toBe(true);
    expect(r.compressedBytes).toBeLessThan(r.bytes);
    expect(r.body).toMatch(/^# HELP node_load1 /m);
    expect(r.facts).toEqual([{ kind: 'format-negotiation', preferred: 'openmetrics', received: 'prometheus', contentType: r.contentType }]);
  });

  itNodeExporter('answers the same with text-only protocols, without the negotiation fact', async () => {
    const r = await scrape(`${relay.url}/metrics`, { scrapeProtocols: ['PrometheusText0.0.4'] });
    expect(relay.heads.at(-1)).toContain('\r\naccept: text/plain;version=0.0.4;q=0.6,*/*;q=0.5\r\n');
    expect(r.format).toBe('prometheus');
    expect(r.facts).toEqual([]);
  });
});

describe.skipIf(pythonClient.skip)(`python3-prometheus-client${pythonClient.skip ? ` (skipped: ${pythonClient.reason})` : ''}`, () => {
  let url: string;

  beforeAll(async () => {
    if (!pythonClient.present) return;
    const port = await freePort();
    start(PYTHON, [fileURLToPath(new URL('./fixtures/py-exporter.py', import.meta.url)), String(port)]);
    await waitForPort(port);
    url = `http://127.0.0.1:${port}/metrics`;
  }, 20_000);

  itPython('negotiates OpenMetrics with the Prometheus Accept header: exemplars and # EOF', async () => {
    const r = await scrape(url);
    expect(r.status).toBe(200);
    expect(r.mediaType).toBe('application/openmetrics-text');
    expect(r.mediaTypeParams.version).toBe('0.0.1');
    expect(r.format).toBe('openmetrics');
    expect(r.body).toContain('om_test_requests_total{path="/a"} 3.0 # {trace_id="abc123"} 3.0');
    expect(r.body.endsWith('# EOF\n')).toBe(true);
    expect(r.facts).toEqual([]);
  });

  itPython('answers text 0.0.4 when only that is accepted', async () => {
    const r = await scrape(url, { scrapeProtocols: ['PrometheusText0.0.4'] });
    expect(r.mediaType).toBe('text/plain');
    expect(r.format).toBe('prometheus');
    expect(r.body).not.toContain('# EOF');
    expect(r.body).toContain('om_test_temperature_celsius 21.5');
  });

  itPython('gzips when asked and not otherwise', async () => {
    const gz = await scrape(url);
    const plain = await scrape(url, { enableCompression: false });
    expect(gz.compressed).toBe(true);
    expect(plain.compressed).toBe(false);
    // The exporter's own process metrics move between the two scrapes; the rest is fixed.
    const stable = (body: string) => body.split('\n').filter((line) => !/^(process|python)_/.test(line));
    expect(stable(plain.body)).toEqual(stable(gz.body));
  });
});
