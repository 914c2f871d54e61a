// Regenerates src/grammar/cst.d.ts from the grammar (run after `tsc -b`); a test keeps it fresh.
import { writeFileSync } from 'node:fs';
import { generateCstDts } from 'chevrotain';
import { getLineParser } from '../dist/grammar/parser.js';

export const cstDts = () =>
  '// Generated from the grammar by scripts/generate-cst.mjs. Do not edit by hand.\n' +
  generateCstDts(getLineParser().getGAstProductions());

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../src/grammar/cst.d.ts', import.meta.url), cstDts());
}
