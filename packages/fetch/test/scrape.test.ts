import type { IncomingHttpHeaders } from 'node:http';
import { gzipSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, FetchError, Secret, USER_AGENT, scrape, scrapeStream, type ScrapeFact } from '../src/index.js';
import { httpServer, tempDir, type Running } from './helpers/servers.js';

const PROM_ACCEPT =
  'application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2';
const OM = '# TYPE up gauge\nup 1\n# EOF\n';

let server: Running;
let other: Running;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
const tmp = tempDir();

beforeAll(async () => {
  other = await httpServer((req, res) => {
    seen.push({ url: `other${req.url}`, headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end('up 1\n');
  });
  server = await httpServer((req, res) => {
    seen.push({ url: req.url!, headers: req.headers });
    const u = new URL(req.url!, 'http://x');
    switch (u.pathname) {
      case '/echo': {
        // Credentials come back reversed: om redacts credentials a target echoes verbatim.
        const { authorization, ...rest } = req.headers;
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(JSON.stringify({ ...rest, authorization: authorization === undefined ? undefined : [...authorization].reverse().join('') }));
        return;
      }
        return;
      case '/om':
        res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
        res.end(OM);
        return;
      case '/om-no-eof':
        res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
        res.end('# TYPE up gauge\nup 1\n');
        return;
      case '/gzip':
        res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0', 'content-encoding': 'gzip' });
        res.end(gzipSync(OM));
        return;
      case '/deflate':
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'content-encoding': 'deflate' });
        res.end(deflateSync('up 1\n'));
        return;
      case '/no-type':
        res.writeHead(200, {});
        res.end('up 1\n');
        return;
      case '/html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<html></html>');
        return;
      case '/empty':
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end();
        return;
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(Buffer.from([0x75, 0x70, 0xff, 0x20, 0x31, 0x0a]));
        return;
      case '/404':
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no such metrics here');
        return;
      case '/redirect-same':
        res.writeHead(302, { location: '/echo' });
        res.end();
        return;
      case '/redirect-other':
        res.writeHead(307, { location: `${other.url}/metrics` });
        res.end();
        return;
      case '/redirect-nowhere':
        res.writeHead(302);
        res.end();
        return;
      case '/redirect-ftp':
        res.writeHead(302, { location: 'ftp://127.0.0.1/x' });
        res.end();
        return;
      case '/size': {
        const n = Number(u.searchParams.get('n'));
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end('#'.repeat(n - 1) + '\n');
        return;
      }
      default:
        res.writeHead(500);
        res.end();
    }
  });
});

afterAll(async () => {
  await server.close();
  await other.close();
  tmp.cleanup();
});

const kinds = (facts: ScrapeFact[]) => facts.map((f) => f.kind);
const sentAuth = (body: string): string | undefined => {
  const reversed = (JSON.parse(body) as { authorization?: string }).authorization;
  return reversed === undefined ? undefined : [...reversed].reverse().join('');
};

describe('request', () => {
  it('sends the headers Prometheus sends', async () => {
    const r = await scrape(`${server.url}/echo`, { headers: { 'X-Tenant': 'a', 'X-Multi': ['1', '2'] } });
    const h = JSON.parse(r.body) as Record<string, string>;
    expect(h.accept).toBe(PROM_ACCEPT);
    expect(r.accept).toBe(PROM_ACCEPT);
    expect(h['accept-encoding']).toBe('gzip');
    expect(h['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^om\/\d+\.\d+\.\d+/);
    expect(h['x-prometheus-scrape-timeout-seconds']).toBe('10');
    expect(h['x-tenant']).toBe('a');
    expect(h['x-multi']).toBe('1, 2');
    expect(sentAuth(r.body)).toBeUndefined();
  });

  it('formats the timeout header like Go and honours the options', async () => {
    const r = await scrape(`${server.url}/echo`, {
      timeoutMs: 1500,
      enableCompression: false,
      userAgent: 'custom/1',
      scrapeProtocols: ['PrometheusText0.0.4'],
    });
    const h = JSON.parse(r.body) as Record<string, string>;
    expect(h['x-prometheus-scrape-timeout-seconds']).toBe('1.5');
    expect(h['accept-encoding']).toBe('identity');
    expect(h['user-agent']).toBe('custom/1');
    expect(h.accept).toBe('text/plain;version=0.0.4;q=0.6,*/*;q=0.5');
    const half = await scrape(`${server.url}/echo`, { timeoutMs: 500, acceptHeader: 'text/plain' });
    expect(JSON.parse(half.body)['x-prometheus-scrape-timeout-seconds']).toBe('0.5');
    expect(JSON.parse(half.body).accept).toBe('text/plain');
    expect(half.accept).toBe('text/plain');
    expect(half.facts).toEqual([]);
    const custom = await scrape(`${server.url}/echo`, { headers: { Accept: 'application/openmetrics-text;version=1.0.0' } });
    expect(JSON.parse(custom.body).accept).toBe('application/openmetrics-text;version=1.0.0');
    expect(custom.accept).toBe('application/openmetrics-text;version=1.0.0');
    expect(custom.facts.map((f) => f.kind)).toEqual(['format-negotiation']);
  });

  it('refuses reserved headers, bad URLs and bad limits', async () => {
    await expect(scrape(`${server.url}/echo`, { headers: { Authorization: 'x' } })).rejects.toThrow(ConfigError);
    await expect(scrape(`${server.url}/echo`, { headers: { 'user-agent': 'x' } })).rejects.toThrow(/headers\.user-agent: is a reserved header/);
    await expect(scrape('not a url')).rejects.toThrow(ConfigError);
    await expect(scrape('ftp://127.0.0.1/')).rejects.toThrow(/unsupported scheme ftp/);
    await expect(scrape(`${server.url}/echo`, { timeoutMs: 0 })).rejects.toThrow(/timeoutMs/);
  });

  it('sends bearer, basic and custom authorization; files are read each time and trimmed', async () => {
    const tokenFile = tmp.write('token', '  tok-1\n');
    const r1 = await scrape(`${server.url}/echo`, { auth: { bearer: { tokenFile } } });
    expect(sentAuth(r1.body)).toBe('Bearer tok-1');
    tmp.write('token', 'tok-2\n');
    const r2 = await scrape(`${server.url}/echo`, { auth: { bearer: { tokenFile } } });
    expect(sentAuth(r2.body)).toBe('Bearer tok-2');
    const r3 = await scrape(`${server.url}/echo`, { auth: { basic: { username: 'u', password: new Secret('p:w') } } });
    expect(sentAuth(r3.body)).toBe(`Basic ${Buffer.from('u:p:w').toString('base64')}`);
    const r4 = await scrape(`${server.url}/echo`, { auth: { authorization: { type: 'Token', credentials: 'abc' } } });
    expect(sentAuth(r4.body)).toBe('Token abc');
    const r5 = await scrape(`${server.url.replace('//', '//user:pw@')}/echo`);
    expect(sentAuth(r5.body)).toBe(`Basic ${Buffer.from('user:pw').toString('base64')}`);
    expect(r5.url).not.toContain('pw');
    await expect(scrape(`${server.url}/echo`, { auth: { authorization: { type: 'basic', credentials: 'x' } } })).rejects.toThrow(/basic_auth/);
    await expect(scrape(`${server.url}/echo`, { auth: { bearer: { tokenFile: `${tmp.dir}/missing` } } })).rejects.toThrow(
      /auth\.bearer\.tokenFile: file not found/,
    );
  });
});

describe('response', () => {
  it('reads OpenMetrics and reports no facts for a clean answer', async () => {
    const r = await scrape(`${server.url}/om`);
    expect(r).toMatchObject({ status: 200, format: 'openmetrics', formatSource: 'content-type', mediaType: 'application/openmetrics-text', body: OM, bytes: OM.length, compressed: false });
    expect(r.mediaTypeParams).toEqual({ version: '1.0.0', charset: 'utf-8' });
    expect(r.facts).toEqual([]);
    expect(r.timings.total).toBeGreaterThanOrEqual(r.timings.firstByte);
    expect(r.timings.connect).toBeGreaterThanOrEqual(0);
    expect(r.timings.dns).toBe(0);
    expect(r.timings.tls).toBeUndefined();
  });

  it('decodes gzip and counts both sizes', async () => {
    const r = await scrape(`${server.url}/gzip`);
    expect(r.body).toBe(OM);
    expect(r.compressed).toBe(true);
    expect(r.bytes).toBe(OM.length);
    expect(r.compressedBytes).toBe(gzipSync(OM).length);
    expect(r.facts).toEqual([]);
  });

  it('does not decode other encodings, as Prometheus, and says so', async () => {
    const r = await scrape(`${server.url}/deflate`);
    expect(r.body).not.toBe('up 1\n');
    expect(r.facts).toContainEqual({ kind: 'content-encoding', encoding: 'deflate', problem: 'not-gzip', prometheus: 'fails' });
  });

  it('reports format negotiation and missing # EOF', async () => {
    const text = await scrape(`${server.url}/echo`);
    expect(text.format).toBe('prometheus');
    expect(text.facts).toContainEqual(expect.objectContaining({ kind: 'format-negotiation', received: 'prometheus' }));
    const noEof = await scrape(`${server.url}/om-no-eof`);
    expect(kinds(noEof.facts)).toEqual(['missing-eof']);
    const textOnly = await scrape(`${server.url}/echo`, { scrapeProtocols: ['PrometheusText0.0.4'] });
    expect(textOnly.facts).toEqual([]);
  });

  it('treats a missing or wrong Content-Type like Prometheus 3, fallback included', async () => {
    const none = await scrape(`${server.url}/no-type`);
    expect(none.format).toBeNull();
    expect(none.facts).toContainEqual({ kind: 'content-type', problem: 'missing', contentType: null, fallback: null, prometheus: 'fails' });
    const html = await scrape(`${server.url}/html`, { fallbackProtocol: 'PrometheusText0.0.4' });
    expect(html).toMatchObject({ format: 'prometheus', formatSource: 'fallback' });
    expect(html.facts).toContainEqual({ kind: 'content-type', problem: 'unsupported', contentType: 'text/html; charset=utf-8', fallback: 'PrometheusText0.0.4', prometheus: 'uses-fallback' });
  });

  it('reports empty bodies and invalid UTF-8', async () => {
    expect(kinds((await scrape(`${server.url}/empty`, { scrapeProtocols: ['PrometheusText0.0.4'] })).facts)).toEqual(['empty-body']);
    expect(kinds((await scrape(`${server.url}/latin1`, { scrapeProtocols: ['PrometheusText0.0.4'] })).facts)).toEqual(['invalid-utf8']);
  });

  it('fails on a status other than 200 with the status and an excerpt', async () => {
    const err = await scrape(`${server.url}/404`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ code: 'http', status: 404, response: { url: `${server.url}/404`, status: 404, bodyExcerpt: 'no such metrics here' } });
    expect((err as FetchError).response!.facts).toEqual([{ kind: 'status', status: 404, statusText: 'Not Found', prometheus: 'fails' }]);
    expect(String(err)).toContain('server returned HTTP status 404 Not Found');
  });

  it('applies the size limit with >= like Prometheus, and reports a body near the limit', async () => {
    const ok = await scrape(`${server.url}/size?n=999`, { bodySizeLimit: 1000, scrapeProtocols: ['PrometheusText0.0.4'] });
    expect(ok.bytes).toBe(999);
    expect(ok.facts).toContainEqual({ kind: 'body-size', bytes: 999, limit: 1000, problem: 'near-limit', prometheus: 'ok' });
    const err = await scrape(`${server.url}/size?n=1000`, { bodySizeLimit: 1000 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'too-large' });
    const small = await scrape(`${server.url}/size?n=10`, { bodySizeLimit: 1000, scrapeProtocols: ['PrometheusText0.0.4'] });
    expect(small.facts).toEqual([]);
  });
});

describe('redirects', () => {
  it('follows a same-origin redirect with credentials', async () => {
    seen.length = 0;
    const r = await scrape(`${server.url}/redirect-same`, { auth: { bearer: { token: 'same-origin-token' } } });
    expect(r.url).toBe(`${server.url}/echo`);
    expect(r.requestedUrl).toBe(`${server.url}/redirect-same`);
    expect(sentAuth(r.body)).toBe('Bearer same-origin-token');
    expect(r.facts).toContainEqual({ kind: 'redirect', status: 302, from: `${server.url}/redirect-same`, to: `${server.url}/echo`, crossOrigin: false, credentialsDropped: false });
  });

  it('does not send credentials to another origin', async () => {
    seen.length = 0;
    const r = await scrape(`${server.url}/redirect-other`, { auth: { bearer: { token: 'never-leaves' } } });
    expect(r.url).toBe(`${other.url}/metrics`);
    expect(r.redirects).toEqual([{ status: 307, from: `${server.url}/redirect-other`, to: `${other.url}/metrics` }]);
    const atOther = seen.find((s) => s.url === 'other/metrics')!;
    expect(atOther.headers.authorization).toBeUndefined();
    expect(atOther.headers.accept).toBe(PROM_ACCEPT);
    expect(r.facts).toContainEqual(expect.objectContaining({ kind: 'redirect', crossOrigin: true, credentialsDropped: true }));
  });

  it('can refuse to follow, and rejects broken redirects', async () => {
    await expect(scrape(`${server.url}/redirect-same`, { followRedirects: false })).rejects.toMatchObject({ code: 'http', status: 302 });
    await expect(scrape(`${server.url}/redirect-nowhere`)).rejects.toMatchObject({ code: 'redirect' });
    await expect(scrape(`${server.url}/redirect-ftp`)).rejects.toMatchObject({ code: 'redirect' });
  });
});

describe('scrapeStream', () => {
  it('gives the body as chunks and a summary with the facts', async () => {
    const s = await scrapeStream(`${server.url}/om-no-eof`);
    expect(s.status).toBe(200);
    expect(s.format).toBe('openmetrics');
    let text = '';
    for await (const chunk of s.body) text += Buffer.from(chunk).toString('utf8');
    expect(text).toBe('# TYPE up gauge\nup 1\n');
    const summary = await s.summary();
    expect(summary.bytes).toBe(text.length);
    expect(kinds(summary.facts)).toEqual(['missing-eof']);
    await expect(async () => {
      for await (const _ of s.body) void _;
    }).rejects.toThrow(/only once/);
  });

  it('can be cancelled before reading', async () => {
    const s = await scrapeStream(`${server.url}/om`);
    await s.cancel();
    await expect(s.summary()).rejects.toMatchObject({ code: 'aborted' });
  });

  it('stops at the limit while streaming', async () => {
    const s = await scrapeStream(`${server.url}/size?n=5000`, { bodySizeLimit: 100 });
    await expect(async () => {
      for await (const _ of s.body) void _;
    }).rejects.toMatchObject({ code: 'too-large' });
    await expect(s.summary()).rejects.toMatchObject({ code: 'too-large' });
  });
});
