// OpenMetrics 2.0 as a scrape protocol: asked for only when a protocol list names
// `OpenMetricsText2.0.0`, and answered by an exporter that negotiates as the spec says (2.0.0-rc0
// §"Overall structure": 1.0.0 unless 2.0.0 is asked for). The exporter is a loopback server started here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFact, parsePrometheusConfig, scrape, scrapeJob, type JobScrapeOutcome } from '../src/index.js';
import { httpServer, type Running } from './helpers/servers.js';

const OM2_TYPE = 'application/openmetrics-text; version=2.0.0; charset=utf-8';
const OM1_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';
const OM2 = '# TYPE jobs_total counter\njobs_total 3 st@1000\n# TYPE req_seconds histogram\nreq_seconds {count:2,sum:1.5,bucket:[1:1,+Inf:2]}\n# EOF\n';
const OM1 = '# TYPE jobs counter\njobs_total 3\njobs_created 1000\n# EOF\n';

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

let exporter: Running;
const accepts: string[] = [];

beforeAll(async () => {
  exporter = await httpServer((req, res) => {
    const accept = String(req.headers.accept ?? '');
    accepts.push(accept);
    // /always: an exposer that answers 2.0 whatever it is asked for.
    const two = req.url === '/always' || qualityOf(accept, '2.0.0') > qualityOf(accept, '1.0.0');
    res.writeHead(200, { 'content-type': two ? OM2_TYPE : OM1_TYPE });
    res.end(two ? OM2 : OM1);
  });
});

afterAll(() => exporter.close());

describe('OpenMetricsText2.0.0', () => {
  it('is asked for first when listed first, and the 2.0 body comes back with its Content-Type', async () => {
    const r = await scrape(`${exporter.url}/metrics`, { scrapeProtocols: ['OpenMetricsText2.0.0', 'OpenMetricsText1.0.0', 'PrometheusText0.0.4'] });
    expect(r.accept).toBe('application/openmetrics-text;version=2.0.0;escaping=allow-utf-8;q=0.7,application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,text/plain;version=0.0.4;q=0.5,*/*;q=0.4');
    expect(r).toMatchObject({ status: 200, contentType: OM2_TYPE, format: 'openmetrics', mediaTypeParams: { version: '2.0.0' }, body: OM2 });
    expect(r.facts.map((f) => f.kind)).toEqual([]);
  });

  it('is never asked for by default', async () => {
    const r = await scrape(`${exporter.url}/metrics`);
    expect(r.accept).not.toContain('2.0.0');
    expect(r).toMatchObject({ contentType: OM1_TYPE, body: OM1 });
  });

  it('is read from a prometheus.yml job`s scrape_protocols', async () => {
    const config = parsePrometheusConfig(
      `scrape_configs:\n  - job_name: om2\n    scrape_protocols: [OpenMetricsText2.0.0, OpenMetricsText1.0.0]\n    static_configs: [{targets: ["${exporter.url.replace('http://', '')}"]}]\n`,
    );
    expect(config.jobs[0]!.options.scrapeProtocols).toEqual(['OpenMetricsText2.0.0', 'OpenMetricsText1.0.0']);
    const outcomes: JobScrapeOutcome[] = [];
    for await (const outcome of scrapeJob(config, 'om2')) outcomes.push(outcome);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.result).toMatchObject({ contentType: OM2_TYPE, body: OM2 });
    expect(accepts.at(-1)).toMatch(/^application\/openmetrics-text;version=2\.0\.0;escaping=allow-utf-8;q=0\.7,/);
  });

  it('an answer in 2.0 that was not asked for is a fact (OM 2.0: 1.0.0 unless a newer version is requested)', async () => {
    const unasked = await scrape(`${exporter.url}/always`);
    expect(unasked.contentType).toBe(OM2_TYPE);
    expect(unasked.facts).toEqual([{ kind: 'unrequested-version', version: '2.0.0', contentType: OM2_TYPE }]);
    expect(describeFact(unasked.facts[0]!)).toBe(`unrequested-version (version=2.0.0 contentType=${OM2_TYPE})`);
    const asked = await scrape(`${exporter.url}/always`, { scrapeProtocols: ['OpenMetricsText1.0.0', 'OpenMetricsText2.0.0'] });
    expect(asked.facts).toEqual([]);
    // A custom Accept naming no version asks for 1.0.0.
    const custom = await scrape(`${exporter.url}/always`, { headers: { Accept: 'application/openmetrics-text' } });
    expect(custom.facts.map((f) => f.kind)).toEqual(['unrequested-version']);
  });
});
