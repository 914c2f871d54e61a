// The serializer: OpenMetrics and Prometheus text renderings, escaping, quoted UTF-8 names,
// special numbers, timestamps, `# EOF`, and the JSON form.
import { describe, expect, it } from 'vitest';
import { convertText, parse, serialize, toJSON, type Format } from '../src/index.js';

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
    ['OpenMetrics 2.0: a counter with st@ and two exemplars', 'openmetrics-2.0', [
      '# TYPE foo_total counter',
      '# UNIT foo_total seconds',
      'foo_total{a="b"} 17 1520879607.789 st@1520430000.123 # {trace_id="x"} 0.67 1520879606.1 # {} 1 1520879606.2',
      '# EOF',
    ]],
    ['OpenMetrics 2.0: composite values, classic, native and both', 'openmetrics-2.0', [
      '# TYPE h histogram',
      'h{a="b"} {count:2,sum:120,schema:0,zero_threshold:0.0001,zero_count:0,negative_spans:[-1:1],negative_buckets:[1],positive_spans:[1:1],positive_buckets:[1],bucket:[-Inf:0,0.5:1,1.0:2,+Inf:2]} st@3',
      'h{a="c"} {count:0,sum:0,bucket:[+Inf:0]}',
      'h{a="d"} {count:1,sum:NaN,schema:-4,zero_threshold:0,zero_count:0}',
      '# TYPE g gaugehistogram',
      'g {gcount:0.5,gsum:-2,bucket:[1e+06:0.5,+Inf:0.5]} 5',
      '# TYPE s summary',
      's {count:3,sum:1.5,quantile:[0.0:0.1,0.5:NaN,1.0:2]}',
      's{x="y"} {count:0,sum:0,quantile:[]}',
      '# EOF',
    ]],
    ['OpenMetrics 2.0: quoted UTF-8 names', 'openmetrics-2.0', [
      '# TYPE "foodb.read.errors" counter',
      '# HELP "foodb.read.errors" The number of \\"errors\\".',
      '{"foodb.read.errors","service.name"="my_service"} 3482',
      '# EOF',
    ]],
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

describe('convert', () => {
  const om = (lines: string[]) => parse(`${lines.join('\n')}\n# EOF\n`, { format: 'openmetrics' });
  const prom = (lines: string[]) => parse(`${lines.join('\n')}\n`, { format: 'prometheus' });
  const written = (result: ReturnType<typeof parse>, to: Format, options: Parameters<typeof convertText>[3] = {}) => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return convertText(result.families, result.format, to, options);
  };

  it('refuses a gauge `x` beside a counter `x_total` going to OpenMetrics, naming both (no lossless renaming exists)', () => {
    const c = written(
      prom([
        '# TYPE go_memstats_alloc_bytes gauge',
        'go_memstats_alloc_bytes 3.1e+06',
        '# TYPE go_memstats_alloc_bytes_total counter',
        'go_memstats_alloc_bytes_total 1.2e+09',
      ]),
      'openmetrics',
    );
    expect(c.text).toBeUndefined();
    expect(c.problems).toEqual([
      {
        kind: 'clash',
        families: ['go_memstats_alloc_bytes', 'go_memstats_alloc_bytes_total'],
        message: '`go_memstats_alloc_bytes` (gauge) and `go_memstats_alloc_bytes_total` (counter) are both named `go_memstats_alloc_bytes` in OpenMetrics 1.0',
      },
    ]);
  });

  it('refuses a family claiming another\'s sample name (a gauge `x_created` beside a counter `x`)', () => {
    const c = written(prom(['# TYPE x_total counter', 'x_total 1', '# TYPE x_created gauge', 'x_created 1.7e9']), 'openmetrics');
    expect(c.problems.map((p) => p.message)).toEqual(['`x_total` (counter) and `x_created` (gauge) both claim the sample name `x_created` in OpenMetrics 1.0']);
  });

  it('names a 0.0.4 counter without `_total` with it in OpenMetrics', () => {
    expect(written(prom(['# TYPE jobs counter', 'jobs{q="a"} 3']), 'openmetrics').text).toBe('# TYPE jobs counter\njobs_total{q="a"} 3\n# EOF\n');
  });

  it('writes `le` and `quantile` canonically in OpenMetrics, and keeps them in 0.0.4', () => {
    const input = prom([
      '# TYPE h histogram',
      'h_bucket{le="1"} 1',
      'h_bucket{le="1e3"} 2',
      'h_bucket{le="+inf"} 3',
      'h_sum 4',
      'h_count 3',
      '# TYPE s summary',
      's{quantile="0.50"} 1',
      's{quantile="1"} 2',
      's_sum 3',
      's_count 2',
    ]);
    const text = written(input, 'openmetrics').text!;
    expect(text).toContain('h_bucket{le="1.0"} 1\nh_bucket{le="1000.0"} 2\nh_bucket{le="+Inf"} 3\n');
    expect(text).toContain('s{quantile="0.5"} 1\ns{quantile="1.0"} 2\n');
    expect(written(input, 'prometheus').text).toContain('h_bucket{le="1"} 1\n');
    // OpenMetrics' canonical values are read by 0.0.4 consumers as they are (client_python writes them).
    expect(written(om(['# TYPE h histogram', 'h_bucket{le="1.0"} 1', 'h_bucket{le="+Inf"} 1']), 'prometheus').text).toBe(
      '# TYPE h histogram\nh_bucket{le="1.0"} 1\nh_bucket{le="+Inf"} 1\n',
    );
  });

  it('writes OpenMetrics-only parts to 0.0.4 as client_python does', () => {
    const c = written(
      om([
        '# TYPE c counter',
        '# HELP c Cs.',
        'c_total{a="1"} 3 # {trace="t"} 1',
        'c_created{a="1"} 1700000000',
        '# TYPE g gaugehistogram',
        'g_bucket{le="+Inf"} 2',
        'g_gcount 2',
        'g_gsum 5',
        '# TYPE b info',
        'b_info{v="1"} 1',
        '# TYPE st stateset',
        'st{st="on"} 1',
        '# TYPE u unknown',
        'u 1',
      ]),
      'prometheus',
    );
    expect(c.problems).toEqual([]);
    expect(c.text).toBe(
      [
        '# TYPE c_total counter',
        '# HELP c_total Cs.',
        'c_total{a="1"} 3',
        '# TYPE c_created gauge',
        '# HELP c_created Cs.',
        'c_created{a="1"} 1700000000',
        '# TYPE g histogram',
        'g_bucket{le="+Inf"} 2',
        '# TYPE g_gcount gauge',
        'g_gcount 2',
        '# TYPE g_gsum gauge',
        'g_gsum 5',
        '# TYPE b_info gauge',
        'b_info{v="1"} 1',
        '# TYPE st gauge',
        'st{st="on"} 1',
        '# TYPE u untyped',
        'u 1',
        '',
      ].join('\n'),
    );
    expect(c.dropped).toEqual([{ kind: 'dropped', families: ['c'], message: 'Prometheus text 0.0.4 has no exemplars: left out those of `c`' }]);
  });

  it('refuses a timestamp outside int64 milliseconds in 0.0.4, and reports rounded ones', () => {
    expect(written(om(['a 1 1e300']), 'prometheus').problems.map((p) => p.message)).toEqual([
      '`a`: timestamp `1e+300` (seconds) is outside the int64 milliseconds of Prometheus text 0.0.4',
    ]);
    const c = written(om(['a 1 1700000000.0004']), 'prometheus');
    expect(c.text).toBe('a 1 1700000000000\n');
    expect(c.dropped.map((d) => d.message)).toEqual(['Prometheus text 0.0.4 timestamps are integer milliseconds: rounded those of `a`']);
  });

  describe('names outside the legacy character set', () => {
    const utf8 = () => om(['# TYPE "my.metric" counter', '{"my.metric_total","http.status"="200"} 3 # {"trace.id"="x"} 1']);

    it('are refused without an escaping scheme, in both formats', () => {
      for (const to of ['openmetrics', 'prometheus'] as const) {
        const c = written(utf8(), to);
        expect(c.text).toBeUndefined();
        expect(c.problems).toMatchObject([{ kind: 'escaping', families: ['my.metric'] }]);
      }
      expect(written(om(['# TYPE a gauge', 'a{"b.c"="1"} 1']), 'prometheus').problems.map((p) => p.message)).toEqual([
        '`a`: label name `b.c` is outside the legacy character set of Prometheus text 0.0.4',
      ]);
    });

    it('are escaped by the scheme chosen, suffixes kept as they are', () => {
      expect(written(utf8(), 'prometheus', { escaping: 'underscores' }).text).toBe('# TYPE my_metric_total counter\nmy_metric_total{http_status="200"} 3\n');
      expect(written(utf8(), 'prometheus', { escaping: 'dots' }).text).toBe('# TYPE my_dot_metric_total counter\nmy_dot_metric_total{http_dot_status="200"} 3\n');
      expect(written(utf8(), 'openmetrics', { escaping: 'values' }).text).toBe(
        '# TYPE U__my_2e_metric counter\nU__my_2e_metric_total{U__http_2e_status="200"} 3 # {U__trace_2e_id="x"} 1\n# EOF\n',
      );
      expect(written(utf8(), 'prometheus', { escaping: 'allow-utf-8' }).text).toBe('# TYPE "my.metric_total" counter\n{"my.metric_total","http.status"="200"} 3\n');
    });

    it('refuse names that escaping makes equal', () => {
      const c = written(om(['# TYPE "a.b" gauge', '{"a.b"} 1', '# TYPE a_b gauge', 'a_b 2', '# TYPE c gauge', 'c{"x.y"="1",x_y="2"} 3']), 'prometheus', {
        escaping: 'underscores',
      });
      expect(c.problems.map((p) => p.message)).toEqual([
        '`c`: labels `x.y` and `x_y` are both `x_y` when escaped',
        '`a.b` (gauge) and `a_b` (gauge) are both named `a_b` in Prometheus text 0.0.4',
      ]);
    });
  });

  it('refuses what the written text would fail on otherwise, by family (a 0.0.4 quantile of 50)', () => {
    const c = written(prom(['# TYPE lat summary', 'lat{quantile="50"} 1', 'lat_sum 1', 'lat_count 1']), 'openmetrics');
    expect(c.text).toBeUndefined();
    expect(c.problems).toMatchObject([{ kind: 'invalid', families: ['lat'] }]);
    expect(c.problems[0]!.message).toMatch(/^`lat`: .*\(OM109 in the written OpenMetrics 1\.0\)$/);
  });

  it('names the input\'s family when the written text fails (a negative 0.0.4 counter `x_total` is OpenMetrics `x`)', () => {
    const c = written(prom(['# TYPE x_total counter', 'x_total -1']), 'openmetrics');
    expect(c.problems).toMatchObject([{ kind: 'invalid', families: ['x_total'] }]);
    expect(c.problems[0]!.message).toMatch(/^`x_total`: .*\(OM110 in the written OpenMetrics 1\.0\)$/);
  });
});
