// om lint / fetch / stats / diff against a loopback server started here.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { EXAMPLES, fakeIo, run, tempDir } from './helpers.js';

const sample = readFileSync(join(EXAMPLES, 'sample.prom'), 'utf8');
const TOKEN = 's3cr3t-t0ken-value';
const PASSWORD = 'hunter2-password';
const CLIENT_SECRET = 'client-secret-xyz';
const ACCESS_TOKEN = 'access-token-from-idp';
let counter = 100;
let server: Server;
let base: string;
const seen: { url: string; auth?: string; accept?: string }[] = [];
let tokenRequests = 0;
/** A second target, answering OpenMetrics: a job with targets in both formats. */
let omServer: Server;
let omBase: string;
const OM_BODY = '# TYPE up gauge\nup 1\n# EOF\n';
const LATIN1 = Buffer.from('# TYPE g gauge\ng{v="a\x80b"} 1\n', 'latin1');

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
      tokenRequests++;
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
    case '/latin1':
      // Not UTF-8: om fetch passes the bytes on as they are, so `om lint` can report them (OM020).
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      return res.end(LATIN1);
    case '/octet':
      // What `python3 -m http.server` sends for a .prom file.
      return send(200, 'up 1\n', 'application/octet-stream');
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
  omServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
    res.end(OM_BODY);
  });
  await new Promise<void>((resolve) => omServer.listen(0, '127.0.0.1', resolve));
  omBase = `http://127.0.0.1:${(omServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => omServer.close(resolve));
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
    const r = await run(['fetch', '--show-headers', '--timings', '--fallback-scrape-protocol', 'PrometheusText0.0.4', `${base}/notype`], { cwd });
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

  it('a Content-Type Prometheus 3 refuses is a failed scrape, unless --fallback-scrape-protocol says how to read it', async () => {
    for (const [path, why] of [
      ['/notype', 'sent no Content-Type'],
      ['/octet', 'sent the Content-Type `application/octet-stream`, which Prometheus 3 does not read'],
    ] as const) {
      const refused = await run(['fetch', `${base}${path}`], { cwd });
      expect(refused).toEqual({
        exitCode: 1,
        stdout: '',
        stderr: `om: http://127.0.0.1:[PORT]${path} ${why}, so Prometheus 3 fails this scrape; the server should send \`text/plain; version=0.0.4\` or \`application/openmetrics-text; version=1.0.0\`, or add --fallback-scrape-protocol PrometheusText0.0.4 to read the body anyway\n`,
      });
      // The same reading as om lint, whose OM301 is then an error (exit 1).
      const linted = await run(['lint', '--format', 'json', `${base}${path}`], { cwd });
      expect(linted.exitCode).toBe(1);
      expect(linted.stdout).toMatch(/"code": ?"OM301"[^}]*"severity": ?"error"/);
      const read = await run(['fetch', '--fallback-scrape-protocol', 'PrometheusText0.0.4', `${base}${path}`], { cwd });
      expect(read).toEqual({ exitCode: 0, stdout: 'up 1\n', stderr: '' });
      const written = await run(['fetch', '-o', 'refused.prom', `${base}${path}`], { cwd });
      expect(written.exitCode).toBe(1);
      expect(() => readFileSync(join(cwd, 'refused.prom'))).toThrow(/ENOENT/);
    }
  });

  it('--job with -o writes one file per target into a directory, named after the target and its format', async () => {
    const cfg = tempDir({
      'prometheus.yml': `scrape_configs:\n  - job_name: mixed\n    static_configs:\n      - targets: ['${base.slice(7)}', '${omBase.slice(7)}']\n`,
      'taken.prom': 'keep me\n',
    });
    const port = (url: string) => url.slice(url.lastIndexOf(':') + 1);
    try {
      const r = await run(['fetch', '--prometheus-config', 'prometheus.yml', '--job', 'mixed', '-o', 'scrapes'], { cwd: cfg.dir });
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe('');
      const files = [`127.0.0.1_${port(base)}_metrics.prom`, `127.0.0.1_${port(omBase)}_metrics.om`];
      expect(readdirSync(join(cfg.dir, 'scrapes')).sort()).toEqual([...files].sort());
      expect(readFileSync(join(cfg.dir, 'scrapes', files[0]!), 'utf8')).toBe(sample);
      expect(readFileSync(join(cfg.dir, 'scrapes', files[1]!), 'utf8')).toBe(OM_BODY);
      expect(r.stderr).toContain(`om: wrote scrapes/${files[0]} (http://127.0.0.1:[PORT]/metrics)\n`);
      expect(r.stderr).toContain(`om: wrote scrapes/${files[1]} (http://127.0.0.1:[PORT]/metrics)\n`);
      // An existing file is refused (exit 2) and left alone; an existing directory is written into.
      const refused = await run(['fetch', '--prometheus-config', 'prometheus.yml', '--job', 'mixed', '-o', 'taken.prom'], { cwd: cfg.dir });
      expect(refused).toEqual({ exitCode: 2, stdout: '', stderr: 'om: -o taken.prom is a file, but with --job -o names a directory that gets one file per target\n' });
      expect(readFileSync(join(cfg.dir, 'taken.prom'), 'utf8')).toBe('keep me\n');
      mkdirSync(join(cfg.dir, 'one'));
      expect((await run(['fetch', '-o', 'one', `${omBase}/metrics`], { cwd: cfg.dir })).exitCode).toBe(0);
      expect(readdirSync(join(cfg.dir, 'one'))).toEqual([`127.0.0.1_${port(omBase)}_metrics.om`]);
      expect((await run(['fetch', '-o', 'new/', `${base}/metrics`], { cwd: cfg.dir })).exitCode).toBe(0);
      expect(readdirSync(join(cfg.dir, 'new'))).toEqual([`127.0.0.1_${port(base)}_metrics.prom`]);
      expect(await run(['fetch', '-o', 'no/such/dir.prom', `${base}/metrics`], { cwd: cfg.dir })).toEqual({ exitCode: 2, stdout: '', stderr: 'om: cannot write no/such/dir.prom: no such directory\n' });
      // A single URL with -o FILE still writes that file.
      writeFileSync(join(cfg.dir, 'single.prom'), 'old\n');
      expect((await run(['fetch', '-o', 'single.prom', `${base}/metrics`], { cwd: cfg.dir })).exitCode).toBe(0);
      expect(readFileSync(join(cfg.dir, 'single.prom'), 'utf8')).toBe(sample);
    } finally {
      cfg.cleanup();
    }
  });

  it('passes the body on as the bytes that arrived (invalid UTF-8 included), to stdout and to -o', async () => {
    const { io } = fakeIo({ cwd });
    const got: Uint8Array[] = [];
    const stdout = { ...io.stdout, writeBytes: (b: Uint8Array) => void got.push(b) };
    expect(await main(['fetch', `${base}/latin1`], { ...io, stdout })).toBe(0);
    expect(Buffer.concat(got)).toEqual(LATIN1);
    expect((await run(['fetch', '-o', 'latin1.prom', `${base}/latin1`], { cwd })).exitCode).toBe(0);
    expect(readFileSync(join(cwd, 'latin1.prom'))).toEqual(LATIN1);
    const linted = await run(['lint', '--format', 'json', 'latin1.prom'], { cwd });
    expect(linted.stdout).toContain('OM020');
  });

  it('refuses PrometheusProto: om reads only the text formats', async () => {
    for (const argv of [
      ['fetch', '--scrape-protocols', 'PrometheusProto'],
      ['fetch', '--scrape-protocols', 'OpenMetricsText1.0.0,PrometheusProto'],
      ['lint', '--scrape-protocols', 'PrometheusProto'],
      ['fetch', '--fallback-scrape-protocol', 'PrometheusProto'],
    ]) {
      const r = await run([...argv, `${base}/metrics`], { cwd });
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^om: --(scrape-protocols|fallback-scrape-protocol): PrometheusProto \(protobuf\) is not supported, om reads only the text formats \(OpenMetricsText0\.0\.1, OpenMetricsText1\.0\.0, PrometheusText0\.0\.4, PrometheusText1\.0\.0, OpenMetricsText2\.0\.0\)\n$/);
    }
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

  it('an empty OAuth2 client secret file is an error naming the file (not a 401 from the server)', async () => {
    const dir = tempDir({ 'empty-secret': '', 'newline-secret': '\n' });
    try {
      const before = tokenRequests;
      for (const [file, what] of [['empty-secret', 'file is empty'], ['newline-secret', 'file is empty (only whitespace)']] as const) {
        const argv = ['--oauth2-client-id', 'om-ci', '--oauth2-client-secret-file', file, '--oauth2-token-url', `${base}/token`, `${base}/oauth`];
        expect(await run(['lint', ...argv], { cwd: dir.dir })).toEqual({ exitCode: 2, stdout: '', stderr: `om: --oauth2-client-secret-file: ${what}: ${file}\n` });
        expect(await run(['fetch', ...argv], { cwd: dir.dir })).toEqual({ exitCode: 2, stdout: '', stderr: `om: --oauth2-client-secret-file: ${what}: ${file}\n` });
      }
      expect(tokenRequests).toBe(before);
    } finally {
      dir.cleanup();
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
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ families: 9, series: 22, samples: 22 }) // a series: one sample name with one label set (README, om stats);
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

  it('with OAuth2, both scrapes use one token (valid for an hour)', async () => {
    const before = tokenRequests;
    const r = await run(
      ['diff', `${base}/oauth`, '--interval', '300ms', '--oauth2-client-id', 'om-ci', '--oauth2-client-secret-file', 'client-secret.txt', '--oauth2-token-url', `${base}/token`],
      { cwd },
    );
    expect(r.exitCode).toBe(0);
    expect(tokenRequests - before).toBe(1);
    expect(seen.filter((s) => s.url === '/oauth' && s.auth === `Bearer ${ACCESS_TOKEN}`).length).toBeGreaterThanOrEqual(2);
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
