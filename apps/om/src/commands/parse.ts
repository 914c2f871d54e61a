// om parse: convert and canonicalise one exposition.
import { Command, Option } from '@commander-js/extra-typings';
import { convertText, escapingSchemes, toJSON, type ConversionNote, type EscapingScheme, type Format } from '@omkit/parser';
import { formatConcise } from '@omkit/lint';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { parseInput, readAllInputs } from '../inputs.js';
import { writeOutput, type Io } from '../io.js';
import { FORMAT_IN_CHOICES, type Context, type FormatIn } from '../context.js';
import { addScrapeFlags, scrapeOptions, type ScrapeFlags } from '../scrape-flags.js';

interface ParseFlags extends ScrapeFlags {
  to?: Format | 'json';
  escaping?: EscapingScheme;
  formatIn: FormatIn;
  output?: string;
}

export function parseCommand(ctx: Context): Command<any, any, any> {
  const cmd = new Command('parse')
    .description('parse one exposition and print it canonically, converted, or as JSON')
    .argument('<input>', 'a file (gzip ok), - for stdin, or an http(s) URL')
    .addOption(new Option('-t, --to <format>', 'output format (default: the input\'s format)').choices(['openmetrics', 'openmetrics-2.0', 'prometheus', 'json'] as const))
    .addOption(
      new Option('--escaping <scheme>', 'write names outside the legacy character set escaped (UTF-8 names guide), or quoted with allow-utf-8').choices(
        escapingSchemes,
      ),
    )
    .addOption(new Option('--format-in <format>', 'input format').choices(FORMAT_IN_CHOICES).default('auto' as const))
    .option('-o, --output <file>', 'write to a file instead of stdout');
  addScrapeFlags(cmd, { job: false }); // one input, not a job's N targets
  cmd.addHelpText(
    'after',
    `
Examples:
  $ om parse metrics.prom --to openmetrics
  $ om parse metrics.om --to prometheus > metrics.prom
  $ om parse metrics.om --to openmetrics-2.0 > metrics.om2
  $ om parse metrics.prom.gz --to json | jq '.[].name'
  $ om fetch http://127.0.0.1:9100/metrics | om parse - --to json

Converting renames what the formats name differently (OpenMetrics counter \`x\` is Prometheus
\`x_total\`). To 0.0.4, OpenMetrics-only parts are written as client_python does: \`_created\`
(and \`_gsum\`/\`_gcount\`) samples become gauge families \`x_created\`, info \`x\` is gauge
\`x_info\`, stateset is gauge, gaugehistogram is histogram; exemplars and units are left out
(said on stderr) and timestamps become milliseconds. OpenMetrics output writes \`le\`/\`quantile\`
canonically (\`1.0\`, \`+Inf\`).

To OpenMetrics 2.0 (rc0, per its migration guide): a counter family is named with its
\`_total\` (a 0.0.4 name is kept as it is), an info family with its \`_info\`; the lines of one
histogram, gauge histogram or summary point become one composite value
(\`{count:…,sum:…,bucket:[…,+Inf:…]}\`), \`_created\` becomes \`st@\`, bucket exemplars the sample's.
A histogram without \`_sum\` is written \`sum:NaN\` and exemplars without a timestamp are left out
(said on stderr). From 2.0, composite values become classic lines and \`st@\` \`_created\`; 1.0
keeps one exemplar per counter sample and per bucket, and no histogram Sum beside negative
buckets (said on stderr). Native histogram buckets have no 1.0 or 0.0.4 form: a histogram with
only native buckets is refused; one with classic buckets too keeps those (said on stderr).

om never renames or drops a family silently. It refuses (exit 2, one line per problem on
stderr, nothing on stdout) when the output would not be valid in the target format:
  - families that end up with one name or clash on sample names (a gauge \`x\` beside a
    counter \`x_total\`: both are \`x\` in OpenMetrics 1.0), as no lossless renaming exists;
  - names outside the legacy character set \`[a-zA-Z_:][a-zA-Z0-9_:]*\` (labels: no \`:\`),
    which neither OpenMetrics 1.0 nor 0.0.4 has (2.0 quotes them), unless --escaping says how
    to write them:
      underscores  each other character becomes \`_\` (\`my.metric\` → \`my_metric\`)
      dots         \`.\` → \`_dot_\`, \`_\` → \`__\` (\`my.metric\` → \`my_dot_metric\`)
      values       \`U__\` + code points (\`my.metric\` → \`U__my_2e_metric\`), reversible
      allow-utf-8  keep them quoted (\`{"my.metric"}\`), for Prometheus 3 consumers only
    A legal name is never changed; suffixes (\`_total\`, \`_bucket\`) are kept as they are;
  - OpenMetrics 2.0 native histograms without classic buckets, to 1.0 or 0.0.4; a summary
    without \`_count\` and \`_sum\`, to 2.0, which requires both;
  - anything else om's parser would reject in the written text (a timestamp outside 0.0.4's
    int64 milliseconds, a quantile outside [0, 1] in OpenMetrics, …).
Syntax and conformance errors of the input are printed on stderr (concise) and make the exit
code 1; what could be parsed is still printed. Exit 2: the input could not be read, or the
conversion was refused.`,
  );
  return cmd.action(async (input, opts) => {
    ctx.exitCode = await runParse(ctx.io, input, opts as ParseFlags, ctx.debug);
  });
}

async function runParse(io: Io, target: string, flags: ParseFlags, debug?: (line: string) => void): Promise<number> {
  if (flags.prometheusConfig !== undefined) throw new UsageError('om parse reads one input; --prometheus-config is not supported here');
  const [input] = await readAllInputs(io, [target], { flags, scrape: scrapeOptions(flags, io, debug) });
  const result = parseInput(input!, flags.formatIn);
  const to = flags.to ?? result.format;
  const diagnostics = result.diagnostics.map((d) => ({ ...d, source: input!.source }));
  const invalid = diagnostics.some((d) => d.severity === 'error');
  let out: string;
  if (to === 'json') out = `${JSON.stringify(toJSON(result.families), null, 2)}\n`;
  else {
    // Input with errors is printed as far as it could be parsed; valid input is converted to valid
    // output or not at all.
    const conversion = convertText(result.families, result.format, to, { check: !invalid, ...(flags.escaping ? { escaping: flags.escaping } : {}) });
    if (conversion.text === undefined) {
      if (diagnostics.length) io.stderr.write(formatConcise([{ source: input!.source, diagnostics }], { color: io.stderr.color }));
      io.stderr.write(refusal(conversion.problems, to));
      return 2;
    }
    for (const note of conversion.dropped) io.stderr.write(`om: ${note.message}\n`);
    out = conversion.text;
  }
  if (flags.output !== undefined) await writeOutput(io, resolve(io.cwd, flags.output), Buffer.from(out, 'utf8'));
  else io.stdout.write(out);
  if (diagnostics.length) io.stderr.write(formatConcise([{ source: input!.source, diagnostics }], { color: io.stderr.color }));
  return invalid ? 1 : 0;
}

const TARGET: Record<Format, string> = { openmetrics: 'OpenMetrics', 'openmetrics-2.0': 'OpenMetrics 2.0', prometheus: 'Prometheus text 0.0.4' };

/** Why the conversion was refused: a heading, one line per problem, the way out. */
function refusal(problems: readonly ConversionNote[], to: Format): string {
  let text = `om: cannot write valid ${TARGET[to]}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}, nothing written\n`;
  for (const p of problems) text += `  ${p.message}\n`;
  if (problems.some((p) => p.kind === 'escaping'))
    text += `om: choose how to write such names with --escaping underscores|dots|values (or allow-utf-8 to keep them quoted)\n`;
  if (problems.some((p) => p.kind === 'native'))
    text += `om: keep histograms with only native buckets in OpenMetrics 2.0 (--to openmetrics-2.0), or have the exporter expose classic buckets beside them\n`;
  if (problems.some((p) => p.kind === 'clash'))
    text += `om: no lossless renaming exists for clashing families: remove one of each pair from the input\n`;
  return text;
}
