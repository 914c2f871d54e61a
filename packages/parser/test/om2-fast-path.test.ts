// OpenMetrics 2.0: the fast line scanner vouches only for what the grammar reads the same way
// (plain 2.0 lines), and defers composite values, `st@`, several exemplars and exemplars without a
// timestamp to the grammar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLine } from '../src/ast/build.js';
import type { LineRecord } from '../src/ast/records.js';
import { scanSampleOm2 } from '../src/scan/fast-line.js';
import { parse } from '../src/index.js';

const name = fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,6}$/);
const labelName = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,4}$/);
const labelValue = fc.string({ unit: fc.constantFrom(...'abc019 .-_/:é{}=,#', '\\\\', '\\"', '\\n'), maxLength: 5 });
const labels = fc.uniqueArray(fc.tuple(labelName, labelValue), { selector: ([n]) => n, maxLength: 3 });
const labelText = (ls: [string, string][]) => `{${ls.map(([n, v]) => `${n}="${v}"`).join(',')}}`;
const number = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('+Inf', '-Inf', 'NaN', '1e3', '.5', '5.', '007', '1e', ''),
);
const composite = fc.constantFrom(
  '{count:1,sum:2,bucket:[+Inf:1]}',
  '{count:1,sum:2,quantile:[0.5:1]}',
  '{gcount:1,gsum:2,schema:0,zero_threshold:0,zero_count:1}',
  '{count:1, sum:2,bucket:[+Inf:1]}',
  '{count:1}',
);
const exemplar = fc
  .tuple(labels, number, fc.option(number, { nil: undefined }))
  .map(([ls, v, t]) => ` # ${labelText(ls)} ${v}${t === undefined ? '' : ` ${t}`}`);
const line = fc
  .tuple(
    name,
    fc.option(labels, { nil: undefined }),
    fc.oneof(number, composite),
    fc.option(number, { nil: undefined }),
    fc.option(number.map((n) => `st@${n}`), { nil: undefined }),
    fc.array(exemplar, { maxLength: 2 }),
  )
  .map(([n, ls, v, t, st, ex]) => `${n}${ls === undefined ? '' : labelText(ls)} ${v}${t === undefined ? '' : ` ${t}`}${st === undefined ? '' : ` ${st}`}${ex.join('')}`);

function fastEqualsGrammar(text: string): void {
  const fast = scanSampleOm2(text, 0, text.length, 0);
  if (fast === undefined) return;
  const reports: unknown[] = [];
  const record = buildLine(text, 0, { format: 'openmetrics-2.0', report: (...args) => reports.push(args) });
  expect(reports, text).toEqual([]);
  expect(record as LineRecord, text).toEqual(fast);
}

describe('OpenMetrics 2.0: fast path ≡ grammar', () => {
  it('on generated lines with and without 2.0 syntax', () => {
    fc.assert(fc.property(line, fastEqualsGrammar), { numRuns: 800 });
  });

  it('defers what only the grammar reads', () => {
    for (const text of ['a 1 st@1', 'a {count:1,sum:1,bucket:[+Inf:1]}', 'a 1 # {} 1 1 # {} 2 2', 'a 1 # {} 1']) {
      expect(scanSampleOm2(text, 0, text.length, 0), text).toBeUndefined();
    }
    expect(scanSampleOm2('a{b="c"} 1 2 # {} 1 1', 0, 21, 0)).toBeDefined();
  });

  it('an exemplar without a timestamp is an error however the line is read', () => {
    const diagnostics = parse('# TYPE a counter\na 1 # {} 1\na{x="1"} 1 # {} 1 1\n# EOF\n', { format: 'openmetrics-2.0' }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.span!.start.line])).toEqual([['OM015', 2]]);
  });
});
