// The package runs wherever JavaScript runs: no Node-only imports or globals in src/; the lexer
// passes chevrotain's optimization check; the CST types are generated from the grammar.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexer } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { lexerDefinition } from '../src/lexer/tokens.js';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.ts$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** The code of a TypeScript file without its comments and string contents. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

const files = sourceFiles(srcDir);

describe('runs anywhere', () => {
  it('scans every source file', () => {
    expect(files.length).toBeGreaterThan(15);
    expect(files.some((f) => f.endsWith('stream.ts'))).toBe(true);
  });

  it.each(files.map((f) => [f.slice(srcDir.length), f]))('%s imports nothing Node-only', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:^|\s)(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
      (m) => m[1] ?? m[2]!,
    );
    for (const specifier of specifiers) {
      expect(specifier.startsWith('node:'), specifier).toBe(false);
      expect(['fs', 'path', 'stream', 'buffer', 'util', 'os', 'events', 'string_decoder'], specifier).not.toContain(specifier);
      expect(specifier.startsWith('.') || specifier === 'chevrotain', `${specifier}: only relative imports and chevrotain`).toBe(true);
    }
    const body = code(text);
    expect(body).not.toMatch(/\bBuffer\b/);
    expect(body).not.toMatch(/\bprocess\b/);
    expect(body).not.toMatch(/\brequire\s*\(/);
    expect(body).not.toMatch(/\b__dirname\b|\b__filename\b/);
    expect(body).not.toMatch(/\bglobal\b\./);
  });

  it('the scanner finds what it looks for', () => {
    expect(code('import x from "node:fs"; // Buffer\nconst b = Buffer.from("");')).toMatch(/\bBuffer\b/);
    expect(code('/* process */ const s = "process";')).not.toMatch(/\bprocess\b/);
  });
});

describe('the lexer', () => {
  it('is built with ensureOptimizations from the token definitions', () => {
    expect(() => new Lexer(lexerDefinition, { positionTracking: 'onlyOffset', ensureOptimizations: true })).not.toThrow();
  });

  it('lexes a line in each mode without errors', () => {
    const lexer = new Lexer(lexerDefinition, { positionTracking: 'onlyOffset', ensureOptimizations: true });
    const sample = lexer.tokenize('a{b="c"} 1 2 # {d="e"} 3', 'sample');
    expect(sample.errors).toEqual([]);
    expect(sample.tokens.map((t) => t.tokenType.name)).toEqual([
      'Name', 'LBrace', 'Name', 'Equals', 'QuotedString', 'RBrace', 'Blank', 'Number', 'Blank', 'Number',
      'Blank', 'Hash', 'Blank', 'LBrace', 'Name', 'Equals', 'QuotedString', 'RBrace', 'Blank', 'Number',
    ]);
    const help = lexer.tokenize('# HELP "my.metric" some text', 'comment');
    expect(help.errors).toEqual([]);
    expect(help.tokens.map((t) => t.tokenType.name)).toEqual(['Hash', 'Blank', 'HelpKeyword', 'Blank', 'QuotedHelpName', 'HelpText']);
  });
});

describe('the generated CST types', () => {
  it('src/grammar/cst.d.ts is what scripts/generate-cst.mjs generates', async () => {
    const script: string = '../scripts/generate-cst.mjs';
    const { cstDts } = (await import(script)) as { cstDts: () => string };
    const committed = readFileSync(new URL('../src/grammar/cst.d.ts', import.meta.url), 'utf8');
    expect(committed).toBe(cstDts());
  });
});
