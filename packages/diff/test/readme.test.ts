// The README's examples print what it shows: the TypeScript example is run as written (its
// `@omkit/diff` import pointed at this package's source), and each `om diff` example's output is
// what the library gives for the same files and options (the CLI runs them in apps/om's tests).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from '@omkit/parser';
import { describe, expect, it, vi } from 'vitest';
import { diff, formatJson, formatText, summarize } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = dirname(here);
const root = dirname(dirname(pkg));
const readme = readFileSync(join(pkg, 'README.md'), 'utf8');

interface Fence {
  lang: string;
  body: string;
}

const fences: Fence[] = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]! }));

/** The block of `lang` that contains `marker`, and the plain block right after it (its output). */
function example(lang: string, marker: string): { code: string; output: string } {
  const i = fences.findIndex((f) => f.lang === lang && f.body.includes(marker));
  if (i === -1 || fences[i + 1]?.lang !== '') throw new Error(`no ${lang} block with ${JSON.stringify(marker)} and its output in README.md`);
  return { code: fences[i]!.body, output: fences[i + 1]!.body };
}

const read = (name: string) => parse(readFileSync(join(pkg, 'examples', name), 'utf8'));

describe('README examples', () => {
  it('the TypeScript example prints the diff shown', async () => {
    const { code, output } = example('ts', "from '@omkit/diff'");
    const dir = mkdtempSync(join(here, '.readme-'));
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(`${args.join(' ')}\n`));
    const cwd = process.cwd();
    try {
      const file = join(dir, 'example.ts');
      writeFileSync(file, code.replace(`from '@omkit/diff'`, `from ${JSON.stringify(join(pkg, 'src/index.js'))}`));
      process.chdir(root); // the example's paths are from the repository root
      await import(pathToFileURL(file).href);
    } finally {
      process.chdir(cwd);
      write.mockRestore();
      log.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(printed.join('')).toBe(output);
  });

  it('the rates shown follow the rules stated', () => {
    const { output } = example('ts', "from '@omkit/diff'");
    expect(output).toContain('100 → 130 (+30, 2/s)'); // (130 − 100) / 15
    expect(output).toContain('50 → 3 (counter reset, 0.2/s)'); // 3 / 15
    const changes = diff(read('before.om'), read('after.om'), { intervalSeconds: 15 });
    const summary = summarize(changes);
    expect(output).toContain(`${summary.total} changes in ${summary.families} families`);
    expect(output.match(/^[-+~] /gm)).toHaveLength(summary.total);
  });

  it('`om diff after.om after.prom` shows no changes', () => {
    const { code, output } = example('sh', 'examples/after.prom');
    expect(code.trim()).toBe('om diff packages/diff/examples/after.om packages/diff/examples/after.prom');
    const changes = diff(read('after.om'), read('after.prom'));
    expect(formatText(changes, { before: 'packages/diff/examples/after.om', after: 'packages/diff/examples/after.prom' })).toBe(output);
  });

  it('the JSON example is the report of its command', () => {
    const { code, output } = example('sh', '--format json');
    const argv = code.replace(/\\\n/g, ' ').replace(/#.*$/gm, '').trim().split(/\s+/);
    expect(argv).toEqual([
      'om', 'diff', 'packages/diff/examples/before.om', 'packages/diff/examples/after.om', '--interval', '15s',
      '--only', 'value-changed', '--ignore-metric', 'temperature', '--format', 'json',
    ]);
    const changes = diff(read('before.om'), read('after.om'), { intervalSeconds: 15, only: ['value-changed'], ignoreMetrics: ['temperature'] });
    expect(formatJson(changes)).toBe(output);
    // The span shown fits its line: 1-based line and column, 0-based offsets, end past the last character.
    const text = readFileSync(join(pkg, 'examples/before.om'), 'utf8');
    const span = JSON.parse(output).changes[0].before;
    const line = text.split('\n')[span.start.line - 1];
    expect(text.slice(span.start.offset, span.end.offset)).toBe(line);
    expect(span.end.column - span.start.column).toBe(line.length);
  });
});
