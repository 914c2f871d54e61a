// Hostile servers through the CLI (loopback only, started here): each case ends within its
// limit with one clear line on stderr, exit 2 for `om lint` (no verdict possible) and exit 1 for
// `om fetch` (the scrape failed), and no secret (bearer token file, basic password, OAuth2 client
// secret, access token) appears in any stdout, stderr or error message, even when the server
// echoes what it received. `packages/fetch/test/` covers the library; this is the CLI's view.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir, type RunResult } from './helpers.js';

const TOKEN = 'bearer-T0KEN-from-file-91';
const PASSWORD = 'basic-PASSW0RD-73';
const CLIENT_SECRET = 'oauth-CL1ENT-secret-55';
const ACCESS_TOKEN = 'access-T0KEN-issued-28';
const SECRETS = [TOKEN, PASSWORD, CLIENT_SECRET, ACCESS_TOKEN];

const tmp = tempDir({ 'token.txt': `${TOKEN}\n`, 'password.txt': PASSWORD, 'secret.txt': `${CLIENT_SECRET}\n` });
const cwd = tmp.dir;

interface Running {
  url: string;
  close(): Promise<void>;
}

async function listen(server: http.Server | https.Server, scheme: 'http' | 'https'): Promise<Running> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const timers = new Set<NodeJS.Timeout>();
const every = (ms: number, fn: () => void) => {
  const t = setInterval(fn, ms);
  timers.add(t);
  return t;
};

/** Everything the server received, echoed back: a careless or hostile server. */
const echo = (req: IncomingMessage) => JSON.stringify({ url: req.url, headers: req.headers });

const METRICS = '# HELP up Up.\n# TYPE up gauge\nup 1\n';

let main: Running;
let other: Running;
let tls: Running;

function handle(req: IncomingMessage, res: ServerResponse): unknown {
  const path = new URL(req.url!, 'http://x').pathname;
  switch (path) {
    case '/slow-loris': {
      // Headers at once, then one byte every 200 ms, forever.
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.write('# HELP up ');
      const t = every(200, () => res.write('x'));
      res.on('close', () => clearInterval(t));
      return;
    }
    case '/silent':
      return; // never answers
    case '/endless': {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      let i = 0;
      const line = Buffer.from(`# HELP ${'a'.repeat(60)} x\n`);
      const pump = () => {
        while (i < 1e6 && res.write(line)) i++; // bounded: 70 MB at most
        if (i < 1e6) res.once('drain', pump);
        else res.end();
      };
      res.on('close', () => (i = 1e6));
      return pump();
    }
    case '/gzip-bomb': {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'content-encoding': 'gzip' });
      return res.end(bomb);
    }
    case '/huge-headers': {
      // Over om's 10 MiB limit (Go's http.Transport default); 200 KB, which undici alone refused, now passes.
      const size = new URL(req.url!, 'http://x').searchParams.get('bytes');
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'x-junk': 'j'.repeat(Number(size ?? 11 * 1024 * 1024)) });
      return res.end(METRICS);
    }
    case '/loop':
      res.writeHead(302, { location: `/loop?${Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0) + 1}` });
      return res.end();
    case '/cross-origin':
      res.writeHead(302, { location: `${other.url}/echo` });
      return res.end();
    case '/echo':
      // Echoes the request (headers included) into the body and a header.
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'x-echo': echo(req).replace(/[^\x20-\x7e]/g, '') });
      return res.end(`# HELP echo ${echo(req).replace(/\n/g, ' ')}\n# TYPE echo gauge\necho 1\n`);
    case '/echo-401':
      res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': `Bearer error="${echo(req).replace(/"/g, "'")}"` });
      return res.end(`denied: ${echo(req)}\n`);
    case '/token-hangs':
      return; // the token endpoint never answers
    case '/token-junk': {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"access_token": ${JSON.stringify(ACCESS_TOKEN)}, "echo": ${JSON.stringify(body + echo(req))}, oops not json`);
      });
      return;
    }
    case '/token-error': {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_client', error_description: `you sent ${body} ${echo(req)}` }));
      });
      return;
    }
    case '/token-no-token':
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3600 }));
    case '/metrics':
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      return res.end(METRICS);
    default:
      res.writeHead(404);
      return res.end('not found\n');
  }
}

// 16 MiB of zeros per 16 KiB of gzip; 8 MiB compressed would be 8 GiB decoded.
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));

let certDir: { dir: string; cleanup(): void } | undefined;

beforeAll(async () => {
  main = await listen(http.createServer(handle), 'http');
  other = await listen(http.createServer(handle), 'http');
  certDir = tempDir();
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    { cwd: certDir.dir, stdio: 'pipe' },
  );
  tls = await listen(
    https.createServer({ key: readFileSync(join(certDir.dir, 'key.pem')), cert: readFileSync(join(certDir.dir, 'cert.pem')) }, handle),
    'https',
  );
});

afterAll(async () => {
  for (const t of timers) clearInterval(t);
  await Promise.all([main?.close(), other?.close(), tls?.close()]);
  certDir?.cleanup();
  tmp.cleanup();
});

const auth = {
  bearer: ['--bearer-token-file', 'token.txt'],
  basic: ['--basic-user', 'om', '--basic-password-file', 'password.txt'],
  oauth2: (tokenPath: string) => ['--oauth2-client-id', 'om-ci', '--oauth2-client-secret-file', 'secret.txt', '--oauth2-token-url', `${main.url}${tokenPath}`],
};

/** Runs om and checks the shape of a failure: exit code, one `om:` line, no stack, no secret. */
async function fails(argv: string[], exitCode: number, pattern: RegExp, withinMs: number): Promise<RunResult> {
  const t0 = performance.now();
  const r = await run(argv, { cwd });
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(withinMs);
  expect(r.exitCode).toBe(exitCode);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^om: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  noSecret(r);
  return r;
}

function noSecret(r: RunResult): void {
  for (const s of SECRETS) {
    expect(r.stdout).not.toContain(s);
    expect(r.stderr).not.toContain(s);
  }
}

describe('hostile servers through om lint and om fetch', () => {
  it('slow-loris: the whole-scrape timeout covers the body', async () => {
    await fails(['lint', '--timeout', '1s', ...auth.bearer, `${main.url}/slow-loris`], 2, /timed out|timeout/i, 5_000);
    await fails(['fetch', '--timeout', '1s', ...auth.basic, `${main.url}/slow-loris`], 1, /timed out|timeout/i, 5_000);
  });

  it('a server that never answers', async () => {
    await fails(['lint', '--timeout', '500ms', ...auth.bearer, `${main.url}/silent`], 2, /timed out|timeout/i, 5_000);
  });

  it('an endless body stops at --body-size-limit', async () => {
    await fails(['lint', '--body-size-limit', '1MiB', ...auth.bearer, `${main.url}/endless`], 2, /limit|too large|exceed/i, 10_000);
    await fails(['fetch', '--body-size-limit', '1MiB', `${main.url}/endless`], 1, /limit|too large|exceed/i, 10_000);
  });

  it('an endless body stops at --body-size-limit when streamed too', async () => {
    await fails(['lint', '--stream', '--body-size-limit', '1MiB', ...auth.basic, `${main.url}/endless`], 2, /limit|too large|exceed/i, 10_000);
  });

  it('a gzip bomb stops at its decoded size', async () => {
    await fails(['lint', '--body-size-limit', '4MiB', ...auth.bearer, `${main.url}/gzip-bomb`], 2, /limit|too large|exceed/i, 10_000);
    await fails(['lint', '--stream', '--body-size-limit', '4MiB', `${main.url}/gzip-bomb`], 2, /limit|too large|exceed/i, 10_000);
  });

  it('huge response headers: over 10 MiB fail naming the limit, 200 KB pass', { timeout: 60_000 }, async () => {
    // Reading 10 MiB of headers takes undici a few seconds of CPU: one over-limit case only.
    const r = await fails(['lint', ...auth.bearer, `${main.url}/huge-headers`], 2, /response headers exceed the limit of 10 MiB/, 30_000);
    expect(r.stderr).not.toMatch(/UND_ERR/);
    const ok = await run(['fetch', `${main.url}/huge-headers?bytes=200000`], { cwd });
    expect([ok.exitCode, ok.stdout, ok.stderr]).toEqual([0, METRICS, '']);
  });

  it('a redirect loop', async () => {
    await fails(['lint', ...auth.basic, `${main.url}/loop`], 2, /redirect/i, 5_000);
    await fails(['fetch', ...auth.bearer, `${main.url}/loop`], 1, /redirect/i, 5_000);
  });

  it('a cross-origin redirect does not carry the credentials, and an echo prints none', async () => {
    for (const a of [auth.bearer, auth.basic]) {
      const r = await run(['fetch', '--show-headers', ...a, `${main.url}/cross-origin`], { cwd });
      noSecret(r);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      if (r.exitCode === 0) expect(r.stdout).not.toMatch(/authorization/i);
      const l = await run(['lint', '--format', 'json', ...a, `${main.url}/cross-origin`], { cwd });
      noSecret(l);
      expect([0, 1, 2]).toContain(l.exitCode);
    }
  });

  it('a server that echoes the credentials it got (same origin): the secret is redacted everywhere', async () => {
    for (const a of [auth.bearer, auth.basic]) {
      for (const argv of [
        ['fetch', '--show-headers', ...a, `${main.url}/echo`],
        ['lint', '--format', 'json', ...a, `${main.url}/echo`],
        ['lint', '--stream', '--format', 'json', ...a, `${main.url}/echo`],
        ['--debug', 'lint', ...a, `${main.url}/echo`],
        ['--debug', 'fetch', ...a, `${main.url}/echo-401`],
        ['lint', ...a, `${main.url}/echo-401`],
      ]) {
        const r = await run(argv, { cwd });
        noSecret(r);
        expect(r.stderr).not.toMatch(/internal error/);
      }
    }
  });

  it('TLS with a self-signed certificate fails verification', async () => {
    await fails(['lint', ...auth.bearer, `${tls.url}/metrics`], 2, /certificate|tls|self.signed/i, 5_000);
    await fails(['fetch', ...auth.basic, `${tls.url}/metrics`], 1, /certificate|tls|self.signed/i, 5_000);
  });

  it('TLS with the certificate as CA, and a wrong server name', async () => {
    const ca = join(certDir!.dir, 'cert.pem');
    const ok = await run(['lint', '--ca-file', ca, ...auth.bearer, `${tls.url}/metrics`], { cwd });
    expect(ok.exitCode).toBe(0);
    noSecret(ok);
    await fails(['lint', '--ca-file', ca, '--server-name', 'other.example', ...auth.bearer, `${tls.url}/metrics`], 2, /certificate|tls|name|altname/i, 5_000);
  });

  it('an OAuth2 token endpoint that hangs', async () => {
    await fails(['lint', '--timeout', '1s', ...auth.oauth2('/token-hangs'), `${main.url}/metrics`], 2, /token|timed out|timeout/i, 8_000);
    await fails(['fetch', '--timeout', '1s', ...auth.oauth2('/token-hangs'), `${main.url}/metrics`], 1, /token|timed out|timeout/i, 8_000);
  });

  it('an OAuth2 token endpoint that returns junk, an error or no token (echoing the secret)', async () => {
    for (const path of ['/token-junk', '/token-error', '/token-no-token']) {
      await fails(['lint', '--timeout', '2s', ...auth.oauth2(path), `${main.url}/metrics`], 2, /token|oauth2/i, 8_000);
      await fails(['fetch', '--timeout', '2s', ...auth.oauth2(path), `${main.url}/metrics`], 1, /token|oauth2/i, 8_000);
      const debug = await run(['--debug', 'fetch', '--timeout', '2s', ...auth.oauth2(path), `${main.url}/metrics`], { cwd });
      noSecret(debug);
    }
  });

  it('the same hostile targets from a prometheus.yml job: every target reported, no secret', async () => {
    const host = main.url.replace('http://', '');
    const yml = [
      'scrape_configs:',
      '  - job_name: hostile',
      '    scrape_timeout: 1s',
      '    scrape_interval: 5s',
      '    body_size_limit: 1MB',
      '    basic_auth: {username: om, password_file: password.txt}',
      '    static_configs:',
      `      - targets: ["${host}"]`,
      '        labels: {}',
      '  - job_name: paths',
      '    scrape_timeout: 1s',
      '    body_size_limit: 1MB',
      `    authorization: {credentials_file: token.txt}`,
      '    metrics_path: /slow-loris',
      '    static_configs:',
      `      - targets: ["${host}"]`,
    ].join('\n');
    const cfg = tempDir({ 'prometheus.yml': `${yml}\n`, 'password.txt': PASSWORD, 'token.txt': TOKEN });
    try {
      const ok = await run(['lint', '--prometheus-config', 'prometheus.yml', '--job', 'hostile'], { cwd: cfg.dir });
      expect(ok.exitCode).toBe(0);
      noSecret(ok);
      const t0 = performance.now();
      const slow = await run(['lint', '--prometheus-config', 'prometheus.yml', '--job', 'paths'], { cwd: cfg.dir });
      expect(performance.now() - t0).toBeLessThan(5_000);
      expect(slow.exitCode).toBe(2);
      expect(slow.stderr).toMatch(/^om: .*(timed out|timeout)/i);
      noSecret(slow);
    } finally {
      cfg.cleanup();
    }
  });
});
