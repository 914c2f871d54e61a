// argv → command. Every failure of the tool becomes exit 2 with one line on stderr.
import { sep } from 'node:path';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { ConfigError as LintConfigError, InternalError } from '@omkit/lint';
import { ConfigError as FetchConfigError, FetchError } from '@omkit/fetch/light';
import { OptionError as DiffOptionError } from '@omkit/diff';
import { InputError, UsageError } from './errors.js';
import type { Context } from './context.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';
import { explainFetchConfigError } from './scrape-flags.js';
import { lintCommand } from './commands/lint.js';
import { fetchCommand } from './commands/fetch.js';
import { parseCommand } from './commands/parse.js';
import { rulesCommand } from './commands/rules.js';
import { statsCommand } from './commands/stats.js';
import { diffCommand } from './commands/diff.js';

const KNOWN = [UsageError, InputError, LintConfigError, FetchConfigError, FetchError, DiffOptionError];

function program(ctx: Context): Command<any, any, any> {
  const { io } = ctx;
  const root = new Command('om')
    .description('lint, fetch, diff, convert and inspect OpenMetrics / Prometheus expositions')
    .version(VERSION, '-V, --version')
    .option('--debug', 'print stack traces and HTTP exchanges (secrets redacted) on stderr')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`om: ${s.replace(/^error: /, '').replace(/\n\((Did you mean [^)]*)\)/, (_m, hint: string) => ` (${hint.toLowerCase()})`)}`),
    })
    .hook('preAction', (cmd) => {
      if ((cmd.opts() as { debug?: boolean }).debug) ctx.debug = (line) => io.stderr.write(`om: debug: ${line}\n`);
    });
  root.addHelpText(
    'after',
    `
Examples:
  $ om lint metrics.prom
  $ om fetch http://127.0.0.1:9100/metrics | om lint -
  $ om diff before.prom after.prom
  $ om diff http://127.0.0.1:9100/metrics --interval 15s
  $ om parse metrics.prom --to openmetrics
  $ om stats metrics.prom
  $ om rules OM201

Exit codes: 0 ok, 1 findings or differences (or a failed scrape for om fetch), 2 trouble.`,
  );
  for (const make of [lintCommand, fetchCommand, diffCommand, parseCommand, statsCommand, rulesCommand]) {
    const cmd = make(ctx);
    // Subcommands inherit the output and exit settings.
    cmd.copyInheritedSettings(root as unknown as Command);
    root.addCommand(cmd);
  }
  return root;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const ctx: Context = { io, exitCode: 0 };
  const debug = argv.includes('--debug');
  try {
    await program(ctx).parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return error.exitCode === 0 ? 0 : 2;
      return 2; // commander has printed the one line
    }
    const err = error as Error;
    // One line, with paths under cwd printed relative (a JSON parser may quote a multi-line input).
    const line = (message: string) => message.split(`${io.cwd}${sep}`).join('').replace(/\s*[\r\n]+\s*/g, ' ');
    if (err instanceof FetchConfigError) io.stderr.write(`om: ${line(explainFetchConfigError(err.message, io.cwd))}\n`);
    else if (KNOWN.some((K) => err instanceof K)) io.stderr.write(`om: ${line(err.message)}\n`);
    else if (err instanceof InternalError) io.stderr.write(`om: ${line(err.message)}\n`);
    else io.stderr.write(`om: internal error: ${line(err?.message ?? String(error))} (this is a bug in om; please open an issue at https://github.com/omkit/om/issues)\n`);
    if (debug && err?.stack) io.stderr.write(`${err.stack}\n${err.cause instanceof Error && err.cause.stack ? `caused by: ${err.cause.stack}\n` : ''}`);
    return 2;
  }
}
