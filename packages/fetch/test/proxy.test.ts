import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, scrape } from '../src/index.js';
import { httpServer, listen, makeCerts, type Certs, type Running } from './helpers/servers.js';

// A CONNECT proxy on loopback that only tunnels to 127.0.0.1 and records what it saw.
let proxy: Running;
let target: Running;
let secure: Running;
let certs: Certs;
const tunnels: { to: string; auth: string | undefined }[] = [];
const PROXY_PASSWORD = 'proxy-pw-9';

beforeAll(async () => {
  certs = makeCerts();
  target = await httpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end('up 1\n');
  });
  secure = await listen(
    https.createServer({ cert: certs.serverCert, key: certs.serverKey }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end('up 2\n');
    }),
    'https',
  );
  const server = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const auth = req.headers['proxy-authorization'];
    tunnels.push({ to: req.url!, auth });
    const [name, port] = req.url!.split(':');
    // metrics.example stands for a remote host: it is mapped to the loopback target, nothing else is reached.
    const host = name === 'metrics.example' ? '127.0.0.1' : name;
    if (host !== '127.0.0.1' || (auth !== undefined && auth !== `Basic ${Buffer.from(`u:${PROXY_PASSWORD}`).toString('base64')}`)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(name === 'metrics.example' ? target.port : Number(port), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    const kill = () => {
      socket.destroy();
      upstream.destroy();
    };
    upstream.on('error', kill);
    socket.on('error', kill);
  });
  proxy = await listen(server);
});

afterAll(async () => {
  await Promise.all([proxy.close(), target.close(), secure.close()]);
  certs.cleanup();
});

const saved = { ...process.env };
afterEach(() => {
  for (const k of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('proxy', () => {
  it('tunnels through proxy_url, with TLS to the target end to end', async () => {
    tunnels.length = 0;
    const r = await scrape(`${target.url}/metrics`, { proxy: { url: proxy.url } });
    expect(r.body).toBe('up 1\n');
    expect(r.timings.connect).toBeUndefined();
    const s = await scrape(`${secure.url}/metrics`, { proxy: { url: proxy.url }, tls: { caFile: certs.caFile } });
    expect(s.body).toBe('up 2\n');
    expect(tunnels.map((t) => t.to)).toEqual([`127.0.0.1:${target.port}`, `127.0.0.1:${secure.port}`]);
  });

  it('skips the proxy for no_proxy hosts', async () => {
    tunnels.length = 0;
    const r = await scrape(`${target.url}/metrics`, { proxy: { url: proxy.url, noProxy: '127.0.0.1' } });
    expect(r.status).toBe(200);
    expect(tunnels).toHaveLength(0);
  });

  it('reads HTTP_PROXY / NO_PROXY with proxy_from_environment only', async () => {
    tunnels.length = 0;
    delete process.env.http_proxy;
    delete process.env.no_proxy;
    delete process.env.NO_PROXY;
    process.env.HTTP_PROXY = proxy.url;
    await scrape(`${target.url}/metrics`);
    expect(tunnels).toHaveLength(0);
    await scrape(`${target.url}/metrics`, { proxy: { fromEnvironment: true } });
    expect(tunnels).toHaveLength(1);
    await expect(scrape(`${target.url}/metrics`, { proxy: { fromEnvironment: true, url: proxy.url } })).rejects.toThrow(/cannot be combined/);
  });

  it('sends proxy credentials from the proxy URL, and reports a refusing proxy', async () => {
    tunnels.length = 0;
    const url = proxy.url.replace('//', `//u:${PROXY_PASSWORD}@`);
    expect((await scrape(`${target.url}/metrics`, { proxy: { url } })).status).toBe(200);
    expect(tunnels[0]!.auth).toBe(`Basic ${Buffer.from(`u:${PROXY_PASSWORD}`).toString('base64')}`);
    const err = await scrape(`${target.url}/metrics`, { proxy: { url: proxy.url.replace('//', '//u:wrong@') } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ code: 'proxy' });
    expect(String(err)).not.toContain('wrong');
  });

  it('reports credentials sent over plain http to a non-loopback host', async () => {
    const r = await scrape('http://metrics.example/metrics', { proxy: { url: proxy.url }, auth: { bearer: { token: 'plain-http-token' } } });
    expect(r.body).toBe('up 1\n');
    expect(r.facts).toContainEqual({ kind: 'credentials-over-http', host: 'metrics.example' });
    const local = await scrape(`${target.url}/metrics`, { auth: { bearer: { token: 'plain-http-token' } } });
    expect(local.facts.map((f) => f.kind)).not.toContain('credentials-over-http');
  });
});
