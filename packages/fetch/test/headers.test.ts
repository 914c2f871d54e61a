import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, scrape } from '../src/index.js';
import { listen, type Running } from './helpers/servers.js';

// Raw responses written on a TCP socket: Node's own HTTP server would not send headers this large
// on every platform, and the point is what om accepts from a server, not what Node's server emits.
const BODY = '# TYPE up gauge\nup 1\n';
const KIB = 1024;
const MIB = 1024 * KIB;

function rawResponse(headerBytes: number): string {
  // One header per 8 KiB, as a server with many cookies or a long CSP header would send.
  const lines: string[] = [];
  for (let left = headerBytes, i = 0; left > 0; i++) {
    const value = 'v'.repeat(Math.min(8 * KIB, left));
    lines.push(`x-big-${i}: ${value}`);
    left -= value.length;
  }
  return ['HTTP/1.1 200 OK', 'content-type: text/plain; version=0.0.4', `content-length: ${BODY.length}`, 'connection: close', ...lines, '', BODY].join('\r\n');
}

let server: Running;

beforeAll(async () => {
  server = await listen(
    net.createServer((socket) => {
      let head = '';
      socket.on('error', () => {});
      socket.on('data', (chunk) => {
        head += chunk.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        const size = Number(/^GET \/(\d+)/.exec(head)?.[1] ?? 0);
        socket.end(rawResponse(size));
      });
    }),
  );
});

afterAll(async () => {
  await server.close();
});

describe('response header size', () => {
  it('reads 20 KiB of headers (undici alone stops at 16 KiB)', async () => {
    const r = await scrape(`${server.url}/${20 * KIB}`);
    expect(r.status).toBe(200);
    expect(r.body).toBe(BODY);
    expect(Object.keys(r.headers).filter((k) => k.startsWith('x-big-'))).toHaveLength(3);
  });

  it('reads 2 MiB of headers, as Prometheus (Go http.Transport: 10 MiB)', async () => {
    const r = await scrape(`${server.url}/${2 * MIB}`);
    expect(r.body).toBe(BODY);
  });

  it('refuses headers over the limit with an error naming the limit', async () => {
    const err = await scrape(`${server.url}/${11 * MIB}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ code: 'headers-too-large' });
    expect((err as Error).message).toMatch(/response headers exceed the limit of 10 MiB \(maxResponseHeaderBytes\)$/);
    expect((err as Error).message).not.toMatch(/UND_ERR/);
  });

  it('takes the limit from maxResponseHeaderBytes', async () => {
    const err = await scrape(`${server.url}/${40 * KIB}`, { maxResponseHeaderBytes: 32 * KIB }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'headers-too-large' });
    expect((err as Error).message).toContain('limit of 32 KiB');
    expect((await scrape(`${server.url}/${20 * KIB}`, { maxResponseHeaderBytes: 32 * KIB })).body).toBe(BODY);
    await expect(scrape(`${server.url}/0`, { maxResponseHeaderBytes: 0 })).rejects.toThrow(/maxResponseHeaderBytes: must be a positive whole number/);
  });
});
