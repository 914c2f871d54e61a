import { readFile } from 'node:fs/promises';
import { inspect } from 'node:util';
import { ConfigError } from './errors.js';

const REDACTED = '<secret>';

/** Shortest secret looked for in response headers and bodies. */
export const ECHO_MIN_LENGTH = 6;

/**
 * A string that must not be printed. `String(secret)`, `JSON.stringify` and `util.inspect` all show
 * `<secret>`; only `reveal()` gives the value. Options accept a plain string or a `Secret`;
 * `loadPrometheusConfig` always produces `Secret`s, so a printed job config shows no secret.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return REDACTED;
  }
  toJSON(): string {
    return REDACTED;
  }
  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}

/** A secret given inline: a string or a `Secret`. */
export type SecretString = string | Secret;

export function reveal(value: SecretString): string {
  return typeof value === 'string' ? value : value.reveal();
}

/**
 * Reads a secret file as Prometheus does (`FileSecret.Fetch`): on every use, with surrounding
 * whitespace trimmed. `keyPath` names the option for the error message.
 *
 * Deviation: a file that is empty, or holds only whitespace, is a `ConfigError` naming the file.
 * Prometheus sends the empty secret, and the server's refusal (`401 invalid_client`) does not say
 * why; such a file is nearly always one written from an unset variable (`printf '%s' "$SECRET"`).
 */
export async function readSecretFile(file: string, keyPath: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'error'})`;
    throw new ConfigError(keyPath, `${problem}: ${file}`);
  }
  const secret = text.trim();
  if (secret === '') throw new ConfigError(keyPath, `file is empty${text === '' ? '' : ' (only whitespace)'}: ${file}`);
  return secret;
}

/**
 * Collects the secret values used by one request and removes them from any text before it is
 * shown (error messages, causes, debug lines: every secret, however short). In response data
 * (headers, body) only secrets of at least `ECHO_MIN_LENGTH` characters are looked for, so that a
 * two-letter password does not mangle a metrics body.
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  add(...values: (string | undefined)[]): void {
    for (const value of values) {
      if (!value) continue;
      this.#secrets.add(value);
      // Also the forms in which a secret travels: base64 (Basic auth), URL-encoded.
      const encoded = encodeURIComponent(value);
      if (encoded !== value) this.#secrets.add(encoded);
    }
  }

  addBasic(username: string, password: string): void {
    this.add(password, Buffer.from(`${username}:${password}`).toString('base64'));
  }

  /** Replaces every known secret (at least `minLength` characters long) with `<secret>`. */
  redact(text: string, minLength = 1): string {
    let out = text;
    // Longest first, so a secret containing another is removed whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      if (secret.length >= minLength && out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  /** True when `text` contains a known secret at least `minLength` characters long. */
  leaks(text: string, minLength = 1): boolean {
    for (const secret of this.#secrets) if (secret.length >= minLength && text.includes(secret)) return true;
    return false;
  }

  /**
   * An error safe to keep as a `cause`: the original when nothing in its chain mentions a secret,
   * otherwise a plain copy (name, code, redacted message, sanitised cause).
   */
  sanitize(err: unknown, depth = 0): unknown {
    if (!(err instanceof Error) || depth > 8) {
      if (typeof err === 'string') return this.redact(err);
      return err instanceof Error ? new Error(this.redact(err.message)) : err;
    }
    if (!this.#chainLeaks(err, 0)) return err;
    const copy = new Error(this.redact(err.message), err.cause === undefined ? undefined : { cause: this.sanitize(err.cause, depth + 1) });
    copy.name = err.name;
    const code = (err as { code?: unknown }).code;
    if (code !== undefined) (copy as { code?: unknown }).code = code;
    copy.stack = `${copy.name}: ${copy.message}`;
    return copy;
  }

  #chainLeaks(err: unknown, depth: number): boolean {
    if (depth > 8 || err === undefined || err === null) return false;
    if (typeof err === 'string') return this.leaks(err);
    if (!(err instanceof Error)) return this.leaks(String(err));
    return this.leaks(err.message) || this.leaks(err.stack ?? '') || this.#chainLeaks(err.cause, depth + 1);
  }
}

/** Removes user info (`user:pass@`) from a URL for display. */
export function displayUrl(url: string | URL): string {
  try {
    const u = new URL(String(url));
    if (u.username || u.password) {
      u.username = '';
      u.password = '';
    }
    return u.toString();
  } catch {
    return '<invalid URL>';
  }
}
