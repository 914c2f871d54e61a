// The OpenMetrics conformance suite (the official cases, vendored unchanged in test/conformance), judged by the
// BUILT package through its own name: `shouldParse` ⇔ no diagnostic with severity `error`.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from '@omkit/parser';

const casesDir = fileURLToPath(new URL('./conformance/openmetrics/cases/', import.meta.url));

interface Case {
  name: string;
  text: string;
  shouldParse: boolean;
}

const cases: Case[] = readdirSync(casesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => {
    const spec = JSON.parse(readFileSync(`${casesDir}${name}/test.json`, 'utf8')) as {
      type: string;
      file: string;
      shouldParse: boolean;
    };
    return { name, text: readFileSync(`${casesDir}${name}/${spec.file}`, 'utf8'), shouldParse: spec.shouldParse };
  });

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
