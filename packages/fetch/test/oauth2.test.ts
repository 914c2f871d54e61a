import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, FetchError, OAuth2TokenSource, parsePrometheusConfig, scrape, scrapeJob, type OAuth2Options, type ScrapeOptions } from '../src/index.js';
import { httpServer, tempDir, type Running } from './helpers/servers.js';

// A hand-rolled token endpoint for the cases a real authorization server cannot produce.
let as: Running;
let target: Running;
const tmp = tempDir();
let issued = 0;
const valid = new Set<string>();
const calls: { mode: string; authorization: string | undefined; form: Record<string, string>; userAgent: string | undefined }[] = [];
let rejectAll = false;

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

beforeAll(async () => {
  as = await httpServer(async (req, res) => {
    const mode = req.url!.split('/')[2] ?? 'json';
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    calls.push({ mode, authorization: req.headers.authorization, form, userAgent: req.headers['user-agent'] });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const token = () => {
      const t = `tok-${++issued}`;
      valid.add(t);
      return t;
    };
    switch (mode) {
      case 'json':
        return json(200, { access_token: token(), token_type: 'bearer', expires_in: 60, scope: form.scope });
      case 'no-expiry':
        return json(200, { access_token: token(), token_type: 'Bearer' });
      case 'string-expiry':
        return json(200, { access_token: token(), expires_in: '60' });
      case 'form':
        res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
        return res.end(`access_token=${token()}&token_type=bearer&expires_in=60`);
      case 'error-200':
        return json(200, { error: 'invalid_scope', error_description: 'scope metrics.write is not allowed' });
      case 'post-only':
        if (req.headers.authorization !== undefined) return json(401, { error: 'invalid_client', error_description: 'use client_secret_post' });
        if (form.client_id !== 'om' || form.client_secret !== 's3cr3t') return json(401, { error: 'invalid_client' });
        return json(200, { access_token: token(), expires_in: 60 });
      case 'slow':
        setTimeout(() => json(200, { access_token: token(), expires_in: 60 }), 3000);
        return;
      case 'missing':
        return json(200, { token_type: 'bearer' });
      case 'huge':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(`{"access_token":"${'x'.repeat(2 * 1024 * 1024)}"}`);
      case 'refuse':
        return json(401, { error: 'invalid_client', error_description: 'client authentication failed' });
      default:
        return json(404, {});
    }
  });
  target = await httpServer((req, res) => {
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    if (rejectAll || token === undefined || !valid.has(token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' });
      return res.end();
    }
    res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0' });
    res.end(`# TYPE up gauge\nup 1\n# EOF\n`);
  });
});

afterAll(async () => {
  await as.close();
  await target.close();
  tmp.cleanup();
});

beforeEach(() => {
  calls.length = 0;
  rejectAll = false;
});

const opts = (mode: string, extra: Partial<OAuth2Options> = {}): OAuth2Options => ({
  clientId: 'om',
  clientSecret: 's3cr3t',
  tokenUrl: `${as.url}/token/${mode}`,
  scopes: ['metrics.read'],
  ...extra,
});

describe('OAuth2TokenSource', () => {
  it('sends a Prometheus-style token request', async () => {
    const source = new OAuth2TokenSource(opts('json', { clientSecret: 'a b+c/d~é', endpointParams: { audience: 'metrics', grant_type: 'client_credentials' } }), { userAgent: 'om/test' });
    const token = await source.token();
    expect(token.tokenType).toBe('Bearer');
    expect(token.authorization()).toMatch(/^Bearer tok-\d+$/);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.form).toEqual({ grant_type: 'client_credentials', scope: 'metrics.read', audience: 'metrics' });
    // Basic credentials are form-encoded first (RFC 6749 §2.3.1, Go's url.QueryEscape).
    expect(Buffer.from(call!.authorization!.replace('Basic ', ''), 'base64').toString()).toBe('om:a+b%2Bc%2Fd~%C3%A9');
    expect(call!.userAgent).toBe('om/test');
    await source.close();
  });

  it('caches the token until 10 s before expiry, then fetches a new one', async () => {
    let now = 1_000_000;
    const source = new OAuth2TokenSource(opts('json'), { now: () => now });
    const first = await source.token();
    now += 49_000;
    expect(await source.token()).toBe(first);
    now += 2_000; // 51 s: within the 10 s margin of a 60 s token
    const second = await source.token();
    expect(second).not.toBe(first);
    expect(source.stats).toEqual({ requests: 2, tokens: 2 });
    await source.close();
  });

  it('single-flight: concurrent callers share one token request', async () => {
    const source = new OAuth2TokenSource(opts('json'));
    const results = await Promise.all(Array.from({ length: 20 }, () => scrape(`${target.url}/metrics`, { auth: { oauth2: source } })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(calls).toHaveLength(1);
    await source.close();
  });

  it('accepts a string expires_in and form-encoded replies', async () => {
    let now = 0;
    const s1 = new OAuth2TokenSource(opts('string-expiry'), { now: () => now });
    expect((await s1.token()).expiresAt).toBe(60_000);
    const s2 = new OAuth2TokenSource(opts('form'));
    const t2 = await s2.token();
    expect(t2.tokenType).toBe('Bearer');
    expect(t2.expiresAt).toBeGreaterThan(Date.now());
    await Promise.all([s1.close(), s2.close()]);
  });

  it('keeps a token without expires_in until the target rejects it, then retries once', async () => {
    const source = new OAuth2TokenSource(opts('no-expiry'));
    const r1 = await scrape(`${target.url}/metrics`, { auth: { oauth2: source } });
    const t1 = await source.token();
    expect(t1.expiresAt).toBeNull();
    expect(r1.facts).toEqual([]);
    valid.delete(t1.reveal()); // revoked on the server
    const r2 = await scrape(`${target.url}/metrics`, { auth: { oauth2: source } });
    expect(r2.status).toBe(200);
    expect(r2.facts).toContainEqual({ kind: 'auth-retry', status: 401 });
    expect(source.stats.tokens).toBe(2);
    rejectAll = true;
    const err = await scrape(`${target.url}/metrics`, { auth: { oauth2: source } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'http', status: 401 });
    expect(source.stats.tokens).toBe(3); // one retry only
    await source.close();
  });

  it('falls back to credentials in the body when Basic is refused, and remembers it', async () => {
    let now = 0;
    const source = new OAuth2TokenSource(opts('post-only'), { now: () => now });
    await source.token();
    expect(calls.map((c) => c.authorization === undefined)).toEqual([false, true]);
    expect(calls[1]!.form).toMatchObject({ client_id: 'om', client_secret: 's3cr3t' });
    now += 120_000;
    await source.token();
    expect(calls).toHaveLength(3);
    expect(calls[2]!.authorization).toBeUndefined();
    await source.close();
  });

  it('explains refusals from the token endpoint (RFC 6749 error fields)', async () => {
    const err = await new OAuth2TokenSource(opts('refuse')).token().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ code: 'oauth2', status: 401 });
    expect((err as Error).message).toContain('invalid_client "client authentication failed"');
    expect(calls).toHaveLength(2); // Basic, then body
    const e200 = await new OAuth2TokenSource(opts('error-200', { authStyle: 'basic' })).token().catch((e: unknown) => e);
    expect(e200).toMatchObject({ code: 'oauth2', status: 200 });
    expect((e200 as Error).message).toContain('invalid_scope "scope metrics.write is not allowed"');
    const missing = await new OAuth2TokenSource(opts('missing', { authStyle: 'basic' })).token().catch((e: unknown) => e);
    expect((missing as Error).message).toContain('server response missing access_token');
    const huge = await new OAuth2TokenSource(opts('huge', { authStyle: 'basic' })).token().catch((e: unknown) => e);
    expect((huge as Error).message).toContain('more than 1 MiB');
  });

  it('gives the token request its own timeout', async () => {
    const start = performance.now();
    const err = await new OAuth2TokenSource(opts('slow', { timeoutMs: 300 })).token().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout' });
    expect(performance.now() - start).toBeLessThan(2000);
    expect(calls).toHaveLength(1); // a timeout is not retried with the other auth style
  });

  it('the scrape timeout also bounds the wait for a token', async () => {
    const start = performance.now();
    const err = await scrape(`${target.url}/metrics`, { timeoutMs: 400, auth: { oauth2: opts('slow') } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout' });
    expect((err as Error).message).toContain('waiting for the OAuth2 token');
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('a scrape fails with the oauth2 error when no token can be had', async () => {
    const err = await scrape(`${target.url}/metrics`, { auth: { oauth2: opts('refuse') } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'oauth2' });
  });

  it('reads client_secret_file on each use, trimmed, and drops the token when it changes', async () => {
    const file = tmp.write('secret', '\n  s3cr3t  \n');
    const source = new OAuth2TokenSource(opts('post-only', { clientSecret: undefined, clientSecretFile: file, authStyle: 'post' }));
    const t1 = await source.token();
    expect(calls[0]!.form.client_secret).toBe('s3cr3t');
    expect(await source.token()).toBe(t1);
    tmp.write('secret', 'rotated\n');
    await expect(source.token()).rejects.toMatchObject({ code: 'oauth2' });
    expect(calls.at(-1)!.form.client_secret).toBe('rotated');
    await source.close();
  });

  it('scrapes given the same oauth2 options share one token until it expires (om diff --interval)', async () => {
    const options: ScrapeOptions = { auth: { oauth2: opts('json') } };
    for (let i = 0; i < 3; i++) expect((await scrape(`${target.url}/metrics`, options)).status).toBe(200);
    expect(calls).toHaveLength(1);
    // Other options, another token; and a token within its expiry margin is renewed.
    const short: ScrapeOptions = { auth: { oauth2: opts('json', { expiryMarginMs: 59_800 }) } };
    await scrape(`${target.url}/metrics`, short);
    expect(calls).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 300));
    await scrape(`${target.url}/metrics`, short);
    expect(calls).toHaveLength(3);
    // A failed scrape does not lose the shared token.
    await expect(scrape('http://127.0.0.1:1/metrics', options)).rejects.toMatchObject({ code: 'refused' });
    await scrape(`${target.url}/metrics`, options);
    expect(calls).toHaveLength(3);
  });

  it('an empty client_secret_file is an error naming the file, and no token is asked for', async () => {
    for (const [i, text] of ['', '\n', ' \t\r\n'].entries()) {
      const file = tmp.write(`empty-secret-${i}`, text);
      const err = await scrape(`${target.url}/metrics`, { auth: { oauth2: opts('json', { clientSecret: undefined, clientSecretFile: file }) } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toBe(`auth.oauth2.clientSecretFile: file is empty${text === '' ? '' : ' (only whitespace)'}: ${file}`);
    }
    // From a prometheus.yml, the message names the key as written there.
    tmp.write('blank', '\n');
    const config = parsePrometheusConfig(
      `scrape_configs:\n  - job_name: j\n    oauth2: {client_id: om, client_secret_file: blank, token_url: '${as.url}/token/json'}\n    static_configs: [{targets: ['${target.url.slice(7)}']}]\n`,
      { dir: tmp.dir },
    );
    const outcomes = [];
    for await (const o of scrapeJob(config, 'j')) outcomes.push(o);
    expect(outcomes[0]!.error?.message).toBe(`scrape_configs[0].oauth2.client_secret_file: file is empty (only whitespace): ${tmp.dir}/blank`);
    expect(calls).toHaveLength(0);
  });

  it('validates its configuration', () => {
    expect(() => new OAuth2TokenSource({ clientId: '', tokenUrl: 'http://127.0.0.1/' })).toThrow(ConfigError);
    expect(() => new OAuth2TokenSource({ clientId: 'a', tokenUrl: '' })).toThrow(/token_url must be configured/);
    expect(() => new OAuth2TokenSource({ clientId: 'a', tokenUrl: 'http://127.0.0.1/', clientSecret: 'x', clientSecretFile: '/x' })).toThrow(/at most one/);
    expect(() => new OAuth2TokenSource({ clientId: 'a', tokenUrl: 'file:///etc/passwd' })).toThrow(/http or https/);
  });

  it('refuses endpoint_params that overwrite the scope', async () => {
    const err = await new OAuth2TokenSource(opts('json', { endpointParams: { scope: 'admin' } })).token().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain('cannot overwrite parameter "scope"');
  });
});
