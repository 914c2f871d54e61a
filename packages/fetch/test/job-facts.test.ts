// A job's scrape says which job it was and whether the job honours the exposed labels: lint's
// OM223/no-target-label then knows whether Prometheus renames `job`/`instance` to `exported_*`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrometheusConfig, scrapeJob } from '../src/index.js';
import { httpServer, type Running } from './helpers/servers.js';

let gateway: Running;

beforeAll(async () => {
  gateway = await httpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
    res.end('# TYPE push_time_seconds gauge\npush_time_seconds{instance="db1",job="backup"} 1.7e+09\n');
  });
});
afterAll(async () => {
  await gateway.close();
});

describe('the scrape-job fact', () => {
  const config = () =>
    parsePrometheusConfig(`scrape_configs:
  - job_name: pushgateway
    honor_labels: true
    static_configs: [{ targets: ["127.0.0.1:${gateway.port}"] }]
  - job_name: plain
    static_configs: [{ targets: ["127.0.0.1:${gateway.port}"] }]
`);

  it('reads honor_labels from the job (false when absent)', () => {
    expect(config().jobs.map((j) => [j.name, j.honorLabels])).toEqual([
      ['pushgateway', true],
      ['plain', false],
    ]);
  });

  it.each([
    ['pushgateway', true],
    ['plain', false],
  ])('is among the facts of each target of job %s', async (job, honorLabels) => {
    const facts = [];
    for await (const outcome of scrapeJob(config(), job)) {
      expect(outcome.ok).toBe(true);
      facts.push(...outcome.result!.facts.filter((f) => f.kind === 'scrape-job'));
    }
    expect(facts).toEqual([{ kind: 'scrape-job', job, honorLabels }]);
  });
});
