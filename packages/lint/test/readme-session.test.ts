// The README's lintSession example runs as written (against the built package, as a user runs it)
// and finds what lint() finds on the whole text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@omkit/parser';
import { afterAll, describe, expect, it } from 'vitest';
import { formatConcise, lint, lintSession } from '../src/index.js';

const pkg = dirname(dirname(fileURLToPath(import.meta.url)));
const readme = readFileSync(join(pkg, 'README.md'), 'utf8');

/** The fenced ```ts block of the README that calls `marker`, without the list item's indentation. */
function block(marker: string): string {
  for (const m of readme.matchAll(/^( *)```ts\n([\s\S]*?)^\1```$/gm)) {
    const indent = m[1]!.length;
    const code = m[2]!.split('\n').map((l) => l.slice(indent)).join('\n');
    if (code.includes(marker)) return code;
  }
  throw new Error(`no ts block with ${marker} in README.md`);
}

const text = [
  '# TYPE shop_orders_processed counter',
  'shop_orders_processed 3',
  '# TYPE shop_queue_latency_ms gauge',
  'shop_queue_latency_ms 12',
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'om-lint-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README: lintSession', () => {
  const code = block('lintSession(');

  it('feeds what parseStream() yields to add() and finds what lint() finds', async () => {
    const file = join(dir, 'metrics.prom');
    writeFileSync(file, text);
    expect(code).toContain(`const path = 'metrics.prom';`);
    // Run as a user would: node and the built package. The script is evaluated from the package
    // directory so that `@omkit/*` resolve; only the file's path is made absolute.
    const script = code.replace(`'metrics.prom'`, JSON.stringify(file));
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pkg, encoding: 'utf8' });
    const expected = formatConcise([{ source: file, diagnostics: lint(parse(text), { source: file }) }], { color: false });
    expect(expected).toMatch(/OM201\/counter-total-suffix/);
    expect(out).toBe(expected);
  });

  it('add() takes a stream item with no family (the last one) as well as a ParseResult', () => {
    const whole = parse(text);
    const session = lintSession({ source: 'x' });
    session.add({ format: whole.format, family: whole.families[0]!, diagnostics: [] });
    session.add({ format: whole.format, families: whole.families.slice(1), diagnostics: [] });
    session.add({ format: whole.format, diagnostics: whole.diagnostics });
    expect(session.finish()).toEqual(lint(whole, { source: 'x' }));
  });
});
