// om diff: two inputs (or one URL scraped twice) → @omkit/diff → formatter → exit code.
import { Command, Option } from '@commander-js/extra-typings';
import { changeKinds, diff, formatJson, formatMarkdown, formatText, hasChanges, parseChangeKinds, parseRelabel, parseTolerance, type DiffOptions } from '@omkit/diff';
import { serialize } from '@omkit/parser';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { isUrl, parseInput, readAllInputs, type Input } from '../inputs.js';
import { writeOutput, type Io } from '../io.js';
import { FORMAT_IN_CHOICES, type Context, type FormatIn } from '../context.js';
import { addScrapeFlags, scrapeOptions, warnInsecure, type ScrapeFlags } from '../scrape-flags.js';
import { parseDuration } from '../units.js';

interface DiffFlags extends ScrapeFlags {
  interval?: string;
  ignoreMetric?: string[];
  ignoreLabel?: string[];
  relabel?: string[];
  tolerance?: string[];
  only?: string[];
  failOn?: string[];
  format: 'text' | 'json' | 'markdown';
  writeGolden?: boolean;
  /** One format for both sides, or `a,b`. */
  formatIn: [FormatIn, FormatIn];
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), ...value.split(',').map((s) => s.trim()).filter(Boolean)];
const repeat = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function diffCommand(ctx: Context): Command<any, any, any> {
  const cmd = new Command('diff')
    .description('compare two expositions: families, metadata, series, values, rates, counter resets, cardinality')
    .argument('<a>', 'the before side: a file (gzip ok), - for stdin, or a URL')
    .argument('[b]', 'the after side (omit with --interval to scrape the URL <a> twice)')
    .option('--interval <duration>', 'seconds between the two sides, for rates; with one URL: scrape it, wait, scrape again')
    .option('--ignore-metric <glob>', 'leave out families and samples matching the glob (repeatable, comma-separated)', collect)
    .option('--ignore-label <name>', 'drop this label before comparing (repeatable, comma-separated)', collect)
    .option('--relabel <label=/regex/replacement/>', 'rewrite label values before comparing (repeatable; any delimiter after =)', repeat)
    .option('--tolerance <value>', 'value differences within this are not changes: 0.5 (absolute) or 1% (relative); repeatable', repeat)
    .addOption(new Option('--only <kinds>', `report only these kinds (comma-separated): ${changeKinds.join(', ')}`).argParser(collect))
    .addOption(new Option('--fail-on <kinds>', 'exit 1 only for these kinds (comma-separated; default: any change)').argParser(collect))
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json', 'markdown'] as const).default('text' as const))
    .option('--write-golden', 'overwrite the file <a> with <b> in canonical form (after printing the diff) and exit 0')
    .addOption(
      new Option('--format-in <format>', `input format of both sides, or of each as a,b (${FORMAT_IN_CHOICES.join(', ')})`)
        .argParser(formatsIn)
        .default(['auto', 'auto'] as [FormatIn, FormatIn], 'auto'),
    );
  addScrapeFlags(cmd, { job: false }); // two sides, not a job's N targets
  cmd.addHelpText(
    'after',
    `
Examples:
  $ om diff before.prom after.prom
  $ om diff http://127.0.0.1:9100/metrics --interval 15s
  $ om diff golden.prom http://127.0.0.1:8080/metrics --ignore-metric 'process_*' --only family-added,family-removed,type-changed
  $ om diff golden.prom http://127.0.0.1:8080/metrics --write-golden
  $ om diff a.prom b.prom --format markdown > comment.md

--format-in openmetrics,openmetrics-2.0 reads <a> as OpenMetrics 1.0 and <b> as 2.0 (a .om file
is read as 1.0 unless told; a URL's Content-Type says which).
When one side is OpenMetrics and the other Prometheus text, a family goes by its OpenMetrics name
(the 0.0.4 counter family \`x_total\` is \`x\`), so the same data in both formats compares equal.
OpenMetrics 2.0 histograms and summaries are compared as the 1.0 series they convert to (st@ as
_created), native histograms field by field (count, sum, zero, each bucket by index, layout).

Exit codes: 0 no change (of a --fail-on kind), 1 changes, 2 trouble.`,
  );
  return cmd.action(async (a, b, opts) => {
    ctx.exitCode = await runDiff(ctx.io, a, b, opts as DiffFlags, ctx.debug);
  });
}

function options(flags: DiffFlags, intervalSeconds: number | undefined): DiffOptions {
  const o: DiffOptions = {};
  if (flags.ignoreMetric?.length) o.ignoreMetrics = flags.ignoreMetric;
  if (flags.ignoreLabel?.length) o.ignoreLabels = flags.ignoreLabel;
  if (flags.relabel?.length) o.relabel = flags.relabel.map((text) => parseRelabel(text));
  if (flags.tolerance?.length) o.tolerance = parseTolerance(flags.tolerance);
  if (flags.only !== undefined) o.only = parseChangeKinds(flags.only, '--only');
  if (intervalSeconds !== undefined) o.intervalSeconds = intervalSeconds;
  return o;
}

/** `--format-in X` (both sides) or `X,Y` (`<a>`, `<b>`). */
function formatsIn(text: string): [FormatIn, FormatIn] {
  const parts = text.split(',').map((p) => p.trim());
  const bad = parts.find((p) => !(FORMAT_IN_CHOICES as readonly string[]).includes(p));
  if (parts.length > 2 || bad !== undefined) {
    throw new UsageError(`--format-in expects a format or two separated by a comma (one of ${FORMAT_IN_CHOICES.join(', ')}; received ${JSON.stringify(text)})`);
  }
  return [parts[0] as FormatIn, (parts[1] ?? parts[0]) as FormatIn];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runDiff(io: Io, a: string, b: string | undefined, flags: DiffFlags, debug?: (line: string) => void): Promise<number> {
  const intervalMs = flags.interval === undefined ? undefined : parseDuration('--interval', flags.interval);
  const failOn = flags.failOn === undefined ? undefined : parseChangeKinds(flags.failOn, '--fail-on');
  warnInsecure(flags, io);
  const read = { flags, scrape: scrapeOptions(flags, io, debug) };
  let before: Input;
  let after: Input;
  let intervalSeconds = intervalMs === undefined ? undefined : intervalMs / 1000;
  if (b === undefined) {
    if (intervalMs === undefined || !isUrl(a)) throw new UsageError('om diff needs two inputs, or one URL with --interval');
    const t0 = performance.now();
    [before] = await readAllInputs(io, [a], read);
    const wait = intervalMs - (performance.now() - t0);
    if (io.stderr.isTTY) io.stderr.write(`om: scraping ${a} again in ${flags.interval}…\n`);
    if (wait > 0) await sleep(wait);
    const t1 = performance.now();
    [after] = await readAllInputs(io, [a], read);
    intervalSeconds = (t1 - t0) / 1000; // the measured time between the two scrapes
  } else {
    const missingGolden = flags.writeGolden && !isUrl(a) && a !== '-' && !(await access(resolve(io.cwd, a)).then(() => true, () => false));
    [after] = await readAllInputs(io, [b], read);
    before = missingGolden ? { kind: 'file', source: a, path: resolve(io.cwd, a), bytes: new Uint8Array(0), text: '' } : (await readAllInputs(io, [a], read))[0]!;
  }
  const pa = parseInput(before!, flags.formatIn[0]);
  const pb = parseInput(after!, flags.formatIn[1]);
  for (const [input, result] of [[before!, pa], [after!, pb]] as const) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors) io.stderr.write(`om: warning: ${input.source} has ${errors} parse error${errors === 1 ? '' : 's'} (see om lint); comparing what could be parsed\n`);
  }
  const changes = diff(pa, pb, options(flags, intervalSeconds));
  const names = b === undefined ? { before: `${a} (first scrape)`, after: `${a} (+${intervalSeconds!.toFixed(1)}s)` } : { before: before!.source, after: after!.source };
  const out =
    flags.format === 'json'
      ? formatJson(changes)
      : flags.format === 'markdown'
        ? formatMarkdown(changes, { title: `Metrics diff: ${names.before} → ${names.after}` })
        : formatText(changes, { color: io.stdout.color, ...names });
  io.stdout.write(out);

  if (flags.writeGolden) {
    if (b === undefined || before!.kind !== 'file') throw new UsageError('--write-golden needs a file as <a> (the golden file) and a second input');
    await writeOutput(io, before!.path!, Buffer.from(serialize(pb.families, { format: pb.format }), 'utf8'));
    io.stderr.write(`om: wrote ${before!.source} from ${after!.source}\n`);
    return 0;
  }
  return hasChanges(changes, failOn) ? 1 : 0;
}
