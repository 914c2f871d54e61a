/** An input that cannot be read (missing file, unreadable stdin, corrupt gzip, a glob that matches nothing). */
export class InputError extends Error {
  override readonly name = 'InputError';
}
