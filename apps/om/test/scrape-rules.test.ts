// om lint over a loopback target whose transport is wrong: the OM3xx scrape rules in the report.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScrapeFact as FetchScrapeFact } from '@omkit/fetch';
import { lint, type KnownScrapeFact, type ScrapeFact, type ScrapeFactKind, type ScrapeFactShapes } from '@omkit/lint';
import { parse } from '@omkit/parser';
import { run, tempDir } from './helpers.js';

// An OpenMetrics body cut short: no `# EOF`.
const NO_EOF = '# TYPE app_request_seconds gauge\n# UNIT app_request_seconds seconds\n# HELP app_request_seconds Latency.\napp_request_seconds 0.25\n';

let server: Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(NO_EOF);
    }
    if (req.url === '/text') {
      // A whole OpenMetrics document (a body without `# EOF` is Prometheus text, whatever it declares).
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      return res.end(`${NO_EOF}# EOF\n`);
    }
    if (req.url === '/html-broken') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`${NO_EOF}app_request_seconds{ 1\n`);
    }
    if (req.url === '/empty') {
      res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
    res.end(`${NO_EOF}# EOF\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

interface Report {
  results: { source: string; diagnostics: { code: string; name: string; category: string; severity: string; span?: unknown }[] }[];
  rules: Record<string, unknown>;
}
const scrapeFindings = (stdout: string) =>
  (JSON.parse(stdout) as Report).results.map((r) =>
    r.diagnostics.filter((d) => d.category === 'scrape').map((d) => ({ code: `${d.code}/${d.name}`, severity: d.severity, span: d.span ?? null })),
  );

describe('om lint URL: OM3xx scrape rules', () => {
  it('a Content-Type Prometheus 3 rejects: OM301 error, exit 1', async () => {
    const r = await run(['lint', '--format', 'json', `${base}/html`]);
    expect(r.exitCode).toBe(1);
    expect(scrapeFindings(r.stdout)).toEqual([[{ code: 'OM301/content-type', severity: 'error', span: null }]]);
    expect(Object.keys((JSON.parse(r.stdout) as Report).rules)).toContain('OM301');
  });

  it('the same body read through fallback_scrape_protocol OpenMetrics: OM301 warning and OM306 for the missing # EOF', async () => {
    const tmp = tempDir({
      'prometheus.yml': [
        'scrape_configs:',
        '  - job_name: app',
        '    metrics_path: /html',
        '    fallback_scrape_protocol: OpenMetricsText1.0.0',
        '    static_configs:',
        `      - targets: ['127.0.0.1:${port}']`,
        '',
      ].join('\n'),
    });
    try {
      const r = await run(['lint', '--format', 'json', '--prometheus-config', join(tmp.dir, 'prometheus.yml'), '--job', 'app'], { cwd: tmp.dir });
      expect(r.exitCode).toBe(1);
      expect(scrapeFindings(r.stdout)).toEqual([
        [
          { code: 'OM301/content-type', severity: 'warning', span: null },
          { code: 'OM306/openmetrics-eof', severity: 'error', span: null },
        ],
      ]);
    } finally {
      tmp.cleanup();
    }
  });

  it('text/plain over an OpenMetrics body: OM301 mismatch warning; OM302 only in strict', async () => {
    const recommended = await run(['lint', '--format', 'json', `${base}/text`]);
    expect(scrapeFindings(recommended.stdout)).toEqual([[{ code: 'OM301/content-type', severity: 'warning', span: null }]]);
    const strict = await run(['lint', '--format', 'json', '--preset', 'strict', `${base}/text`]);
    expect(scrapeFindings(strict.stdout)[0]!.map((d) => d.code)).toEqual(['OM301/content-type', 'OM302/format-negotiation']);
  });

  it('an empty 200 served as OpenMetrics: OM305, and no OM306', async () => {
    const r = await run(['lint', '--format', 'json', `${base}/empty`]);
    expect(scrapeFindings(r.stdout)).toEqual([[{ code: 'OM305/empty-body', severity: 'warning', span: null }]]);
  });

  it('a clean OpenMetrics scrape has no scrape finding; neither has a file', async () => {
    const tmp = tempDir({ 'm.om': `${NO_EOF}# EOF\n` });
    try {
      const r = await run(['lint', '--format', 'json', '--preset', 'strict', `${base}/metrics`, 'm.om'], { cwd: tmp.dir });
      expect(scrapeFindings(r.stdout)).toEqual([[], []]);
    } finally {
      tmp.cleanup();
    }
  });

  it('--rule turns a scrape rule off (the text still has its syntax error)', async () => {
    const r = await run(['lint', '--format', 'json', '--rule', 'content-type=off', `${base}/html-broken`]);
    expect(scrapeFindings(r.stdout)).toEqual([[]]);
    expect((JSON.parse(r.stdout) as Report).results[0]!.diagnostics.map((d) => d.code)).toContain('OM001');
  });
});

describe('the facts of @omkit/fetch fit the facts @omkit/lint reads', () => {
  // One fact of every kind fetch records. The `Record` makes tsc (test/tsconfig.json) fail when fetch
  // adds a kind; the annotations below fail when a shape drifts from lint's.
  const examples: { [K in FetchScrapeFact['kind']]: Extract<FetchScrapeFact, { kind: K }> } = {
    status: { kind: 'status', status: 503, statusText: 'Service Unavailable', prometheus: 'fails' },
    'content-type': { kind: 'content-type', problem: 'missing', contentType: null, fallback: null, prometheus: 'fails' },
    'format-negotiation': { kind: 'format-negotiation', preferred: 'openmetrics', received: 'prometheus', contentType: 'text/plain' },
    'content-encoding': { kind: 'content-encoding', encoding: 'br', problem: 'not-gzip', prometheus: 'fails' },
    'body-size': { kind: 'body-size', bytes: 90, limit: 100, problem: 'near-limit', prometheus: 'ok' },
    'empty-body': { kind: 'empty-body' },
    'missing-eof': { kind: 'missing-eof', tail: 'up 1\n' },
    'invalid-utf8': { kind: 'invalid-utf8' },
    redirect: { kind: 'redirect', status: 301, from: 'http://a/', to: 'http://b/', crossOrigin: true, credentialsDropped: false },
    'insecure-tls': { kind: 'insecure-tls' },
    'credentials-over-http': { kind: 'credentials-over-http', host: 'a.example' },
    'auth-retry': { kind: 'auth-retry', status: 401 },
    'secret-echoed': { kind: 'secret-echoed', where: 'body' },
    'scrape-job': { kind: 'scrape-job', job: 'app', honorLabels: false },
    'unrequested-version': { kind: 'unrequested-version', version: '2.0.0', contentType: 'application/openmetrics-text; version=2.0.0; charset=utf-8' },
  };
  const fetchFacts: FetchScrapeFact[] = Object.values(examples);
  // Type-level: fetch's union is assignable to lint's loose and known fact types, kind by kind.
  const loose: readonly ScrapeFact[] = fetchFacts;
  const known: readonly KnownScrapeFact[] = fetchFacts;
  const sameKinds: Record<ScrapeFactKind, true> = Object.fromEntries(Object.keys(examples).map((k) => [k, true])) as Record<FetchScrapeFact['kind'], true>;
  const perKind: { [K in FetchScrapeFact['kind']]: ScrapeFactShapes[K] } = examples;

  it('every kind fetch records is read by a rule of strict', () => {
    expect(loose).toBe(known);
    expect(Object.keys(sameKinds).sort()).toEqual(Object.keys(perKind).sort());
    for (const fact of fetchFacts) {
      // The job a target was scraped for is context for rules (OM223), not a finding of its own.
      if (fact.kind === 'scrape-job') continue;
      const found = lint(parse('up 1\n'), { config: { extends: 'strict' }, scrape: [fact], text: 'up 1\n' }).filter((d) => d.category === 'scrape');
      expect(found.length, fact.kind).toBeGreaterThan(0);
    }
  });
});
