import { describe, expect, test } from 'vitest';
import type { Span } from '@omkit/parser';
import { codeFrame } from '../../src/format/index.js';
import { find, spanOf } from './fixtures/inputs.js';

const lines = (text: string) => text.split('\n');
const frame = (text: string, span: Span, maxSpanLines?: number, maxWidth?: number) =>
  codeFrame(lines(text), span, { color: false, style: 'red', maxSpanLines, maxWidth })?.join('\n');
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

  test('long lines are cut to a window around the span, carets still aligned', () => {
    const long = `x{${Array.from({ length: 40 }, (_, i) => `l${i}="v${i}"`).join(',')}} 1`;
    const text = `# TYPE x gauge\n${long}\n# EOF`;
    const out = frame(text, find(text, 'l30="v30"'), undefined, 60)!.split('\n');
    expect(out.every((l) => [...l.slice(6)].length <= 60 + 2)).toBe(true);
    const [, line, carets] = out;
    expect(line).toMatch(/^> 2 \| …l\d+="v\d+".*l30="v30".*…$/);
    const at = carets!.indexOf('^');
    expect(line!.slice(at, at + 9)).toBe('l30="v30"');
    expect(carets!.slice(at)).toBe('^'.repeat(9));
  });

  test('a window at the end of a long line still shows a caret after its last character', () => {
    const long = `x{${'a'.repeat(200)}} 1`;
    const out = frame(long, sp(1, long.length + 1, 1, long.length + 1), undefined, 40)!.split('\n');
    expect(out[0]).toMatch(/^> 1 \| …a+\} 1$/);
    expect(out[1]!.indexOf('^')).toBe(out[0]!.length);
  });

  test('wide characters are never split by the window', () => {
    const long = `x{a="${'日'.repeat(100)}"} 1`;
    for (const maxWidth of [30, 31]) {
      const out = frame(long, find(long, '1'), undefined, maxWidth)!.split('\n');
      expect(out[0]).toMatch(/^> 1 \| … ?日+"\} 1$/);
      // every 日 is two cells: the caret sits under the `1`
      const cells = (s: string) => [...s].reduce((n, ch) => n + (ch === '日' ? 2 : 1), 0);
      expect(out[1]!.indexOf('^')).toBe(cells(out[0]!) - 1);
    }
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
