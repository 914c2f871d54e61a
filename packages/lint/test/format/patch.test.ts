// The unified diff of `om lint --diff`: `patch` applies it to give the fixed text exactly, and each
// hunk's header counts match its lines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPatch } from '../../src/format/patch.js';

/** Applies a unified diff in JS (strict: every context and removed line must match). */
function apply(before: string, patch: string): string {
  const a = before === '' ? [] : before.split(/(?<=\n)/);
  const out: string[] = [];
  let at = 0;
  const rows = patch.split('\n');
  rows.pop();
  let i = 2;
  while (i < rows.length) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(rows[i]!);
    if (!m) throw new Error(`bad hunk header ${rows[i]}`);
    const aStart = Number(m[1]);
    const aCount = m[2] === undefined ? 1 : Number(m[2]);
    const bCount = m[4] === undefined ? 1 : Number(m[4]);
    const first = aCount === 0 ? aStart : aStart - 1;
    while (at < first) out.push(a[at++]!);
    let seenA = 0;
    let seenB = 0;
    i++;
    while (i < rows.length && !rows[i]!.startsWith('@@')) {
      const kind = rows[i]![0];
      const noEol = rows[i + 1] === '\\ No newline at end of file';
      const line = rows[i]!.slice(1) + (noEol ? '' : '\n');
      if (kind === ' ' || kind === '-') {
        if (a[at] !== line) throw new Error(`mismatch at line ${at + 1}: ${JSON.stringify(a[at])} vs ${JSON.stringify(line)}`);
        at++;
        seenA++;
      }
      if (kind === ' ' || kind === '+') {
        out.push(line);
        seenB++;
      }
      i += noEol ? 2 : 1;
    }
    expect([seenA, seenB]).toEqual([aCount, bCount]);
  }
  while (at < a.length) out.push(a[at++]!);
  return out.join('');
}

describe('formatPatch', () => {
  it('is empty for equal texts', () => {
    expect(formatPatch('a\n', 'a\n', { from: 'x', to: 'x' })).toBe('');
  });

  it('writes the hunks of an added `# EOF` and a removed blank line', () => {
    const before = '# TYPE a gauge\na 1\n\n# TYPE b gauge\nb 2\n';
    const after = '# TYPE a gauge\na 1\n# TYPE b gauge\nb 2\n# EOF\n';
    expect(formatPatch(before, after, { from: 'm.om', to: 'm.om' })).toBe(
      ['--- m.om', '+++ m.om', '@@ -1,5 +1,5 @@', ' # TYPE a gauge', ' a 1', '-', ' # TYPE b gauge', ' b 2', '+# EOF', ''].join('\n'),
    );
  });

  it('marks a last line without a line feed', () => {
    expect(formatPatch('a\nb', 'a\nb\n', { from: 'f', to: 'f' })).toBe('--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
  });

  it('applies back exactly (property), far-apart changes in separate hunks', () => {
    const line = fc.constantFrom('a', 'b', 'c', '# EOF', '', 'x 1');
    const text = fc.array(line, { maxLength: 40 }).chain((ls) => fc.boolean().map((eol) => ls.join('\n') + (eol && ls.length ? '\n' : '')));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const patch = formatPatch(before, after, { from: 'f', to: 'f' });
        expect(apply(before, patch)).toBe(after);
      }),
      { numRuns: 300 },
    );
  });

  it('GNU patch applies it', () => {
    const before = Array.from({ length: 30 }, (_, i) => `m${i} ${i}\r\n`).join('');
    const after = before.replace(/\r\n/g, '\n').replace('m10 10', 'm10 11') + '# EOF\n';
    const patch = formatPatch(before, after, { from: 'f.prom', to: 'f.prom' });
    const dir = mkdtempSync(join(tmpdir(), 'om-patch-'));
    try {
      writeFileSync(join(dir, 'f.prom'), before);
      writeFileSync(join(dir, 'fix.patch'), patch);
      const r = spawnSync('patch', ['-s', '-p0', '-i', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
      if (r.error) return; // no `patch` on this machine: the JS applier above still checks it
      expect(r.status).toBe(0);
      expect(readFileSync(join(dir, 'f.prom'), 'utf8')).toBe(after);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('formatPatch on large changes', () => {
  it('more changed lines than the edit search allows: one exact hunk for the changed middle', () => {
    const before = Array.from({ length: 6000 }, (_, i) => `m${i} ${i}\r\n`).join('');
    const after = `# TYPE m gauge\n${before.replace(/\r\n/g, '\n')}# EOF\n`;
    const patch = formatPatch(before, after, { from: 'f', to: 'f' });
    expect(patch.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,6000 +1,6002 @@']);
    expect(apply(before, patch)).toBe(after);
  });
});
