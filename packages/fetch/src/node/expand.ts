// Directories and glob patterns as inputs: the exposition files they stand for.
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from './errors.js';

/**
 * The extensions of the exposition files a directory is searched for (each also with `.gz`).
 * `.prom` is read as Prometheus text and `.om` as OpenMetrics (their extension is evidence of the
 * format); `.txt` and `.metrics` are decided by their text.
 */
export const EXPOSITION_EXTENSIONS = ['.prom', '.om', '.txt', '.metrics'] as const;

const isExposition = (name: string): boolean => {
  const lower = name.toLowerCase();
  const base = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  return EXPOSITION_EXTENSIONS.some((ext) => base.endsWith(ext) && base.length > ext.length);
};

/** A target that expanded to nothing, or could not be expanded: reported as that target's failure. */
export interface FailedTarget {
  source: string;
  error: InputError;
}

/** `scheme://…` of any scheme: only http and https are read (an `ftp://` target is no file name). */
export const hasScheme = (target: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(target);

/** Prints a path relative to cwd (never absolute unless it lies on another root). */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel === '' ? '.' : rel.startsWith(sep) || /^[a-z]:/i.test(rel) ? abs : rel.split(sep).join('/');
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * What one target stands for, in order: `-`, a URL or a file as given; for a directory, the
 * exposition files under it (recursively, sorted; `.*` and `node_modules` skipped); for a glob
 * (`'fixtures/**\/*.prom'`: `*`, `?`, `[…]`, `{a,b}`, `**` for any directories) that names no
 * existing file, the files it matches, sorted. Files are given relative to `cwd`. A directory or
 * pattern that yields nothing is one failure.
 */
export async function expandTarget(cwd: string, target: string): Promise<(string | FailedTarget)[]> {
  if (target === '-' || hasScheme(target)) return [target];
  const path = resolve(cwd, target);
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    const files = (await walk(path, (rel) => isExposition(rel))).map((rel) => join(path, rel));
    if (files.length > 0) return sortedTargets(cwd, files);
    const shown = displayPath(cwd, path);
    return [{ source: shown, error: new InputError(`no exposition files in ${shown}/ (om looks for ${EXPOSITION_EXTENSIONS.join(', ')} and each with .gz)`) }];
  }
  if (info !== undefined || !GLOB_CHARS.test(target)) return [target];
  const files = await glob(cwd, target);
  if (files.length > 0) return sortedTargets(cwd, files);
  return [{ source: target, error: new InputError(`no files match ${target}`) }];
}

/** `expandTarget`, with a failure to read a directory as that target's failure. */
export async function expandOrFail(cwd: string, target: string): Promise<(string | FailedTarget)[]> {
  try {
    return await expandTarget(cwd, target);
  } catch (cause) {
    return [{ source: target, error: new InputError(`cannot read ${target}: ${(cause as Error).message}`, { cause }) }];
  }
}

/** Absolute paths as targets relative to cwd (as reports print them), sorted by that name. */
function sortedTargets(cwd: string, files: string[]): string[] {
  return files
    .map((file) => displayPath(cwd, file))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The files under `dir` (paths relative to it, `/`-separated) that `keep` accepts. Names starting
 * with `.` and `node_modules` are skipped (as eslint does), symlinked directories not followed.
 */
async function walk(dir: string, keep: (rel: string) => boolean, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const rel = prefix + entry.name;
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) isFile = (await stat(join(dir, entry.name)).catch(() => undefined))?.isFile() ?? false;
    if (entry.isDirectory()) out.push(...(await walk(join(dir, entry.name), keep, `${rel}/`)));
    else if (isFile && keep(rel)) out.push(rel);
  }
  return out;
}

/** The files a glob pattern matches, as absolute paths; relative patterns are relative to cwd. */
async function glob(cwd: string, pattern: string): Promise<string[]> {
  const normal = pattern.split(sep).join('/');
  const segments = normal.split('/');
  // The segments before the first one with a glob character name the directory to search.
  let fixed = 0;
  while (fixed < segments.length - 1 && !GLOB_CHARS.test(segments[fixed]!)) fixed++;
  const base = fixed === 0 ? (isAbsolute(normal) ? '/' : cwd) : resolve(cwd, segments.slice(0, fixed).join('/') || '/');
  const matcher = globRegExp(segments.slice(fixed));
  const info = await stat(base).catch(() => undefined);
  if (!info?.isDirectory()) return [];
  return (await walk(base, (rel) => matcher.test(rel))).map((rel) => join(base, rel));
}

/**
 * A RegExp for `/`-separated relative paths from glob segments: `**` any directories, `*` `?`
 * `[…]` (`[!…]` negated) `{a,b}` within a name; every other character is itself, as in a shell
 * (`a+(b)` names the file `a+(b)`). Written here rather than taken from picomatch, which reads
 * `a+(b)` as a regex group (and `[!a]` as `!` or `a` unless told otherwise).
 */
export function globRegExp(segments: readonly string[]): RegExp {
  let source = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentSource(segment) + (last ? '' : '/');
  });
  return new RegExp(`^${source}$`);
}

function segmentSource(segment: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|\\/{}\]]/g, '\\$&');
  }
  return out + ')'.repeat(braces);
}
