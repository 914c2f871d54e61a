import type { Secret, SecretString } from './secret.js';
import type { OAuth2Options, ProxyOptions, TlsOptions } from './transport-options.js';
import type { EscapingScheme, ScrapeFormat, ScrapeProtocol } from './protocols.js';
import type { ScrapeFact } from './facts.js';
import type { OAuth2TokenSource } from './oauth2/token-source.js';

export type { OAuth2Options, ProxyOptions, TlsOptions, TlsVersion } from './transport-options.js';

export type AuthOptions =
  | { bearer: { token: SecretString } | { tokenFile: string } }
  | { basic: { username?: string; usernameFile?: string; password?: SecretString; passwordFile?: string } }
  | { authorization: { type?: string; credentials?: SecretString; credentialsFile?: string } }
  /**
   * OAuth2 client credentials. A token obtained for an `OAuth2Options` object is kept with that
   * object and reused by later scrapes given the same object until it expires (as Prometheus keeps
   * one token per scrape pool); pass an `OAuth2TokenSource` to control its life yourself.
   */
  | { oauth2: OAuth2Options | OAuth2TokenSource };

export interface ScrapeOptions {
  /** Whole-exchange timeout (connect, headers and body), default 10 000 ms. */
  timeoutMs?: number;
  /** Limit on the decoded body in bytes; a body of this size or more fails. Default 50 MiB; 0 = none. */
  bodySizeLimit?: number;
  /**
   * Limit on the response headers in bytes (names and values of the status line's headers, as
   * undici counts them). Default 10 MiB, Go's `http.Transport` default, which Prometheus uses;
   * larger headers fail the scrape with a `headers-too-large` error that names the limit.
   */
  maxResponseHeaderBytes?: number;
  /** Extra request headers. Prometheus' reserved names (Authorization, User-Agent, …) are refused. */
  headers?: Record<string, string | Secret | (string | Secret)[]>;
  auth?: AuthOptions;
  tls?: TlsOptions;
  proxy?: ProxyOptions;
  /** Protocols in order of preference (default: Prometheus' `DefaultScrapeProtocols`). */
  scrapeProtocols?: ScrapeProtocol[];
  /** Escaping scheme in the Accept header, default `allow-utf-8`. */
  escaping?: EscapingScheme;
  /** Replaces the computed Accept header entirely. */
  acceptHeader?: string;
  /** `fallback_scrape_protocol`: used when the Content-Type is missing, unparsable or unknown. */
  fallbackProtocol?: ScrapeProtocol;
  /** `enable_compression` (default true): `Accept-Encoding: gzip`, else `identity`. */
  enableCompression?: boolean;
  /** `follow_redirects` (default true). */
  followRedirects?: boolean;
  /** Maximum redirects followed (default 10, as Go's http.Client). */
  maxRedirects?: number;
  /** Default `om/<version>`. */
  userAgent?: string;
  signal?: AbortSignal;
  /** Receives one line per request/response/redirect/token event; credentials are redacted. */
  debug?: (line: string) => void;
}

/** Durations in milliseconds, measured with `performance.now()` from the start of the scrape. */
export interface ScrapeTimings {
  /** Name resolution for the connection that served the final response (0 for IP literals); undefined if a pooled connection or a proxy was used. */
  dns: number | undefined;
  /** TCP connect (after DNS). */
  connect: number | undefined;
  /** TLS handshake (https only). */
  tls: number | undefined;
  /** From the start of the scrape (token fetch and redirects included) to the final response's headers. */
  firstByte: number;
  /** From the start to the end of the body. */
  total: number;
}

export interface Redirect {
  status: number;
  from: string;
  to: string;
}

/** Everything known once the response headers of the final request have arrived. */
export interface ScrapeResponseInfo {
  /** The final URL (after redirects), without user info. */
  url: string;
  /** The URL that was asked for, without user info. */
  requestedUrl: string;
  status: number;
  statusText: string;
  /** Response headers, names lower-cased; repeated headers joined with `, `. */
  headers: Record<string, string>;
  contentType: string | null;
  /** Lower-cased media type (`text/plain`), or null when missing or unparsable. */
  mediaType: string | null;
  /** Media type parameters (`version`, `charset`, `escaping`, …). */
  mediaTypeParams: Record<string, string>;
  /** How Prometheus 3 would parse the body; null when it would fail the scrape. */
  format: ScrapeFormat | null;
  formatSource: 'content-type' | 'fallback' | null;
  /** The Accept header sent. */
  accept: string;
  /** Whether the body arrived gzip-compressed (and was decoded). */
  compressed: boolean;
  redirects: Redirect[];
}

export interface ScrapeResult extends ScrapeResponseInfo {
  /** The decoded body as text (U+FFFD where it is not UTF-8; echoed secrets redacted). */
  body: string;
  /** The same body as bytes, as received (re-encoded from `body` when a secret was echoed). */
  bodyBytes: Uint8Array;
  /** Decoded body size in bytes. */
  bytes: number;
  /** Bytes on the wire when the body was gzip-compressed. */
  compressedBytes: number | undefined;
  timings: ScrapeTimings;
  facts: ScrapeFact[];
}
