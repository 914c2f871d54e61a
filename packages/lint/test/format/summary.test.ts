import { describe, expect, test } from 'vitest';
import type { Diagnostic, Severity } from '@omkit/parser';
import { formatSummary, summarize, type LintedInput } from '../../src/format/index.js';

const diag = (severity: Severity, safe = false): Diagnostic => ({
  code: 'OM1',
  name: 'x',
  category: 'practice',
  severity,
  message: 'm',
  url: 'u',
  ...(safe && { fix: { description: 'f', applicability: 'safe' as const, edits: [] } }),
});
const input = (...diagnostics: Diagnostic[]): LintedInput => ({ source: 'a.txt', diagnostics });
const line = (...inputs: LintedInput[]) => formatSummary(summarize(inputs), { color: false });

describe('summary', () => {
  test('counts per severity, inputs and safe fixes', () => {
    const s = summarize([input(diag('error', true), diag('warning')), input(diag('info')), input()]);
    expect(s).toEqual({ errors: 1, warnings: 1, infos: 1, fixable: 1, inputs: 3 });
    expect(summarize([input({ ...diag('error'), fix: { description: 'f', applicability: 'unsafe', edits: [] } })]).fixable).toBe(0);
  });

  test('the line', () => {
    expect(line(input(diag('error'), diag('error'), diag('warning'), diag('info')), input())).toBe('✖ 2 errors, 1 warning, 1 info in 2 inputs\n');
    expect(line(input(diag('warning'), diag('warning')))).toBe('⚠ 2 warnings in 1 input\n');
    expect(line(input(diag('info')))).toBe('ℹ 1 info in 1 input\n');
    expect(line(input())).toBe('✔ no problems in 1 input\n');
    expect(line()).toBe('✔ no problems in 0 inputs\n');
    expect(line(input(diag('error', true)))).toBe('✖ 1 error in 1 input (1 fixable)\n');
  });

  test('colour only when asked', () => {
    expect(formatSummary(summarize([input()]), { color: true })).toBe('\u001b[32m✔\u001b[39m no problems in 1 input\n');
  });
});
