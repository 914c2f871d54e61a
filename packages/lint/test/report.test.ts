// defaultFormat and lintReport: the format a command line picks, and the report it prints.
import type { Diagnostic, Severity } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { OptionError } from '../src/errors.js';
import { formatters, formatStatistics, ruleStatistics } from '../src/format/index.js';
import type { LintedInput } from '../src/format/types.js';
import { defaultFormat, lintReport } from '../src/report.js';

describe('defaultFormat', () => {
  it('OM_FORMAT first, then GitHub Actions, then the terminal', () => {
    expect(defaultFormat({ OM_FORMAT: 'json', GITHUB_ACTIONS: 'true' }, true)).toBe('json');
    expect(defaultFormat({ OM_FORMAT: '', GITHUB_ACTIONS: 'true' }, true)).toBe('github');
    expect(defaultFormat({}, true)).toBe('full');
    expect(defaultFormat({}, false)).toBe('concise');
  });

  it('an OM_FORMAT that is not a format is an OptionError naming the formats', () => {
    expect(() => defaultFormat({ OM_FORMAT: 'xml' }, false)).toThrow(OptionError);
    expect(() => defaultFormat({ OM_FORMAT: 'xml' }, false)).toThrow(/^OM_FORMAT must be one of full, concise, json, github, sarif, junit \(received "xml"\)$/);
  });
});

const d = (severity: Severity, line: number): Diagnostic => ({
  code: 'OM201',
  name: 'counter-total-suffix',
  category: 'practice',
  severity,
  message: 'Counter `x` has no `_total` sample',
  source: 'm.prom',
  url: 'u',
  span: { start: { line, column: 1, offset: 0 }, end: { line, column: 2, offset: 1 } },
});
const results: LintedInput[] = [{ source: 'm.prom', text: 'x 1\nx 2\nx 3\n', diagnostics: [d('warning', 1), d('warning', 2), d('error', 3)] }];

describe('lintReport', () => {
  it('a human format: the findings, a gap before the summary, and how many are not shown', () => {
    const r = lintReport(results, { format: 'full', color: false, maxDiagnostics: 1 });
    expect(r.body).toBe(formatters.full([{ ...results[0]!, diagnostics: results[0]!.diagnostics.slice(0, 1) }], { color: false }));
    expect(r).toMatchObject({ machine: false, gap: true, more: '… 2 more not shown (--max-diagnostics)\n' });
    expect(lintReport(results, { format: 'concise', color: false })).toMatchObject({ gap: false, more: '' });
  });

  it('a machine format: every finding, no colour, the summary elsewhere', () => {
    const r = lintReport(results, { format: 'json', color: true, maxDiagnostics: 1 });
    expect(r.body).toBe(formatters.json(results, { color: false }));
    expect(r).toMatchObject({ machine: true, gap: false, more: '' });
  });

  it('statistics: the count per rule, as JSON with format json', () => {
    const stats = ruleStatistics(results, { unsafe: false });
    expect(lintReport(results, { format: 'concise', color: false, statistics: true })).toEqual({ body: formatStatistics(stats, { color: false }), machine: false, gap: false, more: '' });
    expect(lintReport(results, { format: 'json', color: false, statistics: true }).body).toBe(`${JSON.stringify(stats, null, 2)}\n`);
    expect(lintReport(results, { format: 'sarif', color: false, statistics: true }).machine).toBe(false);
  });
});
