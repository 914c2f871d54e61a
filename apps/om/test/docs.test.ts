// The READMEs' examples run, so that an example that drifts from what om does fails CI.
//
// In every README (and docs/*.md), each fenced block is taken as follows:
// - ```sh: run with bash from the repository root, `om` being the built CLI. A line whose comment
//   says `exit N` must end with status N. When the next block is a plain ``` block, it is the
//   output shown: stdout and stderr of the block, in order, must be exactly that text (loopback
//   ports and durations aside).
// - ```ts with an `import`: a program, written beside this test and imported, its console output
//   collected; a plain ``` block after it is its output.
// - Anything else (json, yaml, signatures, output) is not run.
// A block is skipped when the line before it is `<!-- not run: <why> -->` (a secret, a host that is
// not loopback, a package install), or `<!-- run if: <command> -->` names a command not installed.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Block {
  file: string;
  line: number;
  lang: string;
  body: string;
  skip?: string;
  output?: string;
}

/** The fenced blocks of a markdown file, each with the plain block that follows it as its output. */
function blocksOf(markdown: string, file: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]!);
    if (open === null) {
      if (lines[i]!.trim() !== '') previous = lines[i]!.trim();
      continue;
    }
    const indent = open[1]!.length;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!.slice(indent));
    const block: Block = { file, line: start + 1, lang: open[2]!, body: body.join('\n') };
    const notRun = /^<!-- not run: (.+) -->$/.exec(previous);
    const runIf = /^<!-- run if: (\S+) -->$/.exec(previous);
    if (notRun) block.skip = notRun[1]!;
    else if (runIf && spawnSync('sh', ['-c', `command -v ${runIf[1]}`]).status !== 0) block.skip = `${runIf[1]} is not installed`;
    const last = blocks[blocks.length - 1];
    if (block.lang === '' && last !== undefined && last.output === undefined && previous === '```' && (last.lang === 'sh' || last.lang === 'ts')) {
      last.output = block.body;
    } else blocks.push(block);
    previous = '```';
  }
  return blocks;
}

const documents = [
  'README.md',
  'apps/om/README.md',
  ...readdirSync(join(root, 'packages')).map((p) => `packages/${p}/README.md`),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
].filter((f) => {
  try {
    readFileSync(join(root, f));
    return true;
  } catch {
    return false;
  }
});

const runnable = documents.flatMap((file) =>
  blocksOf(readFileSync(join(root, file), 'utf8'), file).filter((b) => b.lang === 'sh' || (b.lang === 'ts' && /^import /m.test(b.body))),
);

/** Ports and durations vary from run to run. */
const steady = (text: string) =>
  text
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/\d+(\.\d+)? ?(ms|s)\b/g, 'TIME')
    .replace(/[ \t]+$/gm, '')
    .trimEnd();

const home = mkdtempSync(join(tmpdir(), 'om-docs-'));
const bin = join(home, 'bin');
mkdirSync(bin);
writeFileSync(join(bin, 'om'), `#!/bin/sh\nexec node ${JSON.stringify(join(root, 'apps/om/dist/bin.js'))} "$@"\n`);
chmodSync(join(bin, 'om'), 0o755);
afterAll(() => rmSync(home, { recursive: true, force: true }));

/**
 * A shell script from a block: `om` is the built CLI, and every command line must exit 0, or N
 * where its comment says `exit N`.
 */
function script(body: string): string {
  const out = ['exec 2>&1', 'shopt -s expand_aliases', 'alias om=' + JSON.stringify(join(bin, 'om'))];
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    out.push(line);
    const command = line.replace(/\s#.*$/, '').trim();
    if (command === '' || command.startsWith('#') || command.endsWith('\\') || command.endsWith('|') || command.endsWith('&&')) return;
    const expected = /\s#.*\bexit (\d+)\b/.exec(line)?.[1] ?? '0';
    out.push(`__s=$?; [ "$__s" = ${expected} ] || echo "docs: line ${i + 1} exited $__s, not ${expected}: ${command.replace(/["`$\\]/g, '')}" >&2`);
  });
  return out.join('\n') + '\n';
}

/** With `OM_DOCS_OUT=<dir>`, each block's output is also written there, to paste into the docs. */
function show(block: Block, output: string): void {
  const dir = process.env.OM_DOCS_OUT;
  if (dir) writeFileSync(join(dir, `${block.file.replace(/\//g, '_')}-${block.line}.txt`), output);
}

describe('the documentation runs', () => {
  it('finds the examples', () => {
    expect(runnable.length).toBeGreaterThan(10);
  });

  it.each(runnable.map((b) => [`${b.file}:${b.line} (${b.lang})`, b] as const))('%s', async (_name, block) => {
    if (block.skip !== undefined) return;
    if (block.lang === 'sh') {
      const result = spawnSync('bash', ['-c', script(block.body)], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: `${bin}:${process.env.PATH}`, HOME: home, TMPDIR: home, LANG: 'C.UTF-8', NO_COLOR: '1', OM_FORMAT: '' },
      });
      const failures = result.stdout.split('\n').filter((l) => l.startsWith('docs: line '));
      expect(failures, `${block.file}:${block.line}\n${result.stdout}`).toEqual([]);
      show(block, result.stdout);
      if (block.output !== undefined) expect(steady(result.stdout)).toBe(steady(block.output));
      return;
    }
    // A TypeScript program beside this test, so that `@omkit/*` resolve as they do for a user.
    const dir = mkdtempSync(join(fileURLToPath(new URL('.', import.meta.url)), '.docs-'));
    try {
      const file = join(dir, 'example.ts');
      writeFileSync(file, block.body);
      const printed: string[] = [];
      for (const method of ['log', 'info', 'error', 'warn'] as const)
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
      const writes = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        printed.push(String(chunk).replace(/\n$/, ''));
        return true;
      });
      const cwd = process.cwd();
      process.chdir(root);
      try {
        await import(pathToFileURL(file).href);
      } finally {
        process.chdir(cwd);
        writes.mockRestore();
      }
      show(block, printed.join('\n'));
      if (block.output !== undefined) expect(steady(printed.join('\n'))).toBe(steady(block.output));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
