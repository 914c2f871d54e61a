// A 1.0 document and the same data converted to OpenMetrics 2.0 (the parser's `convert`, per the
// migration guide: `_created` → `st@`, histogram and summary lines → one composite sample) compare
// equal, family by family and series by series, whichever side is which; and a change made on the
// 1.0 side shows up the same against either.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert, parse, type ParseResult } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { computeStats, countSeries, diff } from '../src/index.js';
import { conformanceCases } from '../../parser/test/support/conformance.js';
import { om } from './helpers.js';

/** The valid cases of a conformance set. */
function valid(version: '1.0' | '2.0' = '1.0'): { name: string; text: string }[] {
  return conformanceCases(version).filter((c) => c.shouldParse);
}

/** `one` converted to 2.0, as a parse result; undefined when the converter refuses it. */
function to2(one: ParseResult): ParseResult | undefined {
  const c = convert(one.families, 'openmetrics', 'openmetrics-2.0');
  return c.problems.length > 0 ? undefined : { format: 'openmetrics-2.0', families: c.families, diagnostics: [] };
}

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

describe('1.0 against its 2.0 conversion', () => {
  it('the README example scrapes: 1.0 and 0.0.4 against their 2.0 conversions compare equal; before → after lists the same changes', () => {
    const read = (name: string) => parse(readFileSync(join(EXAMPLES, name), 'utf8'));
    const before = read('before.om');
    const after = read('after.om');
    const afterProm = read('after.prom');
    const after2 = to2(after)!;
    const prom2 = convert(afterProm.families, 'prometheus', 'openmetrics-2.0');
    expect(prom2.problems).toEqual([]);
    expect(diff(after, after2)).toEqual([]);
    expect(diff(afterProm, { format: 'openmetrics-2.0', families: prom2.families, diagnostics: [] })).toEqual([]);
    const strip = (changes: ReturnType<typeof diff>) => changes.map(({ before: _b, after: _a, ...rest }) => rest);
    expect(strip(diff(before, after2, { intervalSeconds: 15 }))).toEqual(strip(diff(before, after, { intervalSeconds: 15 })));
  });

  it('compares equal for every valid 1.0 conformance case, with the same series count', () => {
    let compared = 0;
    for (const { name, text } of valid()) {
      const one = parse(text, { format: 'openmetrics' });
      if (one.diagnostics.some((d) => d.severity === 'error')) continue;
      const two = to2(one);
      if (two === undefined) continue;
      expect({ name, changes: diff(one, two) }).toEqual({ name, changes: [] });
      expect({ name, changes: diff(two, one) }).toEqual({ name, changes: [] });
      expect({ name, series: countSeries(two.families) }).toEqual({ name, series: countSeries(one.families) });
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  });

  it('a change on the 1.0 side is the same change against the 2.0 conversion', () => {
    const before = om`
      # TYPE latency_seconds histogram
      latency_seconds_bucket{le="0.1"} 3
      latency_seconds_bucket{le="1"} 8
      latency_seconds_bucket{le="+Inf"} 10
      latency_seconds_count 10
      latency_seconds_sum 4
      latency_seconds_created 1000
      # TYPE jobs counter
      jobs_total 5
      jobs_created 1000
      # EOF
    `;
    const after = om`
      # TYPE latency_seconds histogram
      latency_seconds_bucket{le="0.1"} 3
      latency_seconds_bucket{le="1"} 9
      latency_seconds_bucket{le="+Inf"} 12
      latency_seconds_count 12
      latency_seconds_sum 4.5
      latency_seconds_created 1000
      # TYPE jobs counter
      jobs_total 2
      jobs_created 2000
      # EOF
    `;
    const strip = (changes: ReturnType<typeof diff>) => changes.map(({ before: _b, after: _a, ...rest }) => rest);
    const expected = strip(diff(before, after));
    expect(expected.map((c) => c.kind)).toEqual(['counter-reset', 'value-changed', 'value-changed', 'value-changed', 'value-changed']);
    expect(strip(diff(before, to2(after)!))).toEqual(expected);
    expect(strip(diff(to2(before)!, after))).toEqual(expected);
    expect(strip(diff(to2(before)!, to2(after)!))).toEqual(expected.map((c) => (c.family === 'jobs' ? { ...c, family: 'jobs_total' } : c)));
  });
});

describe('2.0 against its 1.0 conversion', () => {
  it('every valid 2.0 conformance case equals itself, and its 1.0 conversion where the converter writes one', () => {
    let compared = 0;
    for (const { name, text } of valid('2.0')) {
      const two = parse(text, { format: 'openmetrics-2.0' });
      if (two.diagnostics.some((d) => d.severity === 'error')) continue;
      expect({ name, changes: diff(two, two) }).toEqual({ name, changes: [] });
      const c = convert(two.families, 'openmetrics-2.0', 'openmetrics');
      // What the converter refuses or leaves out (native buckets, a Sum 1.0 cannot carry) differs.
      if (c.problems.length > 0 || c.dropped.length > 0) continue;
      // A 2.0 counter without `_total` is the series `foo`; 1.0 names it `foo_total`: a real rename.
      if (name === 'counter_without_total') continue;
      const one: ParseResult = { format: 'openmetrics', families: c.families, diagnostics: [] };
      expect({ name, changes: diff(two, one) }).toEqual({ name, changes: [] });
      expect({ name, changes: diff(one, two) }).toEqual({ name, changes: [] });
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("each of the spec's text-format examples equals itself, and stats count it", () => {
    const dir = fileURLToPath(new URL('../../parser/test/conformance/openmetrics-2.0/spec-examples/', import.meta.url));
    let read = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.om'))) {
      const two = parse(readFileSync(join(dir, name), 'utf8'), { format: 'openmetrics-2.0' });
      expect({ name, changes: diff(two, two) }).toEqual({ name, changes: [] });
      const stats = computeStats(name, '', two);
      expect(stats.series).toBe(countSeries(two.families));
      read++;
    }
    expect(read).toBeGreaterThan(20);
  });
});
