// om lint / fetch / stats / diff against a loopback server started here.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, run, tempDir } from './helpers.js';

const sample = readFileSync(join(EXAMPLES, 'sample.prom'), 'utf8');
const TOKEN = 's3cr3t-t0ken-value';
const PASSWORD = 'hunter2-password';
const CLIENT_SECRET = 'client-secret-xyz';
const ACCESS_TOKEN = 'access-token-from-idp';
let counter = 100;
let server: Server;
let base: string;
const seen: { url: string; auth?: string; accept?: string }[] = [];

function handle(req: IncomingMessage, res: import('node:http').ServerResponse) {
  seen.push({
    url: req.url!,
    ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
    ...(req.headers.accept ? { accept: req.headers.accept } : {}),
  });
  const send = (status: number, body: string, type = 'text/plain; version=0.0.4; charset=utf-8') => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  switch (req.url) {
    case '/metrics':
      return send(200, sample);
    case '/counter':
      counter += 30;
      return send(200, `# HELP jobs_total Jobs done.\n# TYPE jobs_total counter\njobs_total ${counter}\n`);
    case '/secure':
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, 'unauthorized\n');
      return send(200, `# HELP up Up.\n# TYPE up gauge\nup 1\n`);
    case '/basic':
      if (req.headers.authorization !== `Basic ${Buffer.from(`om:${PASSWORD}`).toString('base64')}`) return send(401, 'unauthorized\n');
      return send(200, `# HELP up Up.\n# TYPE up gauge\nup 1\n`);
    case '/token': {
      const ok = req.headers.authorization === `Basic ${Buffer.from(`om-ci:${CLIENT_SECRET}`).toString('base64')}`;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(ok ? { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 } : { error: 'invalid_client' }));
    }
    case '/oauth':
      if (req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) return send(401, 'unauthorized\n');
      return send(200, `# HELP up Up.\n# TYPE up gauge\nup 1\n`);
    case '/notype':
      res.writeHead(200);
      return res.end('up 1\n');
    default:
      return send(404, 'not found\n');
  }
}

const tmp = tempDir({ 'token.txt': `${TOKEN}\n`, 'password.txt': PASSWORD, 'client-secret.txt': `${CLIENT_SECRET}\n`, 'wrong-secret.txt': 'nope' });
const cwd = tmp.dir;

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tmp.dir; // keep
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  tmp.cleanup();
});

describe('om lint URL', () => {
  it('lints a scrape', async () => {
    expect(await run(['lint', `${base}/metrics`], { cwd })).toMatchSnapshot();
  });

  it('lints a file and a URL in one call, as JSON', async () => {
    const r = await run(['lint', '--format', 'json', `${base}/metrics`, join(EXAMPLES, 'sample.om')], { cwd: EXAMPLES });
    const report = JSON.parse(r.stdout);
    expect(report.results.map((x: { source: string }) => x.source.replace(/:\d+\//, ':[PORT]/'))).toEqual(['http://127.0.0.1:[PORT]/metrics', 'sample.om']);
  });

  it('exits 2 when the URL answers 404', async () => {
    expect(await run(['lint', `${base}/missing`], { cwd })).toMatchSnapshot();
  });

  it('asks for --scrape-protocols in their order, and reads a body without Content-Type as --fallback-scrape-protocol says', async () => {
    await run(['fetch', '--scrape-protocols', 'PrometheusText0.0.4,OpenMetricsText1.0.0', `${base}/metrics`], { cwd });
    expect(seen.at(-1)!.accept).toBe('text/plain;version=0.0.4;q=0.6,application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,*/*;q=0.4');
    // Without a fallback Prometheus fails such a scrape (an error); with one it reads the body (a warning).
    const without = await run(['lint', '--format', 'json', `${base}/notype`], { cwd });
    const withFallback = await run(['lint', '--format', 'json', '--fallback-scrape-protocol', 'PrometheusText0.0.4', `${base}/notype`], { cwd });
    const severity = (json: string) =>
      (JSON.parse(json) as { results: { diagnostics: { code: string; severity: string }[] }[] }).results[0]!.diagnostics.find((d) => d.code === 'OM301')?.severity;
    expect([without.exitCode, severity(without.stdout)]).toEqual([1, 'error']);
    expect([withFallback.exitCode, severity(withFallback.stdout)]).toEqual([0, 'warning']);
    for (const argv of [['--scrape-protocols', 'Foo'], ['--scrape-protocols', 'PrometheusText0.0.4,PrometheusText0.0.4'], ['--fallback-scrape-protocol', 'text/plain']]) {
      const r = await run(['lint', ...argv, `${base}/metrics`], { cwd });
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('exits 2 when the connection is refused', async () => {
    const r = await run(['lint', 'http://127.0.0.1:1/metrics'], { cwd });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lints a job of a prometheus.yml', async () => {
    const cfg = tempDir({
      'prometheus.yml': `scrape_configs:\n  - job_name: shop\n    metrics_path: /metrics\n    static_configs:\n      - targets: ['${base.replace('http://', '')}']\n`,
    });
    try {
      const r = await run(['lint', '--prometheus-config', 'prometheus.yml', '--job', 'shop'], { cwd: cfg.dir });
      expect(r).toMatchSnapshot();
      const missing = await run(['lint', '--prometheus-config', 'prometheus.yml', '--job', 'nope'], { cwd: cfg.dir });
      expect(missing).toMatchSnapshot();
      expect((await run(['lint', '--job', 'shop'], { cwd: cfg.dir })).exitCode).toBe(2);
    } finally {
      cfg.cleanup();
    }
  });
});

describe('om fetch', () => {
  it('prints the body on stdout', async () => {
    const r = await run(['fetch', `${base}/metrics`], { cwd });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(sample);
    expect(r.stderr).toBe('');
  });

  it('--show-headers and --timings go to stderr', async () => {
    const r = await run(['fetch', '--show-headers', '--timings', `${base}/notype`], { cwd });
    expect(r.stdout).toBe('up 1\n');
    expect(r.stderr.replace(/date: .*\n/, 'date: [DATE]\n')).toMatchSnapshot();
  });

  it('--output writes a file', async () => {
    const r = await run(['fetch', '-o', 'out.prom', `${base}/metrics`], { cwd });
    expect(r).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(cwd, 'out.prom'), 'utf8')).toBe(sample);
  });

  it('exits 1 on a failed scrape and 2 on bad usage', async () => {
    expect(await run(['fetch', `${base}/missing`], { cwd })).toMatchSnapshot();
    expect(await run(['fetch', 'metrics.prom'], { cwd })).toMatchSnapshot();
    expect(await run(['fetch', '--timeout', 'soon', `${base}/metrics`], { cwd })).toMatchSnapshot();
    expect(await run(['fetch', '--header', 'nocolon', `${base}/metrics`], { cwd })).toMatchSnapshot();
  });

  it('warns loudly about --insecure-skip-verify', async () => {
    const r = await run(['fetch', '--insecure-skip-verify', `${base}/notype`], { cwd });
    expect(r.stderr).toContain('--insecure-skip-verify: TLS certificates are NOT verified');
  });

  it('sends a bearer token from a file or env and never prints it', async () => {
    const fromFile = await run(['--debug', 'fetch', '--show-headers', '--bearer-token-file', 'token.txt', `${base}/secure`], { cwd });
    expect(fromFile.exitCode).toBe(0);
    expect(fromFile.stdout).toContain('up 1');
    const fromEnv = await run(['lint', '--debug', `${base}/secure`], { cwd, env: { OM_BEARER_TOKEN: TOKEN } });
    expect(fromEnv.exitCode).toBe(0);
    const denied = await run(['--debug', 'fetch', `${base}/secure`], { cwd });
    expect(denied.exitCode).toBe(1);
    for (const r of [fromFile, fromEnv, denied]) {
      expect(r.stdout + r.stderr).not.toContain(TOKEN);
      expect(r.stdout + r.stderr).not.toContain(Buffer.from(TOKEN).toString('base64'));
    }
    expect(fromFile.stderr).toContain('authorization: Bearer <secret>');
    expect(seen.filter((s) => s.url === '/secure' && s.auth === `Bearer ${TOKEN}`)).toHaveLength(2);
  });

  it('sends basic auth from a password file and never prints it', async () => {
    const r = await run(['--debug', 'fetch', '--basic-user', 'om', '--basic-password-file', 'password.txt', `${base}/basic`], { cwd });
    expect(r.exitCode).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    expect(r.stdout + r.stderr).not.toContain(Buffer.from(`om:${PASSWORD}`).toString('base64'));
  });

  it('uses OAuth2 client credentials from a secret file and never prints the secret or the token', async () => {
    const args = (file: string) => ['--debug', 'lint', '--oauth2-client-id', 'om-ci', '--oauth2-client-secret-file', file, '--oauth2-token-url', `${base}/token`, '--oauth2-scope', 'metrics:read', `${base}/oauth`];
    const ok = await run(args('client-secret.txt'), { cwd });
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toBe('✔ no problems in 1 input\n');
    const rejected = await run(args('wrong-secret.txt'), { cwd });
    expect(rejected.exitCode).toBe(2);
    const fetched = await run(['fetch', '--oauth2-client-id', 'om-ci', '--oauth2-token-url', `${base}/token`, `${base}/oauth`], { cwd, env: { OM_OAUTH2_CLIENT_SECRET: CLIENT_SECRET } });
    expect(fetched.exitCode).toBe(0);
    for (const r of [ok, rejected, fetched]) {
      for (const secret of [CLIENT_SECRET, ACCESS_TOKEN, Buffer.from(`om-ci:${CLIENT_SECRET}`).toString('base64')]) expect(r.stdout + r.stderr).not.toContain(secret);
    }
  });

  it('exits 2 when a secret file is missing', async () => {
    const r = await run(['fetch', '--bearer-token-file', 'nope.txt', `${base}/secure`], { cwd });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses two kinds of auth', async () => {
    expect(await run(['fetch', '--bearer-token-file', 'token.txt', '--basic-user', 'om', `${base}/secure`], { cwd })).toMatchSnapshot();
  });
});

describe('om stats / parse URL', () => {
  it('stats of a scrape', async () => {
    const r = await run(['stats', '--format', 'json', `${base}/metrics`], { cwd });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ families: 9, series: 15, samples: 22 });
  });

  it('parse of a scrape', async () => {
    const r = await run(['parse', '--to', 'openmetrics', `${base}/notype`], { cwd });
    expect(r).toMatchSnapshot();
  });
});

describe('om diff URL --interval', () => {
  it('scrapes twice and shows counter deltas and rates', async () => {
    const r = await run(['diff', `${base}/counter`, '--interval', '200ms', '--format', 'json'], { cwd });
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.changes).toHaveLength(1);
    const [change] = report.changes;
    expect(change).toMatchObject({ kind: 'value-changed', series: 'jobs_total', delta: 30 });
    expect(change.interval).toBeGreaterThanOrEqual(0.19);
    expect(change.rate).toBeCloseTo(30 / change.interval, 6);
  });

  it('text format names both scrapes', async () => {
    const r = await run(['diff', `${base}/counter`, '--interval', '100ms'], { cwd });
    expect(r.exitCode).toBe(1);
    expect(r.stdout.replace(/[\d.]+\/s/, '[RATE]/s').replace(/ \d+ → \d+/, ' [FROM] → [TO]')).toMatchSnapshot();
  });
});

describe('flag errors name the flag', () => {
  it('missing token file, reserved header, bad proxy', async () => {
    expect((await run(['fetch', '--bearer-token-file', 'nope.txt', `${base}/secure`], { cwd })).stderr).toBe('om: --bearer-token-file: file not found: nope.txt\n');
    expect((await run(['fetch', '--header', 'Authorization: x', `${base}/secure`], { cwd })).stderr).toMatch(/^om: --header Authorization: /);
    expect((await run(['fetch', '--proxy-url', 'nope', `${base}/secure`], { cwd })).stderr).toBe('om: --proxy-url: not a valid URL\n');
  });
});
