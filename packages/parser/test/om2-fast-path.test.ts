// OpenMetrics 2.0: the fast line scanner vouches only for what the grammar reads the same way
// (plain 2.0 lines, composite values, `st@`, several exemplars), and defers everything else (an
// exemplar without a timestamp, a composite value the grammar would report) to the grammar.
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
const integer = fc.oneof(fc.integer({ min: -20, max: 3000 }).map(String), fc.constantFrom('+3', '007', '1.0', '-0', 'x'));
const real = fc.oneof(number, fc.constantFrom('+Inf', '-Inf', 'NaN', '1e-4', '0.5', '-1'));
const list = <T,>(item: fc.Arbitrary<T>, show: (t: T) => string) => fc.array(item, { maxLength: 3 }).map((items) => `[${items.map(show).join(',')}]`);
const pair = fc.tuple(real, number);
const field = fc.oneof(
  number.map((n) => `count:${n}`),
  number.map((n) => `sum:${n}`),
  number.map((n) => `gcount:${n}`),
  number.map((n) => `gsum:${n}`),
  integer.map((n) => `schema:${n}`),
  real.map((n) => `zero_threshold:${n}`),
  number.map((n) => `zero_count:${n}`),
  list(fc.tuple(integer, integer), ([a, b]) => `${a}:${b}`).map((l) => `negative_spans:${l}`),
  list(number, String).map((l) => `negative_buckets:${l}`),
  list(fc.tuple(integer, integer), ([a, b]) => `${a}:${b}`).map((l) => `positive_spans:${l}`),
  list(number, String).map((l) => `positive_buckets:${l}`),
  list(pair, ([a, b]) => `${a}:${b}`).map((l) => `bucket:${l}`),
  list(pair, ([a, b]) => `${a}:${b}`).map((l) => `quantile:${l}`),
  fc.constantFrom('bucket:1', 'quantile:[1]', 'count:[1]', 'sum: 1', 'Count:1'),
);
// Mostly the ABNF's orders, with numbers that may or may not fit; sometimes any fields in any order.
const composite = fc.oneof(
  fc.tuple(number, number, list(pair, ([a, b]) => `${a}:${b}`)).map(([c, s, b]) => `{count:${c},sum:${s},bucket:${b.slice(0, -1)}${b === '[]' ? '' : ','}+Inf:${c}]}`),
  fc.tuple(number, number, list(pair, ([a, b]) => `${a}:${b}`)).map(([c, s, q]) => `{count:${c},sum:${s},quantile:${q}}`),
  fc
    .tuple(fc.boolean(), number, number, integer, real, number, fc.array(field, { maxLength: 3 }))
    .map(([g, c, s, sc, zt, zc, rest]) => `{${g ? 'g' : ''}count:${c},${g ? 'g' : ''}sum:${s},schema:${sc},zero_threshold:${zt},zero_count:${zc}${rest.map((f) => `,${f}`).join('')}}`),
  fc.constantFrom(
    '{count:59,sum:1.2e2,schema:7,zero_threshold:1e-4,zero_count:0,negative_spans:[1:2],negative_buckets:[5,7],positive_spans:[-1:2,3:4],positive_buckets:[5,7,10,9,8,8],bucket:[0.5:1,+Inf:59]}',
    '{gcount:1,gsum:2,schema:0,zero_threshold:0,zero_count:1}',
  ),
  fc.array(field, { minLength: 1, maxLength: 5 }).map((fs) => `{${fs.join(',')}}`),
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
    fc.assert(fc.property(line, fastEqualsGrammar), { numRuns: 3000 });
  });

  it('vouches for plain lines, composite values among them, and defers the rest', () => {
    for (const text of ['a 1 # {} 1', 'a {count:1, sum:1,bucket:[+Inf:1]}', 'a {count:1,sum:1}', 'a {count:1,sum:1,schema:1.5,zero_threshold:0,zero_count:0}', 'a 1 ', 'a 1 st@1 ']) {
      expect(scanSampleOm2(text, 0, text.length, 0), text).toBeUndefined();
    }
    for (const text of ['a{b="c"} 1 2 # {} 1 1', 'a 1 st@1', 'a 1 # {} 1 1 # {} 2 2', 'a {count:1,sum:1,bucket:[+Inf:1]} 5 st@1 # {x="y"} 1 2']) {
      expect(scanSampleOm2(text, 0, text.length, 0), text).toBeDefined();
    }
  });

  it('an exemplar without a timestamp is an error however the line is read', () => {
    const diagnostics = parse('# TYPE a counter\na 1 # {} 1\na{x="1"} 1 # {} 1 1\n# EOF\n', { format: 'openmetrics-2.0' }).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.span!.start.line])).toEqual([['OM015', 2]]);
  });
});
