import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadPrometheusConfig, parsePrometheusConfig, scrapeJob, type JobScrapeOutcome } from '../src/index.js';
import { freePort, httpServer, tempDir, type Running } from './helpers/servers.js';

let a: Running;
let b: Running;
let active = 0;
let maxActive = 0;
const tmp = tempDir();

const slowHandler = (name: string) => (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
  active++;
  maxActive = Math.max(maxActive, active);
  setTimeout(() => {
    active--;
    res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0' });
    res.end(`# TYPE up gauge\nup{server="${name}",path="${req.url}",auth="${[...(req.headers.authorization ?? '')].reverse().join('')}"} 1\n# EOF\n`);
  }, 300);
};

beforeAll(async () => {
  a = await httpServer(slowHandler('a'));
  b = await httpServer(slowHandler('b'));
});
afterAll(async () => {
  await a.close();
  await b.close();
  tmp.cleanup();
});

async function collect(it: AsyncIterable<JobScrapeOutcome>): Promise<JobScrapeOutcome[]> {
  const out: JobScrapeOutcome[] = [];
  for await (const o of it) out.push(o);
  return out;
}

describe('scrapeJob', () => {
  it('scrapes the targets of a prometheus.yml job concurrently; a failing target is a result, not a throw', async () => {
    const dead = await freePort();
    tmp.write('token', 'job-token\n');
    const file = tmp.write(
      'prometheus.yml',
      `scrape_configs:
  - job_name: node
    metrics_path: /m
    authorization:
      credentials_file: token
    static_configs:
      - targets: ["127.0.0.1:${a.port}", "127.0.0.1:${b.port}"]
        labels: {env: test}
      - targets: ["127.0.0.1:${dead}"]
`,
    );
    const config = await loadPrometheusConfig(file);
    maxActive = 0;
    const start = performance.now();
    const outcomes = await collect(scrapeJob(config, 'node'));
    const elapsed = performance.now() - start;
    expect(outcomes).toHaveLength(3);
    expect(maxActive).toBe(2);
    expect(elapsed).toBeLessThan(2000);
    // Results stream in completion order: the refused target first.
    expect(outcomes[0]).toMatchObject({ ok: false, url: `http://127.0.0.1:${dead}/m`, error: { code: 'refused' } });
    const ok = outcomes.filter((o) => o.ok);
    expect(ok.map((o) => o.target.labels)).toEqual(
      expect.arrayContaining([
        { job: 'node', instance: `127.0.0.1:${a.port}`, env: 'test' },
        { job: 'node', instance: `127.0.0.1:${b.port}`, env: 'test' },
      ]),
    );
    for (const o of ok) expect(o.result!.body).toContain(`path="/m",auth="${[...'Bearer job-token'].reverse().join('')}"`);
  });

  it('sends what the job configures: Accept for legacy names, params, http_headers, timeout', async () => {
    const echo = await httpServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(JSON.stringify({ url: req.url, accept: req.headers.accept, tenant: req.headers['x-tenant'], timeout: req.headers['x-prometheus-scrape-timeout-seconds'] }));
    });
    try {
      const config = parsePrometheusConfig(
        `global: {scrape_interval: 15s, metric_name_validation_scheme: legacy}\n` +
          `scrape_configs:\n  - job_name: fed\n    scrape_timeout: 2500ms\n    metrics_path: /federate\n    params: {'match[]': ['{job="a"}']}\n` +
          `    http_headers: {X-Tenant: {values: [team-a]}}\n    static_configs: [{targets: ["127.0.0.1:${echo.port}"]}]\n`,
      );
      const [outcome] = await collect(scrapeJob(config, 'fed'));
      expect(outcome!.ok).toBe(true);
      expect(JSON.parse(outcome!.result!.body)).toEqual({
        url: '/federate?match%5B%5D=%7Bjob%3D%22a%22%7D',
        accept:
          'application/openmetrics-text;version=1.0.0;escaping=underscores;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=underscores;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2',
        tenant: 'team-a',
        timeout: '2.5',
      });
    } finally {
      await echo.close();
    }
  });

  it('respects the concurrency limit', async () => {
    const config = parsePrometheusConfig(`scrape_configs:\n  - job_name: j\n    static_configs: [{targets: ["127.0.0.1:${a.port}", "127.0.0.1:${b.port}", "127.0.0.1:${a.port}"]}]\n`);
    maxActive = 0;
    const start = performance.now();
    const outcomes = await collect(scrapeJob(config, 'j', { concurrency: 1 }));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(maxActive).toBe(1);
    expect(performance.now() - start).toBeGreaterThanOrEqual(850);
  });

  it('refuses a job whose only targets come from unsupported discovery, and unknown jobs', async () => {
    const config = parsePrometheusConfig('scrape_configs:\n  - job_name: k8s\n    kubernetes_sd_configs: [{role: pod}]\n');
    await expect(collect(scrapeJob(config, 'k8s'))).rejects.toThrow(ConfigError);
    await expect(collect(scrapeJob(config, 'k8s'))).rejects.toThrow(/scrape_configs\[0\]\.kubernetes_sd_configs: .*om does not support/);
    await expect(collect(scrapeJob(config, 'other'))).rejects.toThrow(/no job named "other"/);
  });
});
