// Prometheus text 0.0.4 as node_exporter writes it: the model, Prometheus' own rules and errors,
// and format auto-detection.
import { describe, expect, it } from 'vitest';
import { detectFormat, parse, type Diagnostic, type MetricFamily } from '../src/index.js';

const nodeExporter = [
  '# HELP go_gc_duration_seconds A summary of the pause duration of garbage collection cycles.',
  '# TYPE go_gc_duration_seconds summary',
  'go_gc_duration_seconds{quantile="0"} 2.1e-05',
  'go_gc_duration_seconds{quantile="0.25"} 3.4e-05',
  'go_gc_duration_seconds{quantile="0.5"} 4.2e-05',
  'go_gc_duration_seconds{quantile="0.75"} 5.6e-05',
  'go_gc_duration_seconds{quantile="1"} 0.000512',
  'go_gc_duration_seconds_sum 0.0123',
  'go_gc_duration_seconds_count 187',
  '',
  '# HELP go_goroutines Number of goroutines that currently exist.',
  '# TYPE go_goroutines gauge',
  'go_goroutines 9',
  '# A plain comment, allowed in Prometheus text.',
  '# HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.',
  '# TYPE node_cpu_seconds_total counter',
  'node_cpu_seconds_total{cpu="0",mode="idle"} 74830.11',
  'node_cpu_seconds_total{cpu="0",mode="system"} 1203.5',
  'node_cpu_seconds_total{cpu="1",mode="idle",} 74901.3',
  '# HELP node_load1 1m load average.',
  '# TYPE node_load1 gauge',
  'node_load1\t0.21\t1700000000123',
  '# HELP node_disk_io_time_seconds Time spent doing I/Os. Path C:\\\\data\\nsecond line "quoted"',
  '# TYPE node_disk_io_time_seconds histogram',
  'node_disk_io_time_seconds_bucket{device="sda",le="0.005"} 10',
  'node_disk_io_time_seconds_bucket{device="sda",le="0.01"} 15',
  'node_disk_io_time_seconds_bucket{device="sda",le="+Inf"} 20',
  'node_disk_io_time_seconds_sum{device="sda"} 0.3',
  'node_disk_io_time_seconds_count{device="sda"} 20',
  'node_disk_io_time_seconds_bucket{device="sdb",le="0.005"} 1',
  'node_disk_io_time_seconds_bucket{device="sdb",le="0.01"} 1',
  'node_disk_io_time_seconds_bucket{device="sdb",le="+Inf"} 2',
  'node_disk_io_time_seconds_sum{device="sdb"} 0.02',
  'node_disk_io_time_seconds_count{device="sdb"} 2',
  '',
  '# TYPE node_scrape_collector_success untyped',
  'node_scrape_collector_success{collector="cpu"} 1',
  'node_scrape_collector_success{collector="diskstats"} 0',
  'node_boot_time_seconds 1.69e+09 1700000000000',
  '  node_filefd_allocated   1024   ',
  'node_network_receive_bytes_total{device="eth0"} +Inf',
  'node_temperature_celsius{sensor="x"} NaN',
  '',
].join('\n');

function brief(f: MetricFamily) {
  return {
    name: f.name,
    type: f.type,
    typeDeclared: f.typeDeclared,
    help: f.help,
    metrics: f.metrics.map((m) => ({
      labels: m.labels.map((l) => `${l.name}=${l.value}`).join(','),
      samples: m.samples.map((s) => [s.name, s.labels.map((l) => `${l.name}=${l.value}`).join(','), s.value, s.timestamp]),
    })),
  };
}

function at(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => `${d.code}${d.severity === 'error' ? '' : `(${d.severity})`}@${d.span!.start.line}:${d.span!.start.column}`);
}

describe('a node_exporter exposition', () => {
  const result = parse(nodeExporter, { format: 'prometheus' });

  it('parses with no diagnostics at all', () => {
    expect(result.format).toBe('prometheus');
    expect(result.diagnostics).toEqual([]);
  });

  it('gives the families in order, with their types and help', () => {
    expect(result.families.map((f) => [f.name, f.type, f.typeDeclared, f.help])).toEqual([
      ['go_gc_duration_seconds', 'summary', true, 'A summary of the pause duration of garbage collection cycles.'],
      ['go_goroutines', 'gauge', true, 'Number of goroutines that currently exist.'],
      ['node_cpu_seconds_total', 'counter', true, 'Seconds the CPUs spent in each mode.'],
      ['node_load1', 'gauge', true, '1m load average.'],
      ['node_disk_io_time_seconds', 'histogram', true, 'Time spent doing I/Os. Path C:\\data\nsecond line "quoted"'],
      ['node_scrape_collector_success', 'unknown', true, undefined],
      ['node_boot_time_seconds', 'unknown', false, undefined],
      ['node_filefd_allocated', 'unknown', false, undefined],
      ['node_network_receive_bytes_total', 'unknown', false, undefined],
      ['node_temperature_celsius', 'unknown', false, undefined],
    ]);
  });

  it('groups a summary\'s quantiles, _sum and _count into one metric', () => {
    const summary = brief(result.families[0]!);
    expect(summary.metrics).toEqual([
      {
        labels: '',
        samples: [
          ['go_gc_duration_seconds', 'quantile=0', 2.1e-5, undefined],
          ['go_gc_duration_seconds', 'quantile=0.25', 3.4e-5, undefined],
          ['go_gc_duration_seconds', 'quantile=0.5', 4.2e-5, undefined],
          ['go_gc_duration_seconds', 'quantile=0.75', 5.6e-5, undefined],
          ['go_gc_duration_seconds', 'quantile=1', 0.000512, undefined],
          ['go_gc_duration_seconds_sum', '', 0.0123, undefined],
          ['go_gc_duration_seconds_count', '', 187, undefined],
        ],
      },
    ]);
  });

  it('groups a histogram\'s buckets, _sum and _count per label set', () => {
    const histogram = brief(result.families[4]!);
    expect(histogram.metrics.map((m) => m.labels)).toEqual(['device=sda', 'device=sdb']);
    expect(histogram.metrics[0]!.samples).toEqual([
      ['node_disk_io_time_seconds_bucket', 'device=sda,le=0.005', 10, undefined],
      ['node_disk_io_time_seconds_bucket', 'device=sda,le=0.01', 15, undefined],
      ['node_disk_io_time_seconds_bucket', 'device=sda,le=+Inf', 20, undefined],
      ['node_disk_io_time_seconds_sum', 'device=sda', 0.3, undefined],
      ['node_disk_io_time_seconds_count', 'device=sda', 20, undefined],
    ]);
  });

  it('keeps counters named *_total whole, one metric per label set (trailing comma accepted)', () => {
    const counter = brief(result.families[2]!);
    expect(counter.metrics).toEqual([
      { labels: 'cpu=0,mode=idle', samples: [['node_cpu_seconds_total', 'cpu=0,mode=idle', 74830.11, undefined]] },
      { labels: 'cpu=0,mode=system', samples: [['node_cpu_seconds_total', 'cpu=0,mode=system', 1203.5, undefined]] },
      { labels: 'cpu=1,mode=idle', samples: [['node_cpu_seconds_total', 'cpu=1,mode=idle', 74901.3, undefined]] },
    ]);
  });

  it('converts millisecond timestamps to seconds, and reads tabs and padding as blanks', () => {
    expect(brief(result.families[3]!).metrics[0]!.samples).toEqual([['node_load1', '', 0.21, 1700000000.123]]);
    expect(brief(result.families[6]!).metrics[0]!.samples).toEqual([['node_boot_time_seconds', '', 1.69e9, 1700000000]]);
    expect(brief(result.families[7]!).metrics[0]!.samples).toEqual([['node_filefd_allocated', '', 1024, undefined]]);
  });

  it('reads +Inf and NaN values', () => {
    expect(result.families[8]!.metrics[0]!.samples[0]!.value).toBe(Infinity);
    expect(result.families[9]!.metrics[0]!.samples[0]!.value).toBeNaN();
  });

  it('puts spans on the lines the samples are on', () => {
    const load = result.families[3]!.metrics[0]!.samples[0]!;
    expect(load.span.start).toMatchObject({ line: 22, column: 1 });
    const boot = result.families[6]!.metrics[0]!.samples[0]!;
    expect(boot.span.start).toMatchObject({ line: 39, column: 1 });
    expect(boot.span.end).toMatchObject({ line: 39, column: 46 });
  });

  it('counts columns from the line start on lines with leading blanks', () => {
    const filefd = result.families[7]!.metrics[0]!.samples[0]!;
    expect(filefd.span.start).toMatchObject({ line: 40, column: 3 });
    expect(result.families[7]!.span.start).toMatchObject({ line: 40, column: 3 });
  });

  it('counts a BOM as the first column of line 1', () => {
    const bom = parse('\ufeffa 1\nb 2\n', { format: 'prometheus' });
    expect(bom.families[0]!.metrics[0]!.samples[0]!.span.start).toMatchObject({ line: 1, column: 2, offset: 1 });
    expect(bom.families[1]!.metrics[0]!.samples[0]!.span.start).toMatchObject({ line: 2, column: 1, offset: 5 });
  });

  it('is not valid OpenMetrics', () => {
    const om = parse(nodeExporter, { format: 'openmetrics' });
    expect(om.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});

describe('Prometheus text rules', () => {
  it('does not require `# EOF`, and accepts one as a comment', () => {
    expect(parse('a 1\n', { format: 'prometheus' }).diagnostics).toEqual([]);
    expect(parse('a 1\n# EOF\n', { format: 'prometheus' }).diagnostics).toEqual([]);
  });

  it('treats `# UNIT` as a comment', () => {
    const r = parse('# UNIT a_seconds seconds\na_seconds 1\n', { format: 'prometheus' });
    expect(r.diagnostics).toEqual([]);
    expect(r.families[0]!.unit).toBeUndefined();
  });

  it('accepts HELP after samples (Prometheus only refuses a late TYPE)', () => {
    expect(parse('a 1\n# HELP a x\n', { format: 'prometheus' }).diagnostics).toEqual([]);
  });

  it('allows a counter without `_total` and an untyped sample named like a suffix', () => {
    expect(parse('# TYPE a counter\na 1\nb_sum 1\nb_count 2\n', { format: 'prometheus' }).diagnostics).toEqual([]);
  });

  it('reads quoted UTF-8 names', () => {
    const r = parse('# TYPE "my.metric" gauge\n{"my.metric","a.b"="x"} 1\n', { format: 'prometheus' });
    expect(r.diagnostics).toEqual([]);
    expect(brief(r.families[0]!)).toMatchObject({ name: 'my.metric', type: 'gauge', metrics: [{ labels: 'a.b=x' }] });
  });

  it('reads a histogram whose TYPE names the family and whose samples come in any series order', () => {
    const text = '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_count 2\nh_sum 3\n';
    const r = parse(text, { format: 'prometheus' });
    expect(r.diagnostics).toEqual([]);
    expect(r.families).toHaveLength(1);
    expect(r.families[0]!.metrics[0]!.samples.map((s) => s.name)).toEqual(['h_bucket', 'h_bucket', 'h_count', 'h_sum']);
  });

  it('warns (does not fail) on interleaved families and a BOM', () => {
    expect(at(parse('a 1\nb 1\na 2\n', { format: 'prometheus' }).diagnostics)).toEqual(['OM103(warning)@3:1']);
    expect(at(parse('\ufeffa 1\n', { format: 'prometheus' }).diagnostics)).toEqual(['OM002(warning)@1:1']);
  });
});

describe('Prometheus text errors', () => {
  const cases: { what: string; text: string; expected: string[] }[] = [
    { what: 'TYPE after the samples', text: 'a 1\nb 2\n# TYPE b gauge\n', expected: ['OM102@3:1'] },
    { what: 'a second TYPE', text: '# TYPE a gauge\n# TYPE a gauge\na 1\n', expected: ['OM101@2:1'] },
    { what: 'an OpenMetrics-only type', text: '# TYPE a info\na 1\n', expected: ['OM016@1:10'] },
    { what: 'a bad `le`', text: '# TYPE h histogram\nh_bucket{le="x"} 1\nh_bucket{le="+Inf"} 1\n', expected: ['OM109@2:1'] },
    { what: 'a missing `le` (and so no +Inf bucket)', text: '# TYPE h histogram\nh_bucket{a="1"} 1\n', expected: ['OM108@2:1', 'OM114@2:1'] },
    { what: 'a bad quantile', text: '# TYPE s summary\ns{quantile="p50"} 1\n', expected: ['OM109@2:1'] },
    { what: 'an exemplar', text: '# TYPE c counter\nc_total 1 # {trace_id="x"} 1\n', expected: ['OM015@2:11'] },
    { what: 'a float timestamp', text: 'a 1 1700000000.5\n', expected: ['OM014@1:5'] },
    { what: 'an exponent timestamp', text: 'a 1\nb 2 1e3\n', expected: ['OM014@2:5'] },
    { what: 'a value that is not a number', text: 'a\tabc\n', expected: ['OM013@1:3'] },
    { what: 'a number glued to a word', text: 'a\t1x\n', expected: ['OM001@1:4'] },
    { what: 'an unterminated label value', text: 'a{b="1} 1\n', expected: ['OM012@1:5'] },
    { what: 'CRLF line ends', text: 'a 1\r\nb 2\r\n', expected: ['OM003@1:4', 'OM003@2:4'] },
    { what: 'a missing final line feed', text: 'a 1\nb 2', expected: ['OM021(warning)@2:4'] },
    {
      what: 'several errors, each on its line',
      text: '# TYPE a gauge\na 1 1.5\na 2\n# TYPE a gauge\nb{x="1",x="2"} 1\nc 1 # {} 1\n',
      expected: ['OM014@2:5', 'OM102@4:1', 'OM100@5:9', 'OM015@6:5'],
    },
  ];
  it.each(cases)('$what', ({ text, expected }) => {
    expect(at(parse(text, { format: 'prometheus' }).diagnostics)).toEqual(expected);
  });
});

// Prometheus exposition formats, text format 0.0.4, "Histograms and summaries": "A histogram must
// have a bucket with {le="+Inf"}. Its value must be identical to the value of x_count. The buckets
// of a histogram and the quantiles of a summary must appear in increasing numerical order of their
// label values." Timestamps: "an int64 (milliseconds since epoch …), represented as required by
// Go's ParseInt() function".
describe('Prometheus text histograms and summaries', () => {
  const H = '# TYPE h histogram\n';
  const S = '# TYPE s summary\n';
  const valid: { what: string; text: string; expected?: string[] }[] = [
    { what: 'buckets alone (`_sum` and `_count` are optional)', text: `${H}h_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\n` },
    { what: 'a count without a sum', text: `${H}h_bucket{le="+Inf"} 2\nh_count 2\n` },
    { what: 'a sum with negative buckets, and a negative sum', text: `${H}h_bucket{le="-1"} 1\nh_bucket{le="+Inf"} 2\nh_sum -3\nh_count 2\n` },
    { what: 'counts that are not integers (a float histogram)', text: `${H}h_bucket{le="1"} 0.5\nh_bucket{le="+Inf"} 1.5\nh_count 1.5\n` },
    { what: '`le` spelled as Go reads it', text: `${H}h_bucket{le="1e0"} 1\nh_bucket{le="Inf"} 2\nh_count 2\n` },
    { what: 'a NaN `le`, which expfmt drops', text: `${H}h_bucket{le="1"} 1\nh_bucket{le="NaN"} 0\nh_bucket{le="+Inf"} 2\n` },
    { what: 'timestamps that differ between the lines of one histogram', text: `${H}h_bucket{le="+Inf"} 2 1000\nh_count 2 2000\n` },
    {
      what: 'series split by others: one point per label set (a warning only)',
      text: `${H}h_bucket{a="x",le="+Inf"} 2\nh_bucket{a="y",le="+Inf"} 3\nh_count{a="x"} 2\nh_count{a="y"} 3\n`,
      expected: ['OM123(warning)@4:1', 'OM123(warning)@5:1'],
    },
    {
      what: 'a family continued after another (a warning only)',
      text: `${H}h_bucket{le="+Inf"} 2\n# TYPE g gauge\ng 1\nh_count 2\n`,
      expected: ['OM103(warning)@5:1'],
    },
    { what: 'quantiles in increasing order, with `_sum` and `_count` optional', text: `${S}s{quantile="0.5"} 1\ns{quantile="0.99"} 2\ns{a="b",quantile="0.1"} 1\n` },
    { what: 'a NaN quantile, which expfmt drops', text: `${S}s{quantile="0.5"} 1\ns{quantile="NaN"} 2\ns{quantile="0.9"} 1\n` },
  ];
  it.each(valid)('accepts $what', ({ text, expected }) => {
    expect(at(parse(text, { format: 'prometheus' }).diagnostics)).toEqual(expected ?? []);
  });

  const invalid = [
    { what: 'no +Inf bucket', text: `${H}h_bucket{le="1"} 1\nh_bucket{le="2"} 2\nh_count 2\n`, expected: ['OM114@2:1'] },
    { what: 'no bucket at all', text: `${H}h_sum 1\nh_count 2\n`, expected: ['OM114@2:1'] },
    { what: 'buckets that are not cumulative', text: `${H}h_bucket{le="1"} 3\nh_bucket{le="+Inf"} 2\nh_count 2\n`, expected: ['OM116@3:1'] },
    { what: '`_count` other than the +Inf bucket', text: `${H}h_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_sum 3\nh_count 5\n`, expected: ['OM117@2:1'] },
    { what: 'buckets out of order', text: `${H}h_bucket{le="2"} 1\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 1\n`, expected: ['OM115@3:1'] },
    { what: 'a bucket given twice', text: `${H}h_bucket{le="1"} 1\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 1\n`, expected: ['OM115@3:1'] },
    { what: 'a negative bucket and count', text: `${H}h_bucket{le="+Inf"} -1\nh_count -1\n`, expected: ['OM110@2:1', 'OM110@3:1'] },
    {
      what: 'one broken series among good ones, reported on its own lines',
      text: `${H}h_bucket{a="x",le="+Inf"} 2\nh_count{a="x"} 2\nh_bucket{a="y",le="1"} 2\nh_count{a="y"} 2\n`,
      expected: ['OM114@4:1'],
    },
    {
      what: 'a split series whose parts disagree',
      text: `${H}h_bucket{a="x",le="+Inf"} 2\nh_bucket{a="y",le="+Inf"} 3\nh_count{a="x"} 2\nh_count{a="y"} 4\n`,
      expected: ['OM117@3:1', 'OM123(warning)@4:1', 'OM123(warning)@5:1'],
    },
    { what: 'quantiles out of order', text: `${S}s{quantile="0.9"} 1\ns{quantile="0.5"} 1\ns_sum 1\ns_count 1\n`, expected: ['OM128@3:1'] },
    { what: 'a quantile given twice', text: `${S}s{quantile="0.5"} 1\ns{quantile="0.5"} 1\n`, expected: ['OM128@3:1'] },
  ];
  it.each(invalid)('reports $what', ({ text, expected }) => {
    const result = parse(text, { format: 'prometheus' });
    expect(at(result.diagnostics)).toEqual(expected);
    // Each cites Prometheus text, not OpenMetrics.
    for (const d of result.diagnostics) if (d.help !== undefined) expect(d.help).not.toMatch(/OpenMetrics/);
  });

  it('spans a histogram problem over the lines of its series', () => {
    const [d] = parse(`${H}h_bucket{le="1"} 1\nh_sum 3\nh_count 1\n`, { format: 'prometheus' }).diagnostics;
    expect(d!.code).toBe('OM114');
    expect([d!.span!.start.line, d!.span!.end.line]).toEqual([2, 4]);
    expect(d!.help).toMatch(/Prometheus text 0\.0\.4/);
  });
});

describe('Prometheus text values: Go ParseFloat, so within a float64', () => {
  it.each(['1e400', '-1e400', '9'.repeat(400), '1e99999999999999999999'])('reports %s as OM013', (v) => {
    expect(at(parse(`a ${v}\nb 1.7976931348623157e308\nc 1e-400\n`, { format: 'prometheus' }).diagnostics)).toEqual(['OM013@1:3']);
  });
});

describe('Prometheus text timestamps: int64 milliseconds', () => {
  const ok = ['9223372036854775807', '-9223372036854775808', '+9223372036854775807', '0009223372036854775807', '-0', '1700000000123'];
  it.each(ok)('accepts %s', (ts) => {
    expect(at(parse(`a 1 ${ts}\n`, { format: 'prometheus' }).diagnostics)).toEqual([]);
  });
  const bad = ['9223372036854775808', '-9223372036854775809', '10000000000000000000', '1'.repeat(1000), `-${'9'.repeat(400)}`];
  it.each(bad)('reports %s as OM014 at its column', (ts) => {
    const [d, ...rest] = parse(`a 1 ${ts}\nb 2\n`, { format: 'prometheus' }).diagnostics;
    expect(rest).toEqual([]);
    expect(at([d!])).toEqual(['OM014@1:5']);
    expect(d!.span!.end.column).toBe(5 + ts.length);
    expect(d!.message).toMatch(/int64/);
  });
});

describe('format auto-detection', () => {
  const om = '# TYPE a counter\n# HELP a x\na_total 1\n# EOF\n';
  const prom = '# HELP a x\n# TYPE a counter\na 1\n';

  it('reads the text when no Content-Type is given', () => {
    expect(detectFormat(om)).toBe('openmetrics');
    expect(detectFormat(prom)).toBe('prometheus');
    expect(detectFormat(nodeExporter)).toBe('prometheus');
    // Within the detection window only `# EOF` makes OpenMetrics (format.ts; format.test.ts).
    expect(detectFormat('# TYPE a stateset\na{a="x"} 1\n# EOF\n')).toBe('openmetrics');
    expect(detectFormat('# UNIT a_s s\na_s 1\n')).toBe('prometheus');
    expect(detectFormat('# TYPE c counter\nc_total 1\n')).toBe('prometheus');
    expect(detectFormat('')).toBe('prometheus');
    expect(parse(om, { format: 'auto' })).toMatchObject({ format: 'openmetrics', diagnostics: [] });
    expect(parse(prom)).toMatchObject({ format: 'prometheus', diagnostics: [] });
    expect(parse(nodeExporter, { format: 'auto' })).toMatchObject({ format: 'prometheus', diagnostics: [] });
  });

  it('sees `# EOF` through CRLF line ends', () => {
    expect(detectFormat('a 1\r\n# EOF\r\n')).toBe('openmetrics');
  });

  it('follows the Content-Type when one is given', () => {
    const omType = 'application/openmetrics-text; version=1.0.0; charset=utf-8';
    const promType = 'text/plain; version=0.0.4; charset=utf-8';
    expect(parse(om, { format: 'auto', contentType: omType })).toMatchObject({ format: 'openmetrics', diagnostics: [] });
    expect(parse(prom, { contentType: promType })).toMatchObject({ format: 'prometheus', diagnostics: [] });
    // The header wins over the text.
    expect(parse(om, { contentType: promType }).format).toBe('prometheus');
    const forced = parse(prom, { contentType: omType });
    expect(forced.format).toBe('openmetrics');
    expect(at(forced.diagnostics)).toContain('OM004@4:1');
    // An unknown media type falls back to the text.
    expect(parse(om, { contentType: 'application/json' }).format).toBe('openmetrics');
    expect(parse(prom, { contentType: 'Application/OpenMetrics-Text' }).format).toBe('openmetrics');
  });

  it('an explicit format ignores the Content-Type', () => {
    expect(parse(om, { format: 'prometheus', contentType: 'application/openmetrics-text' }).format).toBe('prometheus');
  });
});
