// Every rule copes with whatever the parser builds, including from invalid input: the OpenMetrics
// conformance cases (good and bad) linted with every rule on, and fast-check garbage.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from '@omkit/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { lint } from '../src/engine.js';

const dir = fileURLToPath(new URL('../../parser/test/conformance/openmetrics/cases', import.meta.url));
const cases = readdirSync(dir).filter((d) => existsSync(`${dir}/${d}/metrics`));
const everything = resolveConfig({ extends: ['strict', 'otel'] });

describe('robustness', () => {
  it('lints every OpenMetrics conformance case without throwing', () => {
    expect(cases).toHaveLength(211);
    for (const c of cases) {
      const text = readFileSync(`${dir}/${c}/metrics`, 'utf8');
      for (const format of ['auto', 'openmetrics', 'prometheus'] as const) {
        const ds = lint(parse(text, { format }), { config: everything, source: c });
        for (const d of ds) {
          expect(d.code).toMatch(/^OM\d{3}$/);
          expect(d.url).toMatch(/^https:\/\//);
        }
      }
    }
  });

  it('lints arbitrary text made of exposition fragments without throwing', () => {
    const fragment = fc.constantFrom(
      '# TYPE a counter\n', '# TYPE a histogram\n', '# TYPE a summary\n', '# TYPE a info\n', '# TYPE a stateset\n',
      '# HELP a x\n', '# UNIT a seconds\n', 'a_total 1\n', 'a_bucket{le="1"} 1\n', 'a_bucket{le="+Inf"} 2\n',
      'a{quantile="2"} 1\n', 'a_count 2\n', 'a_sum -1\n', 'a{a="1",b=""} NaN 12\n', 'a{b="",a="1"} 1\n', 'a{a="x"} 1 # {t="1"} 1\n',
      '_x{__y="3f2b8c1e-9d4a-4b7e-8f1a-2c3d4e5f6a7b"} 1\n', 'target_info{job="j"} 2\n', 'a{a} 1\n', '# EOF\n', '\n', 'a_info 1\n',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 25 }), (parts) => {
        const ds = lint(parse(parts.join('')), { config: everything });
        return ds.every((d) => typeof d.message === 'string' && !d.message.includes('{{'));
      }),
      { numRuns: 300 },
    );
  });
});
