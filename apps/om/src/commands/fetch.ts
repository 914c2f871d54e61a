// om fetch: scrape a target as Prometheus does; the body goes to stdout, everything else to stderr.
import { Command } from '@commander-js/extra-typings';
import type { ScrapeFact } from '@omkit/fetch';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { isUrl, readInputs } from '../inputs.js';
import { paint, type Io } from '../io.js';
import type { Context } from '../main.js';
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
    .option('-o, --output <file>', 'write the body to a file instead of stdout')
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
  $ om fetch --prometheus-config prometheus.yml --job node -o node.prom

Secrets are read only from files or the environment (OM_BEARER_TOKEN, OM_BASIC_PASSWORD,
OM_OAUTH2_CLIENT_SECRET) and never printed.
Exit codes: 0 scraped, 1 the scrape failed (non-200, refused, timeout, token rejected), 2 usage or config error.`,
  );
  return cmd.action(async (url, opts) => {
    ctx.exitCode = await runFetch(ctx.io, url, opts as FetchFlags, ctx.debug);
  });
}

function describeFact(f: ScrapeFact): string {
  const { kind, ...rest } = f;
  const details = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${kind}${details ? ` (${details})` : ''}`;
}

const ms = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(1)} ms`);

async function runFetch(io: Io, url: string | undefined, flags: FetchFlags, debug?: (line: string) => void): Promise<number> {
  if (url !== undefined && !isUrl(url)) throw new UsageError(`om fetch expects an http(s) URL (received ${JSON.stringify(url)})`);
  if (url === undefined && flags.prometheusConfig === undefined) throw new UsageError('om fetch needs a URL, or --prometheus-config with --job');
  warnInsecure(flags, io);
  const outcomes = await readInputs(io, url === undefined ? [] : [url], { flags, scrape: scrapeOptions(flags, io, debug) });
  const err = io.stderr;
  let failed = false;
  const bodies: string[] = [];
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
    if (flags.timings) {
      const t = r.timings;
      const size = r.compressedBytes === undefined ? `${r.bytes} bytes` : `${r.bytes} bytes (${r.compressedBytes} gzip)`;
      err.write(`dns ${ms(t.dns)}  connect ${ms(t.connect)}  tls ${ms(t.tls)}  first byte ${ms(t.firstByte)}  total ${ms(t.total)}  ${size}\n`);
    }
    if (flags.showHeaders) for (const f of r.facts) if (f.kind !== 'insecure-tls') err.write(`om: ${paint(err, 'yellow', 'note')}: ${describeFact(f)}\n`);
    bodies.push(r.body);
  }
  const body = bodies.join('');
  if (flags.output !== undefined) await writeFile(resolve(io.cwd, flags.output), body, 'utf8');
  else io.stdout.write(body);
  return failed ? 1 : 0;
}
