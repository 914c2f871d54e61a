import { FetchError, type FetchErrorCode } from './errors.js';
import { DEFAULT_MAX_RESPONSE_HEADER_BYTES } from './dispatcher.js';
import type { Redactor } from './secret.js';

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
]);

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 6 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET' && code !== 'ABORT_ERR') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return (err as { code?: string } | undefined)?.code;
}

/** Maps a transport error from undici/Node to a `FetchError`. */
export function transportError(
  err: unknown,
  ctx: {
    url: string;
    timeoutMs: number;
    timedOut: () => boolean;
    aborted: () => boolean;
    redactor: Redactor;
    what?: string;
    /** The response header limit in force, named when it is exceeded. */
    maxResponseHeaderBytes?: number;
  },
): FetchError {
  if (err instanceof FetchError) return err;
  const what = ctx.what ?? 'scrape of';
  const cause = ctx.redactor.sanitize(err);
  const mk = (code: FetchErrorCode, message: string) => new FetchError(code, ctx.redactor.redact(message), { cause, url: ctx.url });
  if (ctx.timedOut()) return mk('timeout', `${what} ${ctx.url} timed out after ${ctx.timeoutMs / 1000} s`);
  if (ctx.aborted()) return mk('aborted', `${what} ${ctx.url} was aborted`);
  const code = errorCode(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (code === 'UND_ERR_HEADERS_OVERFLOW') {
    const limit = ctx.maxResponseHeaderBytes ?? DEFAULT_MAX_RESPONSE_HEADER_BYTES;
    return mk('headers-too-large', `${what} ${ctx.url} failed: the response headers exceed the limit of ${formatBytes(limit)} (maxResponseHeaderBytes)`);
  }
  if (code === 'ECONNREFUSED') return mk('refused', `${what} ${ctx.url} failed: connection refused`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return mk('dns', `${what} ${ctx.url} failed: host not found`);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return mk('timeout', `${what} ${ctx.url} timed out while connecting`);
  if (code !== undefined && (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))) {
    return mk('tls', `${what} ${ctx.url} failed: TLS error ${code}: ${detail}`);
  }
  if (code === 'UND_ERR_ABORTED' && /Proxy response/.test(detail)) return mk('proxy', `${what} ${ctx.url} failed: ${detail}`);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED' || /other side closed|socket hang up|terminated|premature close/i.test(detail)) {
    return mk('reset', `${what} ${ctx.url} failed: connection reset by the server (${code ?? detail})`);
  }
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return mk('decode', `${what} ${ctx.url} failed: corrupt gzip body`);
  return mk('network', `${what} ${ctx.url} failed: ${detail}${code ? ` (${code})` : ''}`);
}

/** Combines signals; undefined entries are ignored. */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length === 1 ? present[0]! : AbortSignal.any(present);
}

/** Lower-cased header record from undici's raw headers. */
export function headerRecord(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Go's `url.QueryEscape`: only A-Z a-z 0-9 - _ . ~ stay, space becomes '+'. */
export function queryEscape(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** A byte count for messages: `10 MiB`, `512 KiB`, `1500 bytes` (binary units, whole numbers only). */
export function formatBytes(n: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  }
  return `${n} bytes`;
}
