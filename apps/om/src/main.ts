// argv → command. Every failure of the tool becomes exit 2 with one line on stderr.
import { sep } from 'node:path';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { InputError, UsageError } from './errors.js';
import type { Context } from './context.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';

// Each command's module (and the packages it needs) is loaded only when that command runs: `om lint
// FILE` does not load @omkit/diff, and `om diff` does not load the lint rules. Every command is loaded
// when the command line names none of them alone (`om --help`, `om help lint`, `om lnt`, ...).
type MakeCommand = (ctx: Context) => Command<any, any, any>;
const COMMANDS: Record<string, () => Promise<MakeCommand>> = {
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  fetch: async () => (await import('./commands/fetch.js')).fetchCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
  parse: async () => (await import('./commands/parse.js')).parseCommand,
  stats: async () => (await import('./commands/stats.js')).statsCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
};

/** The command the arguments run when it is the first argument, or the first after the only root option that takes no value (--debug); otherwise undefined. */
function namedCommand(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((arg) => arg !== '--debug');
  const name = argv[at];
  return at >= 0 && name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}

/** The errors of the packages that are one line on stderr (imported here, after the fact: the command has loaded their modules already). */
async function knownErrors() {
  const [lint, fetch, diff] = await Promise.all([import('@omkit/lint'), import('@omkit/fetch/light'), import('@omkit/diff')]);
  return { known: [UsageError, InputError, lint.ConfigError, fetch.ConfigError, fetch.FetchError, diff.OptionError], FetchConfigError: fetch.ConfigError, InternalError: lint.InternalError };
}

async function program(ctx: Context, argv: readonly string[]): Promise<Command<any, any, any>> {
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
  const only = namedCommand(argv);
  const names = only === undefined ? Object.keys(COMMANDS) : [only];
  const makers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const make of makers) {
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
    await (await program(ctx, argv)).parseAsync([...argv], { from: 'user' });
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
    const { known, FetchConfigError, InternalError } = await knownErrors();
    if (err instanceof FetchConfigError) io.stderr.write(`om: ${line((await import('./scrape-flags.js')).explainFetchConfigError(err.message, io.cwd))}\n`);
    else if (known.some((K) => err instanceof K)) io.stderr.write(`om: ${line(err.message)}\n`);
    else if (err instanceof InternalError) io.stderr.write(`om: ${line(err.message)}\n`);
    else io.stderr.write(`om: internal error: ${line(err?.message ?? String(error))} (this is a bug in om; please open an issue at https://github.com/omkit/om/issues)\n`);
    if (debug && err?.stack) io.stderr.write(`${err.stack}\n${err.cause instanceof Error && err.cause.stack ? `caused by: ${err.cause.stack}\n` : ''}`);
    return 2;
  }
}
