// A tiny glob: `*` is any run of characters, `?` one character, everything else is literal.

const SPECIAL = /[.+^${}()|[\]\\/]/;

/** Compiles a glob into an anchored RegExp. */
export function globToRegExp(glob: string): RegExp {
  let source = '^';
  for (const ch of glob) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += SPECIAL.test(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`${source}$`, 's');
}

/** One matcher for several globs; `undefined` when there are none. */
export function globsMatcher(globs: readonly string[] | undefined): ((name: string) => boolean) | undefined {
  if (globs === undefined || globs.length === 0) return undefined;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const glob of globs) {
    if (/[*?]/.test(glob)) patterns.push(globToRegExp(glob));
    else exact.add(glob);
  }
  return (name) => exact.has(name) || patterns.some((re) => re.test(name));
}
