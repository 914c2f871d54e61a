// The compact model (ast/model.ts): a parser-made metric keeps its samples as rows of columns and
// makes Sample objects only when `metric.samples` is read. What consumers see must not change:
// equality, JSON, keys and spread all see `samples`; a cursor's walk makes no sample objects.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';

import { parse, samplesOf, type Metric, type MetricFamily, type Sample } from '../src/index.js';
import { MetricNode } from '../src/ast/model.js';

const histogram = `# TYPE a histogram
a_bucket{le="0.5",x="1"} 1 # {trace_id="t"} 0.2 1.5
a_bucket{x="1",le="+Inf"} 2
a_count{x="1"} 2 1700000000
a_sum{x="1"} 0.7
# TYPE b gauge
b 3 1700000000
# EOF
`;

function metrics(families: readonly MetricFamily[]): Metric[] {
  return families.flatMap((f) => [...f.metrics]);
}

/** Every field a cursor reads, and the sample's span, as plain data. */
function walk(metric: Metric) {
  const out: unknown[] = [];
  const cursor = samplesOf(metric);
  while (cursor.next()) {
    const { name, labels, value, timestamp, startTimestamp, composite, exemplar, exemplars } = cursor;
    out.push({ name, labels: [...labels], value, timestamp, startTimestamp, composite, exemplar, exemplars, span: cursor.span });
  }
  return out;
}

function fields(s: Sample) {
  const { name, labels, value, timestamp, startTimestamp, composite, exemplar, exemplars } = s;
  return { name, labels: [...labels], value, timestamp, startTimestamp, composite, exemplar, exemplars, span: s.span };
}

describe('the compact model', () => {
  it('makes no sample object when a cursor visits every sample', () => {
    const { families } = parse(histogram);
    for (const metric of metrics(families)) {
      expect(metric).toBeInstanceOf(MetricNode);
      const cursor = samplesOf(metric);
      while (cursor.next()) void [cursor.name, cursor.labels, cursor.value, cursor.timestamp, cursor.exemplar, cursor.span];
      expect((metric as MetricNode).made).toBe(false);
    }
  });

  it('makes the samples once: metric.samples is the same array, cursor.sample() the same object', () => {
    const [metric] = metrics(parse(histogram).families);
    const cursor = samplesOf(metric!);
    expect(cursor.next()).toBe(true);
    const first = cursor.sample();
    expect((metric as MetricNode).made).toBe(true);
    expect(metric!.samples).toBe(metric!.samples);
    expect(first).toBe(metric!.samples[0]);
    cursor.next();
    expect(cursor.sample()).toBe(metric!.samples[1]);
  });

  it('reads the same fields through the cursor as through the sample objects, labels in written order', () => {
    const { families } = parse(histogram);
    const read = metrics(families).map(walk);
    const made = metrics(parse(histogram).families).map((m) => m.samples.map(fields));
    expect(read).toEqual(made);
    const [a] = metrics(families);
    expect(a!.samples.map((s) => s.labels.map((l) => l.name).join())).toEqual(['le,x', 'x,le', 'x', 'x']);
    expect(a!.samples[2]!.timestamp).toBe(1700000000);
    expect(a!.samples[0]!.exemplar?.labels).toEqual([{ name: 'trace_id', value: 't' }]);
    // A sample without its part label shares its metric's label array, as before.
    expect(a!.samples[3]!.labels).toBe(a!.labels);
  });

  it('keeps samples visible to equality: two models with different samples are not equal', () => {
    const one = parse('a 1\n# EOF\n').families;
    const two = parse('a 2\n# EOF\n').families;
    expect(one).not.toEqual(two);
    expect(one[0]!.metrics[0]).not.toEqual(two[0]!.metrics[0]);
    expect(parse('a 1\n# EOF\n').families).toEqual(one);
    // …and equal to the same model written by hand.
    expect(one[0]!.metrics[0]).toEqual({ labels: [], samples: [{ name: 'a', labels: [], value: 1 }] });
  });

  it('keeps samples visible to keys, spread and JSON', () => {
    const [metric] = metrics(parse(histogram).families);
    expect(Object.keys(metric!)).toEqual(['labels', 'samples']);
    expect({ ...metric }.samples).toBe(metric!.samples);
    const json = JSON.parse(JSON.stringify(metric)) as { samples: unknown[] };
    expect(json.samples).toEqual(JSON.parse(JSON.stringify(metric!.samples)));
    expect(Object.keys(json.samples[0] as object)).toEqual(['name', 'labels', 'value', 'exemplar', 'span']);
    expect(Object.keys(json.samples[2] as object)).toEqual(['name', 'labels', 'value', 'timestamp', 'span']);
  });

  it('keeps OpenMetrics 2.0 fields: start timestamps, composite values, every exemplar', () => {
    const text = [
      '# TYPE foo_total counter',
      'foo_total{a="1"} 17.0 1520879607.789 st@1520430000.123 # {trace_id="x"} 0.67 1520879606.1 # {trace_id="y"} 0.5 1520879606.2',
      'foo_total{a="2"} 3 st@1520430000.5',
      'foo_total{a="3"} 4',
      '# TYPE h histogram',
      'h{p="/"} {count:17,sum:324.5,bucket:[0.1:8,1.0:10,+Inf:17]} st@1520430000.123',
      'h{p="/x"} {count:59,sum:1.2e2,schema:7,zero_threshold:1e-4,zero_count:0,negative_spans:[1:2],negative_buckets:[5,7],positive_spans:[-1:2,3:4],positive_buckets:[5,7,10,9,8,8]}',
      '# TYPE s summary',
      's {count:17,sum:324789.3,quantile:[0.5:1,0.9:2]} st@1520430000.123',
      '# EOF',
      '',
    ].join('\n');
    const { families, diagnostics } = parse(text, { format: 'openmetrics-2.0' });
    expect(diagnostics).toEqual([]);
    const read = metrics(families).map(walk);
    const again = metrics(parse(text, { format: 'openmetrics-2.0' }).families);
    expect(read).toEqual(again.map((m) => m.samples.map(fields)));
    const [a1, a2, a3, h1, h2, s1] = again.map((m) => m.samples[0]!);
    expect([a1!.startTimestamp, a2!.startTimestamp, a3!.startTimestamp]).toEqual([1520430000.123, 1520430000.5, undefined]);
    expect(a1!.exemplars?.map((e) => e.value)).toEqual([0.67, 0.5]);
    expect(a1!.exemplar).toBe(a1!.exemplars![0]);
    expect(a2!.exemplars).toBeUndefined();
    expect(h1!.composite).toMatchObject({ kind: 'histogram', count: 17, buckets: [{ le: 0.1, count: 8 }, { le: 1, count: 10 }, { le: Infinity, count: 17 }] });
    expect(h2!.composite).toMatchObject({ kind: 'histogram', count: 59, native: { schema: 7, positiveBuckets: [5, 7, 10, 9, 8, 8] } });
    expect(s1!.composite).toMatchObject({ kind: 'summary', quantiles: [{ quantile: 0.5, value: 1 }, { quantile: 0.9, value: 2 }] });
    expect(Number.isNaN(h1!.value)).toBe(true);
    // 1.0 samples keep their keys: no 2.0 field appears unless it is there.
    expect(Object.keys(a3!)).toEqual(['name', 'labels', 'value', 'timestamp', 'exemplar']);
  });

  it('shows its samples to util.inspect (console.log), not a getter', () => {
    const [metric] = metrics(parse(histogram).families);
    const shown = inspect(metric, { depth: 4 });
    expect(shown).not.toContain('[Getter]');
    expect(shown).toContain("name: 'a_bucket'");
    expect(shown).toMatch(/^MetricNode \{/);
  });

  it('writes JSON without keeping the sample objects', () => {
    const { families } = parse(histogram);
    JSON.stringify(families);
    for (const metric of metrics(families)) expect((metric as MetricNode).made).toBe(false);
  });

  it('holds a metric of many samples across the store\'s chunks, and many metrics', () => {
    const lines = ['# TYPE c counter'];
    for (let i = 0; i < 300; i++) lines.push(`c_total{i="${i}"} ${i}`);
    for (let t = 0; t < 10_000; t++) lines.push(`d{k="v"} ${t} ${t + 1}`);
    lines.push('# TYPE e histogram');
    for (let i = 0; i < 50; i++) lines.push(`e_bucket{le="${i}"} ${i}`);
    lines.push('e_bucket{le="+Inf"} 49');
    lines.push('# EOF', '');
    const text = lines.join('\n');
    const { families, diagnostics } = parse(text, { format: 'prometheus' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const all = metrics(families);
    expect(all).toHaveLength(302);
    const d = all[300]!;
    expect(samplesOf(d).count).toBe(10_000);
    const seen: number[] = [];
    const cursor = samplesOf(d);
    while (cursor.next()) {
      seen.push(cursor.value);
      if (cursor.index % 997 === 0) {
        const line = 302 + cursor.index;
        expect(cursor.span.start.line).toBe(line);
        expect(text.slice(cursor.span.start.offset, cursor.span.end.offset)).toBe(`d{k="v"} ${cursor.index} ${cursor.index + 1}`);
        expect(cursor.timestamp).toBe((cursor.index + 1) / 1000);
      }
    }
    expect(seen).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect((d as MetricNode).made).toBe(false);
    expect(d.samples.map((s) => s.value)).toEqual(seen);
    expect(d.samples[9_999]!.span.start.line).toBe(302 + 9_999);
    const e = all[301]!;
    expect(walk(e)).toEqual(e.samples.map(fields));
    expect(e.samples[49]!.labels).toEqual([{ name: 'le', value: '49' }]);
  });

  it('keeps a Prometheus-text sample\'s span after the blanks that start its line', () => {
    const text = '# TYPE h histogram\n  h_bucket{le="1"} 1\n\th_bucket{le="+Inf"} 1\n';
    const [metric] = metrics(parse(text, { format: 'prometheus' }).families);
    const spans = walk(metric!).map((s) => (s as { span: Sample['span'] }).span);
    expect(spans.map((s) => [s.start.column, text.slice(s.start.offset, s.end.offset)])).toEqual([
      [3, 'h_bucket{le="1"} 1'],
      [2, 'h_bucket{le="+Inf"} 1'],
    ]);
    expect(metric!.samples.map((s) => s.span)).toEqual(spans);
  });

  it('puts the part label back where it was written, among many labels, and a stateset\'s too', () => {
    const many = Array.from({ length: 40 }, (_, i) => `l${i}="${i}"`).join(',');
    const text = `# TYPE h histogram\nh_bucket{${many},le="1",z="z"} 1\nh_bucket{${many},le="+Inf",z="z"} 1\n# TYPE s stateset\ns{s="a",k="v"} 1\ns{k="v",s="b"} 0\n# EOF\n`;
    const { families, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    for (const metric of metrics(families)) expect(walk(metric)).toEqual(metric.samples.map(fields));
    const [h, s] = metrics(families);
    expect(h!.samples.map((x) => x.labels.findIndex((l) => l.name === 'le'))).toEqual([40, 40]);
    expect(h!.samples[1]!.labels).toHaveLength(42);
    expect(s!.samples.map((x) => x.labels.map((l) => `${l.name}=${l.value}`).join())).toEqual(['s=a,k=v', 'k=v,s=b']);
  });
});
