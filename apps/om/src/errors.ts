// Failures of the tool itself (exit 2). Problems in metrics text are diagnostics, never thrown.

/** A bad flag value or combination. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input that cannot be read (missing file, unreadable stdin, corrupt gzip): the one @omkit/fetch/node throws. */
export { InputError } from '@omkit/fetch/node';
