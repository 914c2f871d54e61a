// Command-line settings over a config (`--preset`, `--rule`), the exit-code policy and `--max-diagnostics`.
import type { Diagnostic, Severity } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { OptionError } from '../src/errors.js';
import type { LintedInput } from '../src/format/types.js';
import { applyFlags, countFindings, exitCode, limitFindings, parseRuleFlag } from '../src/policy.js';

describe('parseRuleFlag', () => {
  it('takes a code or a name in any case and a severity in any case', () => {
    expect(parseRuleFlag('om201=OFF')).toMatchObject({ rule: { code: 'OM201' }, level: 'off' });
    expect(parseRuleFlag(' counter-total-suffix=error ')).toMatchObject({ rule: { code: 'OM201' }, level: 'error' });
  });

  it.each([
    ['OM201', /^--rule expects CODE=severity/],
    ['OM201=loud', /^--rule expects CODE=severity/],
    ['OM001=off', /^--rule OM001: parser diagnostics \(OM0xx, OM100–OM149\) cannot be configured$/],
    ['OM999=off', /^--rule OM999: unknown rule/],
  ])('%s is an OptionError', (item, message) => {
    expect(() => parseRuleFlag(item)).toThrow(OptionError);
    expect(() => parseRuleFlag(item)).toThrow(message);
  });
});

describe('applyFlags', () => {
  it('presets replace `extends`; a --rule replaces the config\'s setting for that rule under any key', () => {
    const config = { extends: 'strict' as const, rules: { 'counter-total-suffix': 'error' as const, OM200: 'off' as const } };
    const merged = applyFlags(config, { presets: ['recommended'], rules: ['om201=info'] });
    expect(merged).toEqual({ extends: ['recommended'], rules: { OM200: 'off', OM201: 'info' } });
    expect(config.rules['counter-total-suffix']).toBe('error');
    expect(resolveConfig(merged).rules.find((r) => r.rule.code === 'OM201')?.severity).toBe('info');
  });

  it('no flags: the config as it is', () => {
    const config = { rules: { OM201: 'off' as const } };
    expect(applyFlags(config, {})).toEqual(config);
  });
});

const d = (severity: Severity): Diagnostic => ({ code: 'OM201', name: 'x', category: 'practice', severity, message: 'm', source: 's', url: 'u' });
const inputs = (...severities: Severity[][]): LintedInput[] => severities.map((s, i) => ({ source: `s${i}`, diagnostics: s.map(d) }));

describe('exitCode', () => {
  it.each([
    [[[]], {}, 0],
    [[['error']], {}, 1],
    [[['warning', 'info']], {}, 0],
    [[['warning']], { failOn: 'warning' }, 1],
    [[['info']], { failOn: 'warning' }, 0],
    [[['info']], { failOn: 'info' }, 1],
    [[['warning'], ['warning']], { maxWarnings: 1 }, 1],
    [[['warning']], { maxWarnings: 1 }, 0],
    [[['error']], { exitZero: true }, 0],
  ] as const)('%j with %j is %i', (severities, policy, code) => {
    expect(exitCode(inputs(...(severities as unknown as Severity[][])), policy)).toBe(code);
  });

  it('trouble is 2, even with exitZero', () => {
    expect(exitCode(inputs([]), { exitZero: true }, true)).toBe(2);
  });
});

describe('limitFindings', () => {
  it('keeps the first findings in input order, and every input', () => {
    const all = inputs(['error', 'warning'], ['info'], ['error']);
    const shown = limitFindings(all, 2);
    expect(shown.map((i) => i.diagnostics.length)).toEqual([2, 0, 0]);
    expect(countFindings(all)).toBe(4);
    expect(countFindings(limitFindings(all, 3))).toBe(3);
    expect(limitFindings(all, 0).map((i) => i.source)).toEqual(['s0', 's1', 's2']);
  });
});
