import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, scrape, scrapeStream } from '../src/index.js';
import { freePort, httpServer, type Running } from './helpers/servers.js';

// Every case must end with a FetchError within its limit. Timing bounds are generous for slow CI.
let server: Running;
let written = 0; // bytes the bomb/endless handlers managed to write
const BOMB_MEMBER = gzipSync(Buffer.alloc(16 * 1024 * 1024)); // 16 MiB of zeros ≈ 16 KiB gzip
const CHUNK = Buffer.alloc(64 * 1024, 0x23);

function pump(res: ServerResponse, chunk: Buffer): void {
  const write = () => {
    while (!res.destroyed) {
      written += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', write);
        return;
      }
    }
  };
  res.on('error', () => {});
  write();
}

beforeAll(async () => {
  server = await httpServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    switch (path) {
      case '/slow-headers':
        return; // never answers
      case '/slow-body': {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        const t = setInterval(() => res.write('#'), 100);
        res.on('close', () => clearInterval(t));
        return;
      }
      case '/endless':
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        pump(res, CHUNK);
        return;
      case '/bomb':
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'content-encoding': 'gzip' });
        pump(res, BOMB_MEMBER);
        return;
      case '/bad-gzip':
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'content-encoding': 'gzip' });
        res.end(Buffer.from('this is not gzip at all, not even a little'));
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        res.end();
        return;
      case '/reset-before':
        req.socket.destroy();
        return;
      case '/reset-mid-body':
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'content-length': '100000' });
        res.write('up 1\n');
        setTimeout(() => req.socket.resetAndDestroy(), 50);
        return;
      case '/wrong-type':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"up": 1}');
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  });
});

afterAll(async () => {
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<{ err: FetchError; ms: number }> {
  const start = performance.now();
  const err = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return { err: err as FetchError, ms: performance.now() - start };
}

describe('adversarial servers', () => {
  it('a server that never answers times out at the scrape timeout', async () => {
    const { err, ms } = await failure(scrape(`${server.url}/slow-headers`, { timeoutMs: 800 }));
    expect(err.code).toBe('timeout');
    expect(err.message).toContain('timed out after 0.8 s');
    expect(ms).toBeGreaterThanOrEqual(700);
    expect(ms).toBeLessThan(3000);
  });

  it('a slow-loris body times out: the timeout covers the body', async () => {
    const { err, ms } = await failure(scrape(`${server.url}/slow-body`, { timeoutMs: 1000 }));
    expect(err.code).toBe('timeout');
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(3500);
  });

  it('an endless body stops at the default 50 MiB limit', async () => {
    written = 0;
    const rss = process.memoryUsage().rss;
    const { err, ms } = await failure(scrape(`${server.url}/endless`));
    expect(err.code).toBe('too-large');
    expect(err.message).toContain(`${50 * 1024 * 1024} bytes`);
    expect(ms).toBeLessThan(15_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(400 * 1024 * 1024);
  });

  it('a gzip bomb is stopped by its decoded size while streaming, not buffered', async () => {
    written = 0;
    const before = process.memoryUsage();
    const s = await scrapeStream(`${server.url}/bomb`, { bodySizeLimit: 64 * 1024 * 1024 });
    let seen = 0;
    let peak = 0;
    const { err, ms } = await failure(
      (async () => {
        for await (const chunk of s.body) {
          seen += chunk.byteLength;
          if (seen % (4 * 1024 * 1024) < chunk.byteLength) peak = Math.max(peak, process.memoryUsage().arrayBuffers);
        }
      })(),
    );
    expect(err.code).toBe('too-large');
    expect(seen).toBeLessThan(64 * 1024 * 1024);
    expect(seen).toBeGreaterThan(60 * 1024 * 1024);
    expect(ms).toBeLessThan(15_000);
    // 64 MiB decoded came from a few hundred KiB on the wire; the server could not run far ahead.
    expect(written).toBeLessThan(8 * 1024 * 1024);
    // Decoded chunks were not accumulated: external buffers stayed far below the decoded size.
    expect(peak - before.arrayBuffers).toBeLessThan(32 * 1024 * 1024);
    await expect(s.summary()).rejects.toMatchObject({ code: 'too-large' });
  });

  it('a corrupt gzip body is a decode error', async () => {
    const { err } = await failure(scrape(`${server.url}/bad-gzip`));
    expect(err.code).toBe('decode');
  });

  it('a redirect loop stops after the maximum', async () => {
    const { err, ms } = await failure(scrape(`${server.url}/loop`, { maxRedirects: 5 }));
    expect(err.code).toBe('redirect');
    expect(err.message).toContain('stopped after 5 redirects');
    expect(ms).toBeLessThan(3000);
    const { err: err10 } = await failure(scrape(`${server.url}/loop`));
    expect(err10.message).toContain('stopped after 10 redirects');
  });

  it('a connection reset before the answer is reported as such', async () => {
    const { err } = await failure(scrape(`${server.url}/reset-before`));
    expect(err.code).toBe('reset');
    expect(err.cause).toBeDefined();
  });

  it('a connection reset in the middle of the body is reported as such', async () => {
    const { err, ms } = await failure(scrape(`${server.url}/reset-mid-body`, { timeoutMs: 5000 }));
    expect(err.code).toBe('reset');
    expect(ms).toBeLessThan(3000);
  });

  it('a closed port is refused', async () => {
    const port = await freePort();
    const { err } = await failure(scrape(`http://127.0.0.1:${port}/metrics`));
    expect(err.code).toBe('refused');
    expect(err.message).toContain('connection refused');
  });

  it('a wrong Content-Type is a fact, not an exception', async () => {
    const r = await scrape(`${server.url}/wrong-type`);
    expect(r.format).toBeNull();
    expect(r.facts).toContainEqual({ kind: 'content-type', problem: 'unsupported', contentType: 'application/json', fallback: null, prometheus: 'fails' });
  });

  it("the caller's signal aborts a scrape", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { err, ms } = await failure(scrape(`${server.url}/slow-body`, { signal: controller.signal }));
    expect(err.code).toBe('aborted');
    expect(ms).toBeLessThan(2000);
  });
});
