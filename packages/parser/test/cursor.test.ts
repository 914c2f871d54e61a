import { describe, expect, it } from 'vitest';

import { parse, samplesOf, type Metric, type Sample } from '../src/index.js';

const text = `# TYPE a histogram
a_bucket{x="1",le="0.5"} 1 # {trace_id="t"} 0.2 1.5
a_bucket{x="1",le="+Inf"} 2
a_count{x="1"} 2
a_sum{x="1"} 0.7
# TYPE b gauge
b 3 1700000000
# EOF
`;

function viaCursor(metric: Metric) {
  const out: Partial<Sample>[] = [];
  const cursor = samplesOf(metric);
  while (cursor.next()) {
    out.push({ name: cursor.name, labels: cursor.labels, value: cursor.value, timestamp: cursor.timestamp, exemplar: cursor.exemplar });
    expect(cursor.sample()).toBe(metric.samples[cursor.index]);
    expect(cursor.span).toEqual(metric.samples[cursor.index]!.span);
  }
  expect(cursor.next()).toBe(false);
  return out;
}

describe('samplesOf', () => {
  it('reads the samples a metric holds, in order, field for field', () => {
    const { families } = parse(text);
    for (const family of families)
      for (const metric of family.metrics) {
        const expected = metric.samples.map((s) => ({ name: s.name, labels: s.labels, value: s.value, timestamp: s.timestamp, exemplar: s.exemplar }));
        expect(viaCursor(metric)).toEqual(expected);
        expect(samplesOf(metric).count).toBe(metric.samples.length);
      }
  });

  it('reads a metric made by hand through its samples array', () => {
    const span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };
    const metric: Metric = { labels: [], samples: [{ name: 'x', labels: [], value: 1, span }, { name: 'x', labels: [], value: 2, startTimestamp: 5, span }] };
    const cursor = samplesOf(metric);
    const seen: [number, number | undefined][] = [];
    while (cursor.next()) seen.push([cursor.value, cursor.startTimestamp]);
    expect(seen).toEqual([[1, undefined], [2, 5]]);
  });
});
