// Rates in the text and markdown formats: a sensible precision, integers exact; JSON keeps every digit.
import { parse } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { diff, formatJson, formatMarkdown, formatText } from '../src/index.js';
import { formatRate } from '../src/format/lines.js';

const before = '# TYPE c counter\nc_total 10\n# EOF\n';
const after = (n: number) => `# TYPE c counter\nc_total ${n}\n# EOF\n`;

describe('rates', () => {
  it('a third per second prints 4 significant digits, not 12', () => {
    const changes = diff(parse(before), parse(after(11)), { intervalSeconds: 3 });
    const text = formatText(changes);
    expect(text).toContain('~ c_total 10 → 11 (+1, 0.3333/s)');
    expect(formatMarkdown(changes)).toContain('0.3333/s');
    // The machine format keeps the exact rate.
    expect(JSON.parse(formatJson(changes)).changes[0].rate).toBe(1 / 3);
  });

  it('integers stay exact; large and small rates keep 4 significant digits', () => {
    expect(formatRate(5)).toBe('5');
    expect(formatRate(1_000_000)).toBe('1000000');
    expect(formatRate(0.2)).toBe('0.2');
    expect(formatRate(1234.5678)).toBe('1235');
    expect(formatRate(0.000123456)).toBe('0.0001235');
    expect(formatRate(-2 / 3)).toBe('-0.6667');
    expect(formatRate(Number.NaN)).toBe('NaN');
    expect(formatRate(Infinity)).toBe('+Inf');
  });

  it('a counter reset over an interval too', () => {
    const changes = diff(parse(before), parse(after(7)), { intervalSeconds: 9 });
    expect(formatText(changes)).toContain('(counter reset, 0.7778/s)');
  });
});
