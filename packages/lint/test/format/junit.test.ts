import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '@omkit/parser';
import { formatJunit } from '../../src/format/index.js';
import { ctx, inputs } from './fixtures/inputs.js';

interface Case {
  '@_classname': string;
  '@_name': string;
  failure?: { '#text': string; '@_message': string; '@_type': string };
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  testcase: Case[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

function parse(xml: string): { '@_tests': string; '@_failures': string; testsuite?: Suite[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites;
}

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  code: 'OM201',
  name: 'counter-total-suffix',
  category: 'practice',
  severity: 'warning',
  message: 'Counter `x` has no `_total` sample',
  url: 'https://om.example/r.md',
  span: { start: { line: 3, column: 7, offset: 0 }, end: { line: 3, column: 8, offset: 0 } },
  ...over,
});

describe('junit', () => {
  test('the shared fixture parses back: one suite per input, one case per rule', () => {
    const root = parse(formatJunit(inputs, ctx));
    const suites = root.testsuite!;
    expect(suites.map((s) => s['@_name'])).toEqual(inputs.map((i) => i.source));
    for (const [i, suite] of suites.entries()) {
      const input = inputs[i]!;
      const rules = new Set(input.diagnostics.map((x) => `${x.code}/${x.name}`));
      expect(suite.testcase.map((c) => c['@_name']).sort()).toEqual(rules.size ? [...rules].sort() : ['om lint']);
      for (const c of suite.testcase) expect(c['@_classname']).toBe(input.source);
      expect(Number(suite['@_tests'])).toBe(suite.testcase.length);
      expect(Number(suite['@_failures'])).toBe(suite.testcase.filter((c) => c.failure).length);
    }
    expect(Number(root['@_tests'])).toBe(suites.reduce((n, s) => n + s.testcase.length, 0));
    expect(Number(root['@_failures'])).toBe(suites.reduce((n, s) => n + Number(s['@_failures']), 0));
  });

  test('a failure lists every occurrence with line:col, typed by the worst severity', () => {
    const xml = formatJunit(
      [{ source: 'a.txt', diagnostics: [d({}), d({ severity: 'error', span: { start: { line: 9, column: 1, offset: 0 }, end: { line: 9, column: 2, offset: 0 } } }), d({ span: undefined })] }],
      ctx,
    );
    const [c] = parse(xml).testsuite![0]!.testcase;
    expect(c!.failure!['@_type']).toBe('error');
    expect(c!.failure!['@_message']).toBe('3 problems: Counter `x` has no `_total` sample');
    const text = c!.failure!['#text'];
    expect(text).toContain('(input) warning Counter');
    expect(text).toContain('3:7 warning Counter');
    expect(text).toContain('9:1 error Counter');
  });

  test('rules with only info findings pass, their findings in system-out', () => {
    const suite = parse(formatJunit([{ source: 'a.txt', diagnostics: [d({ severity: 'info' })] }], ctx)).testsuite![0]!;
    expect(suite['@_failures']).toBe('0');
    expect(suite.testcase[0]!.failure).toBeUndefined();
    expect(suite.testcase[0]!['system-out']).toContain('3:7 info Counter');
  });

  test('a clean input gets one passing testcase', () => {
    const suite = parse(formatJunit([{ source: 'ok.txt', diagnostics: [] }], ctx)).testsuite![0]!;
    expect(suite.testcase).toEqual([{ '@_classname': 'ok.txt', '@_name': 'om lint' }]);
  });

  test('no inputs: an empty, valid document', () => {
    const root = parse(formatJunit([], ctx));
    expect(root['@_tests']).toBe('0');
    expect(root.testsuite).toBeUndefined();
  });

  test('markup characters round-trip in names, attributes and text', () => {
    const source = `a&b<"c'>.txt`;
    const message = `value "<&>" 'q' ]]> end`;
    const suite = parse(formatJunit([{ source, diagnostics: [d({ message })] }], ctx)).testsuite![0]!;
    const c = suite.testcase[0]!;
    expect(suite['@_name']).toBe(source);
    expect(c['@_classname']).toBe(source);
    expect(c.failure!['@_message']).toBe(message);
    expect(c.failure!['#text']).toContain(`3:7 warning ${message}`);
  });

  test('characters XML 1.0 forbids are written as visible escapes; the document stays well-formed', () => {
    const message = 'bell\u0007 esc\u001b nul\u0000 fffe\ufffe lone\ud800 tab\t ok 🍕';
    const xml = formatJunit([{ source: 'a\u0001.txt', diagnostics: [d({ message })] }], ctx);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u);
    const suite = parse(xml).testsuite![0]!;
    expect(suite['@_name']).toBe('a\\u{1}.txt');
    expect(suite.testcase[0]!.failure!['@_message']).toBe('bell\\u{7} esc\\u{1b} nul\\u{0} fffe\\u{fffe} lone\\u{d800} tab\t ok 🍕');
  });

  test('tab, CR and LF in attributes survive attribute-value normalisation', () => {
    const c = parse(formatJunit([{ source: 'a.txt', diagnostics: [d({ message: 'a\tb\rc\nd' })] }], ctx)).testsuite![0]!.testcase[0]!;
    expect(c.failure!['@_message']).toBe('a\tb\rc\nd');
    expect(formatJunit([{ source: 'a.txt', diagnostics: [d({ message: 'a\tb\rc\nd' })] }], ctx)).toContain('message="a&#9;b&#13;c&#10;d"');
  });

  test('no timings in the output', () => {
    expect(formatJunit(inputs, ctx)).not.toMatch(/\btime=|timestamp=/);
  });
});
