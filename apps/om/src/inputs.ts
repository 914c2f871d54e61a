// Inputs of every command: a file (gzip read transparently), `-` for stdin, an http(s) URL
// scraped with @omkit/fetch, or every static target of a prometheus.yml job. Every input reaches
// the parser as the bytes it arrived in (so invalid UTF-8 is reported, OM020), with the evidence of
// its format (`formatHints`: the flag, the Content-Type, the file name). Directories and quoted
// globs are expanded here too (`expandTarget`).
import { constants as bufferConstants } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { ScrapeFact, ScrapeOptions, ScrapeResult } from '@omkit/fetch';
import { ConfigError, FetchError } from '@omkit/fetch/light';
import { lastLineIsEof, parse, type FormatHints, type FormatOption, type ParseResult } from '@omkit/parser';
import { InputError, UsageError } from './errors.js';
import { parsePositiveInt } from './units.js';
import type { Io } from './io.js';
import { Progress } from './io.js';
import type { ScrapeFlags } from './scrape-flags.js';

/** The scraping half of @omkit/fetch (HTTP, TLS, YAML), loaded when an input needs it: linting a file does not. */
function network(): Promise<typeof import('@omkit/fetch')> {
  return import('@omkit/fetch');
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

/** Largest decompressed size of a gzip file (a bomb stops here). */
const GUNZIP_LIMIT = 1024 ** 3;

export const isUrl = (target: string): boolean => /^https?:\/\//i.test(target);

/** `scheme://…` of any scheme: om reads only http and https (an `ftp://` target is no file name). */
const hasScheme = (target: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(target);

/**
 * The evidence of an input's format besides its text: `--format-in`, the Content-Type, the file
 * name, and for a streamed file how it ends.
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
function makeInput(fields: Omit<Input, 'text'>, known?: string): Input {
  let text = known;
  return Object.defineProperty({ ...fields } as Input, 'text', {
    enumerable: true,
    get: () => (text ??= decodeText(fields.bytes)),
  });
}

/** Prints a path relative to cwd (never absolute unless it lies on another root). */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel === '' ? '.' : rel.startsWith(sep) || /^[a-z]:/i.test(rel) ? abs : rel.split(sep).join('/');
}

/** The bytes of a whole input: gunzipped when gzip, and no larger than one string can hold. */
function whole(buf: Buffer, source: string): Buffer {
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

async function readFileInput(io: Io, target: string): Promise<Input> {
  const path = resolve(io.cwd, target);
  const source = displayPath(io.cwd, path);
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (cause as Error).message;
    throw new InputError(`cannot read ${source}: ${why}`, { cause });
  }
  return makeInput({ kind: 'file', source, path, bytes: whole(buf, source) });
}

export function urlInput(result: ScrapeResult, text?: string): Input {
  return makeInput({
    kind: 'url',
    source: result.requestedUrl,
    // The body's bytes as received (an older @omkit/fetch gives the text only).
    bytes: result.bodyBytes ?? Buffer.from(result.body, 'utf8'),
    ...(result.contentType ? { contentType: result.contentType } : {}),
    facts: result.facts,
    scrape: result,
  }, text);
}

export interface ReadOptions {
  flags: ScrapeFlags;
  scrape: ScrapeOptions;
  /** Expand directories and glob patterns into the files they hold (`expandTarget`); `openInputs` always does. */
  expand?: boolean;
}

/**
 * Reads every target in order, then the job's targets (in the config's order). A target that
 * fails yields `{ ok: false }` and does not stop the others.
 */
export async function readInputs(io: Io, targets: readonly string[], options: ReadOptions): Promise<Outcome[]> {
  const { flags } = options;
  const concurrency = checkTargets(targets, flags);
  const out: Outcome[] = [];
  const progress = new Progress(io);
  let n = 0;
  const total = targets.length;
  for (const given of targets) {
    ++n;
    for (const target of options.expand ? await expandOrFail(io, given) : [given]) {
      // Counted by the targets given: a directory or a glob is one, whatever it holds.
      if (total > 3) progress.update(`reading ${n}/${total} ${displayTarget(target)}`);
      try {
        if (typeof target !== 'string') throw target.error;
        if (target === '-') out.push({ ok: true, input: makeInput({ kind: 'stdin', source: '-', bytes: whole(await io.readStdin(), '-') }) });
        else if (isUrl(target)) out.push({ ok: true, input: urlInput(await (await network()).scrape(target, options.scrape)) });
        else if (hasScheme(target)) throw unsupportedScheme(target);
        else out.push({ ok: true, input: await readFileInput(io, target) });
      } catch (error) {
        if (!(error instanceof InputError || error instanceof FetchError)) throw error;
        out.push({ ok: false, source: displayTarget(target), error });
      }
    }
  }
  if (flags.prometheusConfig !== undefined) {
    const abs = resolve(io.cwd, flags.prometheusConfig);
    const { findJob, loadPrometheusConfig, scrapeJob } = await network();
    let config: Awaited<ReturnType<typeof loadPrometheusConfig>>;
    try {
      config = await loadPrometheusConfig(abs);
      if (!config.jobs.some((j) => j.name === flags.job)) findJob(config, flags.job!);
    } catch (error) {
      // Print the config's path as given, relative to cwd.
      if (error instanceof ConfigError) error.message = error.message.split(abs).join(displayPath(io.cwd, abs));
      throw error;
    }
    const order = new Map<string, number>();
    const got: { index: number; outcome: Outcome }[] = [];
    let done = 0;
    for await (const r of scrapeJob(config, flags.job, { overrides: options.scrape, ...(concurrency !== undefined ? { concurrency } : {}) })) {
      if (!order.has(r.url)) order.set(r.url, order.size);
      progress.update(`scraped ${++done} targets of job ${flags.job}`);
      got.push({
        index: config.jobs.find((j) => j.name === flags.job)!.targets.findIndex((t) => String(t.url) === String(r.target.url)),
        outcome: r.ok ? { ok: true, input: urlInput(r.result) } : { ok: false, source: r.url, error: r.error },
      });
    }
    got.sort((a, b) => a.index - b.index);
    for (const g of got) out.push(g.outcome);
  }
  progress.done();
  if (out.length === 0) throw new UsageError('no input: give a file, - for stdin, a URL, or --prometheus-config with --job');
  return out;
}

/** Like `readInputs`, but the first failure is thrown (for commands that need every input). */
export async function readAllInputs(io: Io, targets: readonly string[], options: ReadOptions): Promise<Input[]> {
  const outcomes = await readInputs(io, targets, options);
  const failed = outcomes.find((o) => !o.ok);
  if (failed && !failed.ok) throw failed.error;
  return outcomes.map((o) => (o as { input: Input }).input);
}

/** Inputs larger than this many bytes are streamed by `openInputs` (64 MiB). */
export const STREAM_ABOVE = 64 * 1024 * 1024;

export interface OpenOptions extends ReadOptions {
  /** Inputs over this many bytes are streamed instead of read whole (0: stream every input). */
  streamAbove?: number;
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

async function openFile(io: Io, target: string, streamAbove: number): Promise<Opened> {
  const path = resolve(io.cwd, target);
  const source = displayPath(io.cwd, path);
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

async function openStdin(io: Io, streamAbove: number): Promise<Opened> {
  const bytes: AsyncIterable<Uint8Array> = io.stdinStream
    ? io.stdinStream()
    : (async function* () {
        yield await io.readStdin();
      })();
  const it = await gunzipIfNeeded(bytes, '-');
  const got = await peek(it, streamAbove);
  if ('whole' in got) return { ok: true, input: makeInput({ kind: 'stdin', source: '-', bytes: got.whole }) };
  return { ok: true, streamed: { kind: 'stdin', source: '-', chunks: got.stream, cancel: async () => void (await it.return?.()) } };
}

async function openUrl(target: string, options: ScrapeOptions, streamAbove: number): Promise<Opened> {
  const { redactEchoedSecrets, scrapeStream } = await network();
  const stream = await scrapeStream(target, options);
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
 * What every command checks before it reads an input: the job flags and stdin given once. Returns
 * `--concurrency`, how many targets of the job are scraped at once (@omkit/fetch's default otherwise).
 */
function checkTargets(targets: readonly string[], flags: ScrapeFlags): number | undefined {
  if ((flags.prometheusConfig === undefined) !== (flags.job === undefined)) throw new UsageError('--prometheus-config and --job go together');
  const concurrency = jobConcurrency(flags);
  if (targets.filter((t) => t === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  return concurrency;
}

function jobConcurrency(flags: ScrapeFlags): number | undefined {
  if (flags.concurrency === undefined) return undefined;
  if (flags.job === undefined) throw new UsageError('--concurrency goes with --prometheus-config and --job');
  const n = parsePositiveInt('--concurrency', flags.concurrency);
  if (n < 1) throw new UsageError(`--concurrency expects at least 1 (received ${JSON.stringify(flags.concurrency)})`);
  return n;
}

/**
 * Like `readInputs`, but one input at a time, as the caller consumes them, and inputs over
 * `streamAbove` bytes come as a `StreamedInput` to be read chunk by chunk.
 */
export async function* openInputs(io: Io, targets: readonly string[], options: OpenOptions): AsyncGenerator<Opened> {
  const { flags } = options;
  const streamAbove = options.streamAbove ?? STREAM_ABOVE;
  checkTargets(targets, flags);
  if (targets.length === 0 && flags.prometheusConfig === undefined) throw new UsageError('no input: give a file, - for stdin, a URL, or --prometheus-config with --job');
  const progress = new Progress(io);
  let n = 0;
  const total = targets.length;
  try {
    for (const given of targets) {
      ++n;
      for (const target of await expandOrFail(io, given)) {
        if (total > 3) progress.update(`reading ${n}/${total} ${displayTarget(target)}`);
        let opened: Opened;
        try {
          if (typeof target !== 'string') throw target.error;
          if (target === '-') opened = await openStdin(io, streamAbove);
          else if (isUrl(target)) opened = await openUrl(target, options.scrape, streamAbove);
          else if (hasScheme(target)) throw unsupportedScheme(target);
          else opened = await openFile(io, target, streamAbove);
        } catch (error) {
          if (!(error instanceof InputError || error instanceof FetchError)) throw error;
          opened = { ok: false, source: displayTarget(target), error };
        }
        progress.done();
        yield opened;
      }
    }
    if (flags.prometheusConfig !== undefined) {
      const job = await readInputs(io, [], options);
      for (const outcome of job) yield outcome;
    }
  } finally {
    progress.done();
  }
}

function unsupportedScheme(target: string): InputError {
  const scheme = /^[^:]*/.exec(target)![0].toLowerCase();
  return new InputError(`cannot read ${target}: unsupported URL scheme \`${scheme}:\` (om reads http and https URLs, files and -)`);
}

// ---------------------------------------------------------------------------------------------
// Directories and globs

/**
 * The extensions of the exposition files a directory is searched for (each also with `.gz`).
 * `.prom` is read as Prometheus text and `.om` as OpenMetrics (their extension is evidence of the
 * format); `.txt` and `.metrics` are decided by their text.
 */
export const EXPOSITION_EXTENSIONS = ['.prom', '.om', '.txt', '.metrics'] as const;

const isExposition = (name: string): boolean => {
  const lower = name.toLowerCase();
  const base = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  return EXPOSITION_EXTENSIONS.some((ext) => base.endsWith(ext) && base.length > ext.length);
};

/** A target that expanded to nothing, or could not be expanded: reported as that target's failure. */
interface Failed {
  source: string;
  error: InputError;
}

const displayTarget = (target: string | Failed): string => (typeof target === 'string' ? target : target.source);

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * What one command-line target stands for, in order: `-`, a URL or a file as given; for a
 * directory, the exposition files under it (recursively, sorted; `.*` and `node_modules` skipped);
 * for a quoted glob (`'fixtures/**\/*.prom'`: `*`, `?`, `[…]`, `{a,b}`, `**` for any directories) that
 * names no existing file, the files it matches, sorted. A directory or pattern that yields nothing
 * is one failure.
 */
export async function expandTarget(io: Io, target: string): Promise<(string | Failed)[]> {
  if (target === '-' || hasScheme(target)) return [target];
  const path = resolve(io.cwd, target);
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    const files = (await walk(path, (rel) => isExposition(rel))).map((rel) => join(path, rel));
    if (files.length > 0) return sortedTargets(io, files);
    const shown = displayPath(io.cwd, path);
    return [{ source: shown, error: new InputError(`no exposition files in ${shown}/ (om looks for ${EXPOSITION_EXTENSIONS.join(', ')} and each with .gz)`) }];
  }
  if (info !== undefined || !GLOB_CHARS.test(target)) return [target];
  const files = await glob(io.cwd, target);
  if (files.length > 0) return sortedTargets(io, files);
  return [{ source: target, error: new InputError(`no files match ${target}`) }];
}

async function expandOrFail(io: Io, target: string): Promise<(string | Failed)[]> {
  try {
    return await expandTarget(io, target);
  } catch (cause) {
    return [{ source: target, error: new InputError(`cannot read ${target}: ${(cause as Error).message}`, { cause }) }];
  }
}

/** Absolute paths as targets relative to cwd (as reports print them), sorted by that name. */
function sortedTargets(io: Io, files: string[]): string[] {
  return files
    .map((file) => displayPath(io.cwd, file))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The files under `dir` (paths relative to it, `/`-separated) that `keep` accepts. Names starting
 * with `.` and `node_modules` are skipped (as eslint does), symlinked directories not followed.
 */
async function walk(dir: string, keep: (rel: string) => boolean, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const rel = prefix + entry.name;
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) isFile = (await stat(join(dir, entry.name)).catch(() => undefined))?.isFile() ?? false;
    if (entry.isDirectory()) out.push(...(await walk(join(dir, entry.name), keep, `${rel}/`)));
    else if (isFile && keep(rel)) out.push(rel);
  }
  return out;
}

/** The files a glob pattern matches, as absolute paths; relative patterns are relative to cwd. */
async function glob(cwd: string, pattern: string): Promise<string[]> {
  const normal = pattern.split(sep).join('/');
  const segments = normal.split('/');
  // The segments before the first one with a glob character name the directory to search.
  let fixed = 0;
  while (fixed < segments.length - 1 && !GLOB_CHARS.test(segments[fixed]!)) fixed++;
  const base = fixed === 0 ? (isAbsolute(normal) ? '/' : cwd) : resolve(cwd, segments.slice(0, fixed).join('/') || '/');
  const matcher = globRegExp(segments.slice(fixed));
  const info = await stat(base).catch(() => undefined);
  if (!info?.isDirectory()) return [];
  return (await walk(base, (rel) => matcher.test(rel))).map((rel) => join(base, rel));
}

/** A RegExp for `/`-separated relative paths from glob segments: `**` any directories, `*` `?` `[…]` `{a,b}` within a name. */
export function globRegExp(segments: readonly string[]): RegExp {
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentSource(segment) + (last ? '' : '/');
  });
  return new RegExp(`^${source}$`);
}

function segmentSource(segment: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|\\/{}\]]/g, '\\$&');
  }
  return out + ')'.repeat(braces);
}
