// The CLI's only window on the process: streams, stdin, cwd and env. Tests pass a fake.
import { mkdir, writeFile } from 'node:fs/promises';
import { styleText } from 'node:util';
import { displayPath } from '@omkit/fetch/node';
import { InputError } from './errors.js';

export interface Writer {
  write(text: string): void;
  /** Writes bytes as they are (`om fetch` passes a body on unchanged, invalid UTF-8 included); `write` when absent. */
  writeBytes?(bytes: Uint8Array): void;
  /** Whether the stream is a terminal. */
  readonly isTTY: boolean;
  /** Whether to emit ANSI colours on this stream (TTY, NO_COLOR, FORCE_COLOR). */
  readonly color: boolean;
}

export interface Io {
  readonly stdout: Writer;
  readonly stderr: Writer;
  /** Reads all of stdin. */
  readStdin(): Promise<Buffer>;
  /** Reads stdin chunk by chunk (for inputs too large to hold); `readStdin` when absent. */
  stdinStream?(): AsyncIterable<Uint8Array>;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export type Style = 'red' | 'green' | 'yellow' | 'blue' | 'cyan' | 'magenta' | 'bold' | 'dim';

/** Colours one piece of text with one format (node:util styleText; the stream check is ours). */
export function paint(w: Pick<Writer, 'color'>, style: Style, text: string): string {
  return w.color && text !== '' ? styleText(style, text, { validateStream: false }) : text;
}

/**
 * The colour decision for one stream: `FORCE_COLOR` (anything but `0`/`false`) forces colour on,
 * a non-empty `NO_COLOR` turns it off, otherwise colour only on a terminal that has colours.
 */
export function wantsColor(env: Io['env'], isTTY: boolean, hasColors = true): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY && hasColors;
}

/**
 * The exit status when the reader of stdout or stderr has gone (`om rules | head -1`): 128 + SIGPIPE,
 * what a shell reports for a Unix tool ended by a closed pipe. om stops at once and prints nothing
 * more; never 0, since a report cut short is no verdict (a `set -o pipefail` script fails).
 */
export const CLOSED_PIPE_EXIT = 141;

/**
 * What a write error on stdout or stderr does: a closed pipe (EPIPE) ends the process quietly
 * with `CLOSED_PIPE_EXIT`; any other failure ends it with one line (if stderr still works) and 2.
 */
export function onWriteError(error: NodeJS.ErrnoException, exit: (code: number) => void = (code) => process.exit(code)): void {
  if (error.code === 'EPIPE') return exit(CLOSED_PIPE_EXIT);
  try {
    process.stderr.write(`om: cannot write the output: ${error.message}\n`);
  } catch {
    // stderr is gone too
  }
  exit(2);
}

/**
 * Whether the stream's terminal has colours. Node's own check reads any `NO_COLOR`, even an empty
 * one; no-color.org says only a non-empty `NO_COLOR` turns colour off, so an empty one is left out.
 */
export function terminalHasColors(stream: Pick<NodeJS.WriteStream, 'hasColors'>, env: Io['env']): boolean {
  const { NO_COLOR, ...rest } = env;
  return stream.hasColors(NO_COLOR === undefined || NO_COLOR === '' ? rest : env);
}

function nodeWriter(stream: NodeJS.WriteStream): Writer {
  const isTTY = stream.isTTY === true;
  const hasColors = isTTY && typeof stream.hasColors === 'function' ? terminalHasColors(stream, process.env) : isTTY;
  stream.on('error', (error) => onWriteError(error));
  return {
    write: (text: string) => void stream.write(text),
    writeBytes: (bytes: Uint8Array) => void stream.write(bytes),
    isTTY,
    color: wantsColor(process.env, isTTY, hasColors),
  };
}

export function nodeIo(): Io {
  return {
    stdout: nodeWriter(process.stdout),
    stderr: nodeWriter(process.stderr),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdinStream: () => process.stdin,
    cwd: process.cwd(),
    env: process.env,
  };
}

/** A one-line status on stderr, only when stderr is a terminal; never touches stdout. */
export class Progress {
  #active = false;
  constructor(private readonly io: Io) {}
  update(text: string): void {
    if (!this.io.stderr.isTTY) return;
    this.io.stderr.write(`\r\u001b[2K${text}`);
    this.#active = true;
  }
  done(): void {
    if (this.#active) this.io.stderr.write('\r\u001b[2K');
    this.#active = false;
  }
}

/** Writes an output file (creating `dir` first, when given); a failure is one line naming the file (exit 2), not an internal error. */
export async function writeOutput(io: Io, file: string, bytes: Uint8Array, dir?: string): Promise<void> {
  try {
    if (dir !== undefined) await mkdir(dir, { recursive: true });
    await writeFile(file, bytes);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such directory' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' ? 'a parent is not a directory' : (cause as Error).message;
    throw new InputError(`cannot write ${displayPath(io.cwd, file)}: ${why}`, { cause });
  }
}
