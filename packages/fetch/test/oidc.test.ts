import { fork, type ChildProcess } from 'node:child_process';
import { inspect } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, OAuth2TokenSource, loadPrometheusConfig, scrape, scrapeJob, type JobScrapeOutcome, type OAuth2Options } from '../src/index.js';
import { makeCerts, tempDir, type Certs } from './helpers/servers.js';

// oidc-provider (a real OAuth2 server) runs in a child process: on Node 20 it prints runtime
// warnings, and tests must not write to the console. Its output is captured, never printed.
const SECRET = 'oidc-client-secret-Zq7!x';
const TTL = 12; // seconds: with the 10 s margin, om renews a token 2 s after getting it

let certs: Certs;
let child: ChildProcess;
let childOutput = '';
let asUrl: string;
let metrics: string[];
const tmp = tempDir();

interface Stats {
  issued: number;
  accepted: number;
  rejected: number;
  tokenRequests: number;
}

beforeAll(async () => {
  certs = makeCerts();
  child = fork(fileURLToPath(new URL('./fixtures/oidc-server.mjs', import.meta.url)), {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, CERT: `${certs.dir}/server.pem`, KEY: `${certs.dir}/server.key`, CLIENT_SECRET: SECRET, TTL: String(TTL) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout!.on('data', (d) => (childOutput += String(d)));
  child.stderr!.on('data', (d) => (childOutput += String(d)));
  const ports = await new Promise<{ asPort: number; metricsPorts: number[] }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { asPort: number; metricsPorts: number[] }));
    child.once('exit', (code) => reject(new Error(`oidc server exited (${code}): ${childOutput}`)));
  });
  asUrl = `https://127.0.0.1:${ports.asPort}`;
  metrics = ports.metricsPorts.map((p) => `127.0.0.1:${p}`);
  tmp.write('client_secret', `${SECRET}\n`);
  tmp.write('wrong_secret', 'not-the-secret\n');
  tmp.write('ca.pem', certs.ca);
}, 20_000);

afterAll(async () => {
  if (child?.connected) child.disconnect();
  if (child && child.exitCode === null) {
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 3000);
      child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
  certs?.cleanup();
  tmp.cleanup();
});

async function stats(): Promise<Stats> {
  const r = await scrape(`https://${metrics[0]}/stats`, { tls: { caFile: certs.caFile }, fallbackProtocol: 'PrometheusText0.0.4' });
  return JSON.parse(r.body) as Stats;
}

const oauth = (extra: Partial<OAuth2Options> = {}): OAuth2Options => ({
  clientId: 'om',
  clientSecretFile: `${tmp.dir}/client_secret`,
  scopes: ['metrics.read'],
  tokenUrl: `${asUrl}/token`,
  tls: { caFile: certs.caFile },
  ...extra,
});

describe('scraping behind oidc-provider (OAuth2 client credentials)', () => {
  it('scrapes a prometheus.yml job with two targets concurrently, sharing one token', async () => {
    const before = await stats();
    const file = tmp.write(
      'prometheus.yml',
      `global:
  scrape_interval:     30s
  evaluation_interval: 30s

scrape_configs:
  - job_name: cisco
    metrics_path: /metrics/v1
    scheme: https
    tls_config:
      ca_file: ca.pem
    oauth2:
        client_id: "om"
        client_secret_file: client_secret
        scopes:
          - metrics.read
        token_url: "${asUrl}/token"
        tls_config:
          ca_file: ca.pem
    static_configs:
      - targets:
          - "${metrics[0]}" # Dublin
          - "${metrics[1]}" # Tokyo
`,
    );
    const config = await loadPrometheusConfig(file);
    const outcomes: JobScrapeOutcome[] = [];
    for await (const outcome of scrapeJob(config, 'cisco')) outcomes.push(outcome);
    expect(outcomes).toHaveLength(2);
    for (const o of outcomes) {
      expect(o.error).toBeUndefined();
      expect(o.result).toMatchObject({ status: 200, format: 'openmetrics', facts: [{ kind: 'scrape-job', job: 'cisco', honorLabels: false }] });
      expect(o.result!.body).toContain('wgtwo_up{path="/metrics/v1"} 1');
    }
    expect(outcomes.map((o) => o.target.labels!.instance).sort()).toEqual([...metrics].sort());
    const after = await stats();
    expect(after.issued - before.issued).toBe(1);
    expect(after.accepted - before.accepted).toBe(2);
  });

  it('reuses the token, and fetches a new one shortly before it expires', async () => {
    const source = new OAuth2TokenSource(oauth());
    const before = await stats();
    const url = `https://${metrics[0]}/metrics/v1`;
    const opts = { auth: { oauth2: source }, tls: { caFile: certs.caFile } };
    await scrape(url, opts);
    await scrape(url, opts);
    const first = await source.token();
    expect((await stats()).issued - before.issued).toBe(1);
    expect(first.expiresAt! - Date.now()).toBeLessThanOrEqual(TTL * 1000);
    // Wait until the token is within 10 s of its expiry: the next scrape must renew it.
    await new Promise((r) => setTimeout(r, Math.max(0, first.expiresAt! - 10_000 - Date.now()) + 100));
    const r3 = await scrape(url, opts);
    expect(r3.status).toBe(200);
    expect(await source.token()).not.toBe(first);
    const after = await stats();
    expect(after.issued - before.issued).toBe(2);
    expect(after.rejected - before.rejected).toBe(0);
    await source.close();
  });

  it('a wrong client secret is a clear oauth2 error that shows no secret', async () => {
    const err = await scrape(`https://${metrics[0]}/metrics/v1`, {
      auth: { oauth2: oauth({ clientSecretFile: `${tmp.dir}/wrong_secret` }) },
      tls: { caFile: certs.caFile },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect(err).toMatchObject({ code: 'oauth2', status: 401 });
    expect((err as Error).message).toContain('invalid_client');
    for (const text of [String(err), (err as Error).stack ?? '', inspect(err, { depth: 10 }), JSON.stringify(err)]) {
      expect(text).not.toContain('not-the-secret');
      expect(text).not.toContain(SECRET);
    }
  });

  it('asks for scope metrics.read; a token without it is refused by the target, after one retry', async () => {
    const good = new OAuth2TokenSource(oauth());
    expect((await good.token()).scope).toBe('metrics.read');
    await good.close();
    const before = await stats();
    const source = new OAuth2TokenSource(oauth({ scopes: ['metrics.write'] }));
    const err = await scrape(`https://${metrics[0]}/metrics/v1`, { auth: { oauth2: source }, tls: { caFile: certs.caFile } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'http', status: 401 });
    expect((await source.token()).scope).toBeUndefined(); // oidc-provider drops a scope it does not know
    const after = await stats();
    expect(after.rejected - before.rejected).toBe(2);
    expect(after.issued - before.issued).toBe(2);
    await source.close();
  });

  it('the token endpoint uses its own tls_config', async () => {
    const err = await new OAuth2TokenSource(oauth({ tls: undefined })).token().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'tls' });
  });

  it('nothing printed or thrown contains the secret or a token', async () => {
    const lines: string[] = [];
    const source = new OAuth2TokenSource(oauth(), { debug: (l) => lines.push(l) });
    const result = await scrape(`https://${metrics[1]}/metrics/v1`, { auth: { oauth2: source }, tls: { caFile: certs.caFile }, debug: (l) => lines.push(l) });
    const token = (await source.token()).reveal();
    expect(lines.some((l) => l.includes('authorization: Bearer <secret>'))).toBe(true);
    expect(lines.some((l) => l.includes('oauth2: POST'))).toBe(true);
    const printed = [...lines, JSON.stringify(result), inspect(result, { depth: 10 }), inspect(source, { depth: 10 }), JSON.stringify(await source.token())].join('\n');
    expect(printed).not.toContain(SECRET);
    expect(printed).not.toContain(token);
    await source.close();
  });
});
