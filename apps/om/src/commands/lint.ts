// om lint: inputs → parse → lint → formatter → exit code.
import { Command, Option } from '@commander-js/extra-typings';
import { detach, parseStream, type Diagnostic, type Severity } from '@omkit/parser';
import {
  createBaseline,
  findRule,
  fixText,
  formatPatch,
  formatStatistics,
  ruleStatistics,
  formatNames,
  formatSummary,
  formatters,
  isFormatName,
  isMachineFormat,
  lint,
  lintSession,
  PRESETS,
  resolveConfig,
  summarize,
  TextWindow,
  ConfigError,
  type Baseline,
  type ResolvedConfig,
  type Config,
  type FormatName,
  type LintedInput,
} from '@omkit/lint';
import { anchorConfig, loadConfig, readBaseline, writeBaseline } from '@omkit/lint/node';
import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { catalog, isParserCode } from '../catalog.js';
import { InputError, UsageError } from '../errors.js';
import { FetchError } from '@omkit/fetch/light';
import { displayPath, formatHints, openInputs, parseInput, type StreamedInput } from '../inputs.js';
import type { Io } from '../io.js';
import { addScrapeFlags, scrapeOptions, warnInsecure, type ScrapeFlags } from '../scrape-flags.js';
import { parsePositiveInt } from '../units.js';
import type { Context } from '../context.js';
import { VERSION } from '../version.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
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
    .addOption(new Option('--format-in <format>', 'input format').choices(['auto', 'openmetrics', 'prometheus'] as const).default('auto' as const))
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
  formatIn: 'auto' | 'openmetrics' | 'prometheus';
  stream?: boolean;
  fix?: boolean;
  diff?: boolean;
  unsafeFixes?: boolean;
  statistics?: boolean;
}

function defaultFormat(io: Io): FormatName {
  const env = io.env.OM_FORMAT;
  if (env !== undefined && env !== '') {
    if (!isFormatName(env)) throw new UsageError(`OM_FORMAT must be one of ${formatNames.join(', ')} (received ${JSON.stringify(env)})`);
    return env;
  }
  if (io.env.GITHUB_ACTIONS === 'true') return 'github';
  return io.stdout.isTTY ? 'full' : 'concise';
}

/** The config file's settings with the command line's `--preset` and `--rule` on top. */
function mergeFlags(config: Config, flags: LintFlags): Config {
  const merged: Config = { ...config };
  if (flags.preset?.length) merged.extends = flags.preset as Config['extends'];
  if (flags.rule?.length) {
    const rules: Record<string, NonNullable<Config['rules']>[string]> = { ...config.rules };
    for (const item of flags.rule) {
      const m = /^([^=]+)=(off|info|warning|error)$/i.exec(item.trim());
      if (!m) throw new UsageError(`--rule expects CODE=severity with severity off, info, warning or error (received ${JSON.stringify(item)})`);
      const rule = findRule(m[1]!);
      if (!rule) {
        if (isParserCode(m[1]!.toUpperCase())) throw new UsageError(`--rule ${m[1]}: parser diagnostics (OM0xx, OM100–OM149) cannot be configured`);
        throw new UsageError(`--rule ${m[1]}: unknown rule (see \`om rules\`)`);
      }
      for (const key of Object.keys(rules)) if (findRule(key) === rule) delete rules[key];
      rules[rule.code] = m[2]!.toLowerCase() as 'off';
    }
    merged.rules = rules;
  }
  return merged;
}

async function runLint(io: Io, targets: string[], flags: LintFlags, debug?: (line: string) => void): Promise<number> {
  const format = flags.format ?? defaultFormat(io);
  const maxWarnings = flags.maxWarnings === undefined ? Infinity : parsePositiveInt('--max-warnings', flags.maxWarnings);
  const maxDiagnostics = flags.maxDiagnostics === undefined ? Infinity : parsePositiveInt('--max-diagnostics', flags.maxDiagnostics);
  const loaded = await loadConfig({ cwd: io.cwd, ...(flags.config !== undefined ? { configPath: flags.config } : {}) });
  let config: ResolvedConfig;
  try {
    config = resolveConfig(mergeFlags(loaded.config, flags));
  } catch (error) {
    // Name the file the bad setting came from.
    if (error instanceof ConfigError && loaded.path) throw new UsageError(`${displayPath(io.cwd, loaded.path)}: ${error.message}`, { cause: error });
    throw error;
  }
  // The config's `source` globs are relative to its own directory, whatever the working directory.
  if (loaded.path) config = anchorConfig(config, loaded.path, io.cwd);
  const baselinePath =
    flags.baseline !== undefined ? resolve(io.cwd, flags.baseline) : loaded.path && config.baseline ? resolve(dirname(loaded.path), config.baseline) : undefined;
  if (flags.writeBaseline && baselinePath === undefined) throw new UsageError('--write-baseline needs --baseline FILE or a `baseline` in the config');
  let baseline: Baseline | undefined;
  if (!flags.writeBaseline) baseline = flags.baseline !== undefined ? await readBaseline(baselinePath!, { cwd: io.cwd }) : loaded.baseline;
  if (flags.baseline !== undefined && !flags.writeBaseline && baseline === undefined) throw new UsageError(`baseline file ${flags.baseline} not found (create it with --write-baseline)`);

  if (flags.fix && flags.diff) throw new UsageError('--fix and --diff do not go together: --diff shows what --fix would write');
  if (flags.unsafeFixes && !flags.fix && !flags.diff) throw new UsageError('--unsafe-fixes needs --fix or --diff');
  if ((flags.fix || flags.diff) && flags.writeBaseline) throw new UsageError('--write-baseline does not go with --fix or --diff');
  // stdin's fixed text is the product on stdout: no report of other inputs may mix with it.
  if (flags.fix && targets.includes('-') && (targets.length > 1 || flags.prometheusConfig !== undefined))
    throw new UsageError('--fix with - (stdin) prints the fixed text on stdout and takes no other input');
  const fixing = flags.fix || flags.diff ? new Fixing(io, flags) : undefined;
  warnInsecure(flags, io);
  let trouble = false;
  const results: LintedInput[] = [];
  const opened = openInputs(io, targets, { flags, scrape: scrapeOptions(flags, io, debug), ...(flags.stream ? { streamAbove: 0 } : {}) });
  for await (const outcome of opened) {
    if (!outcome.ok) {
      io.stderr.write(`om: ${outcome.error.message}\n`);
      trouble = true;
      continue;
    }
    if ('streamed' in outcome) {
      fixing?.skip(outcome.streamed.source, 'too large to hold (streamed)');
      try {
        results.push(await lintStreamed(outcome.streamed, flags, config, baseline));
      } catch (error) {
        await outcome.streamed.cancel().catch(() => {});
        if (!(error instanceof InputError || error instanceof FetchError)) throw error;
        io.stderr.write(`om: ${error.message}\n`);
        trouble = true;
      }
      continue;
    }
    const { input } = outcome;
    // The parser reads the bytes (invalid UTF-8 is OM020); the text, decoded after, is for spans and fixes.
    const parsed = parseInput(input, flags.formatIn);
    const diagnostics = lint(parsed, {
      config,
      source: input.source,
      ...(input.facts ? { scrape: input.facts } : {}),
      ...(baseline ? { baseline } : {}),
      // Every input kind: label spans, fixes and the Content-Type/body check of OM301 read the text.
      text: input.text,
    });
    if (fixing) {
      const fixed = await fixing.input(input, parsed.format, diagnostics, { config, ...(baseline ? { baseline } : {}) });
      if (fixed) {
        results.push(fixed);
        continue;
      }
    }
    results.push({ source: input.source, text: input.text, diagnostics });
  }

  if (results.length === 0) return 2; // every input failed: the error lines are the whole output

  if (fixing) {
    const done = fixing.finish();
    if (flags.diff) return trouble ? 2 : done.changed > 0 ? 1 : 0;
    if (fixing.stdinOnly) {
      // The fixed text went to stdout: the findings that remain go to stderr.
      const rest = formatters.concise(results, { color: io.stderr.color, rules: catalog(), toolVersion: VERSION });
      io.stderr.write(rest + formatSummary(summarize(results), { color: io.stderr.color }));
      return trouble ? 2 : verdict(results, flags, maxWarnings);
    }
  }

  if (flags.statistics) {
    const stats = ruleStatistics(results, { unsafe: flags.unsafeFixes === true });
    const json = format === 'json';
    const report = json ? `${JSON.stringify(stats, null, 2)}\n` : formatStatistics(stats, { color: flags.outputFile === undefined && io.stdout.color });
    const summaryOut = json || flags.outputFile !== undefined ? io.stderr : io.stdout;
    if (flags.outputFile !== undefined) await writeFile(resolve(io.cwd, flags.outputFile), report, 'utf8');
    else io.stdout.write(report);
    summaryOut.write(formatSummary(summarize(results), { color: summaryOut.color }));
    return trouble ? 2 : verdict(results, flags, maxWarnings);
  }

  if (flags.writeBaseline) {
    const accepted = createBaseline(results.flatMap((r) => r.diagnostics.filter((d) => !isParserCode(d.code))));
    await writeBaseline(baselinePath!, accepted, { cwd: io.cwd });
    const n = accepted.entries.reduce((sum, e) => sum + e.count, 0);
    io.stderr.write(`om: wrote ${n} accepted finding${n === 1 ? '' : 's'} to ${flags.baseline ?? config.baseline}\n`);
    return trouble ? 2 : 0;
  }

  const machine = isMachineFormat(format);
  const shown = machine || maxDiagnostics === Infinity ? results : limit(results, maxDiagnostics);
  const report = formatters[format](shown, {
    color: flags.outputFile === undefined && io.stdout.color && !machine,
    rules: catalog(),
    toolVersion: VERSION,
  });
  const summary = summarize(results);
  const hidden = countOf(results) - countOf(shown);
  const more = hidden > 0 ? `… ${hidden} more not shown (--max-diagnostics)\n` : '';
  const summaryOut = machine || flags.outputFile !== undefined ? io.stderr : io.stdout;
  if (flags.outputFile !== undefined) await writeFile(resolve(io.cwd, flags.outputFile), report, 'utf8');
  else io.stdout.write(report);
  if (format === 'full' && summaryOut === io.stdout && countOf(shown) > 0) io.stdout.write('\n');
  summaryOut.write(more + formatSummary(summary, { color: summaryOut.color }));

  if (trouble) return 2;
  return verdict(results, flags, maxWarnings);
}

/** 0 or 1 by the findings: `--fail-on`, `--max-warnings`, `--exit-zero`. */
function verdict(results: readonly LintedInput[], flags: LintFlags, maxWarnings: number): number {
  if (flags.exitZero) return 0;
  const all = results.flatMap((r) => r.diagnostics);
  const failing = all.some((d: Diagnostic) => RANK[d.severity] >= RANK[flags.failOn]);
  return failing || summarize(results).warnings > maxWarnings ? 1 : 0;
}

/**
 * `--fix` / `--diff`: the fixes come from @omkit/lint's `fixText` (safe fixes, `--unsafe-fixes` for
 * the others; overlapping ones in later passes, at most 10), with the input's format kept. A file is
 * written back atomically (a temp file in its directory, then renamed over it); stdin's fixed text
 * goes to stdout. URLs, gzip files, streamed inputs and input that is not UTF-8 are not fixed: a
 * note on stderr says why, and they are linted as they are.
 */
class Fixing {
  #fixed = 0;
  #files = 0;
  #changed = 0;
  #stdin = 0;
  #others = 0;
  constructor(
    private readonly io: Io,
    private readonly flags: LintFlags,
  ) {}

  /** Whether stdin was the only input fixed (its fixed text is the product on stdout). */
  get stdinOnly(): boolean {
    return !!this.flags.fix && this.#stdin > 0 && this.#others === 0;
  }

  skip(source: string, why: string): void {
    this.#others++;
    this.io.stderr.write(`om: ${source}: not fixed: ${why}\n`);
  }

  async input(
    input: { kind: string; source: string; path?: string; text: string },
    format: 'openmetrics' | 'prometheus',
    diagnostics: readonly Diagnostic[],
    options: { config: ResolvedConfig; baseline?: Baseline },
  ): Promise<LintedInput | undefined> {
    if (input.kind === 'url') return void this.skip(input.source, 'a URL cannot be written back');
    if (input.kind === 'file' && input.path !== undefined && (await isGzip(input.path))) return void this.skip(input.source, 'a gzip file is not written back');
    const notUtf8 = 'the input is not valid UTF-8 (writing it back would replace bytes)';
    if (diagnostics.some((d) => d.code === 'OM020')) return void this.skip(input.source, notUtf8);
    // The text must be the file's bytes exactly: else it was not UTF-8, or it changed since.
    if (input.kind === 'file' && input.path !== undefined && !(await readFile(input.path)).equals(Buffer.from(input.text, 'utf8')))
      return void this.skip(input.source, `${notUtf8}, or the file changed while it was linted`);
    if (input.kind === 'stdin') this.#stdin++;
    else this.#others++;
    const result = fixText(input.text, { ...options, source: input.source, format, unsafe: this.flags.unsafeFixes === true });
    const changed = result.text !== input.text;
    if (changed) {
      this.#changed++;
      this.#fixed += result.fixed.length;
    }
    if (this.flags.diff) {
      if (changed) this.io.stdout.write(formatPatch(input.text, result.text, { from: input.source, to: input.source }));
    } else if (input.kind === 'stdin') {
      this.io.stdout.write(result.text);
    } else if (changed && input.path !== undefined) {
      await writeAtomically(input.path, result.text);
      this.#files++;
    }
    return { source: input.source, text: result.text, diagnostics: result.diagnostics };
  }

  finish(): { changed: number } {
    const n = this.#fixed;
    const findings = `${n} finding${n === 1 ? '' : 's'}`;
    const inputs = `${this.#changed} input${this.#changed === 1 ? '' : 's'}`;
    if (this.flags.diff) this.io.stderr.write(n ? `om: --fix would fix ${findings} in ${inputs}\n` : 'om: nothing to fix\n');
    else if (!this.stdinOnly) this.io.stderr.write(n ? `om: fixed ${findings} in ${inputs}\n` : 'om: nothing to fix\n');
    return { changed: this.#changed };
  }
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Writes `text` to a temp file beside `path` with its mode, then renames it over `path`. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.om-fix-${process.pid}-${randomBytes(4).toString('hex')}`);
  const { mode } = await stat(path);
  try {
    await writeFile(temp, text, { encoding: 'utf8', mode: mode & 0o7777, flag: 'wx' });
    await chmod(temp, mode & 0o7777);
    await rename(temp, path);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => {});
    throw new InputError(`cannot write the fixed ${path}: ${(cause as Error).message}`, { cause });
  }
}

const countOf = (inputs: readonly LintedInput[]) => inputs.reduce((n, i) => n + i.diagnostics.length, 0);

function limit(inputs: readonly LintedInput[], max: number): LintedInput[] {
  let left = max;
  return inputs.map((i) => {
    const diagnostics = i.diagnostics.slice(0, Math.max(0, left));
    left -= diagnostics.length;
    return { ...i, diagnostics };
  });
}

/**
 * Lints an input too large to hold: parsed as a stream, each family goes to one lint session as
 * it completes and is dropped. Checks across families (`target_info` first, a label on every
 * series, a suffix clashing with another family) see the whole input; memory stays bounded by one
 * family and the findings. Only the open family's text is kept, so there are no fixes and the
 * `full` format prints no code frame.
 */
async function lintStreamed(input: StreamedInput, flags: LintFlags, config: ResolvedConfig, baseline: Baseline | undefined): Promise<LintedInput> {
  // The text of the family being linted, so that findings inside a line point where they do for a whole text.
  const lines = new TextWindow();
  const session = lintSession({ config, source: input.source, ...(baseline ? { baseline } : {}), keep: detached, lines });
  const items = parseStream(lines.tee(input.chunks), { ...formatHints(input, flags.formatIn), model: true });
  for await (const item of items) {
    session.add(item);
    if (item.family) lines.release(item.family.span.end.offset);
  }
  const diagnostics = session.finish(input.facts ? await input.facts() : undefined);
  return { source: input.source, diagnostics };
}

/**
 * A finding kept until the end of a streamed input, as a copy that shares no memory with the
 * input: strings cut from a chunk (a family name in a message) would keep the whole chunk alive.
 * Findings are plain data; absent fields stay absent, as in their JSON.
 */
function detached(d: Diagnostic): Diagnostic {
  return copied(d) as Diagnostic;
}

function copied(value: unknown): unknown {
  if (typeof value === 'string') return detach(value);
  if (Array.isArray(value)) return value.map(copied);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) copy[key] = copied(field);
  return copy;
}
