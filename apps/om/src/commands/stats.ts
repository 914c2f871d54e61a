// om stats: series, samples and label cardinality of expositions.
import { Command, Option } from '@commander-js/extra-typings';
import { parseInput, readInputs } from '../inputs.js';
import { paint, type Io } from '../io.js';
import { FORMAT_IN_CHOICES, type Context, type FormatIn } from '../context.js';
import { addScrapeFlags, scrapeOptions, type ScrapeFlags } from '../scrape-flags.js';
import { computeStats, type Stats } from '@omkit/diff';
import { parsePositiveInt } from '../units.js';

interface StatsFlags extends ScrapeFlags {
  format: 'text' | 'json';
  top: string;
  formatIn: FormatIn;
}

export function statsCommand(ctx: Context): Command<any, any, any> {
  const cmd = new Command('stats')
    .description('series and sample counts, cardinality per family and per label, sizes')
    .argument('[inputs...]', 'files (gzip ok), - for stdin, or http(s) URLs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json'] as const).default('text' as const))
    .option('--top <n>', 'families and labels to show in the text format', '10')
    .addOption(new Option('--format-in <format>', 'input format').choices(FORMAT_IN_CHOICES).default('auto' as const));
  addScrapeFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ om stats metrics.prom
  $ om stats http://127.0.0.1:9100/metrics --top 20
  $ om stats --format json metrics.prom | jq '.[0].series'

The JSON format lists every family and label (not only the top N).
A series is one sample name and label set, as Prometheus stores it; an OpenMetrics 2.0 histogram or
summary counts as the 1.0 series it converts to, a native histogram as one series, and its populated
buckets (the ones its spans list) as native buckets.`,
  );
  return cmd.action(async (inputs, opts) => {
    ctx.exitCode = await runStats(ctx.io, inputs, opts as StatsFlags, ctx.debug);
  });
}

const num = (n: number) => n.toLocaleString('en-US');

function table(rows: string[][], io: Io, align: string): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r, n) => {
      const line = r.map((c, i) => (align[i] === 'l' ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
      return `  ${n === 0 ? paint(io.stdout, 'bold', line) : line}\n`;
    })
    .join('');
}

function text(s: Stats, top: number, io: Io): string {
  let out = `${paint(io.stdout, 'bold', s.source)} (${s.format})\n`;
  out += `  ${num(s.bytes)} bytes, ${num(s.lines)} lines, ${num(s.families)} families, ${num(s.series)} series, ${num(s.samples)} samples, ${num(s.exemplars)} exemplars`;
  // OpenMetrics 2.0 native histograms: one series each; their populated buckets counted apart.
  if (s.nativeBuckets) out += `, ${num(s.nativeBuckets)} native buckets`;
  out += s.errors ? `, ${paint(io.stdout, 'red', `${num(s.errors)} parse errors`)}\n` : '\n';
  if (s.byFamily.length) {
    out += `\n  Top families by series\n`;
    const shown = s.byFamily.slice(0, top);
    const labels = (f: Stats['byFamily'][number]) => Object.entries(f.labels).map(([k, v]) => `${k}=${v}`).join(' ');
    if (s.nativeBuckets) {
      out += table([['family', 'type', 'series', 'samples', 'native buckets', 'labels (distinct values)'], ...shown.map((f) => [f.name, f.type, num(f.series), num(f.samples), num(f.nativeBuckets), labels(f)])], io, 'llrrrl');
    } else {
      out += table([['family', 'type', 'series', 'samples', 'labels (distinct values)'], ...shown.map((f) => [f.name, f.type, num(f.series), num(f.samples), labels(f)])], io, 'llrrl');
    }
  }
  if (s.byLabel.length) {
    out += `\n  Top labels by distinct values\n`;
    out += table([['label', 'values', 'series', 'families'], ...s.byLabel.slice(0, top).map((l) => [l.name, num(l.values), num(l.series), num(l.families)])], io, 'lrrr');
  }
  return out;
}

async function runStats(io: Io, targets: string[], flags: StatsFlags, debug?: (line: string) => void): Promise<number> {
  const top = parsePositiveInt('--top', flags.top);
  // As `om lint`: an input that cannot be read is one line on stderr and exit 2; the others are reported.
  const outcomes = await readInputs(io, targets, { flags, scrape: scrapeOptions(flags, io, debug), expand: true });
  const all: Stats[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      io.stderr.write(`om: ${outcome.error.message}\n`);
      continue;
    }
    const i = outcome.input;
    all.push(computeStats(i.source, i.text, parseInput(i, flags.formatIn)));
  }
  if (all.length === 0) return 2; // every input failed: the error lines are the whole output
  if (flags.format === 'json') io.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  else io.stdout.write(all.map((s) => text(s, top, io)).join('\n'));
  return all.length === outcomes.length ? 0 : 2;
}
