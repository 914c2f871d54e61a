// Offsets → line:column, computed only when a span is asked for (PERF-NOTES.md).
import type { Position, Span } from './diagnostic.js';

/** The line a sample or descriptor sits on; shared by everything built from that line. */
export interface LineRef {
  /** 1-based line number. */
  readonly line: number;
  /** Offset of the line's first character in the whole input. */
  readonly start: number;
}

export function position(ref: LineRef, offset: number): Position {
  return { line: ref.line, column: offset - ref.start + 1, offset };
}

/** A span within one line. */
export function lineSpan(ref: LineRef, start: number, end: number): Span {
  return { start: position(ref, start), end: position(ref, end) };
}

/** A span from one line to another. */
export function spanBetween(from: LineRef, start: number, to: LineRef, end: number): Span {
  return { start: position(from, start), end: position(to, end) };
}
