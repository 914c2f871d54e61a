// Thrown errors are for failures of the tool only; problems in metrics text are Diagnostics.

/** A config that does not validate. `path` is the dotted key path (`rules.OM201`), `''` for the root. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly path: string;
  /** The config file the setting came from, when known (the message does not name it). */
  file?: string;
  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(path ? `Invalid config at \`${path}\`: ${message}` : `Invalid config: ${message}`, options);
    this.path = path;
  }
}

/** A bug in om. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(`${message} (this is a bug in om; please open an issue at https://github.com/omkit/om/issues)`, options);
  }
}

/** An option typed on a command line that cannot be read (`--rule`): the message names the option and the text. */
export class OptionError extends Error {
  override readonly name = 'OptionError';
}
