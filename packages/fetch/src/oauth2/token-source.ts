import { inspect } from 'node:util';
import type { Dispatcher } from 'undici';
import { createDispatcher, tlsConnectOptions } from '../dispatcher.js';
import { ConfigError, FetchError } from '../errors.js';
import type { OAuth2Options } from '../transport-options.js';
import { Redactor, displayUrl, readSecretFile, reveal } from '../secret.js';
import { anySignal, headerRecord, queryEscape, transportError } from '../util.js';
import { USER_AGENT } from '../version.js';

const MAX_TOKEN_RESPONSE = 1 << 20;
const DEFAULT_MARGIN_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_KEY_PATH = 'auth.oauth2';

/**
 * An access token. The token value is held in a private field: printing, `JSON.stringify` or
 * `util.inspect` of a token never shows it. `authorization()` gives the header value.
 */
export class OAuth2Token {
  readonly #value: string;
  readonly tokenType: string;
  /** Epoch ms after which the server considers it expired; null when the server gave no `expires_in`. */
  readonly expiresAt: number | null;
  readonly scope: string | undefined;

  constructor(value: string, tokenType: string, expiresAt: number | null, scope: string | undefined) {
    this.#value = value;
    this.tokenType = tokenType;
    this.expiresAt = expiresAt;
    this.scope = scope;
  }

  /** `<Type> <token>`, e.g. `Bearer eyJ…`. */
  authorization(): string {
    return `${this.tokenType} ${this.#value}`;
  }

  /** The raw token (avoid; for callers that must place it elsewhere). */
  reveal(): string {
    return this.#value;
  }

  toJSON(): object {
    return { tokenType: this.tokenType, expiresAt: this.expiresAt, scope: this.scope, accessToken: '<secret>' };
  }

  [inspect.custom](): string {
    return `OAuth2Token { tokenType: ${this.tokenType}, expiresAt: ${this.expiresAt}, accessToken: <secret> }`;
  }
}

export interface OAuth2TokenSourceInit {
  /** User-Agent for the token request (Prometheus copies the scrape's). */
  userAgent?: string;
  /** Clock in epoch ms (tests). */
  now?: () => number;
  debug?: (line: string) => void;
  /** Prefix for option names in `ConfigError`s, default `auth.oauth2`. */
  keyPath?: string;
}

export interface OAuth2Stats {
  /** HTTP requests sent to the token endpoint (an auth-style fallback counts twice). */
  requests: number;
  /** Tokens obtained. */
  tokens: number;
}

function normaliseType(type: unknown): string {
  if (typeof type !== 'string' || type === '') return 'Bearer';
  switch (type.toLowerCase()) {
    case 'bearer':
      return 'Bearer';
    case 'mac':
      return 'MAC';
    case 'basic':
      return 'Basic';
    default:
      return type;
  }
}

/** Thrown internally when the server answered (so the auth-style fallback may try again). */
class ServerRefusal extends FetchError {}

/**
 * OAuth2 client-credentials token source, a copy of golang.org/x/oauth2 `clientcredentials` as
 * Prometheus uses it:
 * - request: `POST token_url`, form body `grant_type=client_credentials`, `scope` (space-joined),
 *   `endpoint_params` (which may override `grant_type` only);
 * - client authentication `auto`: HTTP Basic with form-encoded id and secret, and on a refusal
 *   once more with `client_id`/`client_secret` in the body; the style that worked is remembered;
 * - reply: JSON or form-encoded (`application/x-www-form-urlencoded`, `text/plain`), at most 1 MiB,
 *   `expires_in` as number or numeric string; an `error` field fails even with 200;
 * - cache: until 10 s before expiry; without `expires_in` the token never expires (until
 *   `invalidate()`); concurrent callers share one request (single flight);
 * - `client_secret_file` is read on every `token()` call; when its content changed the cached
 *   token is dropped.
 * Deviations: each token request has its own timeout (default 10 s), and network errors are not
 * retried with the other auth style (only refusals are).
 */
export class OAuth2TokenSource {
  readonly #options: OAuth2Options;
  readonly #init: OAuth2TokenSourceInit;
  readonly #keyPath: string;
  readonly #redactor = new Redactor();
  readonly #tokenUrl: URL;
  #dispatcher: Promise<Dispatcher> | undefined;
  #cached: OAuth2Token | undefined;
  #inflight: Promise<OAuth2Token> | undefined;
  #lastSecret: string | undefined;
  #style: 'basic' | 'post' | undefined;
  #stats: OAuth2Stats = { requests: 0, tokens: 0 };

  constructor(options: OAuth2Options, init: OAuth2TokenSourceInit = {}) {
    const keyPath = init.keyPath ?? DEFAULT_KEY_PATH;
    if (!options.clientId) throw new ConfigError(`${keyPath}.clientId`, 'oauth2 client_id must be configured');
    if (!options.tokenUrl) throw new ConfigError(`${keyPath}.tokenUrl`, 'oauth2 token_url must be configured');
    if (options.clientSecret !== undefined && options.clientSecretFile !== undefined) {
      throw new ConfigError(`${keyPath}.clientSecret`, 'at most one of client_secret and client_secret_file must be configured');
    }
    let url: URL;
    try {
      url = new URL(options.tokenUrl);
    } catch {
      throw new ConfigError(`${keyPath}.tokenUrl`, 'not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${keyPath}.tokenUrl`, 'must be an http or https URL');
    this.#options = options;
    this.#init = init;
    this.#keyPath = keyPath;
    this.#tokenUrl = url;
    if (options.clientSecret !== undefined) this.#redactor.add(reveal(options.clientSecret));
    if (options.authStyle === 'basic' || options.authStyle === 'post') this.#style = options.authStyle;
  }

  /** Counters for tests and `--verbose` output. */
  get stats(): Readonly<OAuth2Stats> {
    return { ...this.#stats };
  }

  /** The token URL, without user info. */
  get tokenUrl(): string {
    return displayUrl(this.#tokenUrl);
  }

  /** Values this source considers secret (for a caller's redactor). */
  addSecretsTo(redactor: Redactor): void {
    if (this.#options.clientSecret !== undefined) redactor.add(reveal(this.#options.clientSecret));
    if (this.#lastSecret !== undefined) redactor.add(this.#lastSecret);
    if (this.#cached !== undefined) redactor.add(this.#cached.reveal());
  }

  /** A valid token: the cached one, or a new one (one request shared by concurrent callers). */
  async token(signal?: AbortSignal): Promise<OAuth2Token> {
    const secret = await this.#secret();
    if (this.#lastSecret !== undefined && secret !== this.#lastSecret) {
      this.#debug('client secret changed: dropping the cached token');
      this.#cached = undefined;
    }
    this.#lastSecret = secret;
    const cached = this.#cached;
    if (cached !== undefined && this.#valid(cached)) return cached;
    if (this.#inflight === undefined) {
      this.#inflight = this.#fetch(secret).finally(() => {
        this.#inflight = undefined;
      });
    }
    const shared = this.#inflight;
    if (signal === undefined) return shared;
    signal.throwIfAborted();
    return new Promise<OAuth2Token>((resolve, reject) => {
      const onAbort = () => reject(new FetchError('aborted', `token request to ${this.tokenUrl} was aborted`, { url: this.tokenUrl }));
      signal.addEventListener('abort', onAbort, { once: true });
      shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Drops the cached token (only if it is still `token`, when given) so the next call fetches anew. */
  invalidate(token?: OAuth2Token): void {
    if (token === undefined || this.#cached === token) this.#cached = undefined;
  }

  /** Closes the connections to the token endpoint, after a request in flight has finished. */
  async close(): Promise<void> {
    const d = this.#dispatcher;
    this.#dispatcher = undefined;
    if (d !== undefined) await (await d.catch(() => undefined))?.close();
  }

  /** Closes the connections to the token endpoint at once, failing a request in flight. */
  async destroy(): Promise<void> {
    const d = this.#dispatcher;
    this.#dispatcher = undefined;
    if (d !== undefined) await (await d.catch(() => undefined))?.destroy();
  }

  #valid(token: OAuth2Token): boolean {
    if (token.expiresAt === null) return true;
    const now = this.#init.now?.() ?? Date.now();
    return now < token.expiresAt - (this.#options.expiryMarginMs ?? DEFAULT_MARGIN_MS);
  }

  async #secret(): Promise<string> {
    const o = this.#options;
    if (o.clientSecretFile !== undefined) {
      // Options paths are camelCase (`auth.oauth2.clientSecretFile`), prometheus.yml paths snake_case.
      const key = this.#keyPath === DEFAULT_KEY_PATH ? 'clientSecretFile' : 'client_secret_file';
      const secret = await readSecretFile(o.clientSecretFile, `${this.#keyPath}.${key}`);
      this.#redactor.add(secret);
      return secret;
    }
    return o.clientSecret === undefined ? '' : reveal(o.clientSecret);
  }

  #debug(line: string): void {
    this.#init.debug?.(this.#redactor.redact(`oauth2: ${line}`));
  }

  #getDispatcher(): Promise<Dispatcher> {
    this.#dispatcher ??= (async () => {
      const tls = await tlsConnectOptions(this.#options.tls, `${this.#keyPath}.tls`, this.#redactor);
      return createDispatcher({
        tls,
        proxy: this.#options.proxy,
        timeoutMs: this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        redactor: this.#redactor,
        keyPath: this.#keyPath,
      });
    })();
    return this.#dispatcher;
  }

  #form(secret: string, style: 'basic' | 'post'): string {
    const o = this.#options;
    const params = new Map<string, string>([['grant_type', 'client_credentials']]);
    if (o.scopes !== undefined && o.scopes.length > 0) params.set('scope', o.scopes.join(' '));
    for (const [k, v] of Object.entries(o.endpointParams ?? {})) {
      if (params.has(k) && k !== 'grant_type') throw new ConfigError(`${this.#keyPath}.endpointParams.${k}`, `oauth2: cannot overwrite parameter ${JSON.stringify(k)}`);
      params.set(k, v);
    }
    if (style === 'post') {
      params.set('client_id', o.clientId);
      if (secret !== '') params.set('client_secret', secret);
    }
    // Go's url.Values.Encode: keys sorted, QueryEscape'd.
    return [...params.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${queryEscape(k)}=${queryEscape(v)}`)
      .join('&');
  }

  async #fetch(secret: string): Promise<OAuth2Token> {
    const style = this.#style;
    if (style !== undefined) return this.#request(secret, style);
    try {
      const token = await this.#request(secret, 'basic');
      this.#style = 'basic';
      return token;
    } catch (err) {
      if (!(err instanceof ServerRefusal)) throw err;
      this.#debug(`token endpoint refused HTTP Basic client authentication (${err.message}); retrying with credentials in the body`);
      const token = await this.#request(secret, 'post');
      this.#style = 'post';
      return token;
    }
  }

  async #request(secret: string, style: 'basic' | 'post'): Promise<OAuth2Token> {
    const o = this.#options;
    const url = this.tokenUrl;
    const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      'user-agent': this.#init.userAgent ?? USER_AGENT,
    };
    if (style === 'basic') {
      const basic = Buffer.from(`${queryEscape(o.clientId)}:${queryEscape(secret)}`).toString('base64');
      this.#redactor.add(basic, queryEscape(secret));
      headers.authorization = `Basic ${basic}`;
    }
    const body = this.#form(secret, style);
    this.#stats.requests++;
    this.#debug(`POST ${url} (client authentication: ${style === 'basic' ? 'HTTP Basic' : 'form body'})`);
    const dispatcher = await this.#getDispatcher();
    const started = Date.now();
    let status: number;
    let resHeaders: Record<string, string>;
    let text: string;
    try {
      const res = await dispatcher.request({
        origin: this.#tokenUrl.origin,
        path: `${this.#tokenUrl.pathname}${this.#tokenUrl.search}`,
        method: 'POST',
        headers,
        body,
        signal: anySignal(timeout),
      });
      status = res.statusCode;
      resHeaders = headerRecord(res.headers);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_TOKEN_RESPONSE) {
          res.body.on('error', () => {});
          res.body.destroy();
          throw new FetchError('oauth2', `oauth2: token endpoint ${url} sent more than 1 MiB`, { url, status });
        }
        chunks.push(chunk);
      }
      text = Buffer.concat(chunks).toString('utf8');
    } catch (err) {
      throw transportError(err, {
        url,
        timeoutMs,
        timedOut: () => timeout.aborted,
        aborted: () => false,
        redactor: this.#redactor,
        what: 'oauth2: token request to',
      });
    }
    const fields = this.#parse(text, resHeaders['content-type'] ?? '');
    const errorField = typeof fields?.error === 'string' ? fields.error : undefined;
    if (status < 200 || status > 299 || (errorField !== undefined && errorField !== '')) {
      const desc = typeof fields?.error_description === 'string' ? ` ${JSON.stringify(fields.error_description.slice(0, 300))}` : '';
      const what = errorField !== undefined ? `${errorField}${desc}` : `${JSON.stringify(text.slice(0, 200))}`;
      throw new ServerRefusal('oauth2', this.#redactor.redact(`oauth2: token endpoint ${url} answered ${status}: ${what}`), { url, status });
    }
    if (fields === undefined) {
      throw new FetchError('oauth2', `oauth2: cannot parse the token endpoint's reply (${resHeaders['content-type'] ?? 'no Content-Type'})`, { url, status });
    }
    const access = fields.access_token;
    if (typeof access !== 'string' || access === '') {
      throw new FetchError('oauth2', `oauth2: server response missing access_token (${url})`, { url, status });
    }
    this.#redactor.add(access);
    let expiresAt: number | null = null;
    const rawExpires = fields.expires_in;
    const seconds = typeof rawExpires === 'number' ? rawExpires : typeof rawExpires === 'string' && rawExpires.trim() !== '' ? Number(rawExpires) : NaN;
    if (Number.isFinite(seconds) && seconds > 0) expiresAt = (this.#init.now?.() ?? started) + seconds * 1000;
    const token = new OAuth2Token(access, normaliseType(fields.token_type), expiresAt, typeof fields.scope === 'string' ? fields.scope : undefined);
    this.#cached = token;
    this.#stats.tokens++;
    this.#debug(`got a ${token.tokenType} token${expiresAt === null ? ' without expiry' : `, expires in ${seconds} s`}`);
    return token;
  }

  #parse(text: string, contentType: string): Record<string, unknown> | undefined {
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    if (type === 'application/x-www-form-urlencoded' || type === 'text/plain') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of new URLSearchParams(text)) if (!(k in out)) out[k] = v;
      return out;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Token sources kept per `OAuth2Options` object, with the number of scrapes using each. */
const shared = new WeakMap<OAuth2Options, { source: OAuth2TokenSource; users: number }>();

/** A token source lent to one scrape (or one job): `release()` when done with it. */
export interface TokenSourceLease {
  source: OAuth2TokenSource;
  /** Closes the token endpoint connections once no scrape uses the source; the token is kept. */
  release(destroy: boolean): Promise<void>;
}

/**
 * The token source of an `oauth2` options object, created on first use and kept as long as the
 * object lives, so that scrapes given the same options (the two scrapes of `om diff URL
 * --interval`, several URLs of one `om lint`) share one cached token until it expires, as
 * Prometheus shares one per scrape pool. `init` applies when the source is created.
 * An `OAuth2TokenSource` passed in is used as it is, and left open.
 */
export function leaseTokenSource(oauth2: OAuth2Options | OAuth2TokenSource, init: OAuth2TokenSourceInit): TokenSourceLease {
  if (oauth2 instanceof OAuth2TokenSource) return { source: oauth2, release: async () => {} };
  let entry = shared.get(oauth2);
  if (entry === undefined) {
    entry = { source: new OAuth2TokenSource(oauth2, init), users: 0 };
    shared.set(oauth2, entry);
  }
  const held = entry;
  held.users++;
  let released = false;
  return {
    source: held.source,
    release: async (destroy) => {
      if (released) return;
      released = true;
      if (--held.users > 0) return;
      await (destroy ? held.source.destroy() : held.source.close()).catch(() => {});
    },
  };
}
