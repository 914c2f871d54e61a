// Inputs of every command, opened by @omkit/fetch/node (files, gzip, stdin, URLs, a prometheus.yml
// job's targets, directories and globs; each as the bytes it arrived in, with the evidence of its
// format). What is the CLI's own: the flags (--prometheus-config with --job, --concurrency, stdin
// given once, an input at all) and the process (cwd, stdin, the progress line on stderr).
import type { ScrapeOptions } from '@omkit/fetch';
import { openInputs as openAll, readInputs as readAll, type Input, type InputOptions, type Opened, type Outcome } from '@omkit/fetch/node';
import { UsageError } from './errors.js';
import { Progress, type Io } from './io.js';
import type { ScrapeFlags } from './scrape-flags.js';
import { parsePositiveInt } from './units.js';

export {
  decodeText,
  displayPath,
  EXPOSITION_EXTENSIONS,
  formatHints,
  globRegExp,
  isUrl,
  parseInput,
  STREAM_ABOVE,
  urlInput,
  type Input,
  type Opened,
  type Outcome,
  type StreamedInput,
} from '@omkit/fetch/node';

export interface ReadOptions {
  flags: ScrapeFlags;
  scrape: ScrapeOptions;
  /** Expand directories and glob patterns into the files they hold; `openInputs` always does. */
  expand?: boolean;
}

export interface OpenOptions extends ReadOptions {
  /** Inputs over this many bytes are streamed instead of read whole (0: stream every input). */
  streamAbove?: number;
}

const NO_INPUT = 'no input: give a file, - for stdin, a URL, or --prometheus-config with --job';

/**
 * What every command checks before it reads an input: the job flags and stdin given once. Returns
 * the job to read, if any (`--concurrency`: how many of its targets are scraped at once).
 */
function checkTargets(targets: readonly string[], flags: ScrapeFlags): InputOptions['job'] {
  if ((flags.prometheusConfig === undefined) !== (flags.job === undefined)) throw new UsageError('--prometheus-config and --job go together');
  const concurrency = jobConcurrency(flags);
  if (targets.filter((t) => t === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  if (flags.prometheusConfig === undefined) return undefined;
  return { config: flags.prometheusConfig, name: flags.job!, ...(concurrency !== undefined ? { concurrency } : {}) };
}

function jobConcurrency(flags: ScrapeFlags): number | undefined {
  if (flags.concurrency === undefined) return undefined;
  if (flags.job === undefined) throw new UsageError('--concurrency goes with --prometheus-config and --job');
  const n = parsePositiveInt('--concurrency', flags.concurrency);
  if (n < 1) throw new UsageError(`--concurrency expects at least 1 (received ${JSON.stringify(flags.concurrency)})`);
  return n;
}

/** The process's side of reading: cwd, stdin, and a status line on stderr when it is a terminal. */
function fromIo(io: Io, scrape: ScrapeOptions): InputOptions {
  const progress = new Progress(io);
  return {
    cwd: io.cwd,
    readStdin: () => io.readStdin(),
    ...(io.stdinStream ? { stdinStream: io.stdinStream } : {}),
    progress: (status) => (status === undefined ? progress.done() : progress.update(status)),
    warn: (line) => io.stderr.write(`om: warning: ${line}\n`),
    scrape,
  };
}

/**
 * Reads every target in order, then the job's targets (in the config's order). A target that
 * fails yields `{ ok: false }` and does not stop the others.
 */
export async function readInputs(io: Io, targets: readonly string[], options: ReadOptions): Promise<Outcome[]> {
  const job = checkTargets(targets, options.flags);
  const out = await readAll(targets, { ...fromIo(io, options.scrape), ...(job ? { job } : {}), ...(options.expand ? { expand: true } : {}) });
  if (out.length === 0) throw new UsageError(NO_INPUT);
  return out;
}

/** Like `readInputs`, but the first failure is thrown (for commands that need every input). */
export async function readAllInputs(io: Io, targets: readonly string[], options: ReadOptions): Promise<Input[]> {
  const outcomes = await readInputs(io, targets, options);
  const failed = outcomes.find((o) => !o.ok);
  if (failed && !failed.ok) throw failed.error;
  return outcomes.map((o) => (o as { input: Input }).input);
}

/**
 * Like `readInputs`, but one input at a time, as the caller consumes them, and inputs over
 * `streamAbove` bytes come as a `StreamedInput` to be read chunk by chunk.
 */
export async function* openInputs(io: Io, targets: readonly string[], options: OpenOptions): AsyncGenerator<Opened> {
  const job = checkTargets(targets, options.flags);
  if (targets.length === 0 && job === undefined) throw new UsageError(NO_INPUT);
  const streamAbove = options.streamAbove !== undefined ? { streamAbove: options.streamAbove } : {};
  yield* openAll(targets, { ...fromIo(io, options.scrape), ...streamAbove });
  // The job's targets after the others, read whole (none of them is streamed).
  if (job !== undefined) yield* await readInputs(io, [], options);
}
