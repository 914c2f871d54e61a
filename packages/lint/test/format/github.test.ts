import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '@omkit/parser';
import { escapeGithubData, escapeGithubProperty, formatGithub, type LintedInput } from '../../src/format/index.js';
import { ctx, inputs } from './fixtures/inputs.js';

const base: Diagnostic = {
  code: 'OM201',
  name: 'counter-total-suffix',
  category: 'practice',
  severity: 'warning',
  message: 'Counter `x` has no `_total` sample',
  url: 'https://om.example/r.md',
  span: { start: { line: 3, column: 1, offset: 10 }, end: { line: 3, column: 2, offset: 11 } },
};
const one = (source: string, d: Partial<Diagnostic> = {}) => formatGithub([{ source, diagnostics: [{ ...base, ...d }] }], ctx);

/** Parses `::cmd k=v,k=v::data` back, undoing the escaping. */
function parse(line: string) {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line.replace(/\n$/, ''));
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const un = (s: string) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const props = Object.fromEntries(m[2]!.split(',').map((kv) => kv.split('=', 2) as [string, string]).map(([k, v]) => [k, un(v)]));
  return { command: m[1], props, data: un(m[3]!) };
}

describe('github', () => {
  test('escaping follows @actions/core: %, CR, LF in data; also : and , in properties', () => {
    expect(escapeGithubData('50% a:b,c\r\nd')).toBe('50%25 a:b,c%0D%0Ad');
    expect(escapeGithubProperty('50% a:b,c\r\nd')).toBe('50%25 a%3Ab%2Cc%0D%0Ad');
    expect(escapeGithubData('%0A')).toBe('%250A');
  });

  test('one command per line, each parses back', () => {
    const lines = formatGithub(inputs, ctx).trimEnd().split('\n');
    expect(lines).toHaveLength(inputs.reduce((n, i) => n + i.diagnostics.length, 0));
    for (const line of lines) {
      const { command, props } = parse(line);
      expect(['error', 'warning', 'notice']).toContain(command);
      expect(props.title).toMatch(/^OM\d+\/[a-z-]+$/);
    }
  });

  test('severities: error, warning, and notice for info', () => {
    expect(parse(one('a.txt', { severity: 'error' })).command).toBe('error');
    expect(parse(one('a.txt', { severity: 'warning' })).command).toBe('warning');
    expect(parse(one('a.txt', { severity: 'info' })).command).toBe('notice');
  });

  test('file, line, col, endLine, endColumn for a local file', () => {
    expect(one('dir/a.txt').split('::')[1]).toBe('warning file=dir/a.txt,line=3,col=1,endLine=3,endColumn=2,title=OM201/counter-total-suffix');
  });

  test('col and endColumn dropped when the span covers several lines', () => {
    const span = { start: { line: 2, column: 5, offset: 0 }, end: { line: 4, column: 3, offset: 0 } };
    expect(parse(one('a.txt', { span })).props).toEqual({ file: 'a.txt', line: '2', endLine: '4', title: 'OM201/counter-total-suffix' });
  });

  test('a span ending at column 1 of a later line ends on the line before', () => {
    const span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 3, column: 1, offset: 0 } };
    expect(parse(one('a.txt', { span })).props).toMatchObject({ line: '1', endLine: '2' });
  });

  test('no span: file only', () => {
    expect(parse(one('a.txt', { span: undefined })).props).toEqual({ file: 'a.txt', title: 'OM201/counter-total-suffix' });
  });

  test.each(['-', 'http://host:9100/metrics', 'https://h/m?a=1,b'])('no file= for %s; the position goes into the message', (source) => {
    const { props, data } = parse(one(source));
    expect(props).toEqual({ title: 'OM201/counter-total-suffix' });
    expect(data.startsWith(`${source}:3:1: Counter`)).toBe(true);
  });

  test('file names and messages with special characters round-trip', () => {
    const source = 'a,b:c%d.txt';
    const message = 'Value `50%, a:b` is\r\nodd';
    const { props, data } = parse(one(source, { message, help: 'fix: it, 100%' }));
    expect(props.file).toBe(source);
    expect(data).toBe(`Value \`50%, a:b\` is␍␊odd\nhelp: fix: it, 100%\nhttps://om.example/r.md`);
    expect(one(source, { message })).not.toMatch(/\r|\n(?!$)/);
  });

  test('control characters become visible, never raw', () => {
    expect(one('a.txt', { message: 'x \u001b[2J \u0000' })).toContain('x ␛[2J ␀');
  });

  test('inputs without diagnostics print nothing', () => {
    const clean: LintedInput[] = [{ source: 'a.txt', diagnostics: [] }];
    expect(formatGithub(clean, ctx)).toBe('');
  });
});
