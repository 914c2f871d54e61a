import type { ScrapeFact } from './facts.js';

/**
 * Errors thrown by `@omkit/fetch`. Bad metrics are never thrown (they are facts); these are failures
 * to obtain a response at all (`FetchError`) or unusable configuration (`ConfigError`).
 *
 * Messages never contain secrets: every message and every `cause` message is passed through the
 * redactor of the request that failed before the error is built (see `secret.ts`).
 */

/** Why a scrape (or a token request) failed. */
export type FetchErrorCode =
  | 'timeout' // the scrape timeout (or the token timeout) elapsed
  | 'aborted' // the caller's AbortSignal fired
  | 'refused' // ECONNREFUSED
  | 'reset' // the connection was reset or closed early (ECONNRESET, socket closed mid-body)
  | 'dns' // the host name could not be resolved
  | 'tls' // certificate verification or handshake failure
  | 'proxy' // the proxy refused the tunnel
  | 'http' // the target answered with a status other than 200
  | 'too-large' // the decoded body reached the size limit
  | 'headers-too-large' // the response headers exceeded `maxResponseHeaderBytes`
  | 'redirect' // too many redirects, a redirect without Location, or to a non-HTTP(S) URL
  | 'decode' // the gzip stream was corrupt
  | 'oauth2' // the token endpoint failed or refused the client
  | 'network'; // any other transport failure

export interface FetchErrorDetails {
  cause?: unknown;
  /** The URL being fetched when the error happened (user info removed). */
  url?: string;
  /** HTTP status, for `http` and `oauth2` errors when the server answered. */
  status?: number;
  /** For `http` errors: what was received, so a linter can still report on it. */
  response?: HttpErrorResponse;
}

/** A summary of a non-200 answer, attached to `FetchError.response`. */
export interface HttpErrorResponse {
  /** The URL that answered (after redirects). */
  url: string;
  status: number;
  statusText: string;
  headers: Record<string, string>;
  /** The start of the body (at most 64 KiB, decoded as UTF-8; credentials redacted). */
  bodyExcerpt: string;
  /** The facts of the exchange, starting with the `status` fact. */
  facts: ScrapeFact[];
}

export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly code: FetchErrorCode;
  readonly url: string | undefined;
  readonly status: number | undefined;
  readonly response: HttpErrorResponse | undefined;

  constructor(code: FetchErrorCode, message: string, details: FetchErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.url = details.url;
    this.status = details.status;
    this.response = details.response;
  }
}

/**
 * Configuration that cannot be used. `path` names the offending key, in the notation of the source:
 * `scrape_configs[0].oauth2.client_secret_file` for a prometheus.yml, `auth.bearer.tokenFile` for
 * the options object. The message starts with the path.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly path: string;
  readonly file: string | undefined;
  /** 1-based position in `file`, when known. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(path: string, problem: string, options: { file?: string; line?: number; column?: number; cause?: unknown } = {}) {
    const pos = options.line === undefined ? '' : `:${options.line}:${options.column ?? 1}`;
    const where = options.file === undefined ? '' : `${options.file}${pos}: `;
    super(`${where}${path ? `${path}: ` : ''}${problem}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.path = path;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
  }
}
