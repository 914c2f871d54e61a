import type { IncomingMessage } from 'node:http';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAuth2TokenSource, Secret, scrape, scrapeJob, parsePrometheusConfig, type ScrapeOptions } from '../src/index.js';
import { freePort, httpServer, tempDir, type Running } from './helpers/servers.js';

// Secrets must never appear in thrown messages, String(err), the cause chain, debug lines or the
// printable form of results. Every scenario below is run and all of that text is grepped.
const S = {
  bearer: 'bearer-SECRET-b1',
  password: 'pass-SECRET-p2',
  credentials: 'cred-SECRET-c3',
  clientSecret: 'client-SECRET-s4',
  fileSecret: 'file-SECRET-f5',
  header: 'header-SECRET-h6',
  proxyPassword: 'proxy-SECRET-x7',
};
const ALL = (): string[] => [...Object.values(S), ...issued, Buffer.from(`u:${S.password}`).toString('base64')];

let target: Running;
let as: Running;
const tmp = tempDir();
const issued: string[] = [];

async function body(req: IncomingMessage): Promise<string> {
  let t = '';
  for await (const c of req) t += String(c);
  return t;
}

beforeAll(async () => {
  target = await httpServer(async (req, res) => {
    const echo = `${req.headers.authorization ?? ''} ${String(req.headers['x-secret'] ?? '')}`;
    if (req.url === '/echo-401') {
      res.writeHead(401, { 'content-type': 'text/plain', 'x-you-sent': echo });
      return res.end(`you sent: ${echo}`);
    }
    if (req.url === '/hang') return;
    if (req.url === '/redirect-away') {
      res.writeHead(302, { location: `http://127.0.0.1:${await freePort()}/gone` });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'x-you-sent': echo });
    res.end(`# echo ${echo}\n`);
  });
  as = await httpServer(async (req, res) => {
    const form = new URLSearchParams(await body(req));
    if (req.url === '/echo-error') {
      // A careless server that puts the credentials it got into its error description.
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: 'invalid_request', error_description: `got ${req.headers.authorization} ${form.get('client_secret')}` }));
    }
    const t = `issued-SECRET-${issued.length}`;
    issued.push(t);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: t, expires_in: 600 }));
  });
  tmp.write('secret', `  ${S.fileSecret}\n`);
});

afterAll(async () => {
  await target.close();
  await as.close();
  tmp.cleanup();
});

function texts(value: unknown): string[] {
  const out = [inspect(value, { depth: 20, showHidden: false }), JSON.stringify(value) ?? ''];
  let e: unknown = value;
  for (let i = 0; i < 10 && e; i++) {
    out.push(String(e));
    if (e instanceof Error) out.push(e.message, e.stack ?? '');
    e = (e as { cause?: unknown }).cause;
  }
  return out;
}

async function run(url: string, options: ScrapeOptions, lines: string[]): Promise<string[]> {
  try {
    const result = await scrape(url, { ...options, debug: (l) => lines.push(l) });
    return texts(result);
  } catch (err) {
    return texts(err);
  }
}

describe('redaction', () => {
  it('no secret appears anywhere, across failures and successes', async () => {
    const lines: string[] = [];
    const out: string[] = [];
    const headers = { 'X-Secret': new Secret(S.header) };
    const u = target.url;
    out.push(...(await run(`${u}/echo-401`, { auth: { bearer: { token: S.bearer } }, headers }, lines)));
    out.push(...(await run(`${u}/echo-401`, { auth: { basic: { username: 'u', password: S.password } } }, lines)));
    out.push(...(await run(`${u}/echo-401`, { auth: { authorization: { type: 'Token', credentials: S.credentials } } }, lines)));
    out.push(...(await run(`${u}/echo-401`, { auth: { bearer: { tokenFile: `${tmp.dir}/secret` } } }, lines)));
    out.push(...(await run(`${u}/ok`, { auth: { bearer: { token: S.bearer } }, headers }, lines)));
    out.push(...(await run(`${u}/hang`, { auth: { bearer: { token: S.bearer } }, timeoutMs: 300 }, lines)));
    out.push(...(await run(`${u}/redirect-away`, { auth: { bearer: { token: S.bearer } } }, lines)));
    out.push(...(await run(`${u.replace('//', `//u:${S.password}@`)}/echo-401`, {}, lines)));
    out.push(...(await run(`http://u:${S.password}@127.0.0.1:${await freePort()}/x`, {}, lines)));
    out.push(...(await run(`${u}/ok`, { auth: { bearer: { token: `${S.bearer}\nX-Evil: 1` } } }, lines)));
    out.push(...(await run(`${u}/ok`, { proxy: { url: `http://user:${S.proxyPassword}@127.0.0.1:${await freePort()}` } }, lines)));
    // OAuth2: inline secret, secret file, a server echoing credentials in its error.
    out.push(...(await run(`${u}/echo-401`, { auth: { oauth2: { clientId: 'om', clientSecret: S.clientSecret, tokenUrl: `${as.url}/token` } } }, lines)));
    out.push(...(await run(`${u}/ok`, { auth: { oauth2: { clientId: 'om', clientSecretFile: `${tmp.dir}/secret`, tokenUrl: `${as.url}/token` } } }, lines)));
    out.push(...(await run(`${u}/ok`, { auth: { oauth2: { clientId: 'om', clientSecret: S.clientSecret, tokenUrl: `${as.url}/echo-error` } } }, lines)));
    out.push(...(await run(`${u}/ok`, { auth: { oauth2: { clientId: 'om', clientSecretFile: `${tmp.dir}/secret`, tokenUrl: `${as.url}/echo-error`, authStyle: 'post' } } }, lines)));
    const source = new OAuth2TokenSource({ clientId: 'om', clientSecret: S.clientSecret, tokenUrl: `${as.url}/token` }, { debug: (l) => lines.push(l) });
    out.push(...texts(await source.token()), ...texts(source));
    await source.close();
    // A job from prometheus.yml: the config object and the outcomes.
    const config = parsePrometheusConfig(
      `scrape_configs:\n  - job_name: j\n    basic_auth: {username: u, password: "${S.password}"}\n    http_headers: {X-Secret: {secrets: ["${S.header}"]}}\n    static_configs: [{targets: ["127.0.0.1:${target.port}"]}]\n    metrics_path: /echo-401\n`,
    );
    out.push(...texts(config));
    for await (const outcome of scrapeJob(config, 'j', { overrides: { debug: (l) => lines.push(l) } })) out.push(...texts(outcome));

    expect(issued.length).toBeGreaterThan(0);
    expect(lines.length).toBeGreaterThan(20);
    const everything = [...out, ...lines].join('\n');
    // The scenarios did reach the servers with the secrets (the echo endpoint saw them) …
    expect(everything).toContain('<secret>');
    expect(everything).toContain('"kind":"secret-echoed","where":"body"');
    expect(everything).toContain('"kind":"secret-echoed","where":"headers"');
    // … and nothing printable contains one.
    for (const secret of ALL()) expect(everything, `leaked ${secret}`).not.toContain(secret);
  });

  it('Secret never prints its value', () => {
    const secret = new Secret('hunter2-secret');
    expect(String(secret)).toBe('<secret>');
    expect(`${secret}`).toBe('<secret>');
    expect(JSON.stringify({ secret })).toBe('{"secret":"<secret>"}');
    expect(inspect({ secret })).not.toContain('hunter2');
    expect(secret.reveal()).toBe('hunter2-secret');
  });

  it('a very short password does not mangle the metrics body', async () => {
    const r = await scrape(`${target.url}/ok`, { auth: { basic: { username: 'u', password: 'e' } } });
    expect(r.body.startsWith('# echo Basic ')).toBe(true);
    expect(r.facts.map((f) => f.kind)).not.toContain('secret-echoed');
  });
});
