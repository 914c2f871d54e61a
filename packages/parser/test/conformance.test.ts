// The OpenMetrics conformance suite (the official cases, vendored unchanged in test/conformance), judged by the
// BUILT package through its own name: `shouldParse` ⇔ no diagnostic with severity `error`.
import { describe, expect, it } from 'vitest';
import { parse } from '@omkit/parser';
import { conformanceCases } from './support/conformance.js';

const cases = conformanceCases('1.0');

describe('the conformance suite', () => {
  it('has 211 cases: 44 valid, 167 invalid', () => {
    expect(cases).toHaveLength(211);
    expect(cases.filter((c) => c.shouldParse)).toHaveLength(44);
    expect(cases.filter((c) => !c.shouldParse)).toHaveLength(167);
  });

  it('is judged by the built package', async () => {
    // `@omkit/parser` resolves through the package's exports to the built bundle.
    // (The bundle's types are dist/index.d.ts, which the package's exports name.)
    const bundle: string = '../dist/om-parser.js';
    const built = (await import(bundle)) as typeof import('../src/index.js');
    expect(parse).toBe(built.parse);
  });
});

describe.each(cases)('$name', ({ text, shouldParse }) => {
  it(shouldParse ? 'parses without errors' : 'is rejected with an error', () => {
    const { diagnostics } = parse(text, { format: 'openmetrics' });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (shouldParse) expect(errors).toEqual([]);
    else expect(errors.length).toBeGreaterThan(0);
  });
});
