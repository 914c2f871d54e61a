// om lint: inputs → parse → lint → formatter → exit code. The work is @omkit/lint's.
import { Command, Option } from '@commander-js/extra-typings';
import type { Severity } from '@omkit/parser';
import { catalog, ConfigError, createBaseline, defaultFormat, exitCode, formatNames, formatSummary, formatters, isParserCode, lint, lintReport, lintStream, OptionError, PRESETS, summarize, type FormatName, type LintedInput } from '@omkit/lint';
import { FixRun, FixWriteError, lintSetup, writeBaseline } from '@omkit/lint/node';
import { FetchError } from '@omkit/fetch/light';
import { resolve } from 'node:path';
import { FORMAT_IN_CHOICES, type Context, type FormatIn } from '../context.js';
import { InputError, UsageError } from '../errors.js';
import { displayPath, formatHints, openInputs, parseInput } from '../inputs.js';
import { writeOutput, type Io } from '../io.js';
import { addScrapeFlags, scrapeOptions, warnInsecure, type ScrapeFlags } from '../scrape-flags.js';
import { parsePositiveInt } from '../units.js';
import { VERSION } from '../version.js';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function lintCommand(ctx: Context): Command<any, any, any> {
  const cmd = new Command('lint')
    .description('check expositions for syntax errors, OpenMetrics conformance and naming practice')
    .argument('[inputs...]', 'files (gzip ok), - for stdin, or http(s) URLs')
    .addOption(new Option('-f, --format <name>', 'output format (default: full on a terminal, concise otherwise, github under GitHub Actions; env OM_FORMAT)').choices(formatNames))
    .option('-o, --output-file <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'config file (default: nearest om.config.json or .omrc.json)')
    .addOption(new Option('--preset <name>', 'start from a preset instead of the config\'s `extends` (repeatable)').choices(PRESETS).argParser(collect))
    .option('--rule <CODE=severity>', 'set a rule\'s severity: off, info, warning or error (repeatable)', collect)
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes the exit code 1').choices(['error', 'warning', 'info'] as const).default('error' as const))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--exit-zero', 'exit 0 even when there are findings (2 still means trouble)')
    .option('--baseline <file>', 'report only findings not accepted in this baseline file')
    .option('--write-baseline', 'accept every current finding: write them to the baseline file and exit 0')
    .option('--max-diagnostics <n>', 'show at most this many findings in the full and concise formats')
    .addOption(new Option('--format-in <format>', 'input format').choices(FORMAT_IN_CHOICES).default('auto' as const))
    .option('--stream', 'lint family by family in bounded memory (automatic for inputs over 64 MiB; no fixes, no code frames)')
    .option('--fix', 'apply the safe fixes: rewrite each file in place (stdin: print the fixed text); the exit code is for what remains')
    .option('--diff', 'print what --fix would change as a unified diff and write nothing; exit 1 if there would be changes')
    .option('--unsafe-fixes', 'with --fix or --diff, also apply fixes marked unsafe')
    .option('--statistics', 'print a count of findings per rule (most first) instead of the findings; JSON with --format json');
  addScrapeFlags(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ om lint metrics.prom
  $ om lint --format json metrics.prom > report.json
  $ curl -s localhost:9100/metrics | om lint -
  $ om lint https://app.example.com/metrics --bearer-token-file token.txt
  $ om lint --prometheus-config prometheus.yml --job node
  $ om lint --rule OM201=off --fail-on warning metrics.prom
  $ om lint --format sarif metrics.prom > om.sarif
  $ om lint --fix metrics.om
  $ om lint --diff metrics.om
  $ om lint --statistics node_exporter.prom

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, config, read or fetch error.`,
  );
  return cmd.action(async (targets, opts) => {
    ctx.exitCode = await runLint(ctx.io, targets, opts as LintFlags, ctx.debug);
  });
}

interface LintFlags extends ScrapeFlags {
  format?: FormatName;
  outputFile?: string;
  config?: string;
  preset?: string[];
  rule?: string[];
  failOn: Severity;
  maxWarnings?: string;
  exitZero?: boolean;
  baseline?: string;
  writeBaseline?: boolean;
  maxDiagnostics?: string;
  formatIn: FormatIn;
  stream?: boolean;
  fix?: boolean;
  diff?: boolean;
  unsafeFixes?: boolean;
  statistics?: boolean;
}

async function runLint(io: Io, targets: string[], flags: LintFlags, debug?: (line: string) => void): Promise<number> {
  const format = flags.format ?? usage(io, () => defaultFormat(io.env, io.stdout.isTTY === true));
  const maxWarnings = flags.maxWarnings === undefined ? Infinity : parsePositiveInt('--max-warnings', flags.maxWarnings);
  const maxDiagnostics = flags.maxDiagnostics === undefined ? Infinity : parsePositiveInt('--max-diagnostics', flags.maxDiagnostics);
  const setup = await usage(io, () =>
    lintSetup({ cwd: io.cwd, configPath: flags.config, presets: flags.preset, rules: flags.rule, baseline: flags.baseline, writeBaseline: flags.writeBaseline }),
  );
  if (flags.fix && flags.diff) throw new UsageError('--fix and --diff do not go together: --diff shows what --fix would write');
  if (flags.unsafeFixes && !flags.fix && !flags.diff) throw new UsageError('--unsafe-fixes needs --fix or --diff');
  if ((flags.fix || flags.diff) && flags.writeBaseline) throw new UsageError('--write-baseline does not go with --fix or --diff');
  // stdin's fixed text is the product on stdout: no report of other inputs may mix with it.
  if (flags.fix && targets.includes('-') && (targets.length > 1 || flags.prometheusConfig !== undefined))
    throw new UsageError('--fix with - (stdin) prints the fixed text on stdout and takes no other input');
  const note = (line: string) => io.stderr.write(`om: ${line}\n`);
  const fixing = flags.fix || flags.diff ? new FixRun({ mode: flags.diff ? 'diff' : 'fix', unsafe: flags.unsafeFixes === true, write: (t) => io.stdout.write(t), note }) : undefined;
  warnInsecure(flags, io);
  let trouble = false;
  const results: LintedInput[] = [];
  const options = { config: setup.config, ...(setup.baseline ? { baseline: setup.baseline } : {}) };
  for await (const outcome of openInputs(io, targets, { flags, scrape: scrapeOptions(flags, io, debug), ...(flags.stream ? { streamAbove: 0 } : {}) })) {
    if (!outcome.ok) {
      note(outcome.error.message);
      trouble = true;
    } else if ('streamed' in outcome) {
      const input = outcome.streamed;
      fixing?.skip(input.source, 'too large to hold (streamed)');
      try {
        results.push(await lintStream(input.chunks, { ...options, compact: true, source: input.source, hints: formatHints(input, flags.formatIn), ...(input.facts ? { facts: input.facts } : {}) }));
      } catch (error) {
        await input.cancel().catch(() => {});
        if (!(error instanceof InputError || error instanceof FetchError)) throw error;
        note(error.message);
        trouble = true;
      }
    } else {
      const { input } = outcome;
      // The parser reads the bytes (invalid UTF-8 is OM020); the text, decoded after, is for spans, fixes and OM301.
      const parsed = parseInput(input, flags.formatIn);
      // Findings kept compactly (message, help and url made when the formatter reads them).
      const diagnostics = lint(parsed, { ...options, source: input.source, ...(input.facts ? { scrape: input.facts } : {}), text: input.text, compact: true });
      const fixed = await usage(io, () => fixing?.input(input, parsed.format, diagnostics, options));
      results.push(fixed ?? { source: input.source, text: input.text, diagnostics });
    }
  }
  if (results.length === 0) return 2; // every input failed: the error lines are the whole output
  const policy = { failOn: flags.failOn, maxWarnings, exitZero: flags.exitZero === true };
  const changed = fixing?.finish().changed;
  if (flags.diff) return trouble ? 2 : changed! > 0 ? 1 : 0;
  if (fixing?.stdinOnly) {
    // The fixed text went to stdout: the findings that remain go to stderr.
    io.stderr.write(formatters.concise(results, { color: io.stderr.color, toolVersion: VERSION }) + formatSummary(summarize(results), { color: io.stderr.color }));
    return exitCode(results, policy, trouble);
  }
  if (flags.writeBaseline && !flags.statistics) {
    const accepted = createBaseline(results.flatMap((r) => r.diagnostics.filter((d) => !isParserCode(d.code))));
    await writeBaseline(setup.baselinePath!, accepted, { cwd: io.cwd });
    const n = accepted.entries.reduce((sum, e) => sum + e.count, 0);
    note(`wrote ${n} accepted finding${n === 1 ? '' : 's'} to ${flags.baseline ?? setup.config.baseline}`);
    return trouble ? 2 : 0;
  }
  const color = flags.outputFile === undefined && io.stdout.color;
  const report = lintReport(results, { format, color, maxDiagnostics, statistics: flags.statistics === true, unsafe: flags.unsafeFixes === true, ...ruleMetadata(format), toolVersion: VERSION });
  const summaryOut = report.machine || flags.outputFile !== undefined ? io.stderr : io.stdout;
  if (flags.outputFile !== undefined) await writeOutput(io, resolve(io.cwd, flags.outputFile), Buffer.from(report.body, 'utf8'));
  else io.stdout.write(report.body);
  summaryOut.write((report.gap && summaryOut === io.stdout ? '\n' : '') + report.more + formatSummary(summarize(results), { color: summaryOut.color }));
  return exitCode(results, policy, trouble);
}

/**
 * The rule metadata for the formats that read it (FormatContext.rules: `json` and `sarif`); the
 * others describe a finding from the finding itself, so the catalog (sorted by code, ~10 ms on a cold
 * start) is not built for them.
 */
function ruleMetadata(format: FormatName): { rules?: ReturnType<typeof catalog> } {
  return format === 'json' || format === 'sarif' ? { rules: catalog() } : {};
}

/** The packages' errors in om's terms: what was typed is a usage error (a config file's setting names the file); a file not written is an input error. */
function usage<T>(io: Io, f: () => T): T {
  const rethrow = (error: unknown): never => {
    if (error instanceof OptionError) throw new UsageError(error.message, { cause: error });
    if (error instanceof FixWriteError) throw new InputError(error.message, { cause: error });
    if (error instanceof ConfigError && error.file) throw new UsageError(`${displayPath(io.cwd, error.file)}: ${error.message}`, { cause: error });
    throw error;
  };
  try {
    const value = f();
    return (value instanceof Promise ? value.catch(rethrow) : value) as T;
  } catch (error) {
    return rethrow(error);
  }
}
