// computeStats: the counts `om stats` prints, from a ParseResult, with the series diff() counts.
import { parse } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { computeStats, countSeries, diff, utf8Length } from '../src/index.js';

const text = [
  '# TYPE http_requests counter',
  '# HELP http_requests Requests.',
  'http_requests_total{method="GET",code="200"} 1 # {trace_id="a"} 1',
  'http_requests_created{method="GET",code="200"} 1700000000',
  'http_requests_total{method="POST",code="200"} 2',
  'http_requests_created{method="POST",code="200"} 1700000000',
  'http_requests_total{method="GET",code="500"} 3',
  'http_requests_created{method="GET",code="500"} 1700000000',
  '# TYPE temp_celsius gauge',
  '# UNIT temp_celsius celsius',
  'temp_celsius{room="kitchen"} 21.5',
  'temp_celsius{room="hall"} 19',
  '# TYPE up gauge',
  'up 1',
  '# EOF',
  '',
].join('\n');

describe('computeStats', () => {
  const result = parse(text);
  const s = computeStats('metrics.om', text, result);

  it('counts families, series, samples, exemplars, bytes and lines', () => {
    expect(result.diagnostics).toEqual([]);
    expect(s).toMatchObject({ source: 'metrics.om', format: 'openmetrics', families: 3, series: 9, samples: 9, exemplars: 1, errors: 0 });
    expect(s.bytes).toBe(new TextEncoder().encode(text).length);
    expect(s.lines).toBe(15);
  });

  it('agrees with diff() and countSeries on the number of series', () => {
    expect(s.series).toBe(countSeries(result.families));
    const added = diff(parse(''), result).filter((c) => c.kind === 'family-added');
    expect(Object.fromEntries(s.byFamily.map((f) => [f.name, f.series]))).toEqual(Object.fromEntries(added.map((c) => [c.family, c.series])));
  });

  it('sorts families by series then name, with distinct values per label', () => {
    expect(s.byFamily).toEqual([
      { name: 'http_requests', type: 'counter', series: 6, samples: 6, nativeBuckets: 0, labels: { code: 2, method: 2 } },
      { name: 'temp_celsius', type: 'gauge', series: 2, samples: 2, nativeBuckets: 0, labels: { room: 2 } },
      { name: 'up', type: 'gauge', series: 1, samples: 1, nativeBuckets: 0, labels: {} },
    ]);
  });

  it('sorts labels by distinct values then name, counting the series and families that carry them', () => {
    expect(s.byLabel).toEqual([
      { name: 'code', values: 2, series: 6, families: 1 },
      { name: 'method', values: 2, series: 6, families: 1 },
      { name: 'room', values: 2, series: 2, families: 1 },
    ]);
  });

  it('a repeated label set adds no series, and parse errors are counted', () => {
    const dup = 'a{x="1"} 1\na{x="1"} 2\nb{ 1\n';
    const d = computeStats('-', dup, parse(dup, { format: 'prometheus' }));
    expect(d.byFamily.find((f) => f.name === 'a')).toMatchObject({ series: 1, samples: 2 });
    expect(d.errors).toBeGreaterThan(0);
    expect(d.lines).toBe(3);
  });

  it('an empty input is zero of everything', () => {
    expect(computeStats('-', '', parse('', { format: 'prometheus' }))).toMatchObject({ bytes: 0, lines: 0, families: 0, series: 0, samples: 0, byFamily: [], byLabel: [] });
  });

  it('a last line without a newline is a line', () => {
    expect(computeStats('-', 'up 1', parse('up 1', { format: 'prometheus' })).lines).toBe(1);
  });
});

describe('utf8Length', () => {
  it.each(['', 'abc', 'é', '€', '😀', 'a\uD800b', '\uDC00', 'x\uD83D', 'ünïcødé 😀 ✓'])('%j is the length TextEncoder writes', (s) => {
    expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });
});
