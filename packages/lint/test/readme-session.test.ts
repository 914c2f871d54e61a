// The README's lintSession example runs as written (against the built package, as a user runs it)
// and finds what lint() finds on the whole text.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { formatConcise, lint, lintSession } from '../src/index.js';

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const readme = readFileSync(join(pkg, 'README.md'), 'utf8');

/** The fenced ```ts block of the README that calls `marker`, and the plain block after it (its output). */
function block(marker: string): { code: string; output: string } {
  const fences = [...readme.matchAll(/^( *)```(\w*)\n([\s\S]*?)^\1```$/gm)].map((m) => ({
    lang: m[2]!,
    body: m[3]!.split('\n').map((l) => l.slice(m[1]!.length)).join('\n'),
  }));
  const i = fences.findIndex((f) => f.lang === 'ts' && f.body.includes(marker));
  if (i === -1 || fences[i + 1]?.lang !== '') throw new Error(`no ts block with ${marker} and its output in README.md`);
  return { code: fences[i]!.body, output: fences[i + 1]!.body };
}

const root = dirname(dirname(pkg));
const example = 'apps/om/examples/sample.prom';

describe('README: lintSession', () => {
  const { code, output } = block('lintSession(');

  it('feeds what parseStream() yields to add(), prints what the README shows and finds what lint() finds', () => {
    expect(code).toContain(`const path = '${example}';`);
    // Run as a user would: node and the built package. The script is evaluated from the package
    // directory so that `@omkit/*` resolve; the file's path is made absolute, then relative again.
    const file = join(root, example);
    const script = code.replace(`'${example}'`, JSON.stringify(file));
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pkg, encoding: 'utf8' }).split(file).join(example);
    expect(out).toBe(output);
    const text = readFileSync(file, 'utf8');
    expect(out).toBe(formatConcise([{ source: example, diagnostics: lint(parse(text), { source: example }) }], { color: false }));
    expect(out).toMatch(/OM201\/counter-total-suffix/);
  });

  it('add() takes a stream item with no family (the last one) as well as a ParseResult', () => {
    const text = readFileSync(join(root, example), 'utf8');
    const whole = parse(text);
    expect(whole.families.length).toBeGreaterThan(2);
    const session = lintSession({ source: 'x' });
    session.add({ format: whole.format, family: whole.families[0]!, diagnostics: [] });
    session.add({ format: whole.format, families: whole.families.slice(1), diagnostics: [] });
    session.add({ format: whole.format, diagnostics: whole.diagnostics });
    expect(session.finish()).toEqual(lint(whole, { source: 'x' }));
  });
});
