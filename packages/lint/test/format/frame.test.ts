import { describe, expect, test } from 'vitest';
import type { Span } from '@omkit/parser';
import { codeFrame } from '../../src/format/index.js';
import { find, spanOf } from './fixtures/inputs.js';

const lines = (text: string) => text.split('\n');
const frame = (text: string, span: Span, maxSpanLines?: number) =>
  codeFrame(lines(text), span, { color: false, style: 'red', maxSpanLines })?.join('\n');
const sp = (l1: number, c1: number, l2: number, c2: number): Span => ({
  start: { line: l1, column: c1, offset: 0 },
  end: { line: l2, column: c2, offset: 0 },
});

describe('codeFrame', () => {
  test('one line of context either side, carets under the span', () => {
    const text = 'a 1\nbb 2\nc 3\nd 4\n';
    expect(frame(text, find(text, 'bb'))).toBe(['  1 | a 1', '> 2 | bb 2', '    | ^^', '  3 | c 3'].join('\n'));
  });

  test('first and last line have context on one side only; the final newline is not a line', () => {
    const text = 'a 1\nb 2\n';
    expect(frame(text, find(text, 'a'))).toBe(['> 1 | a 1', '    | ^', '  2 | b 2'].join('\n'));
    expect(frame(text, find(text, '2'))).toBe(['  1 | a 1', '> 2 | b 2', '    |   ^'].join('\n'));
  });

  test('gutter width follows the largest line number shown', () => {
    const text = Array.from({ length: 10 }, (_, i) => `m ${i + 1}`).join('\n');
    expect(frame(text, find(text, 'm 9'))).toBe([' 8 | m 8', '> 9 | m 9', '  | ^^^', '10 | m 10'].map((l, i) => (i === 2 ? '     | ^^^' : i === 1 ? '>  9 | m 9' : `  ${l}`)).join('\n'));
  });

  test('tabs are expanded to stops of 4 and carets follow', () => {
    const text = 'a\tbc\t1';
    expect(frame(text, find(text, 'bc'))).toBe(['> 1 | a   bc  1', '    |     ^^'].join('\n'));
    expect(frame(text, find(text, '1'))).toBe(['> 1 | a   bc  1', '    |         ^'].join('\n'));
  });

  test('astral and wide characters: UTF-16 columns in, terminal cells out', () => {
    const text = 'x{a="🍕😀"} 1';
    // 🍕 and 😀 are two UTF-16 units and two cells each
    expect(find(text, '1').start.column).toBe(13);
    expect(frame(text, find(text, '1'))).toBe(['> 1 | x{a="🍕😀"} 1', '    |             ^'].join('\n'));
    expect(frame(text, find(text, '😀'))).toBe(['> 1 | x{a="🍕😀"} 1', '    |        ^^'].join('\n'));
    const cjk = 'x{a="日本"} 1';
    expect(frame(cjk, find(cjk, '1'))).toBe(['> 1 | x{a="日本"} 1', '    |             ^'].join('\n'));
    const combining = 'x{a="e\u0301"} 1';
    expect(frame(combining, find(combining, '1'))).toBe(['> 1 | x{a="e\u0301"} 1', '    |          ^'].join('\n'));
  });

  test('an empty span gets one caret; a span past the end of the line points just after it', () => {
    const text = 'up 1\n# EOF';
    expect(frame(text, spanOf(text, 2, 2))).toBe(['> 1 | up 1', '    |   ^', '  2 | # EOF'].join('\n'));
    expect(frame(text, sp(1, 5, 1, 5))).toBe(['> 1 | up 1', '    |     ^', '  2 | # EOF'].join('\n'));
    expect(frame(text, sp(1, 9, 1, 30))).toBe(['> 1 | up 1', '    |     ^', '  2 | # EOF'].join('\n'));
  });

  test('a span at the end of input (missing `# EOF`) points at the empty last line', () => {
    const text = 'up 1\n';
    expect(frame(text, spanOf(text, 5, 5))).toBe(['  1 | up 1', '> 2 |', '    | ^'].join('\n'));
  });

  test('trailing whitespace is not printed, but carets still mark it', () => {
    const text = 'up 1   \n';
    expect(frame(text, spanOf(text, 4, 7))).toBe(['> 1 | up 1', '    |     ^^^'].join('\n'));
  });

  test('multi-line spans mark every line; a span ending at column 1 ends on the line before', () => {
    const text = 'a\n# HELP x y\n# TYPE x gauge\nx 1\nz';
    expect(frame(text, spanOf(text, 2, text.indexOf('x 1')))).toBe(
      ['  1 | a', '> 2 | # HELP x y', '    | ^^^^^^^^^^', '> 3 | # TYPE x gauge', '    | ^^^^^^^^^^^^^^', '  4 | x 1'].join('\n'),
    );
    expect(frame(text, spanOf(text, text.indexOf('x y'), text.indexOf(' gauge')))).toBe(
      ['  1 | a', '> 2 | # HELP x y', '    |        ^^^', '> 3 | # TYPE x gauge', '    | ^^^^^^^^', '  4 | x 1'].join('\n'),
    );
  });

  test('long multi-line spans are elided in the middle', () => {
    const text = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join('\n');
    const out = frame(text, sp(2, 1, 11, 4), 4)!;
    expect(out.split('\n').filter((l) => l.startsWith('>')).map((l) => l.slice(2, 4).trim())).toEqual(['2', '3', '10', '11']);
    expect(out).toContain('\n   ⋮\n');
  });

  test('empty lines show a bare gutter', () => {
    const text = 'a\n\nb';
    expect(frame(text, find(text, 'b'))).toBe(['  2 |', '> 3 | b', '    | ^'].join('\n'));
  });

  test('control characters in the input cannot reach the terminal', () => {
    const text = 'x{a="\u001b[2J\u0007"} 1';
    const out = frame(text, find(text, '1'))!;
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(out).toContain('␛[2J␇');
    expect(out.split('\n')[1]).toBe('    |              ^');
  });

  test('no frame when the span is outside the text', () => {
    expect(frame('a\nb', sp(5, 1, 5, 2))).toBeUndefined();
    expect(frame('a\nb', sp(0, 1, 0, 2))).toBeUndefined();
  });

  test('a span whose end lies past the last line is cut at the end of the text', () => {
    expect(frame('a 1\nb 2', sp(2, 3, 9, 1))).toBe(['  1 | a 1', '> 2 | b 2', '    |   ^'].join('\n'));
  });

  test('colour only when asked', () => {
    const text = 'a 1';
    const plain = codeFrame(lines(text), find(text, 'a'), { color: false, style: 'yellow' })!.join('\n');
    const colored = codeFrame(lines(text), find(text, 'a'), { color: true, style: 'yellow' })!.join('\n');
    expect(plain).not.toContain('\u001b');
    expect(colored).toContain('\u001b[33m^\u001b[39m');
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });
});
