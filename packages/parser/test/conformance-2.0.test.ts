// The OpenMetrics 2.0 conformance set (written for this repository against 2.0.0-rc0, in the 1.0 suite's layout:
// test/conformance/openmetrics-2.0/cases/<name>/{test.json, metrics}), judged by the BUILT package through its own
// name with `format: 'openmetrics-2.0'`: `shouldParse` ⇔ no diagnostic with severity `error`.
import { describe, expect, it } from 'vitest';
import { parse } from '@omkit/parser';
import { conformanceCases } from './support/conformance.js';

const cases = conformanceCases('2.0');

/**
 * Cases the parser does not judge as the case says yet, each with the reason the case is right. The test below
 * asserts that each still disagrees, so it fails once the parser is fixed: then remove the entry.
 */
const knownGaps: Record<string, string> = {};

function errorsOf(text: string): string[] {
  const { diagnostics } = parse(text, { format: 'openmetrics-2.0' });
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.span?.start.line ?? '?'}: ${d.code} ${d.message}`);
}

describe('the OpenMetrics 2.0 conformance set', () => {
  it('has 188 cases: 65 valid, 123 invalid', () => {
    expect(cases).toHaveLength(188);
    expect(cases.filter((c) => c.shouldParse)).toHaveLength(65);
    expect(cases.filter((c) => !c.shouldParse)).toHaveLength(123);
  });

  it('names invalid cases `bad_…` and gives every case the spec section it exercises', () => {
    for (const c of cases) {
      expect(c.name.startsWith('bad_'), c.name).toBe(!c.shouldParse);
      expect(c.section, c.name).toMatch(/^(Data Model|Text Format) \/ \S/);
    }
  });

  it('is judged by the built package', async () => {
    // `@omkit/parser` resolves through the package's exports to the built bundle.
    const bundle: string = '../dist/om-parser.js';
    const built = (await import(bundle)) as typeof import('../src/index.js');
    expect(parse).toBe(built.parse);
  });

  it('lists as known gaps only cases that exist', () => {
    const names = new Set(cases.map((c) => c.name));
    expect(Object.keys(knownGaps).filter((name) => !names.has(name))).toEqual([]);
  });
});

describe.each(cases.filter((c) => !(c.name in knownGaps)))('$name', ({ text, shouldParse }) => {
  it(shouldParse ? 'parses without errors' : 'is rejected with an error', () => {
    const errors = errorsOf(text);
    if (shouldParse) expect(errors).toEqual([]);
    else expect(errors.length).toBeGreaterThan(0);
  });
});

describe.each(cases.filter((c) => c.name in knownGaps))('known gap: $name', ({ name, text, shouldParse }) => {
  it(`is still judged wrongly (${shouldParse ? 'valid' : 'invalid'}: ${knownGaps[name]})`, () => {
    const errors = errorsOf(text);
    // Fails once the parser judges the case right: remove it from `knownGaps`.
    expect(errors.length > 0, 'the parser now agrees with the case: remove it from knownGaps').toBe(shouldParse);
  });
});
