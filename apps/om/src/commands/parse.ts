// om parse: convert and canonicalise one exposition.
import { Command, Option } from '@commander-js/extra-typings';
import { convert, parse, serialize, toJSON, type Format } from '@omkit/parser';
import { formatConcise } from '@omkit/lint';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { readAllInputs } from '../inputs.js';
import type { Io } from '../io.js';
import type { Context } from '../main.js';
import { addScrapeFlags, scrapeOptions, type ScrapeFlags } from '../scrape-flags.js';

interface ParseFlags extends ScrapeFlags {
  to?: Format | 'json';
  formatIn: 'auto' | Format;
  output?: string;
}

export function parseCommand(ctx: Context): Command<any, any, any> {
  const cmd = new Command('parse')
    .description('parse one exposition and print it canonically, converted, or as JSON')
    .argument('<input>', 'a file (gzip ok), - for stdin, or an http(s) URL')
    .addOption(new Option('-t, --to <format>', 'output format (default: the input\'s format)').choices(['openmetrics', 'prometheus', 'json'] as const))
    .addOption(new Option('--format-in <format>', 'input format').choices(['auto', 'openmetrics', 'prometheus'] as const).default('auto' as const))
    .option('-o, --output <file>', 'write to a file instead of stdout');
  addScrapeFlags(cmd, { job: false }); // one input, not a job's N targets
  cmd.addHelpText(
    'after',
    `
Examples:
  $ om parse metrics.prom --to openmetrics
  $ om parse metrics.om --to prometheus > metrics.prom
  $ om parse metrics.prom.gz --to json | jq '.[].name'
  $ om fetch http://127.0.0.1:9100/metrics | om parse - --to json

Converting renames what the formats name differently (OpenMetrics counter \`x\` is Prometheus
\`x_total\`) and drops what the target cannot say (\`_created\`, exemplars and units in 0.0.4).
Syntax and conformance errors are printed on stderr (concise) and make the exit code 1; what
could be parsed is still printed. Exit 2: the input could not be read.`,
  );
  return cmd.action(async (input, opts) => {
    ctx.exitCode = await runParse(ctx.io, input, opts as ParseFlags, ctx.debug);
  });
}

async function runParse(io: Io, target: string, flags: ParseFlags, debug?: (line: string) => void): Promise<number> {
  if (flags.prometheusConfig !== undefined) throw new UsageError('om parse reads one input; --prometheus-config is not supported here');
  const [input] = await readAllInputs(io, [target], { flags, scrape: scrapeOptions(flags, io, debug) });
  const result = parse(input!.text, { format: flags.formatIn, ...(input!.contentType ? { contentType: input!.contentType } : {}) });
  const to = flags.to ?? result.format;
  const out =
    to === 'json'
      ? `${JSON.stringify(toJSON(result.families), null, 2)}\n`
      : serialize(convert(result.families, result.format, to), { format: to });
  if (flags.output !== undefined) await writeFile(resolve(io.cwd, flags.output), out, 'utf8');
  else io.stdout.write(out);
  const diagnostics = result.diagnostics.map((d) => ({ ...d, source: input!.source }));
  if (diagnostics.length) io.stderr.write(formatConcise([{ source: input!.source, diagnostics }], { color: io.stderr.color }));
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
