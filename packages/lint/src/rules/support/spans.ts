// Narrow spans inside a sample line, found by scanning the line's text when the rule has it
// (`ctx.source`). Without the text, rules fall back to the whole sample line.
import type { Span } from '@omkit/parser';
import type { SourceText } from '../../rule.js';

/** What a label is looked for in: a sample line, by its span (a Sample, or a SampleCursor on it). */
export interface SampleLine {
  readonly span: Span;
}

export interface LabelPair {
  name: string;
  /** `name="value"` */
  pair: Span;
  /** The label name alone. */
  nameSpan: Span;
  /** The value, quotes included. */
  valueSpan: Span;
}

function at(sample: Span, offset: number): Span['start'] {
  // Samples are one line: columns move with offsets (both count UTF-16 units).
  return { line: sample.start.line, column: sample.start.column + (offset - sample.start.offset), offset };
}

function readQuoted(text: string, i: number, end: number): number {
  // text[i] === '"'; returns the index after the closing quote (or `end`).
  for (let j = i + 1; j < end; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return end;
}

/** The label pairs of a sample as written, with their spans; `[]` when they cannot be found. */
export function labelPairs(source: SourceText | string | undefined, sample: SampleLine): LabelPair[] {
  if (source === undefined) return [];
  const lineSpan = sample.span;
  const base = lineSpan.start.offset;
  const line = source.slice(base, lineSpan.end.offset);
  if (line === undefined) return [];
  const pairs = pairsOf(line);
  const span = (start: number, end: number): Span => ({ start: at(lineSpan, base + start), end: at(lineSpan, base + end) });
  return pairs.map((p) => ({ name: p.name, pair: span(p.start, p.end), nameSpan: span(p.start, p.nameEnd), valueSpan: span(p.valueStart, p.end) }));
}

/** The label pairs of one sample line, by offsets in the line. */
function pairsOf(text: string): { name: string; start: number; nameEnd: number; valueStart: number; end: number }[] {
  const end = text.length;
  let i = 0;
  // Skip the metric name (bare or quoted) up to `{`.
  while (i < end && text[i] !== '{' && text[i] !== ' ') i = text[i] === '"' ? readQuoted(text, i, end) : i + 1;
  if (text[i] !== '{') return [];
  i++;
  const out: { name: string; start: number; nameEnd: number; valueStart: number; end: number }[] = [];
  while (i < end) {
    while (text[i] === ' ') i++;
    if (text[i] === '}') break;
    const nameStart = i;
    let name: string;
    if (text[i] === '"') {
      i = readQuoted(text, i, end);
      name = text.slice(nameStart + 1, i - 1);
    } else {
      while (i < end && /[A-Za-z0-9_:.]/.test(text[i]!)) i++;
      name = text.slice(nameStart, i);
    }
    const nameEnd = i;
    while (text[i] === ' ') i++;
    if (text[i] === '=') {
      i++;
      while (text[i] === ' ') i++;
      if (text[i] !== '"') return out;
      const valueStart = i;
      i = readQuoted(text, i, end);
      out.push({ name, start: nameStart, nameEnd, valueStart, end: i });
    } else if (nameEnd === nameStart) {
      return out; // not a label
    }
    while (text[i] === ' ') i++;
    if (text[i] === ',') i++;
    else if (text[i] !== '}') return out;
  }
  return out;
}

/** The span of label `name` of a sample (its name, or its value), else the sample's span. */
export function labelSpan(source: SourceText | string | undefined, sample: SampleLine, name: string, part: 'name' | 'value' | 'pair' = 'name'): Span {
  const p = labelPairs(source, sample).find((x) => x.name === name);
  if (!p) return sample.span;
  return part === 'name' ? p.nameSpan : part === 'value' ? p.valueSpan : p.pair;
}
