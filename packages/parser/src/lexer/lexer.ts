// The one lexer instance (never one per call). Offsets only: line and column are computed from
// offsets when a diagnostic needs them (PERF-NOTES.md), and every input handed to it is one line.
import { Lexer } from 'chevrotain';
import { lexerDefinition } from './tokens.js';

export const lineLexer = new Lexer(lexerDefinition, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});

/** Lex one line (without its line feed); `comment` for lines that start with `#`. */
export function lexLine(line: string, mode: 'sample' | 'comment') {
  return lineLexer.tokenize(line, mode);
}
