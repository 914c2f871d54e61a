// @omkit/lint/node: the parts that touch the file system (config discovery, baseline files).
// Everything else lives in the browser-safe main entry.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, validateBaseline, type Baseline, type Config } from '../index.js';

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
 * Loads `explicitPath` (relative to cwd), or else the nearest `om.config.json` / `.omrc.json`
 * upward from `cwd`, and the baseline it names. Throws `ConfigError` for unreadable files.
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
    const baseline = await readBaseline(resolve(dirname(path), baselinePath));
    if (baseline) result.baseline = baseline;
  }
  return result;
}

/** Reads a baseline file; `undefined` if it does not exist. Throws `ConfigError` if it is malformed. */
export async function readBaseline(path: string): Promise<Baseline | undefined> {
  const text = await readText(path);
  if (text === undefined) return undefined;
  const data = parseJson(text, path);
  const problem = validateBaseline(data);
  if (problem) throw new ConfigError('baseline', `${path}: ${problem}`);
  return data as Baseline;
}

/** Writes a baseline file (stable, sorted JSON with a trailing newline). */
export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  await writeFile(path, `${JSON.stringify(baseline, null, 2)}\n`, 'utf8');
}
