// OpenMetrics 2.0 in the serializer and the converter: composite values written per the rc0 ABNF,
// `st@` and several exemplars; 1.0 and 0.0.4 → 2.0 per the migration guide; 2.0 → 1.0 and 0.0.4
// where the data fits, refused (naming the families) where it does not. 2.0 models are built by
// hand here; 1.0 and 0.0.4 inputs are parsed.
import { describe, expect, it } from 'vitest';
import {
  CONTENT_TYPES,
  convert,
  convertText,
  parse,
  serialize,
  type CompositeValue,
  type Exemplar,
  type Format,
  type Label,
  type Metric,
  type MetricFamily,
  type MetricType,
  type Sample,
} from '../src/index.js';
import type { MetricNode } from '../src/ast/model.js';

const span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

interface SampleSpec {
  labels?: Record<string, string>;
  value?: number;
  composite?: CompositeValue;
  timestamp?: number;
  startTimestamp?: number;
  exemplars?: { labels?: Record<string, string>; value: number; timestamp?: number }[];
}

const labelsOf = (record: Record<string, string> = {}): Label[] => Object.entries(record).map(([name, value]) => ({ name, value }));

/** A 2.0 family made by hand: one metric per label set (a stateset's state label aside). */
function family(name: string, type: MetricType, samples: SampleSpec[], extra: { help?: string; unit?: string } = {}): MetricFamily {
  const metrics = new Map<string, { labels: Label[]; samples: Sample[] }>();
  for (const spec of samples) {
    const labels = labelsOf(spec.labels);
    const identity = labels.filter((l) => !(type === 'stateset' && l.name === name));
    const key = JSON.stringify(identity);
    const exemplars: Exemplar[] | undefined = spec.exemplars?.map((e) => ({ labels: labelsOf(e.labels), value: e.value, ...(e.timestamp !== undefined ? { timestamp: e.timestamp } : {}), span }));
    const sample: Sample = {
      name,
      labels,
      value: spec.composite !== undefined ? Number.NaN : spec.value!,
      ...(spec.timestamp !== undefined ? { timestamp: spec.timestamp } : {}),
      ...(spec.startTimestamp !== undefined ? { startTimestamp: spec.startTimestamp } : {}),
      ...(spec.composite !== undefined ? { composite: spec.composite } : {}),
      ...(exemplars !== undefined && exemplars.length > 0 ? { exemplar: exemplars[0], exemplars } : {}),
      span,
    };
    const metric = metrics.get(key) ?? { labels: identity, samples: [] };
    metric.samples.push(sample);
    metrics.set(key, metric);
  }
  return { name, type, typeDeclared: true, ...extra, descriptors: [], metrics: [...metrics.values()] as Metric[], span };
}

const native = { schema: 3, zeroThreshold: 1e-4, zeroCount: 1, negativeSpans: [], negativeBuckets: [], positiveSpans: [{ offset: 0, length: 2 }], positiveBuckets: [1, 1] };

const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('serialize to OpenMetrics 2.0', () => {
  it('writes numbers, `st@` after the timestamp and every exemplar with its timestamp', () => {
    const families = [
      family('foo_total', 'counter', [
        { value: 17, timestamp: 1520879607.789, startTimestamp: 1520430000.123, exemplars: [{ labels: { trace_id: 'a' }, value: 0.67, timestamp: 1520879606.1 }, { value: 1, timestamp: 1520879606.2 }] },
      ]),
      family('go_goroutines', 'gauge', [{ value: 69 }], { help: 'Number of "goroutines".' }),
    ];
    expect(serialize(families, { format: 'openmetrics-2.0' })).toBe(
      text([
        '# TYPE foo_total counter',
        'foo_total 17 1520879607.789 st@1520430000.123 # {trace_id="a"} 0.67 1520879606.1 # {} 1 1520879606.2',
        '# TYPE go_goroutines gauge',
        '# HELP go_goroutines Number of \\"goroutines\\".',
        'go_goroutines 69',
        '# EOF',
      ]),
    );
  });

  it('writes composite values exactly as the ABNF: no whitespace, native fields in order, `+Inf` last, `gcount`/`gsum`, quantiles', () => {
    const families = [
      family('acme_http_router_request_seconds', 'summary', [
        { labels: { path: '/api/v1', method: 'GET' }, composite: { kind: 'summary', count: 807283, sum: 9036.32, quantiles: [{ quantile: 0.95, value: 2 }, { quantile: 0.99, value: 20 }] }, startTimestamp: 1605281325 },
      ], { unit: 'seconds' }),
      family('acme_http_request_seconds', 'histogram', [
        {
          labels: { path: '/api/v1', method: 'GET' },
          composite: {
            kind: 'histogram',
            count: 2,
            sum: 120,
            native: { schema: 0, zeroThreshold: 1e-4, zeroCount: 0, negativeSpans: [], negativeBuckets: [], positiveSpans: [{ offset: 1, length: 2 }], positiveBuckets: [1, 1] },
            buckets: [{ le: 0.5, count: 1 }, { le: 1, count: 2 }, { le: Infinity, count: 2 }],
          },
          startTimestamp: 1605301325,
        },
      ]),
      family('acme_http_request_seconds:rate5m', 'gaugehistogram', [
        {
          composite: {
            kind: 'gaugehistogram',
            count: 0.01,
            sum: 2,
            native: { schema: -4, zeroThreshold: 0, zeroCount: 0, negativeSpans: [{ offset: -3, length: 1 }, { offset: 0, length: 1 }], negativeBuckets: [0.005, 0.005], positiveSpans: [], positiveBuckets: [] },
          },
        },
      ]),
      family('lat', 'histogram', [{ composite: { kind: 'histogram', count: 3, sum: -1.5, buckets: [{ le: -Infinity, count: 0 }, { le: -1, count: 1 }, { le: 1e6, count: 2 }, { le: Infinity, count: 3 }] } }]),
      family('empty', 'summary', [{ composite: { kind: 'summary', count: 0, sum: 0, quantiles: [] } }]),
    ];
    expect(serialize(families, { format: 'openmetrics-2.0' })).toBe(
      text([
        '# TYPE acme_http_router_request_seconds summary',
        '# UNIT acme_http_router_request_seconds seconds',
        'acme_http_router_request_seconds{path="/api/v1",method="GET"} {count:807283,sum:9036.32,quantile:[0.95:2,0.99:20]} st@1605281325',
        '# TYPE acme_http_request_seconds histogram',
        'acme_http_request_seconds{path="/api/v1",method="GET"} {count:2,sum:120,schema:0,zero_threshold:0.0001,zero_count:0,positive_spans:[1:2],positive_buckets:[1,1],bucket:[0.5:1,1.0:2,+Inf:2]} st@1605301325',
        '# TYPE acme_http_request_seconds:rate5m gaugehistogram',
        'acme_http_request_seconds:rate5m {gcount:0.01,gsum:2,schema:-4,zero_threshold:0,zero_count:0,negative_spans:[-3:1,0:1],negative_buckets:[0.005,0.005]}',
        '# TYPE lat histogram',
        'lat {count:3,sum:-1.5,bucket:[-Inf:0,-1.0:1,1e+06:2,+Inf:3]}',
        '# TYPE empty summary',
        'empty {count:0,sum:0,quantile:[]}',
        '# EOF',
      ]),
    );
  });

  it('quotes names outside the legacy character set as 1.0 does', () => {
    const families = [family('foodb.read.errors', 'counter', [{ labels: { 'service.name': 'my_service' }, value: 3482 }], { help: 'Errors.' })];
    expect(serialize(families, { format: 'openmetrics-2.0' })).toBe(
      text(['# TYPE "foodb.read.errors" counter', '# HELP "foodb.read.errors" Errors.', '{"foodb.read.errors","service.name"="my_service"} 3482', '# EOF']),
    );
  });

  it('names the 2.0 Content-Type', () => {
    expect(CONTENT_TYPES['openmetrics-2.0']).toBe('application/openmetrics-text; version=2.0.0; charset=utf-8');
    expect(CONTENT_TYPES.openmetrics).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(CONTENT_TYPES.prometheus).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});

/** Converts parsed valid text to 2.0 text (the written text is not read back here). */
function to2(input: string, from: Format) {
  const parsed = parse(input, { format: from });
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return convertText(parsed.families, from, 'openmetrics-2.0', { check: false });
}

describe('OpenMetrics 1.0 → 2.0 (the migration guide)', () => {
  it('names a counter family with its `_total` and makes `_created` the sample\'s `st@`', () => {
    const c = to2(
      text([
        '# TYPE http_requests counter',
        '# HELP http_requests Total HTTP requests.',
        'http_requests_total{method="GET",code="200"} 1027 1710000000 # {trace_id="abc"} 1.0 1709999999',
        'http_requests_total{method="GET",code="200"} 1028 1710000001',
        'http_requests_created{method="GET",code="200"} 1000000000 1710000001',
        '# EOF',
      ]),
      'openmetrics',
    );
    expect(c.problems).toEqual([]);
    expect(c.dropped).toEqual([]);
    expect(c.text).toBe(
      text([
        '# TYPE http_requests_total counter',
        '# HELP http_requests_total Total HTTP requests.',
        'http_requests_total{method="GET",code="200"} 1027 1710000000 # {trace_id="abc"} 1 1709999999',
        'http_requests_total{method="GET",code="200"} 1028 1710000001 st@1000000000',
        '# EOF',
      ]),
    );
  });

  it('gathers a histogram\'s, gauge histogram\'s and summary\'s lines into one composite sample, buckets\' exemplars into its exemplars', () => {
    const c = to2(
      text([
        '# TYPE http_request_duration_seconds histogram',
        'http_request_duration_seconds_bucket{path="/api/v1",le="0.1"} 800 # {trace_id="a"} 0.05 1709999998',
        'http_request_duration_seconds_bucket{path="/api/v1",le="0.5"} 950',
        'http_request_duration_seconds_bucket{path="/api/v1",le="+Inf"} 1027 # {trace_id="b"} 3 1709999999',
        'http_request_duration_seconds_sum{path="/api/v1"} 172.5',
        'http_request_duration_seconds_count{path="/api/v1"} 1027',
        'http_request_duration_seconds_created{path="/api/v1"} 1000000000',
        '# TYPE queue_depth_bytes gaugehistogram',
        'queue_depth_bytes_bucket{queue="work",le="1024"} 5',
        'queue_depth_bytes_bucket{queue="work",le="65536"} 18',
        'queue_depth_bytes_bucket{queue="work",le="+Inf"} 23',
        'queue_depth_bytes_gcount{queue="work"} 23',
        'queue_depth_bytes_gsum{queue="work"} 1048576',
        '# TYPE rpc_seconds summary',
        'rpc_seconds{quantile="0.5"} 0.013',
        'rpc_seconds{quantile="0.99"} 0.1',
        'rpc_seconds_sum 172.5',
        'rpc_seconds_count 1027',
        'rpc_seconds_created 1000000000',
        '# TYPE build info',
        'build_info{version="1.4.2"} 1',
        '# TYPE state stateset',
        'state{state="a"} 1',
        'state{state="b"} 0',
        '# EOF',
      ]),
      'openmetrics',
    );
    expect(c.problems).toEqual([]);
    expect(c.dropped).toEqual([]);
    expect(c.text).toBe(
      text([
        '# TYPE http_request_duration_seconds histogram',
        'http_request_duration_seconds{path="/api/v1"} {count:1027,sum:172.5,bucket:[0.1:800,0.5:950,+Inf:1027]} st@1000000000 # {trace_id="a"} 0.05 1709999998 # {trace_id="b"} 3 1709999999',
        '# TYPE queue_depth_bytes gaugehistogram',
        'queue_depth_bytes{queue="work"} {gcount:23,gsum:1048576,bucket:[1024.0:5,65536.0:18,+Inf:23]}',
        '# TYPE rpc_seconds summary',
        'rpc_seconds {count:1027,sum:172.5,quantile:[0.5:0.013,0.99:0.1]} st@1000000000',
        '# TYPE build_info info',
        'build_info{version="1.4.2"} 1',
        '# TYPE state stateset',
        'state{state="a"} 1',
        'state{state="b"} 0',
        '# EOF',
      ]),
    );
  });

  it('gives a `_created` without a timestamp to the point before it (input with errors: OM124)', () => {
    const input = parse(text(['# TYPE c counter', 'c_total 1 100', 'c_created 50', '# EOF']), { format: 'openmetrics' });
    expect(input.diagnostics.map((d) => d.code)).toEqual(['OM124']);
    const c = convertText(input.families, 'openmetrics', 'openmetrics-2.0', { check: false });
    expect(c.text).toBe(text(['# TYPE c_total counter', 'c_total 1 100 st@50', '# EOF']));
  });

  it('keeps one sample per timestamp', () => {
    const c = to2(
      text(['# TYPE h histogram', 'h_bucket{le="+Inf"} 1 100', 'h_count 1 100', 'h_sum 2 100', 'h_bucket{le="+Inf"} 3 200', 'h_count 3 200', 'h_sum 4 200', '# EOF']),
      'openmetrics',
    );
    expect(c.text).toBe(text(['# TYPE h histogram', 'h {count:1,sum:2,bucket:[+Inf:1]} 100', 'h {count:3,sum:4,bucket:[+Inf:3]} 200', '# EOF']));
  });

  it('takes the count from the `+Inf` bucket, writes a missing Sum as `NaN` and leaves out exemplars without a timestamp, saying so', () => {
    const c = to2(
      text(['# TYPE a histogram', 'a_bucket{le="-1.0"} 0 # {a="b"} -2', 'a_bucket{le="1.0"} 1', 'a_bucket{le="+Inf"} 3 # {a="d"} 4 123', '# EOF']),
      'openmetrics',
    );
    expect(c.problems).toEqual([]);
    expect(c.text).toBe(text(['# TYPE a histogram', 'a {count:3,sum:NaN,bucket:[-1.0:0,1.0:1,+Inf:3]} # {a="d"} 4 123', '# EOF']));
    expect(c.dropped).toEqual([
      { kind: 'dropped', families: ['a'], message: 'OpenMetrics 2.0 requires a histogram\'s Sum, which the input does not have: wrote `NaN` for those of `a`' },
      { kind: 'dropped', families: ['a'], message: 'OpenMetrics 2.0 exemplars have a timestamp: left out those without one of `a`' },
    ]);
  });

  it('refuses a summary without `_count` and `_sum`, naming it', () => {
    const c = to2(text(['# TYPE s summary', 's{quantile="0.5"} 1', '# EOF']), 'openmetrics');
    expect(c.text).toBeUndefined();
    expect(c.problems).toEqual([
      { kind: 'invalid', families: ['s'], message: '`s`: a summary without `_count` and `_sum` has no OpenMetrics 2.0 form (OM 2.0 §Summary: a Summary Sample MUST contain a Count and a Sum)' },
    ]);
  });

  it('needs no escaping for names outside the legacy character set (2.0 quotes them), and escapes them when asked', () => {
    const input = text(['# TYPE "my.metric" counter', '{"my.metric_total","http.status"="200"} 3', '# EOF']);
    expect(to2(input, 'openmetrics').text).toBe(text(['# TYPE "my.metric_total" counter', '{"my.metric_total","http.status"="200"} 3', '# EOF']));
    const parsed = parse(input, { format: 'openmetrics' });
    expect(convertText(parsed.families, 'openmetrics', 'openmetrics-2.0', { check: false, escaping: 'underscores' }).text).toBe(
      text(['# TYPE my_metric_total counter', 'my_metric_total{http_status="200"} 3', '# EOF']),
    );
  });
});

describe('Prometheus text 0.0.4 → 2.0', () => {
  it('keeps counter names as they are, `_total` or not, and gathers histograms and summaries', () => {
    const c = to2(
      text([
        '# TYPE jobs counter',
        'jobs{q="a"} 3',
        '# TYPE go_memstats_alloc_bytes gauge',
        'go_memstats_alloc_bytes 3.1e+06',
        '# TYPE go_memstats_alloc_bytes_total counter',
        'go_memstats_alloc_bytes_total 1.2e+09',
        '# TYPE h histogram',
        'h_bucket{le="1"} 1',
        'h_bucket{le="1e3"} 2',
        'h_bucket{le="+inf"} 3',
        'h_sum 4',
        'h_count 3',
        '# TYPE s summary',
        's{quantile="0.50"} 1',
        's_sum 3',
        's_count 2',
        '# TYPE u untyped',
        'u 1 1700000000123',
      ]),
      'prometheus',
    );
    expect(c.problems).toEqual([]);
    expect(c.text).toBe(
      text([
        '# TYPE jobs counter',
        'jobs{q="a"} 3',
        '# TYPE go_memstats_alloc_bytes gauge',
        'go_memstats_alloc_bytes 3100000',
        '# TYPE go_memstats_alloc_bytes_total counter',
        'go_memstats_alloc_bytes_total 1200000000',
        '# TYPE h histogram',
        'h {count:3,sum:4,bucket:[1.0:1,1000.0:2,+Inf:3]}',
        '# TYPE s summary',
        's {count:2,sum:3,quantile:[0.5:1]}',
        '# TYPE u unknown',
        'u 1 1700000000.123',
        '# EOF',
      ]),
    );
  });

  it('adds the `+Inf` bucket from the count to input that lacks it (input with errors), and refuses a histogram with neither', () => {
    const lacking = parse(text(['# TYPE h histogram', 'h_bucket{le="1"} 1', 'h_sum 4', 'h_count 3']), { format: 'prometheus' });
    expect(lacking.diagnostics.map((d) => d.code)).toEqual(['OM114']);
    expect(convertText(lacking.families, 'prometheus', 'openmetrics-2.0', { check: false }).text).toBe(
      text(['# TYPE h histogram', 'h {count:3,sum:4,bucket:[1.0:1,+Inf:3]}', '# EOF']),
    );
    const neither = parse(text(['# TYPE h histogram', 'h_bucket{le="1"} 1', 'h_sum 4']), { format: 'prometheus' });
    expect(convert(neither.families, 'prometheus', 'openmetrics-2.0').problems.map((p) => p.message)).toEqual([
      '`h`: a histogram without a `+Inf` bucket or a count has no OpenMetrics 2.0 form (OM 2.0 §Classic Buckets: a +Inf bucket is required)',
    ]);
  });
});

describe('OpenMetrics 2.0 → 1.0 and 0.0.4', () => {
  const classic: CompositeValue = { kind: 'histogram', count: 3, sum: 2.5, buckets: [{ le: 0.1, count: 1 }, { le: 1, count: 2 }, { le: Infinity, count: 3 }] };
  const back = (families: MetricFamily[], to: Format) => convertText(families, 'openmetrics-2.0', to);

  it('writes composite values as classic lines, `st@` as `_created`, and names the counter family without `_total`', () => {
    const families = [
      family('http_requests_total', 'counter', [{ labels: { code: '200' }, value: 1027, timestamp: 1710000000, startTimestamp: 1000000000, exemplars: [{ labels: { trace_id: 'a' }, value: 1, timestamp: 1709999999 }] }], { help: 'Requests.' }),
      family('requests', 'counter', [{ value: 1 }]),
      family('lat_seconds', 'histogram', [{ labels: { path: '/' }, composite: classic, startTimestamp: 1000000000, exemplars: [{ labels: { t: 'x' }, value: 0.5, timestamp: 1 }, { labels: { t: 'y' }, value: 0.05, timestamp: 2 }] }], { unit: 'seconds' }),
      family('q', 'gaugehistogram', [{ composite: { kind: 'gaugehistogram', count: 3, sum: -4, buckets: [{ le: -1, count: 1 }, { le: Infinity, count: 3 }] } }]),
      family('rpc', 'summary', [{ composite: { kind: 'summary', count: 5, sum: 1.5, quantiles: [{ quantile: 0.5, value: 0.2 }, { quantile: 1, value: 0.9 }] }, startTimestamp: 7 }]),
      family('build_info', 'info', [{ labels: { v: '1' }, value: 1 }]),
    ];
    const c = back(families, 'openmetrics');
    expect(c.problems).toEqual([]);
    expect(c.dropped).toEqual([]);
    expect(c.text).toBe(
      text([
        '# TYPE http_requests counter',
        '# HELP http_requests Requests.',
        'http_requests_total{code="200"} 1027 1710000000 # {trace_id="a"} 1 1709999999',
        'http_requests_created{code="200"} 1000000000 1710000000',
        '# TYPE requests counter',
        'requests_total 1',
        '# TYPE lat_seconds histogram',
        '# UNIT lat_seconds seconds',
        'lat_seconds_bucket{path="/",le="0.1"} 1 # {t="y"} 0.05 2',
        'lat_seconds_bucket{path="/",le="1.0"} 2 # {t="x"} 0.5 1',
        'lat_seconds_bucket{path="/",le="+Inf"} 3',
        'lat_seconds_count{path="/"} 3',
        'lat_seconds_sum{path="/"} 2.5',
        'lat_seconds_created{path="/"} 1000000000',
        '# TYPE q gaugehistogram',
        'q_bucket{le="-1.0"} 1',
        'q_bucket{le="+Inf"} 3',
        'q_gcount 3',
        'q_gsum -4',
        '# TYPE rpc summary',
        'rpc{quantile="0.5"} 0.2',
        'rpc{quantile="1.0"} 0.9',
        'rpc_count 5',
        'rpc_sum 1.5',
        'rpc_created 7',
        '# TYPE build info',
        'build_info{v="1"} 1',
        '# EOF',
      ]),
    );
  });

  it('refuses native-only histograms, naming their families', () => {
    const families = [
      family('a', 'histogram', [{ composite: { kind: 'histogram', count: 2, sum: 1, native } }]),
      family('b', 'gaugehistogram', [{ composite: { kind: 'gaugehistogram', count: 2, sum: 1, native } }]),
      family('c', 'gauge', [{ value: 1 }]),
    ];
    for (const [to, name] of [['openmetrics', 'OpenMetrics 1.0'], ['prometheus', 'Prometheus text 0.0.4']] as const) {
      const c = back(families, to);
      expect(c.text).toBeUndefined();
      expect(c.problems).toEqual(
        ['a', 'b'].map((f) => ({ kind: 'native', families: [f], message: `\`${f}\`: native histogram buckets have no ${name} form (a sample has no classic buckets to write instead)` })),
      );
    }
  });

  it('keeps the classic buckets of a combined histogram and reports the native ones dropped', () => {
    const c = back([family('a', 'histogram', [{ composite: { ...classic, native } as CompositeValue }])], 'openmetrics');
    expect(c.problems).toEqual([]);
    expect(c.text).toBe(text(['# TYPE a histogram', 'a_bucket{le="0.1"} 1', 'a_bucket{le="1.0"} 2', 'a_bucket{le="+Inf"} 3', 'a_count 3', 'a_sum 2.5', '# EOF']));
    expect(c.dropped).toEqual([{ kind: 'dropped', families: ['a'], message: 'OpenMetrics 1.0 has no native histogram buckets: left out those of `a`, keeping their classic buckets' }]);
  });

  it('keeps one exemplar per counter sample and per bucket, within its range, and reports the rest', () => {
    const c = back(
      [
        family('c_total', 'counter', [{ value: 1, exemplars: [{ value: 1, timestamp: 1 }, { value: 2, timestamp: 2 }] }]),
        family('h', 'histogram', [{ composite: classic, exemplars: [{ value: 0.5, timestamp: 1 }, { value: 0.6, timestamp: 2 }, { value: Number.NaN, timestamp: 3 }] }]),
        family('g', 'gauge', [{ value: 1, exemplars: [{ value: 1, timestamp: 1 }] }]),
      ],
      'openmetrics',
    );
    expect(c.problems).toEqual([]);
    expect(c.text).toBe(
      text([
        '# TYPE c counter',
        'c_total 1 # {} 1 1',
        '# TYPE h histogram',
        'h_bucket{le="0.1"} 1',
        'h_bucket{le="1.0"} 2 # {} 0.5 1',
        'h_bucket{le="+Inf"} 3',
        'h_count 3',
        'h_sum 2.5',
        '# TYPE g gauge',
        'g 1',
        '# EOF',
      ]),
    );
    expect(c.dropped.map((d) => d.message)).toEqual([
      'OpenMetrics 1.0 has one exemplar per counter sample and per bucket, within its range: left out the others of `c_total`, `h`',
      'OpenMetrics 1.0 has exemplars on counters and histogram buckets only: left out those of `g`',
    ]);
  });

  it('leaves out a Sum 1.0 cannot carry (negative buckets, a NaN or negative Sum) with its Count, and `st@` where 1.0 has no `_created`', () => {
    const c = back(
      [
        family('n', 'histogram', [{ composite: { kind: 'histogram', count: 2, sum: 3, buckets: [{ le: -1, count: 1 }, { le: Infinity, count: 2 }] } }]),
        family('x', 'histogram', [{ composite: { ...classic, sum: Number.NaN } }]),
        family('u', 'unknown', [{ value: 1, startTimestamp: 5 }]),
      ],
      'openmetrics',
    );
    expect(c.problems).toEqual([]);
    expect(c.text).toBe(
      text([
        '# TYPE n histogram',
        'n_bucket{le="-1.0"} 1',
        'n_bucket{le="+Inf"} 2',
        '# TYPE x histogram',
        'x_bucket{le="0.1"} 1',
        'x_bucket{le="1.0"} 2',
        'x_bucket{le="+Inf"} 3',
        '# TYPE u unknown',
        'u 1',
        '# EOF',
      ]),
    );
    expect(c.dropped.map((d) => d.message)).toEqual([
      'OpenMetrics 1.0 has start timestamps (`_created`) for counters, histograms and summaries only: left out those of `u`',
      'OpenMetrics 1.0 cannot carry these histograms\' Sum (NaN, negative, or beside negative buckets; OM 1.0 §Histogram): left out the Sum and Count of `n`, `x`',
    ]);
  });

  it('refuses a composite value on an unknown-typed sample', () => {
    const c = back([family('u', 'unknown', [{ composite: classic }])], 'openmetrics');
    expect(c.problems.map((p) => p.message)).toEqual(['`u`: a composite value on a sample of type unknown has no OpenMetrics 1.0 form']);
  });

  it('writes 0.0.4 as 1.0 → 0.0.4 does: `_created` gauges, exemplars and a NaN Sum left out and said', () => {
    const c = back(
      [
        family('c_total', 'counter', [{ value: 3, startTimestamp: 1700000000, exemplars: [{ value: 1, timestamp: 1 }, { value: 2, timestamp: 2 }] }]),
        family('h', 'histogram', [{ composite: { ...classic, sum: Number.NaN }, timestamp: 1.5 }]),
      ],
      'prometheus',
    );
    expect(c.problems).toEqual([]);
    expect(c.text).toBe(
      text([
        '# TYPE c_total counter',
        'c_total 3',
        '# TYPE c_created gauge',
        'c_created 1700000000',
        '# TYPE h histogram',
        'h_bucket{le="0.1"} 1 1500',
        'h_bucket{le="1.0"} 2 1500',
        'h_bucket{le="+Inf"} 3 1500',
      ]),
    );
    expect(c.dropped).toEqual([
      { kind: 'dropped', families: ['h'], message: 'Prometheus text 0.0.4 gets no NaN histogram Sum (what OpenMetrics 2.0 writes for a Sum not exposed): left out the Sum and Count of `h`' },
      { kind: 'dropped', families: ['c_total'], message: 'Prometheus text 0.0.4 has no exemplars: left out those of `c_total`' },
    ]);
  });

  it('keeps a counter without `_total` named so in 0.0.4, and leaves out a unit 1.0 cannot carry', () => {
    const families = [family('jobs', 'counter', [{ value: 2 }]), family('rpc_total', 'counter', [{ value: 1 }], { unit: 'seconds' })];
    expect(back(families, 'prometheus').text).toBe(text(['# TYPE jobs counter', 'jobs 2', '# TYPE rpc_total counter', 'rpc_total 1']));
    const c = back(families, 'openmetrics');
    expect(c.text).toBe(text(['# TYPE jobs counter', 'jobs_total 2', '# TYPE rpc counter', 'rpc_total 1', '# EOF']));
    expect(c.dropped.map((d) => d.message)).toEqual(['OpenMetrics 1.0 has a unit only as the name\'s suffix: left out the unit of `rpc_total`']);
  });

  it('leaves out exemplars longer than 1.0 allows, and writes a stateset\'s MetricGroup forward in time', () => {
    const long = 'x'.repeat(130);
    const c = back(
      [
        family('c_total', 'counter', [{ value: 1, exemplars: [{ labels: { trace_id: long }, value: 1, timestamp: 1 }, { value: 2, timestamp: 2 }] }]),
        family('foo', 'stateset', [
          { labels: { foo: 'a' }, value: 1, timestamp: 1 },
          { labels: { foo: 'a' }, value: 0, timestamp: 2 },
          { labels: { foo: 'bb' }, value: 0, timestamp: 1 },
          { labels: { foo: 'bb' }, value: 1, timestamp: 2 },
        ]),
      ],
      'openmetrics',
    );
    expect(c.problems).toEqual([]);
    expect(c.text).toBe(text(['# TYPE c counter', 'c_total 1 # {} 2 2', '# TYPE foo stateset', 'foo{foo="a"} 1 1', 'foo{foo="bb"} 0 1', 'foo{foo="a"} 0 2', 'foo{foo="bb"} 1 2', '# EOF']));
    expect(c.dropped.map((d) => d.message)).toEqual(['OpenMetrics 1.0 exemplars have at most 128 characters of label names and values: left out longer ones of `c_total`']);
  });

  it('refuses names outside the legacy character set without --escaping, as from 1.0', () => {
    const c = back([family('my.metric_total', 'counter', [{ value: 1 }])], 'openmetrics');
    expect(c.problems).toMatchObject([{ kind: 'escaping', families: ['my.metric_total'] }]);
  });
});

describe('the compact model', () => {
  it('is read through the cursor: serializing and converting make no sample objects', () => {
    const one = parse(text(['# TYPE h histogram', 'h_bucket{le="1"} 1 # {t="x"} 0.5 1', 'h_bucket{le="+Inf"} 2', 'h_count 2', 'h_sum 1', 'h_created 3', '# TYPE c counter', 'c_total 1', '# EOF']), { format: 'openmetrics' });
    const two = parse(text(['# TYPE h histogram', 'h {count:2,sum:1,bucket:[1.0:1,+Inf:2]} st@3 # {t="x"} 0.5 1', '# TYPE c_total counter', 'c_total 1 st@2', '# EOF']), { format: 'openmetrics-2.0' });
    expect([...one.diagnostics, ...two.diagnostics]).toEqual([]);
    for (const format of ['openmetrics', 'openmetrics-2.0', 'prometheus'] as const) {
      serialize(one.families, { format });
      serialize(two.families, { format });
      convert(one.families, 'openmetrics', format);
      convert(two.families, 'openmetrics-2.0', format);
    }
    for (const family of [...one.families, ...two.families]) for (const metric of family.metrics) expect((metric as MetricNode).made, family.name).toBe(false);
  });
});

describe('spans', () => {
  it('are kept from parser-made families and exemplars, whose fields may be getters', () => {
    const input = parse(text(['# TYPE c counter', 'c_total{a="b"} 1 # {t="x"} 0.5 2', '# EOF']), { format: 'openmetrics' });
    const exemplarSpan = input.families[0]!.metrics[0]!.samples[0]!.exemplar!.span;
    for (const to of ['openmetrics', 'openmetrics-2.0'] as const) {
      const out = convert(input.families, 'openmetrics', to, { escaping: 'underscores' }).families[0]!;
      expect(out.span, to).toEqual(input.families[0]!.span);
      expect(out.metrics[0]!.samples[0]!.exemplar!.span, to).toEqual(exemplarSpan);
    }
  });
});

describe('OpenMetrics 2.0 → 2.0', () => {
  it('keeps everything, escaping names when asked', () => {
    const families = [
      family('my.hist', 'histogram', [{ labels: { 'a.b': 'c' }, composite: { kind: 'histogram', count: 2, sum: 1, native }, startTimestamp: 3, exemplars: [{ labels: { 'x.y': 'z' }, value: 1, timestamp: 2 }] }]),
    ];
    const kept = convert(families, 'openmetrics-2.0', 'openmetrics-2.0');
    expect(kept.problems).toEqual([]);
    expect(serialize(kept.families, { format: 'openmetrics-2.0' })).toBe(serialize(families, { format: 'openmetrics-2.0' }));
    const escaped = convert(families, 'openmetrics-2.0', 'openmetrics-2.0', { escaping: 'underscores' });
    expect(serialize(escaped.families, { format: 'openmetrics-2.0' })).toBe(
      text([
        '# TYPE my_hist histogram',
        'my_hist{a_b="c"} {count:2,sum:1,schema:3,zero_threshold:0.0001,zero_count:1,positive_spans:[0:2],positive_buckets:[1,1]} st@3 # {x_y="z"} 1 2',
        '# EOF',
      ]),
    );
  });
});
