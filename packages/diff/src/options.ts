// DiffOptions from the text a person types: `--relabel label=/regex/replacement/`,
// `--tolerance 0.5` / `--tolerance 1%` and kinds of change (`--only family-added,type-changed`) (om diff's flags; any program taking the same text reads it
// the same way). A text that cannot be read throws an `OptionError`.
import { changeKinds, type ChangeKind, type Relabel, type Tolerance } from './types.js';

/** A relabel or tolerance text that cannot be read. The message names the option and the text. */
export class OptionError extends Error {
  override readonly name = 'OptionError';
}

/**
 * `label=/regex/replacement/`: the character after `=` is the delimiter (`label=|a/b|c|` works
 * too), and the text ends with it. The regex is compiled with the `g` flag; the replacement is as
 * for String.prototype.replace (`$1`, `$<name>`). `option` names the option in error messages.
 */
export function parseRelabel(text: string, option = '--relabel'): Relabel {
  const eq = text.indexOf('=');
  const rest = eq > 0 ? text.slice(eq + 1) : '';
  const delim = rest[0];
  const parts = delim ? rest.slice(1).split(delim) : [];
  if (eq <= 0 || !delim || parts.length !== 3 || parts[2] !== '')
    throw new OptionError(`${option} expects label=/regex/replacement/ (received ${JSON.stringify(text)})`);
  try {
    return { label: text.slice(0, eq), pattern: new RegExp(parts[0]!, 'g'), replacement: parts[1]! };
  } catch (e) {
    throw new OptionError(`${option} ${JSON.stringify(text)}: ${(e as Error).message}`);
  }
}

/**
 * One tolerance from several texts: a number (`0.5`, `1e-3`) is the absolute tolerance, a
 * percentage (`1%`) the relative one; a later text of the same kind replaces an earlier one.
 */
export function parseTolerance(texts: readonly string[], option = '--tolerance'): Tolerance {
  const t: Tolerance = {};
  for (const s of texts) {
    const m = /^(\d+(?:\.\d+)?(?:e[-+]?\d+)?)(%?)$/i.exec(s.trim());
    if (!m) throw new OptionError(`${option} expects a number or a percentage such as 0.5 or 1% (received ${JSON.stringify(s)})`);
    if (m[2]) t.relative = Number(m[1]) / 100;
    else t.absolute = Number(m[1]);
  }
  return t;
}

/** Names of kinds of change (`family-added`, …) as `ChangeKind`s; an unknown name throws. */
export function parseChangeKinds(names: readonly string[], option = '--only'): ChangeKind[] {
  for (const k of names) if (!(changeKinds as readonly string[]).includes(k)) throw new OptionError(`${option}: unknown kind ${JSON.stringify(k)} (expected ${changeKinds.join(', ')})`);
  return [...names] as ChangeKind[];
}
