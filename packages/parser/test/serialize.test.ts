// The serializer: OpenMetrics and Prometheus text renderings, escaping, quoted UTF-8 names,
// special numbers, timestamps, `# EOF`, and the JSON form.
import { describe, expect, it } from 'vitest';
import { parse, serialize, toJSON, type Format } from '../src/index.js';

function roundTrip(text: string, format: Format): string {
  const result = parse(text, { format });
  expect(result.diagnostics).toEqual([]);
  return serialize(result.families, { format });
}

describe('canonical text serializes to the same bytes', () => {
  it.each([
    ['a counter with unit, created and exemplar', 'openmetrics', [
      '# TYPE rpc_seconds counter',
      '# UNIT rpc_seconds seconds',
      '# HELP rpc_seconds Time spent.',
      'rpc_seconds_total{code="200"} 17.5 # {trace_id="abc"} 0.25 1700000000.5',
      'rpc_seconds_created{code="200"} 1700000000',
      '# EOF',
    ]],
    ['a histogram with exemplars', 'openmetrics', [
      '# TYPE lat histogram',
      'lat_bucket{le="0.1"} 1 # {id="x"} 0.05',
      'lat_bucket{le="+Inf"} 2',
      'lat_sum 0.3',
      'lat_count 2',
      '# EOF',
    ]],
    ['info, stateset, gaugehistogram and unknown', 'openmetrics', [
      '# TYPE build info',
      'build_info{version="1.2"} 1',
      '# TYPE flags stateset',
      'flags{flags="a"} 1',
      'flags{flags="b"} 0',
      '# TYPE q gaugehistogram',
      'q_bucket{le="+Inf"} 3',
      'q_gcount 3',
      'q_gsum 2',
      '# TYPE u unknown',
      'u 1',
      'v 2',
      '# EOF',
    ]],
    ['NaN and ±Inf', 'openmetrics', ['a NaN', 'b +Inf', 'c -Inf', 'd -0', 'e 1e+21', 'f 5e-324', '# EOF']],
    ['float timestamps in seconds', 'openmetrics', ['a 1 1700000000.123', 'b 2 -1.5', '# EOF']],
    ['Prometheus text: untyped, millisecond timestamps, no EOF', 'prometheus', [
      '# TYPE a untyped',
      '# HELP a x',
      'a 1 1700000000123',
      '# TYPE b_total counter',
      'b_total{x="y"} 3',
      '# TYPE s summary',
      's{quantile="0.5"} 1',
      's_sum 2',
      's_count 3',
    ]],
    ['Prometheus text: NaN and ±Inf', 'prometheus', ['a NaN', 'b +Inf -1000', 'c -Inf']],
  ] as [string, Format, string[]][])('%s', (_, format, lines) => {
    const text = `${lines.join('\n')}\n`;
    expect(roundTrip(text, format)).toBe(text);
  });
});

describe('escaping', () => {
  it('escapes label values: backslash, quote and line feed', () => {
    const text = 'a{v="back\\\\slash \\"quoted\\" line\\nfeed ünï 😀"} 1\n# EOF\n';
    const result = parse(text, { format: 'openmetrics' });
    expect(result.diagnostics).toEqual([]);
    expect(result.families[0]!.metrics[0]!.labels).toEqual([{ name: 'v', value: 'back\\slash "quoted" line\nfeed ünï 😀' }]);
    expect(serialize(result.families, { format: 'openmetrics' })).toBe(text);
    expect(serialize(result.families, { format: 'prometheus' })).toBe(text.replace('# EOF\n', ''));
  });

  it('escapes OpenMetrics help: backslash, quote and line feed', () => {
    const text = '# HELP a x \\\\ \\"y\\" \\n z\na 1\n# EOF\n';
    const result = parse(text, { format: 'openmetrics' });
    expect(result.families[0]!.help).toBe('x \\ "y" \n z');
    expect(serialize(result.families, { format: 'openmetrics' })).toBe(text);
  });

  it('escapes Prometheus help: backslash and line feed only', () => {
    const text = '# HELP a x \\\\ "y" \\n z\na 1\n';
    const result = parse(text, { format: 'prometheus' });
    expect(result.diagnostics).toEqual([]);
    expect(result.families[0]!.help).toBe('x \\ "y" \n z');
    expect(serialize(result.families, { format: 'prometheus' })).toBe(text);
    expect(serialize(result.families, { format: 'openmetrics' })).toBe('# HELP a x \\\\ \\"y\\" \\n z\na 1\n# EOF\n');
  });
});

describe('quoted UTF-8 names', () => {
  it('writes `{"my.metric"}` and `# TYPE "my.metric" counter`', () => {
    const text = [
      '# TYPE "my.metric" counter',
      '# HELP "my.metric" Dots in the name.',
      '{"my.metric_total","http.status"="200",le_x="1"} 3',
      '# EOF',
      '',
    ].join('\n');
    const result = parse(text, { format: 'openmetrics' });
    expect(result.diagnostics).toEqual([]);
    const family = result.families[0]!;
    expect(family).toMatchObject({ name: 'my.metric', type: 'counter', help: 'Dots in the name.' });
    expect(family.metrics[0]!.samples[0]).toMatchObject({
      name: 'my.metric_total',
      labels: [{ name: 'http.status', value: '200' }, { name: 'le_x', value: '1' }],
    });
    expect(serialize(result.families, { format: 'openmetrics' })).toBe(text);
  });

  it('escapes quotes, backslashes, line feeds and control characters in quoted names', () => {
    const name = 'odd "name" \\ with\nlf\tand tab';
    const text = `# TYPE "${'odd \\"name\\" \\\\ with\\nlf\tand tab'}" gauge\n{"${'odd \\"name\\" \\\\ with\\nlf\tand tab'}"} 1\n# EOF\n`;
    const result = parse(text, { format: 'openmetrics' });
    expect(result.diagnostics).toEqual([]);
    expect(result.families[0]!.name).toBe(name);
    expect(result.families[0]!.metrics[0]!.samples[0]!.name).toBe(name);
    expect(serialize(result.families, { format: 'openmetrics' })).toBe(text);
  });

  it('keeps legacy names bare', () => {
    expect(roundTrip('# TYPE a:b gauge\na:b{c="d"} 1\n', 'prometheus')).toBe('# TYPE a:b gauge\na:b{c="d"} 1\n');
  });
});

describe('between formats', () => {
  it('converts timestamps: seconds ↔ milliseconds', () => {
    const om = parse('a 1 1700000000.5\n# EOF\n', { format: 'openmetrics' });
    expect(serialize(om.families, { format: 'prometheus' })).toBe('a 1 1700000000500\n');
    const prom = parse('a 1 1700000000500\n', { format: 'prometheus' });
    expect(prom.families[0]!.metrics[0]!.samples[0]!.timestamp).toBe(1700000000.5);
    expect(serialize(prom.families, { format: 'openmetrics' })).toBe('a 1 1700000000.5\n# EOF\n');
  });

  it('writes `unknown` as `untyped` in Prometheus text, and drops units and exemplars there', () => {
    const om = parse('# TYPE a_s unknown\n# UNIT a_s s\na_s 1\n# TYPE c counter\nc_total 1 # {x="y"} 1\n# EOF\n', { format: 'openmetrics' });
    expect(om.diagnostics).toEqual([]);
    expect(serialize(om.families, { format: 'prometheus' })).toBe('# TYPE a_s untyped\na_s 1\n# TYPE c counter\nc_total 1\n');
  });

  it('writes only `# EOF` for no families in OpenMetrics, nothing in Prometheus text', () => {
    expect(serialize([], { format: 'openmetrics' })).toBe('# EOF\n');
    expect(serialize([], { format: 'prometheus' })).toBe('');
    expect(roundTrip('# EOF\n', 'openmetrics')).toBe('# EOF\n');
  });
});

describe('toJSON', () => {
  it('gives plain data with spans, and no undefined keys', () => {
    const result = parse('# TYPE c counter\nc_total{a="b"} 1 2 # {x="y"} 0.5\n# EOF\n', { format: 'openmetrics' });
    const json = toJSON(result.families);
    expect(json).toEqual([
      {
        name: 'c',
        type: 'counter',
        typeDeclared: true,
        descriptors: [{ kind: 'TYPE', name: 'c', value: 'counter', span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 17, offset: 16 } } }],
        metrics: [
          {
            labels: [{ name: 'a', value: 'b' }],
            samples: [
              {
                name: 'c_total',
                labels: [{ name: 'a', value: 'b' }],
                value: 1,
                timestamp: 2,
                exemplar: {
                  labels: [{ name: 'x', value: 'y' }],
                  value: 0.5,
                  span: { start: { line: 2, column: 20, offset: 36 }, end: { line: 2, column: 33, offset: 49 } },
                },
                span: { start: { line: 2, column: 1, offset: 17 }, end: { line: 2, column: 33, offset: 49 } },
              },
            ],
          },
        ],
        span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 33, offset: 49 } },
      },
    ]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
