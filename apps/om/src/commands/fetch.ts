// om fetch: scrape a target as Prometheus does; the body goes to stdout, everything else to stderr.
import { Command } from '@commander-js/extra-typings';
import type { ScrapeResult } from '@omkit/fetch';
import { describeFact, describeTimings, refusedContentType, targetFileName } from '@omkit/fetch/light';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { decodeText, displayPath, isUrl, readInputs } from '../inputs.js';
import { paint, writeOutput, type Io } from '../io.js';
import type { Context } from '../context.js';
import { addScrapeFlags, scrapeOptions, warnInsecure, type ScrapeFlags } from '../scrape-flags.js';

interface FetchFlags extends ScrapeFlags {
  output?: string;
  showHeaders?: boolean;
  timings?: boolean;
}

export function fetchCommand(ctx: Context): Command<any, any, any> {
  const cmd = new Command('fetch')
    .description('scrape a metrics endpoint as Prometheus does and print the body')
    .argument('[url]', 'http(s) URL (or use --prometheus-config with --job)')
    .option('-o, --output <path>', 'write the body to a file instead of stdout; with --job, or when <path> is a directory: one file per target in that directory')
    .option('--show-headers', 'print the status line, response headers and scrape notes on stderr')
    .option('--timings', 'print DNS, connect, TLS, first-byte and total times on stderr');
  addScrapeFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ om fetch http://127.0.0.1:9100/metrics
  $ om fetch http://127.0.0.1:9100/metrics | om lint -
  $ om fetch https://app.example.com/metrics --bearer-token-file token.txt --show-headers
  $ om fetch https://app.example.com/metrics --oauth2-client-id om \\
      --oauth2-client-secret-file secret.txt --oauth2-token-url https://idp.example.com/token
  $ om fetch --prometheus-config prometheus.yml --job node -o scrapes/
      (one file per target: scrapes/10.0.0.1_9100_metrics.prom, scrapes/10.0.0.2_9100_metrics.om, …)

Secrets are read only from files or the environment (OM_BEARER_TOKEN, OM_BASIC_PASSWORD,
OM_OAUTH2_CLIENT_SECRET) and never printed; a secret file that is empty is an error.
Response headers over 10 MiB (Go's http.Transport default, which Prometheus has) fail the scrape.
A body whose Content-Type Prometheus 3 refuses (missing, or not text/plain, application/openmetrics-text
or application/vnd.google.protobuf) is a failed scrape, as in Prometheus, unless --fallback-scrape-protocol
says how to read it.
Exit codes: 0 scraped, 1 the scrape failed (non-200, refused, timeout, token rejected, Content-Type
refused), 2 usage or config error.`,
  );
  return cmd.action(async (url, opts) => {
    ctx.exitCode = await runFetch(ctx.io, url, opts as FetchFlags, ctx.debug);
  });
}

/** What `-o` names: nothing (stdout), one file, or a directory with one file per target. */
type Output = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'dir'; path: string };

async function outputOf(io: Io, flags: FetchFlags): Promise<Output> {
  if (flags.output === undefined) return { kind: 'stdout' };
  const path = resolve(io.cwd, flags.output);
  const info = await stat(path).catch(() => undefined);
  if (flags.prometheusConfig !== undefined) {
    // A job has several targets, each with its own format: never one file for all of them.
    if (info !== undefined && !info.isDirectory())
      throw new UsageError(`-o ${flags.output} is a file, but with --job -o names a directory that gets one file per target`);
    return { kind: 'dir', path };
  }
  // `-o out/` names a directory even before it exists.
  return info?.isDirectory() || /[\\/]$/.test(flags.output) ? { kind: 'dir', path } : { kind: 'file', path };
}

/** The one line om fetch prints when Prometheus 3 would refuse the body for its Content-Type (what makes `om lint` report OM301 as an error). */
function contentTypeRefusal(r: ScrapeResult): string | undefined {
  const what = refusedContentType(r.facts);
  if (what === undefined) return undefined;
  return `${r.requestedUrl} ${what}, so Prometheus 3 fails this scrape; the server should send \`text/plain; version=0.0.4\` or \`application/openmetrics-text; version=1.0.0\`, or add --fallback-scrape-protocol PrometheusText0.0.4 to read the body anyway`;
}

async function runFetch(io: Io, url: string | undefined, flags: FetchFlags, debug?: (line: string) => void): Promise<number> {
  if (url !== undefined && !isUrl(url)) throw new UsageError(`om fetch expects an http(s) URL (received ${JSON.stringify(url)})`);
  if (url === undefined && flags.prometheusConfig === undefined) throw new UsageError('om fetch needs a URL, or --prometheus-config with --job');
  warnInsecure(flags, io);
  const output = await outputOf(io, flags);
  const outcomes = await readInputs(io, url === undefined ? [] : [url], { flags, scrape: scrapeOptions(flags, io, debug) });
  const err = io.stderr;
  let failed = false;
  // Bodies as the bytes that arrived: om fetch passes them on unchanged (invalid UTF-8 included).
  const bodies: Uint8Array[] = [];
  const written = new Set<string>();
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      err.write(`om: ${outcome.error.message}\n`);
      failed = true;
      continue;
    }
    const r = outcome.input.scrape!;
    if (outcomes.length > 1) err.write(`${paint(err, 'bold', `== ${r.requestedUrl}`)}\n`);
    if (flags.showHeaders) {
      for (const h of r.redirects) err.write(`${paint(err, 'dim', `${h.status} ${h.from} → ${h.to}`)}\n`);
      err.write(`${paint(err, r.status === 200 ? 'green' : 'red', `HTTP ${r.status} ${r.statusText}`.trimEnd())}\n`);
      for (const [k, v] of Object.entries(r.headers)) err.write(`${paint(err, 'cyan', k)}: ${v}\n`);
      err.write('\n');
    }
    if (flags.timings) err.write(`${describeTimings(r)}\n`);
    if (flags.showHeaders) for (const f of r.facts) if (f.kind !== 'insecure-tls') err.write(`om: ${paint(err, 'yellow', 'note')}: ${describeFact(f)}\n`);
    const refusal = contentTypeRefusal(r);
    if (refusal !== undefined) {
      err.write(`om: ${refusal}\n`);
      failed = true;
      continue;
    }
    const bytes = outcome.input.bytes;
    if (output.kind !== 'dir') {
      bodies.push(bytes);
      continue;
    }
    // Two targets with the same name (a job listing one address twice) get -2, -3, … suffixes.
    let name = targetFileName(r.requestedUrl, r.format);
    for (let n = 2; written.has(name); n++) name = targetFileName(r.requestedUrl, r.format).replace(/(\.[a-z]+)$/, `-${n}$1`);
    written.add(name);
    const file = join(output.path, name);
    await writeOutput(io, file, bytes, output.path);
    err.write(`om: wrote ${displayPath(io.cwd, file)} (${r.requestedUrl})\n`);
  }
  const all = Buffer.concat(bodies);
  if (output.kind === 'file') {
    if (bodies.length > 0 || !failed) await writeOutput(io, output.path, all);
  } else if (output.kind === 'stdout' && all.length > 0) {
    if (io.stdout.writeBytes) io.stdout.writeBytes(all);
    else io.stdout.write(decodeText(all));
  }
  return failed ? 1 : 0;
}
