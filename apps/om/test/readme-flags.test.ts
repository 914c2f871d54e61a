// apps/om/README.md lists every flag of every command's `--help` in the tables of its section, and
// lists no flag a command does not have, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const COMMANDS = ['lint', 'fetch', 'diff', 'parse', 'stats', 'rules'] as const;

/** `--long` and `-s` names in a piece of text. */
function flagsIn(text: string): string[] {
  return [...text.matchAll(/(?<![\w-])(--[a-z][a-z0-9-]*|-[A-Za-z])(?![\w-])/g)].map((m) => m[1]!);
}

/** The flags of `om [cmd] --help`: every option line of its option groups. */
async function helpFlags(cmd?: string): Promise<{ own: Set<string>; scrape: Set<string> }> {
  const r = await run([...(cmd ? [cmd] : []), '--help']);
  expect(r.exitCode).toBe(0);
  const own = new Set<string>();
  const scrape = new Set<string>();
  let group: Set<string> | undefined;
  for (const line of r.stdout.split('\n')) {
    if (/^Options:/.test(line)) group = own;
    else if (/^Scrape options/.test(line)) group = scrape;
    else if (/^\S/.test(line)) group = undefined;
    else if (group) {
      const m = /^ {2}((?:-[A-Za-z], )?--[a-z][a-z0-9-]*)/.exec(line);
      if (m) for (const f of flagsIn(m[1]!)) group.add(f);
    }
  }
  return { own, scrape };
}

/** The README text from a heading that starts with `start` to the next heading of that level or higher. */
function section(start: string): string {
  const at = readme.indexOf(`\n${start}`);
  if (at === -1) throw new Error(`README.md has no section ${start}`);
  const level = /^#+/.exec(start)![0].length;
  const rest = readme.slice(at + 1);
  const next = rest.slice(1).search(new RegExp(`\\n#{1,${level}} `));
  return next === -1 ? rest : rest.slice(0, next + 1);
}

/** The flags named in the first cell of the text's table rows: each code span's words that start with `-`. */
function firstCells(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^\| (`.+?) \| /.exec(line.replace(/\\\|/g, '/'));
    if (!m) continue;
    for (const code of m[1]!.matchAll(/`([^`]*)`/g))
      for (const word of code[1]!.split(' ')) if (/^--?[A-Za-z]/.test(word)) out.add(word.replace(/,$/, ''));
  }
  return out;
}

const heading = (cmd: string) => `### \`om ${cmd}`;

describe('README flag lists', () => {
  it('the global flags (Commands intro) are those of `om --help`', async () => {
    const root = await helpFlags();
    const intro = section('## Commands').split('\n### ')[0]!;
    expect([...firstCells(intro)].sort()).toEqual([...root.own].sort());
  });

  it.each(COMMANDS)('om %s: every --help flag is listed, and only those', async (cmd) => {
    const { own, scrape } = await helpFlags(cmd);
    const listed = firstCells(section(heading(cmd)));
    const scrapeListed = firstCells(section('### Scrape flags'));
    const global = firstCells(section('## Commands').split('\n### ')[0]!);
    for (const flag of own) expect({ cmd, flag, listed: listed.has(flag) || global.has(flag) }).toEqual({ cmd, flag, listed: true });
    for (const flag of scrape) expect({ cmd, flag, listed: scrapeListed.has(flag) }).toEqual({ cmd, flag, listed: true });
    for (const flag of listed) expect({ cmd, flag, inHelp: own.has(flag) || scrape.has(flag) }).toEqual({ cmd, flag, inHelp: true });
  });

  it('the scrape flags table lists only flags some command has', async () => {
    const all = new Set<string>();
    for (const cmd of COMMANDS) for (const f of (await helpFlags(cmd)).scrape) all.add(f);
    for (const flag of firstCells(section('### Scrape flags'))) expect({ flag, known: all.has(flag) }).toEqual({ flag, known: true });
  });

  it('reads a table row the way it is written', () => {
    expect([...firstCells('| `-f, --format full\\|json` | x |\n| `--a X`, `--b Y` | y |\n| `--tolerance 0.5` / `--tolerance 1%` | z |')]).toEqual(['-f', '--format', '--a', '--b', '--tolerance']);
  });
});
