import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, scrape } from '../src/index.js';
import { listen, makeCerts, type Certs, type Running } from './helpers/servers.js';

let certs: Certs;
let plain: Running; // HTTPS, no client certificate
let mtls: Running; // HTTPS, client certificate required
let tls13: Running; // HTTPS, TLS 1.3 only

beforeAll(async () => {
  certs = makeCerts();
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    res.writeHead(200, { 'content-type': 'application/openmetrics-text; version=1.0.0' });
    res.end(`# TYPE up gauge\nup{client="${peer?.subject?.CN ?? ''}",sni="${(req.socket as TLSSocket & { servername?: string }).servername ?? ''}"} 1\n# EOF\n`);
  };
  plain = await listen(https.createServer({ cert: certs.serverCert, key: certs.serverKey }, handler), 'https');
  mtls = await listen(https.createServer({ cert: certs.serverCert, key: certs.serverKey, ca: certs.ca, requestCert: true, rejectUnauthorized: true }, handler), 'https');
  tls13 = await listen(https.createServer({ cert: certs.serverCert, key: certs.serverKey, minVersion: 'TLSv1.3' }, handler), 'https');
});

afterAll(async () => {
  await Promise.all([plain.close(), mtls.close(), tls13.close()]);
  certs.cleanup();
});

describe('tls_config', () => {
  it('verifies the server against ca_file and measures the handshake', async () => {
    const r = await scrape(`${plain.url}/metrics`, { tls: { caFile: certs.caFile } });
    expect(r.status).toBe(200);
    expect(r.facts).toEqual([]);
    expect(r.timings.tls).toBeGreaterThan(0);
    expect(r.timings.connect).toBeGreaterThanOrEqual(0);
  });

  it('fails verification without the CA, with a tls error', async () => {
    const err = await scrape(`${plain.url}/metrics`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ code: 'tls' });
    expect((err as Error).message).toMatch(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY/);
  });

  it('server_name sets SNI and the name checked', async () => {
    const ok = await scrape(`https://127.0.0.1:${plain.port}/metrics`, { tls: { caFile: certs.caFile, serverName: 'localhost' } });
    expect(ok.body).toContain('sni="localhost"');
    const err = await scrape(`${plain.url}/metrics`, { tls: { caFile: certs.caFile, serverName: 'wrong.example' } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'tls' });
    expect((err as Error).message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('insecure_skip_verify works and is reported on every scrape', async () => {
    const r = await scrape(`${plain.url}/metrics`, { tls: { insecureSkipVerify: true } });
    expect(r.status).toBe(200);
    expect(r.facts).toContainEqual({ kind: 'insecure-tls' });
  });

  it('presents a client certificate (mTLS) and fails without one', async () => {
    const r = await scrape(`${mtls.url}/metrics`, { tls: { caFile: certs.caFile, certFile: certs.clientCertFile, keyFile: certs.clientKeyFile } });
    expect(r.body).toContain('client="om-client"');
    const err = await scrape(`${mtls.url}/metrics`, { tls: { caFile: certs.caFile } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(['tls', 'reset']).toContain((err as FetchError).code);
  });

  it('honours max_version and rejects half a client certificate', async () => {
    const err = await scrape(`${tls13.url}/metrics`, { tls: { caFile: certs.caFile, maxVersion: 'TLS12' } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'tls' });
    const ok = await scrape(`${tls13.url}/metrics`, { tls: { caFile: certs.caFile, minVersion: 'TLS13' } });
    expect(ok.status).toBe(200);
    await expect(scrape(`${plain.url}/metrics`, { tls: { certFile: certs.clientCertFile } })).rejects.toThrow(/tls\.key: a client certificate needs both/);
    await expect(scrape(`${plain.url}/metrics`, { tls: { caFile: `${certs.dir}/nope.pem` } })).rejects.toThrow(/tls\.caFile: file not found/);
  });
});
