// `--fix` / `--diff` over files and stdin: which inputs can be written back, the fixes, atomic writes.
import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fixText, formatPatch, type Baseline, type LintedInput, type ResolvedConfig } from '../index.js';
import type { Diagnostic, Format } from '@omkit/parser';

/** A fixed file that could not be written back (the message names it). */
export class FixWriteError extends Error {
  override readonly name = 'FixWriteError';
}

export interface FixInput {
  kind: string;
  source: string;
  /** A local file's path: it is written back. */
  path?: string;
  text: string;
}

export interface FixRunOptions {
  /** `diff` prints a unified diff of what `fix` would write, and writes nothing. */
  mode: 'fix' | 'diff';
  /** Also apply fixes marked unsafe. */
  unsafe?: boolean;
  /** The product: the patch (`diff`), or stdin's fixed text (`fix`). */
  write(text: string): void;
  /** One line about the run (an input not fixed, the count): for stderr. */
  note(line: string): void;
}

/**
 * A `--fix` or `--diff` run. The fixes come from `fixText` (safe fixes, `unsafe` for the others;
 * overlapping ones in later passes), with the input's format kept. A file is written back
 * atomically (a temp file in its directory, then renamed over it); stdin's fixed text goes to
 * `write`. URLs, gzip files, streamed inputs and input that is not UTF-8 are not fixed: a note says
 * why, and the caller lints them as they are.
 */
export class FixRun {
  #fixed = 0;
  #changed = 0;
  #stdin = 0;
  #others = 0;
  constructor(private readonly options: FixRunOptions) {}

  /** Whether stdin was the only input fixed (its fixed text is the product). */
  get stdinOnly(): boolean {
    return this.options.mode === 'fix' && this.#stdin > 0 && this.#others === 0;
  }

  skip(source: string, why: string): void {
    this.#others++;
    this.options.note(`${source}: not fixed: ${why}`);
  }

  /** The input after its fixes, or undefined when it is not fixed (a note said why). */
  async input(
    input: FixInput,
    format: Format,
    diagnostics: readonly Diagnostic[],
    lintOptions: { config: ResolvedConfig; baseline?: Baseline },
  ): Promise<LintedInput | undefined> {
    if (input.kind === 'url') return void this.skip(input.source, 'a URL cannot be written back');
    if (input.kind === 'file' && input.path !== undefined && (await isGzip(input.path))) return void this.skip(input.source, 'a gzip file is not written back');
    const notUtf8 = 'the input is not valid UTF-8 (writing it back would replace bytes)';
    if (diagnostics.some((d) => d.code === 'OM020')) return void this.skip(input.source, notUtf8);
    // The text must be the file's bytes exactly: else it was not UTF-8, or it changed since.
    if (input.kind === 'file' && input.path !== undefined && !(await readFile(input.path)).equals(Buffer.from(input.text, 'utf8')))
      return void this.skip(input.source, `${notUtf8}, or the file changed while it was linted`);
    if (input.kind === 'stdin') this.#stdin++;
    else this.#others++;
    const result = fixText(input.text, { ...lintOptions, source: input.source, format, unsafe: this.options.unsafe === true });
    const changed = result.text !== input.text;
    if (changed) {
      this.#changed++;
      this.#fixed += result.fixed.length;
    }
    if (this.options.mode === 'diff') {
      if (changed) this.options.write(formatPatch(input.text, result.text, { from: input.source, to: input.source }));
    } else if (input.kind === 'stdin') {
      this.options.write(result.text);
    } else if (changed && input.path !== undefined) {
      await writeAtomically(input.path, result.text);
    }
    return { source: input.source, text: result.text, diagnostics: result.diagnostics };
  }

  /** Notes the count; `changed` is the number of inputs the fixes change. */
  finish(): { changed: number } {
    const n = this.#fixed;
    const findings = `${n} finding${n === 1 ? '' : 's'}`;
    const inputs = `${this.#changed} input${this.#changed === 1 ? '' : 's'}`;
    if (this.options.mode === 'diff') this.options.note(n ? `--fix would fix ${findings} in ${inputs}` : 'nothing to fix');
    else if (!this.stdinOnly) this.options.note(n ? `fixed ${findings} in ${inputs}` : 'nothing to fix');
    return { changed: this.#changed };
  }
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Writes `text` to a temp file beside `path` with its mode, then renames it over `path`. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.om-fix-${process.pid}-${randomBytes(4).toString('hex')}`);
  const { mode } = await stat(path);
  try {
    await writeFile(temp, text, { encoding: 'utf8', mode: mode & 0o7777, flag: 'wx' });
    await chmod(temp, mode & 0o7777);
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => {});
    throw new FixWriteError(`cannot write the fixed ${path}: ${(cause as Error).message}`, { cause });
  }
}
