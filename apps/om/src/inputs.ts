// Inputs of every command: a file (gzip read transparently), `-` for stdin, an http(s) URL
// scraped with @omkit/fetch, or every static target of a prometheus.yml job.
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ConfigError, FetchError, findJob, loadPrometheusConfig, scrape, scrapeJob, type ScrapeFact, type ScrapeOptions, type ScrapeResult } from '@omkit/fetch';
import { InputError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { Progress } from './io.js';
import type { ScrapeFlags } from './scrape-flags.js';

export interface Input {
  kind: 'file' | 'stdin' | 'url';
  /** What reports print: the path relative to cwd, `-`, or the URL. */
  source: string;
  /** Absolute path, for files. */
  path?: string;
  text: string;
  /** From the HTTP response, for URLs. */
  contentType?: string;
  facts?: ScrapeFact[];
  scrape?: ScrapeResult;
}

export type Outcome = { ok: true; input: Input } | { ok: false; source: string; error: Error };

/** Largest decompressed size of a gzip file (a bomb stops here). */
const GUNZIP_LIMIT = 1024 ** 3;

export const isUrl = (target: string): boolean => /^https?:\/\//i.test(target);

/** Prints a path relative to cwd (never absolute unless it lies on another root). */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel === '' ? '.' : rel.startsWith(sep) || /^[a-z]:/i.test(rel) ? abs : rel.split(sep).join('/');
}

function decode(buf: Buffer, source: string): string {
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf, { maxOutputLength: GUNZIP_LIMIT });
    } catch (cause) {
      throw new InputError(`${source}: cannot decompress gzip data: ${(cause as Error).message}`, { cause });
    }
  }
  return buf.toString('utf8');
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
  return { kind: 'file', source, path, text: decode(buf, source) };
}

export function urlInput(result: ScrapeResult): Input {
  return {
    kind: 'url',
    source: result.requestedUrl,
    text: result.body,
    ...(result.contentType ? { contentType: result.contentType } : {}),
    facts: result.facts,
    scrape: result,
  };
}

export interface ReadOptions {
  flags: ScrapeFlags;
  scrape: ScrapeOptions;
}

/**
 * Reads every target in order, then the job's targets (in the config's order). A target that
 * fails yields `{ ok: false }` and does not stop the others.
 */
export async function readInputs(io: Io, targets: readonly string[], options: ReadOptions): Promise<Outcome[]> {
  const { flags } = options;
  if ((flags.prometheusConfig === undefined) !== (flags.job === undefined)) throw new UsageError('--prometheus-config and --job go together');
  if (targets.filter((t) => t === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  const out: Outcome[] = [];
  const progress = new Progress(io);
  let n = 0;
  const total = targets.length;
  for (const target of targets) {
    if (total > 3) progress.update(`reading ${++n}/${total} ${target}`);
    try {
      if (target === '-') out.push({ ok: true, input: { kind: 'stdin', source: '-', text: decode(await io.readStdin(), '-') } });
      else if (isUrl(target)) out.push({ ok: true, input: urlInput(await scrape(target, options.scrape)) });
      else out.push({ ok: true, input: await readFileInput(io, target) });
    } catch (error) {
      if (!(error instanceof InputError || error instanceof FetchError)) throw error;
      out.push({ ok: false, source: target, error });
    }
  }
  if (flags.prometheusConfig !== undefined) {
    const abs = resolve(io.cwd, flags.prometheusConfig);
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
    for await (const r of scrapeJob(config, flags.job, { overrides: options.scrape })) {
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
