import { STATUS_CODES } from 'node:http';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Dispatcher } from 'undici';
import { ConnectionTimer, DEFAULT_MAX_RESPONSE_HEADER_BYTES, createDispatcher, tlsConnectOptions } from './dispatcher.js';
import { ConfigError, FetchError, type HttpErrorResponse } from './errors.js';
import type { ScrapeFact } from './facts.js';
import { leaseTokenSource, type OAuth2Token, type OAuth2TokenSource, type TokenSourceLease } from './oauth2/token-source.js';
import type { AuthOptions, Redirect, ScrapeOptions, ScrapeResponseInfo, ScrapeResult, ScrapeTimings } from './options.js';
import { DEFAULT_SCRAPE_PROTOCOLS, acceptHeader, acceptsOpenMetricsVersion, classifyContentType } from './protocols.js';
import { ECHO_MIN_LENGTH, Redactor, Secret, displayUrl, readSecretFile, reveal } from './secret.js';
import { anySignal, headerRecord, transportError } from './util.js';
import { USER_AGENT } from './version.js';

/** Default whole-scrape timeout, as Prometheus' global `scrape_timeout`. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default limit on the decoded body. */
export const DEFAULT_BODY_SIZE_LIMIT = 50 * 1024 * 1024;
const ERROR_EXCERPT = 64 * 1024;
const NEAR_LIMIT = 0.8;

/** Prometheus' `ReservedHeaders` (prometheus/common config/headers.go), lower-cased. */
export const RESERVED_HEADERS: readonly string[] = [
  'authorization',
  'host',
  'content-encoding',
  'content-length',
  'content-type',
  'user-agent',
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'www-authenticate',
  'accept-encoding',
  'x-prometheus-remote-write-version',
  'x-prometheus-remote-read-version',
  'x-prometheus-scrape-timeout-seconds',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
];

/** What to scrape: a URL, optionally with the labels a job gives it. */
export interface ScrapeTarget {
  url: string | URL;
  /** Target labels (`job`, `instance`, static labels); informational. */
  labels?: Record<string, string>;
}

/** What is known once the body has been read completely. */
export interface ScrapeSummary {
  bytes: number;
  compressedBytes: number | undefined;
  timings: ScrapeTimings;
  /** All facts, including those that need the whole body (`missing-eof`, `body-size`, …). */
  facts: ScrapeFact[];
}

/** A response whose body has not been read yet. */
export interface ScrapeStream extends ScrapeResponseInfo {
  /**
   * The decoded body, chunk by chunk. Single use. The size limit and the timeout are enforced
   * while reading; failures are thrown as `FetchError` from the iteration.
   */
  body: AsyncIterable<Uint8Array>;
  /** Facts known from the headers alone; `summary()` has the complete list. */
  facts: ScrapeFact[];
  /** Resolves once `body` was read to the end; rejects with the `FetchError` that ended it. */
  summary(): Promise<ScrapeSummary>;
  /** Stops reading and releases the connection. */
  cancel(): Promise<void>;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

function targetUrl(target: ScrapeTarget | string): URL {
  const raw = typeof target === 'string' ? target : String(target.url);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('url', `not a valid URL: ${JSON.stringify(displayUrl(raw) === '<invalid URL>' ? raw.replace(/\/\/[^@/]*@/, '//') : raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('url', `unsupported scheme ${url.protocol.slice(0, -1)} (http or https)`);
  return url;
}

function timeoutHeader(ms: number): string {
  // Go's strconv.FormatFloat(seconds, 'f', -1, 64): shortest decimal, never an exponent.
  const s = ms / 1000;
  const text = String(s);
  return /e/i.test(text) ? s.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : text;
}

function fileOrInline(inline: unknown, file: unknown, keyPath: string, names: [string, string]): void {
  if (inline !== undefined && file !== undefined) throw new ConfigError(keyPath, `at most one of ${names[0]} and ${names[1]} may be set`);
}

/** Resolves the Authorization header value for one request (files are read every time). */
async function authorizationFor(
  auth: AuthOptions | undefined,
  tokenSource: OAuth2TokenSource | undefined,
  redactor: Redactor,
  signal: AbortSignal,
): Promise<{ header: string | undefined; token: OAuth2Token | undefined }> {
  if (auth === undefined) return { header: undefined, token: undefined };
  if ('oauth2' in auth) {
    const token = await tokenSource!.token(signal);
    redactor.add(token.reveal());
    tokenSource!.addSecretsTo(redactor);
    return { header: token.authorization(), token };
  }
  if ('bearer' in auth) {
    const b = auth.bearer as { token?: string | Secret; tokenFile?: string };
    fileOrInline(b.token, b.tokenFile, 'auth.bearer', ['token', 'tokenFile']);
    const value = b.tokenFile !== undefined ? await readSecretFile(b.tokenFile, 'auth.bearer.tokenFile') : reveal(b.token ?? '');
    redactor.add(value);
    return { header: `Bearer ${value}`, token: undefined };
  }
  if ('basic' in auth) {
    const b = auth.basic;
    fileOrInline(b.username, b.usernameFile, 'auth.basic', ['username', 'usernameFile']);
    fileOrInline(b.password, b.passwordFile, 'auth.basic', ['password', 'passwordFile']);
    const username = b.usernameFile !== undefined ? await readSecretFile(b.usernameFile, 'auth.basic.usernameFile') : (b.username ?? '');
    const password = b.passwordFile !== undefined ? await readSecretFile(b.passwordFile, 'auth.basic.passwordFile') : reveal(b.password ?? '');
    redactor.addBasic(username, password);
    // Go's req.SetBasicAuth: base64(user:pass), no escaping.
    return { header: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`, token: undefined };
  }
  if ('authorization' in auth) {
    const a = auth.authorization;
    fileOrInline(a.credentials, a.credentialsFile, 'auth.authorization', ['credentials', 'credentialsFile']);
    const type = a.type === undefined || a.type === '' ? 'Bearer' : a.type;
    if (type.toLowerCase() === 'basic') throw new ConfigError('auth.authorization.type', 'authorization type cannot be set to "basic", use "basic_auth" instead');
    const value = a.credentialsFile !== undefined ? await readSecretFile(a.credentialsFile, 'auth.authorization.credentialsFile') : reveal(a.credentials ?? '');
    redactor.add(value);
    return { header: `${type} ${value}`, token: undefined };
  }
  throw new ConfigError('auth', 'unknown auth kind (bearer, basic, authorization or oauth2)');
}

/** Destroys a body stream without an unhandled 'error' event. */
function discard(stream: Readable): void {
  stream.on('error', () => {});
  stream.destroy();
}

function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.host === b.host;
}

async function drain(body: Readable, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const room = max - size;
      if (room <= 0) break;
      chunks.push(chunk.subarray(0, room));
      size += Math.min(room, chunk.length);
    }
  } catch {
    // An excerpt is best effort.
  } finally {
    discard(body);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Scrapes `target` as Prometheus would and returns once the headers have arrived; the body is
 * read through `body`. Throws `FetchError` (status other than 200, transport failure, redirect
 * problems) or `ConfigError` (unusable options).
 */
export async function scrapeStream(target: ScrapeTarget | string, options: ScrapeOptions = {}): Promise<ScrapeStream> {
  const started = performance.now();
  const url = targetUrl(target);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new ConfigError('timeoutMs', 'must be a positive number');
  const limit = options.bodySizeLimit ?? DEFAULT_BODY_SIZE_LIMIT;
  if (!(limit >= 0)) throw new ConfigError('bodySizeLimit', 'must be 0 (no limit) or a positive number');
  const maxResponseHeaderBytes = options.maxResponseHeaderBytes ?? DEFAULT_MAX_RESPONSE_HEADER_BYTES;
  if (!Number.isInteger(maxResponseHeaderBytes) || maxResponseHeaderBytes < 1) throw new ConfigError('maxResponseHeaderBytes', 'must be a positive whole number of bytes');
  const redactor = new Redactor();
  const debug = options.debug === undefined ? undefined : (line: string) => options.debug!(redactor.redact(line));
  const requestedUrl = displayUrl(url);

  // Headers.
  const computedAccept = options.acceptHeader ?? acceptHeader(options.scrapeProtocols ?? DEFAULT_SCRAPE_PROTOCOLS, options.escaping ?? 'allow-utf-8');
  const compression = options.enableCompression ?? true;
  const baseHeaders: Record<string, string | string[]> = {
    accept: computedAccept,
    'accept-encoding': compression ? 'gzip' : 'identity',
    'user-agent': options.userAgent ?? USER_AGENT,
    'x-prometheus-scrape-timeout-seconds': timeoutHeader(timeoutMs),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.includes(lower)) throw new ConfigError(`headers.${name}`, 'is a reserved header and cannot be set');
    const values = (Array.isArray(value) ? value : [value]).map((v) => {
      if (!(v instanceof Secret)) return v;
      redactor.add(v.reveal());
      return v.reveal();
    });
    baseHeaders[lower] = values.length === 1 ? values[0]! : values;
  }
  // A custom Accept header (allowed, as in Prometheus' http_headers) replaces the computed one.
  const accept = Array.isArray(baseHeaders.accept) ? baseHeaders.accept.join(',') : baseHeaders.accept!;

  // Auth: URL user info counts as basic auth when nothing else is configured (as Go's http.Client).
  let auth = options.auth;
  if (url.username || url.password) {
    const username = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    redactor.addBasic(username, password);
    redactor.add(url.password);
    auth ??= { basic: { username, password } };
    url.username = '';
    url.password = '';
  }
  // One token source per oauth2 options object, shared with other scrapes of the same options.
  let lease: TokenSourceLease | undefined;
  if (auth !== undefined && 'oauth2' in auth) lease = leaseTokenSource(auth.oauth2, { userAgent: options.userAgent ?? USER_AGENT, debug });
  const tokenSource: OAuth2TokenSource | undefined = lease?.source;

  const timer = new ConnectionTimer();
  const usesProxy = options.proxy !== undefined && (options.proxy.url !== undefined || options.proxy.fromEnvironment === true);
  let dispatcher: Dispatcher;
  try {
    const tls = await tlsConnectOptions(options.tls, 'tls', redactor);
    dispatcher = createDispatcher({ tls, proxy: options.proxy, timeoutMs, timer, redactor, keyPath: '', maxResponseHeaderBytes });
  } catch (err) {
    await lease?.release(true);
    throw err;
  }

  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = anySignal(timeout, options.signal);
  let released = false;
  const release = async (destroy: boolean) => {
    if (released) return;
    released = true;
    await lease?.release(destroy);
    await (destroy ? dispatcher.destroy() : dispatcher.close()).catch(() => {});
  };
  const fail = (err: unknown, at: URL): FetchError =>
    transportError(err, { url: displayUrl(at), timeoutMs, timedOut: () => timeout.aborted, aborted: () => options.signal?.aborted === true, redactor, maxResponseHeaderBytes });

  const facts: ScrapeFact[] = [];
  const redirects: Redirect[] = [];
  const maxRedirects = options.maxRedirects ?? 10;
  const follow = options.followRedirects ?? true;
  let current = url;
  let sendCredentials = true;
  let retried401 = false;
  let sawHttps = current.protocol === 'https:';
  let response: Dispatcher.ResponseData;
  let connection: Pick<ScrapeTimings, 'dns' | 'connect' | 'tls'>;

  try {
    for (;;) {
      const headers: Record<string, string | string[]> = { ...baseHeaders };
      let token: OAuth2Token | undefined;
      if (sendCredentials && auth !== undefined) {
        const resolved = await authorizationFor(auth, tokenSource, redactor, signal);
        token = resolved.token;
        if (resolved.header !== undefined) {
          headers.authorization = resolved.header;
          if (current.protocol === 'http:' && !isLoopback(current.hostname) && !facts.some((f) => f.kind === 'credentials-over-http')) {
            facts.push({ kind: 'credentials-over-http', host: current.host });
          }
        }
      }
      if (debug) {
        debug(`> GET ${displayUrl(current)}`);
        for (const [k, v] of Object.entries(headers)) debug(`> ${k}: ${k === 'authorization' ? `${String(v).split(' ')[0]} <secret>` : String(v)}`);
      }
      timer.reset();
      const openedBefore = timer.opened;
      try {
        response = await dispatcher.request({ origin: current.origin, path: `${current.pathname}${current.search}`, method: 'GET', headers, signal });
      } catch (err) {
        throw fail(err, current);
      }
      // Errors before anyone reads the body are kept by the stream and rethrown by its iterator.
      response.body.on('error', () => {});
      connection = timer.opened > openedBefore && !usesProxy ? { dns: timer.dns, connect: timer.connect, tls: timer.tls } : { dns: undefined, connect: undefined, tls: undefined };
      const status = response.statusCode;
      debug?.(`< ${status} ${STATUS_CODES[status] ?? ''} (content-type: ${String(response.headers['content-type'] ?? '-')})`);

      if (status === 401 && token !== undefined && !retried401) {
        retried401 = true;
        discard(response.body);
        tokenSource!.invalidate(token);
        facts.push({ kind: 'auth-retry', status: 401 });
        debug?.('target answered 401: dropping the OAuth2 token and retrying once');
        continue;
      }
      if (follow && [301, 302, 303, 307, 308].includes(status)) {
        const location = response.headers.location;
        discard(response.body);
        const loc = Array.isArray(location) ? location[0] : location;
        if (loc === undefined || loc === '') throw new FetchError('redirect', `${displayUrl(current)} answered ${status} without a Location header`, { url: displayUrl(current), status });
        let next: URL;
        try {
          next = new URL(loc, current);
        } catch {
          throw new FetchError('redirect', `${displayUrl(current)} redirected to an invalid URL`, { url: displayUrl(current), status });
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new FetchError('redirect', `${displayUrl(current)} redirected to an unsupported scheme ${next.protocol}`, { url: displayUrl(current), status });
        }
        if (redirects.length >= maxRedirects) {
          throw new FetchError('redirect', `stopped after ${maxRedirects} redirects (last: ${displayUrl(current)} → ${displayUrl(next)})`, { url: displayUrl(current), status });
        }
        next.username = '';
        next.password = '';
        const crossOrigin = !sameOrigin(current, next);
        const dropped = crossOrigin && sendCredentials && auth !== undefined;
        if (crossOrigin) sendCredentials = false;
        redirects.push({ status, from: displayUrl(current), to: displayUrl(next) });
        facts.push({ kind: 'redirect', status, from: displayUrl(current), to: displayUrl(next), crossOrigin, credentialsDropped: dropped });
        debug?.(`redirect ${status} → ${displayUrl(next)}${dropped ? ' (credentials not forwarded to another origin)' : ''}`);
        current = next;
        if (current.protocol === 'https:') sawHttps = true;
        continue;
      }
      break;
    }
  } catch (err) {
    await release(true);
    if (err instanceof FetchError && err.code === 'aborted' && timeout.aborted) {
      // The scrape deadline passed while waiting for an OAuth2 token.
      throw new FetchError('timeout', `scrape of ${displayUrl(current)} timed out after ${timeoutMs / 1000} s (waiting for the OAuth2 token)`, { url: displayUrl(current), cause: err });
    }
    throw err instanceof FetchError || err instanceof ConfigError ? err : fail(err, current);
  }

  const finalUrl = displayUrl(current);
  const status = response.statusCode;
  const statusText = STATUS_CODES[status] ?? '';
  const headers = headerRecord(response.headers);
  for (const [name, value] of Object.entries(headers)) {
    if (redactor.leaks(value, ECHO_MIN_LENGTH)) {
      headers[name] = redactor.redact(value, ECHO_MIN_LENGTH);
      if (!facts.some((f) => f.kind === 'secret-echoed')) facts.push({ kind: 'secret-echoed', where: 'headers' });
    }
  }
  const firstByte = performance.now() - started;
  if (options.tls?.insecureSkipVerify === true && sawHttps) facts.unshift({ kind: 'insecure-tls' });

  if (status !== 200) {
    const excerpt = redactor.redact(await drain(response.body, ERROR_EXCERPT));
    await release(true);
    const safeHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, redactor.redact(v)]));
    const detail: HttpErrorResponse = {
      url: finalUrl,
      status,
      statusText,
      headers: safeHeaders,
      bodyExcerpt: excerpt,
      facts: [{ kind: 'status', status, statusText, prometheus: 'fails' }, ...facts],
    };
    throw new FetchError('http', `server returned HTTP status ${status} ${statusText}`.trimEnd() + ` (${finalUrl})`, { url: finalUrl, status, response: detail });
  }

  const contentType = headers['content-type'] ?? null;
  const verdict = classifyContentType(contentType, options.fallbackProtocol);
  if (verdict.problem !== undefined) {
    facts.push({
      kind: 'content-type',
      problem: verdict.problem,
      contentType,
      fallback: options.fallbackProtocol ?? null,
      prometheus: verdict.format === null ? 'fails' : 'uses-fallback',
    });
  }
  // OM 2.0 §"Overall structure": 1.0.0 unless a newer version is requested.
  const version = verdict.mediaType?.type === 'application/openmetrics-text' ? verdict.mediaType.params.version : undefined;
  if (version !== undefined && /^2\./.test(version) && !acceptsOpenMetricsVersion(accept, version)) {
    facts.push({ kind: 'unrequested-version', version, contentType: contentType! });
  }
  const preferredOpenMetrics = accept.trim().toLowerCase().startsWith('application/openmetrics-text');
  if (preferredOpenMetrics && verdict.format !== 'openmetrics') {
    facts.push({ kind: 'format-negotiation', preferred: 'openmetrics', received: verdict.format, contentType });
  }
  const encoding = headers['content-encoding']?.trim();
  const gzip = encoding === 'gzip';
  if (encoding !== undefined && encoding !== '' && encoding.toLowerCase() !== 'identity') {
    if (!gzip) facts.push({ kind: 'content-encoding', encoding, problem: 'not-gzip', prometheus: 'fails' });
    else if (!compression) facts.push({ kind: 'content-encoding', encoding, problem: 'not-requested', prometheus: 'ok' });
  }

  // Body pipeline: raw bytes (counted) → gunzip if gzip → limit, tail, UTF-8 check.
  const raw = response.body;
  let compressedBytes: number | undefined;
  let source: Readable = raw;
  if (gzip) {
    compressedBytes = 0;
    raw.on('data', (chunk: Buffer) => {
      compressedBytes! += chunk.length;
    });
    source = pipeline(raw, createGunzip(), () => {});
  }

  let resolveSummary!: (s: ScrapeSummary) => void;
  let rejectSummary!: (e: unknown) => void;
  const summaryPromise = new Promise<ScrapeSummary>((resolve, reject) => {
    resolveSummary = resolve;
    rejectSummary = reject;
  });
  summaryPromise.catch(() => {});
  let consumed = false;
  let cancelled = false;
  const format = verdict.format;

  async function* body(): AsyncGenerator<Uint8Array> {
    if (consumed) throw new TypeError('the body of a scrape can be read only once');
    consumed = true;
    let bytes = 0;
    let tail = Buffer.alloc(0);
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let validUtf8 = true;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (limit > 0 && bytes >= limit) {
          throw new FetchError('too-large', `body size limit exceeded: the decoded body reached ${limit} bytes (${finalUrl})`, { url: finalUrl });
        }
        if (validUtf8) {
          try {
            utf8.decode(chunk, { stream: true });
          } catch {
            validUtf8 = false;
          }
        }
        tail = Buffer.concat([tail, chunk]).subarray(-64);
        yield chunk;
      }
      if (validUtf8) {
        try {
          utf8.decode();
        } catch {
          validUtf8 = false;
        }
      }
      const end = performance.now();
      const all = [...facts];
      if (limit > 0 && bytes >= limit * NEAR_LIMIT) all.push({ kind: 'body-size', bytes, limit, problem: 'near-limit', prometheus: 'ok' });
      if (bytes === 0) all.push({ kind: 'empty-body' });
      const tailText = tail.toString('utf8');
      if (format === 'openmetrics' && !/# EOF\n?$/.test(tailText)) all.push({ kind: 'missing-eof', tail: redactor.redact(tailText.slice(-32)) });
      if (!validUtf8) all.push({ kind: 'invalid-utf8' });
      resolveSummary({ bytes, compressedBytes, timings: { ...connection, firstByte, total: end - started }, facts: all });
      await release(false);
    } catch (err) {
      const e = err instanceof FetchError ? err : cancelled ? new FetchError('aborted', `reading ${finalUrl} was cancelled`, { url: finalUrl }) : fail(err, current);
      rejectSummary(e);
      await release(true);
      throw e;
    } finally {
      discard(source);
      discard(raw);
      if (!released) {
        // The consumer stopped early (break): treat as cancel.
        rejectSummary(new FetchError('aborted', `reading ${finalUrl} was cancelled`, { url: finalUrl }));
        await release(true);
      }
    }
  }

  const stream: ScrapeStream = {
    url: finalUrl,
    requestedUrl,
    status,
    statusText,
    headers,
    contentType,
    mediaType: verdict.mediaType?.type ?? null,
    mediaTypeParams: verdict.mediaType?.params ?? {},
    format,
    formatSource: verdict.source,
    accept,
    compressed: gzip,
    redirects,
    facts: [...facts],
    body: { [Symbol.asyncIterator]: () => body() },
    summary: () => summaryPromise,
    cancel: async () => {
      cancelled = true;
      discard(source);
      discard(raw);
      if (!consumed) rejectSummary(new FetchError('aborted', `reading ${finalUrl} was cancelled`, { url: finalUrl }));
      await release(true);
    },
  };
  secretsOf.set(stream, redactor);
  return stream;
}

/** The redactor of each stream, for `scrape()` (kept out of the stream's printable form). */
const secretsOf = new WeakMap<ScrapeStream, Redactor>();

/**
 * Scrapes `target` as Prometheus would and reads the whole body (see `scrapeStream` for the
 * streaming form). Throws `FetchError` or `ConfigError`.
 */
export async function scrape(target: ScrapeTarget | string, options: ScrapeOptions = {}): Promise<ScrapeResult> {
  const stream = await scrapeStream(target, options);
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream.body) chunks.push(chunk);
  const summary = await stream.summary();
  const { body: _body, summary: _summary, cancel: _cancel, facts: _facts, ...info } = stream;
  const raw = Buffer.concat(chunks);
  const { text, echoed } = redactEchoedSecrets(stream, raw.toString('utf8'));
  if (echoed) summary.facts.push({ kind: 'secret-echoed', where: 'body' });
  // The bytes as received, for parsers that report invalid UTF-8; re-encoded from the redacted text when a secret was echoed.
  return { ...info, body: text, bodyBytes: echoed ? Buffer.from(text, 'utf8') : raw, ...summary };
}

/**
 * Replaces the secrets of a stream's request (token, password, client secret) that the server
 * echoed in `text`, a body read from `stream.body`. For callers that read the body themselves.
 */
export function redactEchoedSecrets(stream: ScrapeStream, text: string): { text: string; echoed: boolean } {
  const redactor = secretsOf.get(stream);
  if (!redactor?.leaks(text, ECHO_MIN_LENGTH)) return { text, echoed: false };
  return { text: redactor.redact(text, ECHO_MIN_LENGTH), echoed: true };
}
