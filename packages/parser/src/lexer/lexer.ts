// The one lexer instance (never one per call), built on first use: most expositions never need
// it, because the fast scanner reads their lines. Offsets only: line and column are computed from
// offsets when a diagnostic needs them (PERF-NOTES.md), and every input handed to it is one line.
import { Lexer } from 'chevrotain';
import { lexerDefinition } from './tokens.js';

let lineLexer: Lexer | undefined;

/** Lex one line (without its line feed); `comment` for lines that start with `#`. */
export function lexLine(line: string, mode: 'sample' | 'comment') {
  lineLexer ??= new Lexer(lexerDefinition, { positionTracking: 'onlyOffset', ensureOptimizations: true });
  return lineLexer.tokenize(line, mode);
}
