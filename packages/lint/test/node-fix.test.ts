// FixRun (--fix / --diff over files and stdin) and readRuleDoc, from @omkit/lint/node.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from '@omkit/parser';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { lint } from '../src/engine.js';
import { FixRun, readRuleDoc } from '../src/node/index.js';

const root = mkdtempSync(join(tmpdir(), 'om-lint-fix-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = resolveConfig({});
const crlf = '# TYPE up gauge\r\nup 1\r\n# EOF\r\n';
const fixedText = '# TYPE up gauge\nup 1\n# EOF\n';

function run(mode: 'fix' | 'diff') {
  const out: string[] = [];
  const notes: string[] = [];
  return { out, notes, fixing: new FixRun({ mode, write: (t) => out.push(t), note: (l) => notes.push(l) }) };
}

const lintOf = (text: string) => {
  const parsed = parse(text, { format: 'openmetrics' });
  return { format: parsed.format, diagnostics: lint(parsed, { config, source: 'x', text }) };
};

describe('FixRun', () => {
  it('fix writes a file back in place, keeping its mode, and counts', async () => {
    const path = join(root, 'a.om');
    writeFileSync(path, crlf);
    chmodSync(path, 0o640);
    const { fixing, notes, out } = run('fix');
    const { format, diagnostics } = lintOf(crlf);
    const result = await fixing.input({ kind: 'file', source: 'a.om', path, text: crlf }, format, diagnostics, { config });
    expect(result?.text).toBe(fixedText);
    expect(readFileSync(path, 'utf8')).toBe(fixedText);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(fixing.finish()).toEqual({ changed: 1 });
    expect(notes).toEqual([expect.stringMatching(/^fixed \d+ findings? in 1 input$/)]);
    expect(out).toEqual([]);
  });

  it('diff writes a patch and no file', async () => {
    const path = join(root, 'b.om');
    writeFileSync(path, crlf);
    const { fixing, notes, out } = run('diff');
    const { format, diagnostics } = lintOf(crlf);
    await fixing.input({ kind: 'file', source: 'b.om', path, text: crlf }, format, diagnostics, { config });
    expect(readFileSync(path, 'utf8')).toBe(crlf);
    expect(out.join('')).toContain('--- b.om');
    fixing.finish();
    expect(notes[0]).toMatch(/^--fix would fix \d+ findings? in 1 input$/);
  });

  it('stdin alone: the fixed text is the product and no count is noted', async () => {
    const { fixing, notes, out } = run('fix');
    const { format, diagnostics } = lintOf(crlf);
    await fixing.input({ kind: 'stdin', source: '-', text: crlf }, format, diagnostics, { config });
    expect(fixing.stdinOnly).toBe(true);
    fixing.finish();
    expect(out).toEqual([fixedText]);
    expect(notes).toEqual([]);
  });

  it('a URL, a gzip file and a streamed input are not fixed, with a note saying why', async () => {
    const gz = join(root, 'c.om.gz');
    writeFileSync(gz, gzipSync(crlf));
    const { fixing, notes } = run('fix');
    const { format, diagnostics } = lintOf(crlf);
    expect(await fixing.input({ kind: 'url', source: 'http://127.0.0.1/metrics', text: crlf }, format, diagnostics, { config })).toBeUndefined();
    expect(await fixing.input({ kind: 'file', source: 'c.om.gz', path: gz, text: crlf }, format, diagnostics, { config })).toBeUndefined();
    fixing.skip('big.om', 'too large to hold (streamed)');
    expect(fixing.stdinOnly).toBe(false);
    fixing.finish();
    expect(notes).toEqual([
      'http://127.0.0.1/metrics: not fixed: a URL cannot be written back',
      'c.om.gz: not fixed: a gzip file is not written back',
      'big.om: not fixed: too large to hold (streamed)',
      'nothing to fix',
    ]);
  });

  it('a file whose bytes are not the text is not written', async () => {
    const path = join(root, 'd.om');
    writeFileSync(path, crlf);
    const { fixing, notes } = run('fix');
    const { format, diagnostics } = lintOf(crlf);
    expect(await fixing.input({ kind: 'file', source: 'd.om', path, text: `${crlf} ` }, format, diagnostics, { config })).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe(crlf);
    expect(notes[0]).toMatch(/^d\.om: not fixed: the input is not valid UTF-8 .*, or the file changed while it was linted$/);
  });
});

describe('readRuleDoc', () => {
  it('reads a rule\'s shipped doc, and nothing for a name that is not a rule', async () => {
    expect(await readRuleDoc('counter-total-suffix')).toMatch(/^---\ncode: OM201\n/);
    expect(await readRuleDoc('no-such-rule')).toBeUndefined();
    expect(await readRuleDoc('../README')).toBeUndefined();
  });
});
