// OpenMetrics 2.0 over HTTP through the CLI: `--scrape-protocols OpenMetricsText2.0.0,…` asks for
// it, the body comes back as `application/openmetrics-text; version=2.0.0` and is read as 2.0
// (`om lint`, `om stats`, `om diff`); without the flag it is never asked for. The exporter is a
// loopback server started here that negotiates as 2.0.0-rc0 says (1.0.0 unless 2.0.0 is asked for).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

const OM2_TYPE = 'application/openmetrics-text; version=2.0.0; charset=utf-8';
const OM1_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';
const OM2 = [
  '# TYPE jobs_total counter',
  'jobs_total 3 st@1000',
  '# TYPE req_seconds histogram',
  'req_seconds {count:4,sum:1.5,schema:0,zero_threshold:1e-4,zero_count:0,positive_spans:[0:2],positive_buckets:[1,3]}',
  '# EOF',
  '',
].join('\n');
const OM1 = '# TYPE jobs counter\njobs_total 3\njobs_created 1000\n# EOF\n';
const PROTOCOLS = ['--scrape-protocols', 'OpenMetricsText2.0.0,OpenMetricsText1.0.0'];

/** The q-value of the Accept entry for `application/openmetrics-text;version=<version>` (0 when absent). */
function qualityOf(accept: string, version: string): number {
  for (const entry of accept.split(',')) {
    const [type, ...params] = entry.split(';').map((p) => p.trim().toLowerCase());
    if (type !== 'application/openmetrics-text' || !params.includes(`version=${version}`)) continue;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined ? 1 : Number(q.slice(2));
  }
  return 0;
}

let server: http.Server;
let url = '';
const accepts: string[] = [];
let scrapes = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const accept = String(req.headers.accept ?? '');
    accepts.push(accept);
    const two = qualityOf(accept, '2.0.0') > qualityOf(accept, '1.0.0');
    // Each scrape of /grow counts 2 more observations into bucket 1.
    const body = req.url === '/grow' ? OM2.replace('count:4', `count:${4 + 2 * scrapes}`).replace('[1,3]', `[1,${3 + 2 * scrapes++}]`) : OM2;
    res.writeHead(200, { 'content-type': two ? OM2_TYPE : OM1_TYPE });
    res.end(two ? body : OM1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('OpenMetrics 2.0 scrapes', () => {
  it('om fetch asks for 2.0 when listed and passes the 2.0 body on', async () => {
    const r = await run(['fetch', '--show-headers', ...PROTOCOLS, `${url}/metrics`]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(OM2);
    expect(r.stderr).toContain(`content-type: ${OM2_TYPE}`);
    expect(accepts.at(-1)).toMatch(/^application\/openmetrics-text;version=2\.0\.0;escaping=allow-utf-8;q=0\.7,application\/openmetrics-text;version=1\.0\.0;/);
  });

  it('om fetch without the flag never asks for 2.0', async () => {
    const r = await run(['fetch', `${url}/metrics`]);
    expect(r).toMatchObject({ exitCode: 0, stdout: OM1 });
    expect(accepts.at(-1)).not.toContain('2.0.0');
  });

  it('om lint and om stats read the body as 2.0 from its Content-Type', async () => {
    const lint = await run(['lint', '--format', 'json', ...PROTOCOLS, `${url}/metrics`]);
    const errors = JSON.parse(lint.stdout).results?.flatMap?.((r: { diagnostics: { severity: string }[] }) => r.diagnostics) ?? [];
    expect(errors.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(lint.exitCode).toBe(0);
    const stats = await run(['stats', '--format', 'json', ...PROTOCOLS, `${url}/metrics`]);
    expect(stats.exitCode).toBe(0);
    // jobs_total and jobs_created (st@), and one native histogram of 2 buckets.
    expect(JSON.parse(stats.stdout)[0]).toMatchObject({ format: 'openmetrics-2.0', errors: 0, families: 2, samples: 2, series: 3, nativeBuckets: 2 });
  });

  it('om stats prints the native buckets, in total and per family', async () => {
    const r = await run(['stats', ...PROTOCOLS, `${url}/metrics`]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('2 families, 3 series, 2 samples, 0 exemplars, 2 native buckets\n');
    expect(r.stdout).toMatch(/^ {2}family\s+type\s+series\s+samples\s+native buckets\s+labels \(distinct values\)$/m);
    expect(r.stdout).toMatch(/^ {2}req_seconds\s+histogram\s+1\s+1\s+2$/m);
  });

  it("a prometheus.yml job's scrape_protocols asks for 2.0 too", async () => {
    const dir = tempDir({ 'prometheus.yml': `scrape_configs:\n  - job_name: om2\n    scrape_protocols: [OpenMetricsText2.0.0, OpenMetricsText1.0.0]\n    static_configs: [{targets: ["${url.replace('http://', '')}"]}]\n` });
    try {
      const r = await run(['stats', '--format', 'json', '--prometheus-config', 'prometheus.yml', '--job', 'om2'], { cwd: dir.dir });
      expect(r.exitCode).toBe(0);
      expect(JSON.parse(r.stdout)[0]).toMatchObject({ format: 'openmetrics-2.0', errors: 0 });
      expect(accepts.at(-1)).toMatch(/^application\/openmetrics-text;version=2\.0\.0;/);
    } finally {
      dir.cleanup();
    }
  });

  it('om diff of two 2.0 scrapes compares the native histogram bucket by bucket', async () => {
    const r = await run(['diff', '--interval', '1ms', ...PROTOCOLS, `${url}/grow`]);
    expect(r.stdout).toContain('~ req_seconds count 4 → 6 (+2');
    expect(r.stdout).toContain('~ req_seconds positive[1] 3 → 5 (+2');
    expect(r.exitCode).toBe(1);
  });
});
