import { lookup as dnsLookup } from 'node:dns';
import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import type { ConnectionOptions, SecureVersion } from 'node:tls';
import { Agent, EnvHttpProxyAgent, ProxyAgent, buildConnector, type Dispatcher } from 'undici';
import { ConfigError } from './errors.js';
import type { ProxyOptions, TlsOptions, TlsVersion } from './transport-options.js';
import { reveal, type Redactor } from './secret.js';

const TLS_VERSIONS: Record<TlsVersion, SecureVersion> = {
  TLS10: 'TLSv1',
  TLS11: 'TLSv1.1',
  TLS12: 'TLSv1.2',
  TLS13: 'TLSv1.3',
};

async function readPem(file: string, keyPath: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(keyPath, `${code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'error'})`}: ${file}`);
  }
}

/** `tls_config` → Node `tls.connect` options. `keyPath` prefixes option names in errors. */
export async function tlsConnectOptions(tls: TlsOptions | undefined, keyPath: string, redactor: Redactor): Promise<ConnectionOptions> {
  const out: ConnectionOptions = { rejectUnauthorized: true, minVersion: 'TLSv1.2' };
  if (tls === undefined) return out;
  const both = (a: unknown, b: unknown, name: string) => {
    if (a !== undefined && b !== undefined) throw new ConfigError(`${keyPath}.${name}`, `at most one of ${name} and ${name}File may be set`);
  };
  both(tls.ca, tls.caFile, 'ca');
  both(tls.cert, tls.certFile, 'cert');
  both(tls.key, tls.keyFile, 'key');
  const hasCert = tls.cert !== undefined || tls.certFile !== undefined;
  const hasKey = tls.key !== undefined || tls.keyFile !== undefined;
  if (hasCert !== hasKey) {
    throw new ConfigError(`${keyPath}.${hasCert ? 'key' : 'cert'}`, 'a client certificate needs both a certificate and a key');
  }
  if (tls.ca !== undefined) out.ca = tls.ca;
  if (tls.caFile !== undefined) out.ca = await readPem(tls.caFile, `${keyPath}.caFile`);
  if (tls.cert !== undefined) out.cert = tls.cert;
  if (tls.certFile !== undefined) out.cert = await readPem(tls.certFile, `${keyPath}.certFile`);
  if (tls.key !== undefined) out.key = reveal(tls.key);
  if (tls.keyFile !== undefined) out.key = await readPem(tls.keyFile, `${keyPath}.keyFile`);
  if (typeof out.key === 'string') redactor.add(out.key, out.key.trim());
  if (tls.serverName !== undefined && tls.serverName !== '') out.servername = tls.serverName;
  if (tls.insecureSkipVerify === true) out.rejectUnauthorized = false;
  for (const which of ['minVersion', 'maxVersion'] as const) {
    const v = tls[which];
    if (v === undefined) continue;
    const mapped = TLS_VERSIONS[v];
    if (mapped === undefined) throw new ConfigError(`${keyPath}.${which}`, `unknown TLS version ${JSON.stringify(v)} (TLS10, TLS11, TLS12 or TLS13)`);
    out[which] = mapped;
  }
  return out;
}

/** Connection set-up durations for the connection most recently opened by a dispatcher. */
export class ConnectionTimer {
  dns: number | undefined;
  connect: number | undefined;
  tls: number | undefined;
  /** Number of connections opened. */
  opened = 0;

  reset(): void {
    this.dns = this.connect = this.tls = undefined;
  }
}

/**
 * Default limit on the size of a response's headers: Go's `http.Transport` default
 * (`MaxResponseHeaderBytes` 0 means `10 << 20`), which is what Prometheus' scrape client uses.
 * undici's own default (Node's `--max-http-header-size`, 16 KiB) refuses headers Prometheus reads.
 */
export const DEFAULT_MAX_RESPONSE_HEADER_BYTES = 10 * 1024 * 1024;

interface DispatcherSpec {
  tls: ConnectionOptions;
  /** Largest response head (header names and values) accepted; default `DEFAULT_MAX_RESPONSE_HEADER_BYTES`. */
  maxResponseHeaderBytes?: number;
  proxy: ProxyOptions | undefined;
  timeoutMs: number;
  timer?: ConnectionTimer;
  redactor: Redactor;
  keyPath: string;
}

type Connector = (options: buildConnector.Options, callback: buildConnector.Callback) => Socket | undefined;

function timedConnector(tls: ConnectionOptions, timeoutMs: number, timer: ConnectionTimer): Connector {
  let lookupEnd: number | undefined;
  const lookup = (hostname: string, options: object, callback: (...args: unknown[]) => void): void => {
    dnsLookup(hostname, options, (...args: unknown[]) => {
      lookupEnd = performance.now();
      callback(...args);
    });
  };
  const base = buildConnector({ ...tls, timeout: timeoutMs, lookup } as buildConnector.BuildOptions) as unknown as Connector;
  return (options, callback) => {
    const start = performance.now();
    lookupEnd = undefined;
    let tcpAt: number | undefined;
    timer.opened++;
    const socket = base(options, (...args) => {
      const [err] = args;
      if (!err) {
        const end = performance.now();
        const afterDns = lookupEnd ?? start;
        const tcp = tcpAt ?? end;
        timer.dns = afterDns - start;
        timer.connect = tcp - afterDns;
        timer.tls = options.protocol === 'https:' ? end - tcp : undefined;
      }
      callback(...args);
    });
    socket?.once('connect', () => {
      tcpAt = performance.now();
    });
    return socket;
  };
}

/**
 * One undici dispatcher for a scrape or a token source: TLS options for the target, a proxy if
 * configured, and (without proxy) a connector that measures DNS, TCP and TLS set-up.
 */
export function createDispatcher(spec: DispatcherSpec): Dispatcher {
  const { tls, proxy, timeoutMs, timer } = spec;
  const common = {
    headersTimeout: timeoutMs + 1000,
    bodyTimeout: timeoutMs + 1000,
    allowH2: false,
    maxHeaderSize: spec.maxResponseHeaderBytes ?? DEFAULT_MAX_RESPONSE_HEADER_BYTES,
  };
  if (proxy !== undefined && (proxy.url !== undefined || proxy.fromEnvironment === true)) {
    if (proxy.fromEnvironment === true && (proxy.url !== undefined || proxy.noProxy !== undefined)) {
      throw new ConfigError(`${spec.keyPath}.proxy.fromEnvironment`, 'cannot be combined with a proxy URL or noProxy');
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(proxy.connectHeaders ?? {})) {
      headers[name] = reveal(value);
      spec.redactor.add(headers[name]);
    }
    if (proxy.fromEnvironment === true) {
      return new EnvHttpProxyAgent({ ...common, connect: { ...tls, timeout: timeoutMs }, requestTls: tls, headers });
    }
    let uri: URL;
    try {
      uri = new URL(proxy.url!);
    } catch {
      throw new ConfigError(`${spec.keyPath}.proxy.url`, 'not a valid URL');
    }
    if (uri.password) spec.redactor.add(decodeURIComponent(uri.password), uri.password);
    if (proxy.noProxy !== undefined && proxy.noProxy !== '') {
      return new EnvHttpProxyAgent({ ...common, httpProxy: uri.href, httpsProxy: uri.href, noProxy: proxy.noProxy, connect: { ...tls, timeout: timeoutMs }, requestTls: tls, headers });
    }
    return new ProxyAgent({ ...common, uri: uri.href, requestTls: tls, headers });
  } else if (proxy?.noProxy !== undefined && proxy.noProxy !== '') {
    throw new ConfigError(`${spec.keyPath}.proxy.noProxy`, 'needs a proxy URL');
  }
  const connect = timer === undefined ? { ...tls, timeout: timeoutMs } : timedConnector(tls, timeoutMs, timer);
  return new Agent({ ...common, connect: connect as Agent.Options['connect'] });
}
