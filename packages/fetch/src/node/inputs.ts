// Opening inputs for the parser: a file (gzip read transparently), `-` for stdin, an http(s) URL
// scraped with this package, or every static target of a prometheus.yml job; directories and globs
// stand for the exposition files they hold (expand.ts). Every input reaches the parser as the bytes
// it arrived in (so invalid UTF-8 is reported, OM020), with the evidence of its format
// (`formatHints`: the caller's format, the Content-Type, the file name, how a streamed file ends).
// Node only; nothing here reads the process: cwd, stdin and the progress line are the caller's.
import { constants as bufferConstants } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { lastLineIsEof, parse, type FormatHints, type FormatOption, type ParseResult } from '@omkit/parser';
import { ConfigError, FetchError } from '../errors.js';
import type { ScrapeFact } from '../facts.js';
import type { ScrapeOptions, ScrapeResult } from '../options.js';
import { InputError } from './errors.js';
import { displayPath, expandOrFail, hasScheme, type FailedTarget } from './expand.js';

/** The scraping half of this package (HTTP, TLS, YAML), loaded when an input needs it: reading a file does not. */
function network(): Promise<typeof import('../index.js')> {
  return import('../index.js');
}

export interface Input {
  kind: 'file' | 'stdin' | 'url';
  /** What reports print: the path relative to cwd, `-`, or the URL. */
  source: string;
  /** Absolute path, for files. */
  path?: string;
  /** The exposition as it arrived (gunzipped): what the parser reads. */
  bytes: Uint8Array;
  /**
   * The text, decoded from `bytes` when first read, as the parser decodes them (U+FFFD where they
   * are not UTF-8, a byte order mark kept), so the offsets of diagnostics fit it. For code frames,
   * fixes and the body checks of rules; parse the bytes.
   */
  readonly text: string;
  /** From the HTTP response, for URLs. */
  contentType?: string;
  facts?: ScrapeFact[];
  scrape?: ScrapeResult;
}

export type Outcome = { ok: true; input: Input } | { ok: false; source: string; error: Error };

/** An input too large to hold as one string: its bytes, read once, from the first. */
export interface StreamedInput {
  kind: 'file' | 'stdin' | 'url';
  source: string;
  path?: string;
  contentType?: string;
  /** The bytes (gunzipped, for files and stdin). Single use; read errors are thrown from here. */
  chunks: AsyncIterable<Uint8Array>;
  /** For URLs, once `chunks` was read to the end: every transport fact of the scrape. */
  facts?: () => Promise<ScrapeFact[]>;
  /** Stops reading (when the consumer gives up early). */
  cancel: () => Promise<void>;
  /**
   * How the document ends, when known before it is read (a plain file: from its last bytes):
   * whether its last line that is not empty is `# EOF`. The parser's `endsWithEof` hint.
   */
  endsWithEof?: boolean;
}

/** What `openInputs` yields: a whole input, a streamed one, or a failure. */
export type Opened = Outcome | { ok: true; streamed: StreamedInput };

/** Where and how inputs are read: what a program would otherwise take from its process. */
export interface InputOptions {
  /** Relative paths are resolved against it, and printed relative to it. */
  cwd: string;
  /** Reads all of stdin, for `-`. Without it (and `stdinStream`), `-` is a failure. */
  readStdin?: () => Promise<Uint8Array>;
  /** Reads stdin chunk by chunk (for inputs too large to hold); `readStdin` when absent. */
  stdinStream?: () => AsyncIterable<Uint8Array>;
  /** A status line to show (`reading 4/9 a.prom`), `undefined` to clear it; only called with more than 3 targets or for a job. */
  progress?: (status: string | undefined) => void;
  /** For URLs and job targets. */
  scrape?: ScrapeOptions;
  /** What reading a job's prometheus.yml had to say (a setting om does not use, …), one line each. */
  warn?: (line: string) => void;
  /** Every static target of this job of a prometheus.yml (read after the other targets, in the config's order). */
  job?: { config: string; name: string; concurrency?: number };
}

export interface ReadOptions extends InputOptions {
  /** Expand directories and glob patterns into the files they hold (`expandTarget`); `openInputs` always does. */
  expand?: boolean;
}

export interface OpenOptions extends InputOptions {
  /** Inputs over this many bytes are streamed instead of read whole (0: stream every input). Default `STREAM_ABOVE`. */
  streamAbove?: number;
}

/** Inputs larger than this many bytes are streamed by `openInputs` (64 MiB). */
export const STREAM_ABOVE = 64 * 1024 * 1024;

/** Largest decompressed size of a gzip file (a bomb stops here). */
const GUNZIP_LIMIT = 1024 ** 3;

export const isUrl = (target: string): boolean => /^https?:\/\//i.test(target);

/**
 * The evidence of an input's format besides its text: the caller's format (`auto` to detect), the
 * Content-Type, the file name, and for a streamed file how it ends.
 */
export function formatHints(input: { path?: string; contentType?: string; endsWithEof?: boolean }, format: FormatOption): FormatHints {
  return {
    format,
    ...(input.contentType !== undefined ? { contentType: input.contentType } : {}),
    ...(input.path !== undefined ? { fileName: input.path } : {}),
    ...(input.endsWithEof !== undefined ? { endsWithEof: input.endsWithEof } : {}),
  };
}

/**
 * Parses an input as the bytes it arrived in, with the evidence of its format. The same result as
 * `parse(input.bytes, …)`, without decoding twice: bytes whose text has no U+FFFD were UTF-8, and
 * the text the report needs anyway is parsed; otherwise the bytes are, for the OM020s.
 */
export function parseInput(input: Input, format: FormatOption): ParseResult {
  const hints = formatHints(input, format);
  const text = input.text;
  return text.includes('\uFFFD') ? parse(input.bytes, hints) : parse(text, hints);
}

/** Decodes bytes as the parser does: not fatal (U+FFFD), a BOM kept (it is reported, and counts in columns). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** An input whose `text` is decoded from its bytes when first read (or given, when already known). */
export function makeInput(fields: Omit<Input, 'text'>, known?: string): Input {
  let text = known;
  return Object.defineProperty({ ...fields } as Input, 'text', {
    enumerable: true,
    get: () => (text ??= decodeText(fields.bytes)),
  });
}

/** The bytes of a whole input: gunzipped when gzip, and no larger than one string can hold. */
function whole(buf: Uint8Array, source: string): Uint8Array {
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf, { maxOutputLength: GUNZIP_LIMIT });
    } catch (cause) {
      throw new InputError(`${source}: cannot decompress gzip data: ${(cause as Error).message}`, { cause });
    }
  }
  // A JS string holds at most ~512 MiB: the text of a larger input cannot be held.
  if (buf.length > bufferConstants.MAX_STRING_LENGTH) {
    throw new InputError(`${source}: too large to hold in memory (${buf.length} bytes); \`om lint\` streams inputs this large, this command cannot`);
  }
  return buf;
}

async function readFileInput(cwd: string, target: string): Promise<Input> {
  const path = resolve(cwd, target);
  const source = displayPath(cwd, path);
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (cause) {
    throw readError(cause, source);
  }
  return makeInput({ kind: 'file', source, path, bytes: whole(buf, source) });
}

/**
 * om reads the text formats only. A target that answers in protobuf (Prometheus reads it; om never
 * asks for it) cannot be linted: one clear failure instead of syntax errors about binary bytes.
 */
function textFormatOnly(response: { requestedUrl: string; format: ScrapeResult['format']; contentType: string | null }): void {
  if (response.format !== 'protobuf') return;
  throw new InputError(
    `cannot read ${response.requestedUrl}: the body is in the protobuf format (\`${response.contentType}\`), which om does not read; have the target serve text/plain or application/openmetrics-text`,
  );
}

/** A scrape's result as an input (a protobuf body is an InputError). */
export function urlInput(result: ScrapeResult, text?: string): Input {
  textFormatOnly(result);
  return makeInput({
    kind: 'url',
    source: result.requestedUrl,
    // The body's bytes as received (an older result gives the text only).
    bytes: result.bodyBytes ?? Buffer.from(result.body, 'utf8'),
    ...(result.contentType ? { contentType: result.contentType } : {}),
    facts: result.facts,
    scrape: result,
  }, text);
}

function noStdin(): InputError {
  return new InputError('cannot read -: no stdin');
}

const displayTarget = (target: string | FailedTarget): string => (typeof target === 'string' ? target : target.source);

/**
 * Reads every target in order, then the job's targets (in the config's order). A target that
 * fails yields `{ ok: false }` and does not stop the others; a job that cannot be read (its
 * config, its name) throws.
 */
export async function readInputs(targets: readonly string[], options: ReadOptions): Promise<Outcome[]> {
  const { cwd, progress } = options;
  const out: Outcome[] = [];
  let n = 0;
  const total = targets.length;
  for (const given of targets) {
    ++n;
    for (const target of options.expand ? await expandOrFail(cwd, given) : [given]) {
      // Counted by the targets given: a directory or a glob is one, whatever it holds.
      if (total > 3) progress?.(`reading ${n}/${total} ${displayTarget(target)}`);
      try {
        if (typeof target !== 'string') throw target.error;
        if (target === '-') {
          if (!options.readStdin) throw noStdin();
          out.push({ ok: true, input: makeInput({ kind: 'stdin', source: '-', bytes: whole(await options.readStdin(), '-') }) });
        } else if (isUrl(target)) out.push({ ok: true, input: urlInput(await (await network()).scrape(target, options.scrape)) });
        else if (hasScheme(target)) throw unsupportedScheme(target);
        else out.push({ ok: true, input: await readFileInput(cwd, target) });
      } catch (error) {
        if (!(error instanceof InputError || error instanceof FetchError)) throw error;
        out.push({ ok: false, source: displayTarget(target), error });
      }
    }
  }
  if (options.job !== undefined) out.push(...(await readJob(options.job, options)));
  progress?.(undefined);
  return out;
}

function asInput(url: string, result: ScrapeResult): Outcome {
  try {
    return { ok: true, input: urlInput(result) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ok: false, source: url, error };
  }
}

/** Scrapes every static target of a prometheus.yml job, in the config's order. */
async function readJob(job: NonNullable<InputOptions['job']>, options: InputOptions): Promise<Outcome[]> {
  const { cwd, progress } = options;
  const abs = resolve(cwd, job.config);
  const { findJob, loadPrometheusConfig, scrapeJob } = await network();
  let config: Awaited<ReturnType<typeof loadPrometheusConfig>>;
  try {
    config = await loadPrometheusConfig(abs);
    if (!config.jobs.some((j) => j.name === job.name)) findJob(config, job.name);
  } catch (error) {
    // Print the config's path as given, relative to cwd.
    if (error instanceof ConfigError) error.message = error.message.split(abs).join(displayPath(cwd, abs));
    throw error;
  }
  // The file's own warnings and this job's (another job's settings are no concern of this run).
  const others = /^job "/;
  const mine = `job ${JSON.stringify(job.name)}:`;
  for (const warning of config.warnings) if (!others.test(warning) || warning.startsWith(mine)) options.warn?.(`${displayPath(cwd, abs)}: ${warning}`);
  const got: { index: number; outcome: Outcome }[] = [];
  let done = 0;
  const scrape = { ...(options.scrape !== undefined ? { overrides: options.scrape } : {}), ...(job.concurrency !== undefined ? { concurrency: job.concurrency } : {}) };
  for await (const r of scrapeJob(config, job.name, scrape)) {
    progress?.(`scraped ${++done} targets of job ${job.name}`);
    got.push({
      index: config.jobs.find((j) => j.name === job.name)!.targets.findIndex((t) => String(t.url) === String(r.target.url)),
      outcome: r.ok ? asInput(r.url, r.result) : { ok: false, source: r.url, error: r.error },
    });
  }
  got.sort((a, b) => a.index - b.index);
  return got.map((g) => g.outcome);
}

/** Like `readInputs`, but the first failure is thrown (for programs that need every input). */
export async function readAllInputs(targets: readonly string[], options: ReadOptions): Promise<Input[]> {
  const outcomes = await readInputs(targets, options);
  const failed = outcomes.find((o) => !o.ok);
  if (failed && !failed.ok) throw failed.error;
  return outcomes.map((o) => (o as { input: Input }).input);
}

const isGzip = (chunk: Uint8Array | undefined): boolean => chunk !== undefined && chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b;

/** Re-attaches chunks already taken from an iterator in front of the rest. */
async function* prepend(head: Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  while (head.length > 0) yield head.shift()!;
  for (;;) {
    const r = await rest.next();
    if (r.done) return;
    yield r.value;
  }
}

/** Gunzips a byte stream when it starts with the gzip magic (split first chunks included). */
async function gunzipIfNeeded(source: AsyncIterable<Uint8Array>, label: string): Promise<AsyncIterator<Uint8Array>> {
  const it = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < 2) {
    const r = await it.next();
    if (r.done) break;
    if (r.value.length === 0) continue;
    head.push(r.value);
    size += r.value.length;
  }
  const joined = head.length > 1 ? Buffer.concat(head) : head[0];
  if (!isGzip(joined)) return prepend(head, it);
  const gunzip = Readable.from(prepend(head, it), { objectMode: false }).pipe(createGunzip());
  const out = gunzip[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  return {
    async next() {
      try {
        return await out.next();
      } catch (cause) {
        if (cause instanceof InputError) throw cause;
        throw new InputError(`${label}: cannot decompress gzip data: ${(cause as Error).message}`, { cause });
      }
    },
    async return() {
      gunzip.destroy();
      return { done: true, value: undefined };
    },
  };
}

/**
 * Reads up to `limit` bytes: the whole input when it is that small (`whole`), otherwise the rest
 * still to read behind the bytes taken (`stream`).
 */
async function peek(it: AsyncIterator<Uint8Array>, limit: number): Promise<{ whole: Buffer } | { stream: AsyncIterable<Uint8Array> }> {
  const head: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    if (size > limit) return { stream: prepend(head, it) };
    const r = await it.next();
    if (r.done) return { whole: Buffer.concat(head) };
    head.push(r.value);
    size += r.value.length;
  }
}

function readError(cause: unknown, source: string): InputError {
  const code = (cause as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (cause as Error).message;
  return new InputError(`cannot read ${source}: ${why}`, { cause });
}

/** How many of a file's last bytes `fileEnding` reads. */
const TAIL_BYTES = 64;

/**
 * Whether a file's last line that is not empty is `# EOF`, from its last bytes, so that a file
 * streamed is read in the format its end names, as the whole file would be (@omkit/parser's rule,
 * step 4b). Undefined when they cannot tell (over 58 empty lines at the end), for a gzip file (its
 * end is known only once it is all decompressed) and for anything but a regular file (a FIFO, a
 * device: reading it ahead would consume it).
 */
async function fileEnding(path: string, size: number): Promise<boolean | undefined> {
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    if (isGzip(magic.subarray(0, bytesRead))) return undefined;
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    const read = (await handle.read(tail, 0, length, size - length)).bytesRead;
    return lastLineIsEof(tail.subarray(0, read), size <= TAIL_BYTES && read === size);
  } finally {
    await handle.close();
  }
}

async function openFile(cwd: string, target: string, streamAbove: number): Promise<Opened> {
  const path = resolve(cwd, target);
  const source = displayPath(cwd, path);
  let ending: boolean | undefined;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    // Only a file that will be streamed needs its end read ahead: a whole input is read to its end.
    if (info.isFile() && info.size > streamAbove) ending = await fileEnding(path, info.size);
  } catch (cause) {
    throw readError(cause, source);
  }
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const reading = (async function* () {
    try {
      for await (const chunk of file) yield chunk as Uint8Array;
    } catch (cause) {
      throw readError(cause, source);
    }
  })();
  const it = await gunzipIfNeeded(reading, source);
  const cancel = async () => {
    file.destroy();
    await it.return?.();
  };
  const got = await peek(it, streamAbove);
  if ('whole' in got) return { ok: true, input: makeInput({ kind: 'file', source, path, bytes: got.whole }) };
  return { ok: true, streamed: { kind: 'file', source, path, chunks: got.stream, cancel, ...(ending !== undefined ? { endsWithEof: ending } : {}) } };
}

async function openStdin(options: InputOptions, streamAbove: number): Promise<Opened> {
  const { readStdin, stdinStream } = options;
  if (!stdinStream && !readStdin) throw noStdin();
  const bytes: AsyncIterable<Uint8Array> = stdinStream
    ? stdinStream()
    : (async function* () {
        yield await readStdin!();
      })();
  const it = await gunzipIfNeeded(bytes, '-');
  const got = await peek(it, streamAbove);
  if ('whole' in got) return { ok: true, input: makeInput({ kind: 'stdin', source: '-', bytes: got.whole }) };
  return { ok: true, streamed: { kind: 'stdin', source: '-', chunks: got.stream, cancel: async () => void (await it.return?.()) } };
}

async function openUrl(target: string, options: ScrapeOptions | undefined, streamAbove: number): Promise<Opened> {
  const { redactEchoedSecrets, scrapeStream } = await network();
  const stream = await scrapeStream(target, options);
  try {
    textFormatOnly(stream);
  } catch (error) {
    await stream.cancel();
    throw error;
  }
  const it = stream.body[Symbol.asyncIterator]();
  const got = await peek(it, streamAbove);
  const { body: _body, summary: _summary, cancel: _cancel, facts: _facts, ...info } = stream;
  const contentType = stream.contentType ? { contentType: stream.contentType } : {};
  if ('whole' in got) {
    const summary = await stream.summary();
    const { text, echoed } = redactEchoedSecrets(stream, decodeText(got.whole));
    if (echoed) summary.facts.push({ kind: 'secret-echoed', where: 'body' });
    // A secret the server echoed is redacted in the bytes too: they are re-encoded from the text.
    const bytes = echoed ? Buffer.from(text, 'utf8') : got.whole;
    return { ok: true, input: urlInput({ ...info, body: text, bodyBytes: bytes, ...summary }, text) };
  }
  return {
    ok: true,
    streamed: {
      kind: 'url',
      source: stream.requestedUrl,
      ...contentType,
      chunks: got.stream,
      facts: async () => (await stream.summary()).facts,
      cancel: () => stream.cancel(),
    },
  };
}

/**
 * Like `readInputs`, but one input at a time, as the caller consumes them, with directories and
 * globs expanded, and inputs over `streamAbove` bytes come as a `StreamedInput` to be read chunk
 * by chunk.
 */
export async function* openInputs(targets: readonly string[], options: OpenOptions): AsyncGenerator<Opened> {
  const { cwd, progress } = options;
  const streamAbove = options.streamAbove ?? STREAM_ABOVE;
  let n = 0;
  const total = targets.length;
  try {
    for (const given of targets) {
      ++n;
      for (const target of await expandOrFail(cwd, given)) {
        if (total > 3) progress?.(`reading ${n}/${total} ${displayTarget(target)}`);
        let opened: Opened;
        try {
          if (typeof target !== 'string') throw target.error;
          if (target === '-') opened = await openStdin(options, streamAbove);
          else if (isUrl(target)) opened = await openUrl(target, options.scrape, streamAbove);
          else if (hasScheme(target)) throw unsupportedScheme(target);
          else opened = await openFile(cwd, target, streamAbove);
        } catch (error) {
          if (!(error instanceof InputError || error instanceof FetchError)) throw error;
          opened = { ok: false, source: displayTarget(target), error };
        }
        progress?.(undefined);
        yield opened;
      }
    }
    if (options.job !== undefined) {
      const job = await readInputs([], options);
      for (const outcome of job) yield outcome;
    }
  } finally {
    progress?.(undefined);
  }
}

function unsupportedScheme(target: string): InputError {
  const scheme = /^[^:]*/.exec(target)![0].toLowerCase();
  return new InputError(`cannot read ${target}: unsupported URL scheme \`${scheme}:\` (om reads http and https URLs, files and -)`);
}
