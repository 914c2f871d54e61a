// @omkit/lint/node: the parts that touch the file system (config discovery, baseline files, a run's
// setup, rule docs, --fix writing). Everything else lives in the browser-safe main entry.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { applyFlags, ConfigError, OptionError, resolveConfig, validateBaseline, type Baseline, type Config, type ResolvedConfig } from '../index.js';

/** Config file names, in lookup order within each directory. */
export const CONFIG_FILES = ['om.config.json', '.omrc.json'] as const;

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
    throw error;
  }
}

/** Walks up from `cwd` to the file-system root; returns the first config file found. */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const path = join(dir, name);
      if ((await readText(path)) !== undefined) return path;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadedConfig {
  /** The raw config (validate with `resolveConfig`). `{}` when no file was found. */
  config: Config;
  /** The file it came from, absent when none was found. */
  path?: string;
  /** The baseline named by the config, resolved relative to the config file, if any. */
  baseline?: Baseline;
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ConfigError('', `${path} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

/**
 * A finding's source (a path relative to `cwd`, `-` or a URL) as a path relative to `base`, with
 * `/` separators. `-` and URLs are unchanged.
 */
export function rebaseSource(source: string, from: string, to: string): string {
  if (source === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return source;
  const rel = relative(resolve(to), resolve(from, source));
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * The config's ignore `source` globs matched against paths relative to the config file's
 * directory, as ESLint resolves its config's globs: the same file is ignored whatever the working
 * directory. `cwd` is what the findings' sources are relative to.
 */
export function anchorConfig(config: ResolvedConfig, configPath: string, cwd: string): ResolvedConfig {
  const base = dirname(resolve(cwd, configPath));
  return {
    ...config,
    ignore: config.ignore.map((entry) => {
      const matches = entry.source;
      return matches === undefined ? entry : { ...entry, source: (source: string) => matches(rebaseSource(source, cwd, base)) };
    }),
  };
}

/**
 * Loads `explicitPath` (relative to cwd), or else the nearest `om.config.json` / `.omrc.json`
 * upward from `cwd`, and the baseline it names (its sources made relative to `cwd`, see
 * `readBaseline`). Throws `ConfigError` for unreadable files.
 */
export async function loadConfig(options: { cwd: string; configPath?: string }): Promise<LoadedConfig> {
  const path = options.configPath !== undefined ? resolve(options.cwd, options.configPath) : await findConfigFile(options.cwd);
  if (path === undefined) return { config: {} };
  const text = await readText(path);
  if (text === undefined) throw new ConfigError('', `config file ${path} not found`);
  const config = parseJson(text, path);
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new ConfigError('', `${path} must contain a JSON object`);
  const result: LoadedConfig = { config: config as Config, path };
  const baselinePath = (config as Config).baseline;
  if (typeof baselinePath === 'string') {
    const baseline = await readBaseline(resolve(dirname(path), baselinePath), { cwd: options.cwd });
    if (baseline) result.baseline = baseline;
  }
  return result;
}

/** The baseline with each entry's file source moved from being relative to `from` to `to`. */
function rebaseBaseline(baseline: Baseline, from: string, to: string): Baseline {
  return { ...baseline, entries: baseline.entries.map((e) => ({ ...e, source: rebaseSource(e.source, from, to) })) };
}

/**
 * Reads a baseline file; `undefined` if it does not exist. Throws `ConfigError` if it is malformed.
 * File sources in a baseline are relative to the baseline file's directory; with `cwd`, they are
 * returned relative to `cwd`, as the findings they are matched with (so a baseline works from any
 * working directory).
 */
export async function readBaseline(path: string, options: { cwd?: string } = {}): Promise<Baseline | undefined> {
  const text = await readText(path);
  if (text === undefined) return undefined;
  const data = parseJson(text, path);
  const problem = validateBaseline(data);
  if (problem) throw new ConfigError('baseline', `${path}: ${problem}`);
  return options.cwd === undefined ? (data as Baseline) : rebaseBaseline(data as Baseline, dirname(resolve(options.cwd, path)), options.cwd);
}

/**
 * Writes a baseline file (stable, sorted JSON with a trailing newline). With `cwd`, the entries'
 * file sources (relative to `cwd`, as findings have them) are written relative to the baseline
 * file's directory.
 */
export async function writeBaseline(path: string, baseline: Baseline, options: { cwd?: string } = {}): Promise<void> {
  let out = baseline;
  if (options.cwd !== undefined) {
    const rebased = rebaseBaseline(baseline, options.cwd, dirname(resolve(options.cwd, path)));
    // Keep the file's order stable after the rewrite.
    out = { ...rebased, entries: [...rebased.entries].sort((a, b) => a.source.localeCompare(b.source) || a.metric.localeCompare(b.metric) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message)) };
  }
  await writeFile(path, `${JSON.stringify(out, null, 2)}\n`, 'utf8');
}

/** A lint rule's Markdown doc as this package ships it (`docs/rules/<name>.md`), if there is one. */
export async function readRuleDoc(name: string): Promise<string | undefined> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) return undefined;
  try {
    const pkg = createRequire(import.meta.url).resolve('@omkit/lint/package.json');
    return await readFile(join(dirname(pkg), 'docs', 'rules', `${name}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

export { FixRun, FixWriteError, writeAtomically, type FixInput, type FixRunOptions } from './fix.js';

// What a lint run starts from: the config file (found or named), a command line's presets and rule
// settings over it, anchored to the file, and the baseline (named on the command line or by the config).
export interface LintSetupOptions {
  cwd: string;
  /** A config file (relative to `cwd`); default: the nearest `om.config.json` / `.omrc.json`. */
  configPath?: string | undefined;
  /** `--preset` values: replace the config's `extends`. */
  presets?: readonly string[] | undefined;
  /** `--rule CODE=severity` values. */
  rules?: readonly string[] | undefined;
  /** `--baseline FILE` (relative to `cwd`): replaces the config's `baseline`. */
  baseline?: string | undefined;
  /** Findings are to be written to the baseline: none is read, and a baseline file must be named. */
  writeBaseline?: boolean | undefined;
}

export interface LintSetup {
  config: ResolvedConfig;
  /** The config file, when one was found or named. */
  configPath?: string;
  /** The baseline to apply (none when `writeBaseline`). */
  baseline?: Baseline;
  /** The baseline file's absolute path, when one is named. */
  baselinePath?: string;
}

/**
 * Loads and resolves the config with the command line's settings on top. A setting of the config
 * file that does not validate is a `ConfigError` whose `file` is the config file; a `--rule` that
 * cannot be read, `writeBaseline` without a baseline file, or a `--baseline` file that does not
 * exist is an `OptionError`.
 */
export async function lintSetup(options: LintSetupOptions): Promise<LintSetup> {
  const { cwd } = options;
  const loaded = await loadConfig({ cwd, ...(options.configPath !== undefined ? { configPath: options.configPath } : {}) });
  const merged = applyFlags(loaded.config, { presets: options.presets, rules: options.rules });
  let config: ResolvedConfig;
  try {
    config = resolveConfig(merged);
  } catch (error) {
    if (error instanceof ConfigError && loaded.path) error.file = loaded.path;
    throw error;
  }
  // The config's `source` globs are relative to its own directory, whatever the working directory.
  if (loaded.path) config = anchorConfig(config, loaded.path, cwd);
  const baselinePath =
    options.baseline !== undefined ? resolve(cwd, options.baseline) : loaded.path && config.baseline ? resolve(dirname(loaded.path), config.baseline) : undefined;
  if (options.writeBaseline && baselinePath === undefined) throw new OptionError('--write-baseline needs --baseline FILE or a `baseline` in the config');
  let baseline: Baseline | undefined;
  if (!options.writeBaseline) baseline = options.baseline !== undefined ? await readBaseline(baselinePath!, { cwd }) : loaded.baseline;
  if (options.baseline !== undefined && !options.writeBaseline && baseline === undefined)
    throw new OptionError(`baseline file ${options.baseline} not found (create it with --write-baseline)`);
  return { config, ...(loaded.path ? { configPath: loaded.path } : {}), ...(baseline ? { baseline } : {}), ...(baselinePath ? { baselinePath } : {}) };
}
