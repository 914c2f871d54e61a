// OpenMetrics 2.0 (rc0) read by the parser: the format chosen by option and Content-Type, the
// model of composite values, native buckets, start timestamps and several exemplars, and each
// MUST the parser checks with an input that breaks it and one that keeps it.
import { describe, expect, it } from 'vitest';
import {
  formatFromContentType,
  parse,
  parseStream,
  samplesOf,
  validate,
  type Diagnostic,
  type HistogramValue,
  type SummaryValue,
} from '../src/index.js';

const EOF = '# EOF\n';
const om2 = (text: string) => parse(text, { format: 'openmetrics-2.0' });
const codesOf = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

// Examples of the spec's text-format section (spec-2.0-rc0.md, from "An example of a complete
// exposition" on), as written there.
const SPEC_EXAMPLES: Record<string, string> = {
  'complete exposition': `# TYPE acme_http_router_request_seconds summary
# UNIT acme_http_router_request_seconds seconds
# HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
acme_http_router_request_seconds{path="/api/v1",method="GET"} {count:807283,sum:9036.32,quantile:[0.95:2,0.99:20]} st@1605281325.0
acme_http_router_request_seconds{path="/api/v2",method="GET"} {count:34,sum:479.3,quantile:[0.95:2.5,0.99:2.9]} st@1605301325.0
# TYPE go_goroutines gauge
# HELP go_goroutines Number of goroutines that currently exist.
go_goroutines 69
# TYPE process_cpu_seconds_total counter
# UNIT process_cpu_seconds_total seconds
# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
process_cpu_seconds_total 4.20072246e+06
# TYPE acme_http_request_seconds histogram
# UNIT acme_http_request_seconds seconds
# HELP acme_http_request_seconds Latency histogram of all of ACME's HTTP requests.
acme_http_request_seconds{path="/api/v1",method="GET"} {count:2,sum:1.2e2,schema:0,zero_threshold:1e-4,zero_count:0,positive_spans:[1:2],positive_buckets:[1,1],bucket:[0.5:1,1:2,+Inf:2]} st@1605301325.0
# TYPE acme_http_request_seconds:rate5m gaugehistogram
acme_http_request_seconds:rate5m{path="/api/v1",method="GET"} {gcount:0.01,gsum:2.0,schema:0,zero_threshold:1e-4,zero_count:0.0,positive_spans:[1:2],positive_buckets:[0.005,0.005]}
# TYPE "foodb.read.errors" counter
# HELP "foodb.read.errors" The number of errors in the read path for fooDb.
{"foodb.read.errors","service.name"="my_service"} 3482
# EOF
`,
  'counter with timestamp, start timestamp and exemplar': `# TYPE foo_total counter\nfoo_total 17.0 1520879607.789 st@1520430000.123 # {trace_id="KOO5S4vxi0o"} 0.67 1520879606.1\n${EOF}`,
  'counter without `_total`': `# TYPE foo counter\nfoo 17.0 1520879607.789 st@1520879607.789\n${EOF}`,
  'stateset with timestamps per state': `# TYPE foo stateset
foo{entity="controller",foo="a"} 1.0 1000000000.000
foo{entity="controller",foo="a"} 0.0 1000000001.000
foo{entity="controller",foo="bb"} 0.0 1000000000.000
foo{entity="controller",foo="bb"} 1.0 1000000001.000
${EOF}`,
  'summary without quantiles': `# TYPE foo summary\nfoo {count:17,sum:324789.3,quantile:[]} st@1520430000.123\n${EOF}`,
  'classic histogram': `# TYPE foo histogram\nfoo {count:17,sum:324789.3,bucket:[0.0:0,1e-05:0,0.0001:5,0.1:8,1.0:10,10.0:11,100000.0:11,1e+06:15,1e+23:16,1.1e+23:17,+Inf:17]} st@1520430000.123\n${EOF}`,
  'native histogram with every field': `# TYPE acme_http_request_seconds histogram\nacme_http_request_seconds{path="/api/v1",method="GET"} {count:59,sum:1.2e2,schema:7,zero_threshold:1e-4,zero_count:0,negative_spans:[1:2],negative_buckets:[5,7],positive_spans:[-1:2,3:4],positive_buckets:[5,7,10,9,8,8]} st@1520430000.123\n${EOF}`,
  'native histogram without buckets': `# TYPE acme_http_request_seconds histogram\nacme_http_request_seconds{path="/api/v1",method="GET"} {count:0,sum:0,schema:3,zero_threshold:1e-4,zero_count:0} st@1520430000.123\n${EOF}`,
  'native and classic with several exemplars': `# TYPE foo histogram\nfoo {count:17,sum:324789.3,schema:0,zero_threshold:1e-4,zero_count:0,positive_spans:[0:2],positive_buckets:[5,12],bucket:[0.01:0,0.1:8,1.0:11,10.0:17,+Inf:17]} st@1520430000.123 # {} 0.054 1520879607.7 # {trace_id="KOO5S4vxi0o"} 1.67 1520879602.890 # {trace_id="oHg5SJYRHA0"} 9.8 1520879607.789\n${EOF}`,
  'gauge histogram, classic': `# TYPE foo gaugehistogram\nfoo {gcount:42,gsum:3289.3,bucket:[0.01:20,0.1:25,1:34,+Inf:42]}\n${EOF}`,
  'gauge histogram, native': `# TYPE acme_http_request_seconds gaugehistogram\nacme_http_request_seconds{path="/api/v1",method="GET"} {gcount:59,gsum:1.2e2,schema:7,zero_threshold:1e-4,zero_count:0,negative_spans:[1:2],negative_buckets:[5,7],positive_spans:[-1:2,3:4],positive_buckets:[5,7,10,9,8,8]}\n${EOF}`,
  'unknown without metadata': `foo 42.23\n${EOF}`,
  'UTF-8 names': `# TYPE "process.cpu.seconds" counter\n# UNIT "process.cpu.seconds" seconds\n{"process.cpu.seconds","node.name"="my_node"} 4.20072246e+06\n${EOF}`,
  'unknown metadata, names differing from the TYPE line': `# TYPE foo_seconds_total counter\nfoo_seconds_total 1\nfoo_milliseconds_total 2\nfoo_count 3\n${EOF}`,
};

describe('OpenMetrics 2.0: the spec\'s text-format examples', () => {
  it.each(Object.entries(SPEC_EXAMPLES))('%s parses with no diagnostic', (_, text) => {
    expect(om2(text).diagnostics).toEqual([]);
  });
});

describe('OpenMetrics 2.0: choosing the format', () => {
  it('a Content-Type with version=2.0.0 names 2.0; 1.0.0, 0.0.1 and none name 1.0', () => {
    expect(formatFromContentType('application/openmetrics-text; version=2.0.0; charset=utf-8')).toBe('openmetrics-2.0');
    expect(formatFromContentType('application/openmetrics-text;version=2.0.0')).toBe('openmetrics-2.0');
    expect(formatFromContentType('application/openmetrics-text; version=1.0.0; charset=utf-8')).toBe('openmetrics');
    expect(formatFromContentType('application/openmetrics-text; version=0.0.1')).toBe('openmetrics');
    expect(formatFromContentType('application/openmetrics-text')).toBe('openmetrics');
  });

  it('auto with a 2.0 Content-Type reads 2.0', () => {
    const result = parse(SPEC_EXAMPLES['classic histogram']!, { contentType: 'application/openmetrics-text; version=2.0.0; charset=utf-8' });
    expect(result.format).toBe('openmetrics-2.0');
    expect(result.diagnostics).toEqual([]);
  });

  it('2.0 text read as 1.0 (by auto) gets its syntax error and, once, how to read it as 2.0', () => {
    const text = `# TYPE a counter\na_total 1 st@1\n# TYPE b histogram\nb {count:1,sum:1,bucket:[+Inf:1]}\n${EOF}`;
    const result = parse(text);
    expect(result.format).toBe('openmetrics');
    expect(codesOf(result.diagnostics)).toEqual(['OM001', 'OM023', 'OM001']);
    const hint = result.diagnostics[1]!;
    expect(hint.severity).toBe('warning');
    expect(hint.span!.start.line).toBe(2);
    expect(hint.message).toContain('OpenMetrics 2.0');
    expect(hint.help).toContain('--format-in openmetrics-2.0');
  });

  it('several exemplars read as 1.0 are 2.0 syntax too', () => {
    const text = `# TYPE a counter\na_total 1 # {} 1 1 # {} 2 2\n${EOF}`;
    const diagnostics = parse(text, { format: 'openmetrics' }).diagnostics;
    expect(codesOf(diagnostics)).toEqual(['OM001', 'OM023']);
    expect(diagnostics[0]!.span!.start.column).toBe(20);
  });

  it('1.0 text without 2.0 syntax gets no OM023', () => {
    expect(parse(`# TYPE a counter\na_total 1 # {} 1 1\n${EOF}`).diagnostics).toEqual([]);
    expect(codesOf(parse(`a{b:c="1"} 1\n${EOF}`).diagnostics)).not.toContain('OM023');
  });

  it('parse(), validate() of bytes and parseStream() agree on 2.0 text', async () => {
    const text = `${Object.values(SPEC_EXAMPLES)[0]!.replace('# EOF\n', '')}# TYPE bad histogram\nbad {count:3,sum:1,bucket:[1:2,+Inf:1]}\n${EOF}`;
    const bytes = new TextEncoder().encode(text);
    const whole = om2(text).diagnostics;
    expect(codesOf(whole)).toEqual(['OM117', 'OM116']);
    expect(validate(bytes, { format: 'openmetrics-2.0' }).diagnostics).toEqual(whole);
    expect(validate(text, { format: 'openmetrics-2.0' }).diagnostics).toEqual(whole);
    for (const cut of [1, 100, 700, bytes.length - 3]) {
      const found: Diagnostic[] = [];
      const families: string[] = [];
      for await (const item of parseStream([bytes.subarray(0, cut), bytes.subarray(cut)], { format: 'openmetrics-2.0' })) {
        found.push(...item.diagnostics);
        if (item.family !== undefined) families.push(item.family.name);
      }
      expect(found).toEqual(whole);
      expect(families).toEqual(om2(text).families.map((f) => f.name));
    }
  });
});

describe('OpenMetrics 2.0: the model', () => {
  it('a histogram sample holds its composite value, start timestamp and every exemplar', () => {
    const { families, diagnostics } = om2(SPEC_EXAMPLES['native and classic with several exemplars']!);
    expect(diagnostics).toEqual([]);
    const [metric] = families[0]!.metrics;
    const sample = metric!.samples[0]!;
    expect(sample.name).toBe('foo');
    expect(sample.value).toBeNaN();
    expect(sample.startTimestamp).toBe(1520430000.123);
    const value = sample.composite as HistogramValue;
    expect(value).toEqual({
      kind: 'histogram',
      count: 17,
      sum: 324789.3,
      buckets: [
        { le: 0.01, count: 0 },
        { le: 0.1, count: 8 },
        { le: 1, count: 11 },
        { le: 10, count: 17 },
        { le: Infinity, count: 17 },
      ],
      native: {
        schema: 0,
        zeroThreshold: 1e-4,
        zeroCount: 0,
        negativeSpans: [],
        negativeBuckets: [],
        positiveSpans: [{ offset: 0, length: 2 }],
        positiveBuckets: [5, 12],
      },
    });
    expect(sample.exemplars!.map((e) => [e.labels, e.value, e.timestamp])).toEqual([
      [[], 0.054, 1520879607.7],
      [[{ name: 'trace_id', value: 'KOO5S4vxi0o' }], 1.67, 1520879602.89],
      [[{ name: 'trace_id', value: 'oHg5SJYRHA0' }], 9.8, 1520879607.789],
    ]);
    expect(sample.exemplar).toEqual(sample.exemplars![0]);
    // Each exemplar spans its own text.
    expect(sample.exemplars!.map((e) => [e.span.start.column, e.span.end.column])).toEqual([
      [179, 202],
      [203, 249],
      [250, 295],
    ]);
  });

  it('the cursor reads the same fields', () => {
    const { families } = om2(SPEC_EXAMPLES['complete exposition']!);
    const summary = families[0]!.metrics[0]!;
    const cursor = samplesOf(summary);
    expect(cursor.next()).toBe(true);
    expect(cursor.startTimestamp).toBe(1605281325);
    expect(cursor.composite as SummaryValue).toEqual({
      kind: 'summary',
      count: 807283,
      sum: 9036.32,
      quantiles: [
        { quantile: 0.95, value: 2 },
        { quantile: 0.99, value: 20 },
      ],
    });
    expect(cursor.value).toBeNaN();
    expect(cursor.next()).toBe(false);
  });

  it('gauge histograms, negative spans and samples without extras', () => {
    const { families } = om2(SPEC_EXAMPLES['gauge histogram, native']! + '');
    const value = families[0]!.metrics[0]!.samples[0]!.composite as HistogramValue;
    expect(value.kind).toBe('gaugehistogram');
    expect(value.count).toBe(59);
    expect(value.buckets).toBeUndefined();
    expect(value.native!.negativeSpans).toEqual([{ offset: 1, length: 2 }]);
    expect(value.native!.positiveSpans).toEqual([
      { offset: -1, length: 2 },
      { offset: 3, length: 4 },
    ]);
    const gauge = om2(`# TYPE g gauge\ng 1\n${EOF}`).families[0]!.metrics[0]!.samples[0]!;
    expect(gauge.composite).toBeUndefined();
    expect(gauge.startTimestamp).toBeUndefined();
    expect(gauge.exemplars).toBeUndefined();
  });

  it('exemplars holds every exemplar, one included, whichever reader read the line; 1.0 has exemplar only', () => {
    const one = `# TYPE c_total counter\nc_total 1 # {a="b"} 1 1\nc_total{x="1"} 1 # {a="b"} 1 1 # {a="c"} 2 1\n${EOF}`;
    for (const text of [one, one.replaceAll('c_total 1 #', 'c_total{y="\\q"} 1 #')]) {
      const [first, second] = om2(text).families[0]!.metrics.map((m) => m.samples[0]!);
      expect(first!.exemplars).toEqual([first!.exemplar]);
      expect(second!.exemplars).toHaveLength(2);
    }
    const om1 = parse(`# TYPE c counter\nc_total 1 # {a="b"} 1 1\n${EOF}`).families[0]!.metrics[0]!.samples[0]!;
    expect(om1.exemplar).toBeDefined();
    expect(om1.exemplars).toBeUndefined();
  });

  it('NaN, infinities and the -Inf first bucket read as numbers', () => {
    const { families, diagnostics } = om2(`# TYPE h histogram\nh {count:NaN,sum:-Inf,bucket:[-Inf:0,+Inf:NaN]}\n${EOF}`);
    expect(diagnostics).toEqual([]);
    const value = families[0]!.metrics[0]!.samples[0]!.composite as HistogramValue;
    expect(value.count).toBeNaN();
    expect(value.sum).toBe(-Infinity);
    expect(value.buckets!.map((b) => b.le)).toEqual([-Infinity, Infinity]);
  });
});

/** Each MUST: an input that breaks it (its code) and the nearest input that keeps it. */
const MUSTS: [string, string, string, string][] = [
  ['OM129', 'histograms have composite values', `# TYPE a histogram\na 1\n${EOF}`, `# TYPE a histogram\na {count:1,sum:1,bucket:[+Inf:1]}\n${EOF}`],
  ['OM129', 'gauges have numbers', `# TYPE a gauge\na {count:1,sum:1,quantile:[]}\n${EOF}`, `# TYPE a gauge\na 1\n${EOF}`],
  ['OM129', 'a gauge histogram has gcount and gsum', `# TYPE a gaugehistogram\na {count:1,sum:1,bucket:[+Inf:1]}\n${EOF}`, `# TYPE a gaugehistogram\na {gcount:1,gsum:1,bucket:[+Inf:1]}\n${EOF}`],
  ['OM129', 'a summary has quantiles', `# TYPE a summary\na {count:1,sum:1,bucket:[+Inf:1]}\n${EOF}`, `# TYPE a summary\na {count:1,sum:1,quantile:[]}\n${EOF}`],
  ['OM022', 'count comes first', `# TYPE a summary\na {sum:1,count:1,quantile:[]}\n${EOF}`, `# TYPE a summary\na {count:1,sum:1,quantile:[]}\n${EOF}`],
  ['OM022', 'spans and buckets come in pairs', `# TYPE a histogram\na {count:1,sum:1,schema:0,zero_threshold:0,zero_count:0,positive_spans:[0:1]}\n${EOF}`, `# TYPE a histogram\na {count:1,sum:1,schema:0,zero_threshold:0,zero_count:0,positive_spans:[0:1],positive_buckets:[1]}\n${EOF}`],
  ['OM022', 'negative fields before positive ones', `# TYPE a histogram\na {count:2,sum:1,schema:0,zero_threshold:0,zero_count:0,positive_spans:[0:1],positive_buckets:[1],negative_spans:[0:1],negative_buckets:[1]}\n${EOF}`, `# TYPE a histogram\na {count:2,sum:1,schema:0,zero_threshold:0,zero_count:0,negative_spans:[0:1],negative_buckets:[1],positive_spans:[0:1],positive_buckets:[1]}\n${EOF}`],
  ['OM022', 'classic buckets after native ones', `# TYPE a histogram\na {count:1,sum:1,bucket:[+Inf:1],schema:0,zero_threshold:0,zero_count:1}\n${EOF}`, `# TYPE a histogram\na {count:1,sum:1,schema:0,zero_threshold:0,zero_count:1,bucket:[+Inf:1]}\n${EOF}`],
  ['OM022', 'span lengths are non-negative integers', `# TYPE a histogram\na {count:0,sum:0,schema:0,zero_threshold:0,zero_count:0,positive_spans:[0:-1],positive_buckets:[]}\n${EOF}`, `# TYPE a histogram\na {count:0,sum:0,schema:0,zero_threshold:0,zero_count:0,positive_spans:[0:0],positive_buckets:[]}\n${EOF}`],
  ['OM022', 'no whitespace in composite values', `# TYPE a summary\na {count:1,sum:1, quantile:[]}\n${EOF}`, `# TYPE a summary\na {count:1,sum:1,quantile:[]}\n${EOF}`],
  ['OM022', 'thresholds are real numbers, `+Inf` or `-Inf`', `# TYPE a histogram\na {count:1,sum:1,bucket:[NaN:0,+Inf:1]}\n${EOF}`, `# TYPE a histogram\na {count:1,sum:1,bucket:[-Inf:0,+Inf:1]}\n${EOF}`],
  ['OM015', 'exemplars have timestamps', `# TYPE a counter\na 1 # {} 1\n${EOF}`, `# TYPE a counter\na 1 # {} 1 1\n${EOF}`],
  ['OM001', 'st@ comes after the timestamp', `# TYPE a counter\na 1 st@1 2\n${EOF}`, `# TYPE a counter\na 1 2 st@1\n${EOF}`],
  ['OM001', 'st@ comes before exemplars', `# TYPE a counter\na 1 # {} 1 1 st@1\n${EOF}`, `# TYPE a counter\na 1 st@1 # {} 1 1\n${EOF}`],
  ['OM014', 'st@ is a real number of seconds', `# TYPE a counter\na 1 st@NaN\n${EOF}`, `# TYPE a counter\na 1 st@-1.5\n${EOF}`],
  ['OM136', 'no start timestamp on a gauge histogram', `# TYPE a gaugehistogram\na {gcount:1,gsum:1,bucket:[+Inf:1]} st@1\n${EOF}`, `# TYPE a histogram\na {count:1,sum:1,bucket:[+Inf:1]} st@1\n${EOF}`],
  ['OM120', 'no exemplars on a gauge', `# TYPE a gauge\na 1 # {} 1 1\n${EOF}`, `# TYPE a gaugehistogram\na {gcount:1,gsum:1,bucket:[+Inf:1]} # {} 1 1\n${EOF}`],
  ['OM120', 'exemplars on a summary, as its text-format section places st@ before them', `# TYPE a stateset\na{a="x"} 1 # {} 1 1\n${EOF}`, `# TYPE a summary\na {count:1,sum:1,quantile:[]} st@0 # {} 1 1\n${EOF}`],
  ['OM114', 'classic buckets end with +Inf', `# TYPE a histogram\na {count:1,sum:1,bucket:[1:1]}\n${EOF}`, `# TYPE a histogram\na {count:1,sum:1,bucket:[1:1,+Inf:1]}\n${EOF}`],
  ['OM115', 'thresholds unique', `# TYPE a histogram\na {count:1,sum:1,bucket:[1:1,1:1,+Inf:1]}\n${EOF}`, `# TYPE a histogram\na {count:1,sum:1,bucket:[1:1,2:1,+Inf:1]}\n${EOF}`],
  ['OM115', '+Inf last', `# TYPE a histogram\na {count:1,sum:1,bucket:[+Inf:1,1:1]}\n${EOF}`, `# TYPE a histogram\na {count:1,sum:1,bucket:[1:1,+Inf:1]}\n${EOF}`],
  ['OM116', 'classic buckets cumulative', `# TYPE a histogram\na {count:2,sum:1,bucket:[1:2,2:1,+Inf:2]}\n${EOF}`, `# TYPE a histogram\na {count:2,sum:1,bucket:[1:1,2:1,+Inf:2]}\n${EOF}`],
  ['OM117', '+Inf bucket equals count', `# TYPE a gaugehistogram\na {gcount:3,gsum:1,bucket:[+Inf:2]}\n${EOF}`, `# TYPE a gaugehistogram\na {gcount:2,gsum:1,bucket:[+Inf:2]}\n${EOF}`],
  ['OM110', 'histogram count not negative', `# TYPE a histogram\na {count:-1,sum:1,schema:0,zero_threshold:0,zero_count:-1}\n${EOF}`, `# TYPE a gaugehistogram\na {gcount:-1,gsum:1,schema:0,zero_threshold:0,zero_count:-1}\n${EOF}`],
  ['OM110', 'native bucket counts not negative', `# TYPE a histogram\na {count:0,sum:0,schema:0,zero_threshold:0,zero_count:1,positive_spans:[0:1],positive_buckets:[-1]}\n${EOF}`, `# TYPE a histogram\na {count:2,sum:0,schema:0,zero_threshold:0,zero_count:1,positive_spans:[0:1],positive_buckets:[1]}\n${EOF}`],
  ['OM110', 'summary sum not NaN', `# TYPE a summary\na {count:1,sum:NaN,quantile:[]}\n${EOF}`, `# TYPE a summary\na {count:1,sum:1,quantile:[0.5:NaN]}\n${EOF}`],
  ['OM110', 'counter not NaN', `# TYPE a counter\na NaN\n${EOF}`, `# TYPE a counter\na +Inf\n${EOF}`],
  ['OM111', 'summary count an integer', `# TYPE a summary\na {count:0.5,sum:1,quantile:[]}\n${EOF}`, `# TYPE a histogram\na {count:0.5,sum:1,bucket:[+Inf:0.5]}\n${EOF}`],
  ['OM109', 'quantiles between 0 and 1', `# TYPE a summary\na {count:1,sum:1,quantile:[1.5:1]}\n${EOF}`, `# TYPE a summary\na {count:1,sum:1,quantile:[0:1,1:1]}\n${EOF}`],
  ['OM127', 'quantile values not negative', `# TYPE a summary\na {count:1,sum:1,quantile:[0.5:-1]}\n${EOF}`, `# TYPE a summary\na {count:1,sum:1,quantile:[0.5:0]}\n${EOF}`],
  ['OM128', 'quantiles sorted', `# TYPE a summary\na {count:1,sum:1,quantile:[0.9:1,0.5:1]}\n${EOF}`, `# TYPE a summary\na {count:1,sum:1,quantile:[0.5:1,0.9:1]}\n${EOF}`],
  ['OM130', 'schema from -4 to 8', `# TYPE a histogram\na {count:0,sum:0,schema:-5,zero_threshold:0,zero_count:0}\n${EOF}`, `# TYPE a histogram\na {count:0,sum:0,schema:-4,zero_threshold:0,zero_count:0}\n${EOF}`],
  ['OM131', 'zero threshold not negative', `# TYPE a histogram\na {count:0,sum:0,schema:0,zero_threshold:-0.1,zero_count:0}\n${EOF}`, `# TYPE a histogram\na {count:0,sum:0,schema:0,zero_threshold:0,zero_count:0}\n${EOF}`],
  ['OM132', 'span lengths add up to the buckets', `# TYPE a histogram\na {count:3,sum:0,schema:0,zero_threshold:0,zero_count:0,negative_spans:[0:1,2:1],negative_buckets:[3]}\n${EOF}`, `# TYPE a histogram\na {count:3,sum:0,schema:0,zero_threshold:0,zero_count:0,negative_spans:[0:1,2:1],negative_buckets:[1,2]}\n${EOF}`],
  ['OM133', 'count at least the native buckets', `# TYPE a histogram\na {count:2,sum:0,schema:0,zero_threshold:0,zero_count:1,negative_spans:[0:1],negative_buckets:[2]}\n${EOF}`, `# TYPE a histogram\na {count:3,sum:0,schema:0,zero_threshold:0,zero_count:1,negative_spans:[0:1],negative_buckets:[2]}\n${EOF}`],
  ['OM133', 'count above the native buckets only with a NaN sum', `# TYPE a histogram\na {count:4,sum:0,schema:0,zero_threshold:0,zero_count:1,positive_spans:[0:1],positive_buckets:[2]}\n${EOF}`, `# TYPE a histogram\na {count:4,sum:NaN,schema:0,zero_threshold:0,zero_count:1,positive_spans:[0:1],positive_buckets:[2]}\n${EOF}`],
  ['OM138', 'no bucket beyond the overflow bucket', `# TYPE a histogram\na {count:1,sum:1,schema:-4,zero_threshold:0,zero_count:0,positive_spans:[66:1],positive_buckets:[1]}\n${EOF}`, `# TYPE a histogram\na {count:1,sum:1,schema:-4,zero_threshold:0,zero_count:0,positive_spans:[65:1],positive_buckets:[1]}\n${EOF}`],
  ['OM138', 'no bucket beyond the overflow bucket, after skipped ones', `# TYPE a histogram\na {count:2,sum:1,schema:1,zero_threshold:0,zero_count:0,negative_spans:[2000:1,49:1],negative_buckets:[1,1]}\n${EOF}`, `# TYPE a histogram\na {count:2,sum:1,schema:1,zero_threshold:0,zero_count:0,negative_spans:[2000:1,48:1],negative_buckets:[1,1]}\n${EOF}`],
  ['OM139', 'a counter goes down only with a new start timestamp', `# TYPE a counter\na 5 1 st@0\na 4 2 st@0\n${EOF}`, `# TYPE a counter\na 5 1 st@0\na 4 2 st@1.5\n${EOF}`],
  ['OM139', 'a histogram count goes down only with a new start timestamp', `# TYPE a histogram\na {count:2,sum:1,bucket:[+Inf:2]} 1 st@0\na {count:1,sum:1,bucket:[+Inf:1]} 2 st@0\n${EOF}`, `# TYPE a histogram\na {count:2,sum:1,bucket:[+Inf:2]} 1\na {count:1,sum:1,bucket:[+Inf:1]} 2\n${EOF}`],
  ['OM108', 'each state has the family-named label', `# TYPE a stateset\na{b="x"} 1\n${EOF}`, `# TYPE a stateset\na{a="x"} 1\n${EOF}`],
  ['OM134', 'no `le` label with classic buckets', `# TYPE a histogram\na{le="x"} {count:1,sum:1,bucket:[+Inf:1]}\n${EOF}`, `# TYPE a histogram\na{le="x"} {count:0,sum:0,schema:0,zero_threshold:0,zero_count:0}\n${EOF}`],
  ['OM134', 'no `quantile` label on a summary', `# TYPE a summary\na{quantile="0.5"} {count:1,sum:1,quantile:[]}\n${EOF}`, `# TYPE a summary\na{q="0.5"} {count:1,sum:1,quantile:[]}\n${EOF}`],
  ['OM135', 'no `_` label names', `# TYPE a gauge\na{__name="x"} 1\n${EOF}`, `# TYPE a gauge\na{__type__="gauge",name_="x"} 1\n${EOF}`],
  ['OM137', 'info names end in `_info`', `# TYPE a_information info\na_information 1\n${EOF}`, `# TYPE a_info info\na_info 1\n${EOF}`],
  ['OM106', 'a stateset has no unit', `# TYPE a_seconds stateset\n# UNIT a_seconds seconds\na_seconds{a_seconds="x"} 1\n${EOF}`, `# TYPE a_seconds gauge\n# UNIT a_seconds seconds\na_seconds 1\n${EOF}`],
  ['OM112', 'info value is 1', `# TYPE a_info info\na_info 2\n${EOF}`, `# TYPE a_info info\na_info 1.0\n${EOF}`],
  ['OM113', 'stateset values are 0 or 1', `# TYPE a stateset\na{a="x"} 2\n${EOF}`, `# TYPE a stateset\na{a="x"} 0\n${EOF}`],
  ['OM125', 'a metric\'s timestamps increase', `# TYPE a gauge\na 1 2\na 1 1\n${EOF}`, `# TYPE a gauge\na 1 1\na 1 2\n${EOF}`],
  ['OM126', 'a metric once without timestamps', `# TYPE a counter\na 1\na 2\n${EOF}`, `# TYPE a counter\na{x="1"} 1\na{x="2"} 2\n${EOF}`],
  ['OM103', 'families not interleaved', `# TYPE a gauge\na 1\nb 1\na{x="1"} 1\n${EOF}`, `# TYPE a gauge\na 1\na{x="1"} 1\nb 1\n${EOF}`],
];

describe('OpenMetrics 2.0: each MUST', () => {
  it.each(MUSTS)('%s: %s', (code, _, bad, good) => {
    expect(codesOf(om2(bad).diagnostics)).toContain(code);
    expect(om2(good).diagnostics).toEqual([]);
  });

  it('no length limit on exemplar labels (2.0 has none), and no 1.0 suffix rules', () => {
    const long = 'x'.repeat(200);
    expect(om2(`# TYPE a counter\na 1 # {trace_id="${long}"} 1 1\n${EOF}`).diagnostics).toEqual([]);
    // `_total` and unit suffixes are SHOULDs in 2.0 (lint's), a family name may end in `_count`.
    expect(om2(`# TYPE requests counter\n# UNIT requests seconds\nrequests 1\n# TYPE a_count gauge\na_count 1\n${EOF}`).diagnostics).toEqual([]);
  });

  it('a sample named otherwise than the TYPE line opens an untyped family', () => {
    const { families, diagnostics } = om2(`# TYPE a counter\na_total 1\n${EOF}`);
    expect(diagnostics).toEqual([]);
    expect(families.map((f) => [f.name, f.type, f.metrics.length])).toEqual([
      ['a', 'counter', 0],
      ['a_total', 'unknown', 0 + 1],
    ]);
  });
});

describe('OpenMetrics 2.0: where a composite value\'s problem is reported', () => {
  const at = (text: string) =>
    om2(text).diagnostics.map((d) => [d.code, text.split('\n')[d.span!.start.line - 1]!.slice(d.span!.start.column - 1, d.span!.end.column - 1)]);

  it('at the field it concerns', () => {
    expect(at(`# TYPE a histogram\na {count:1,sum:1,schema:9,zero_threshold:-1,zero_count:0,positive_spans:[0:2],positive_buckets:[1]}\n${EOF}`)).toEqual([
      ['OM130', 'schema:9'],
      ['OM131', 'zero_threshold:-1'],
      ['OM132', 'positive_spans:[0:2],positive_buckets:[1]'],
    ]);
    expect(at(`# TYPE a summary\na {count:-1,sum:1,quantile:[2:1]}\n${EOF}`)).toEqual([
      ['OM110', 'count:-1'],
      ['OM109', 'quantile:[2:1]'],
    ]);
    expect(at(`# TYPE a gaugehistogram\na {gcount:2,gsum:1,bucket:[+Inf:1]}\n${EOF}`)).toEqual([['OM117', 'gcount:2,gsum:1,bucket:[+Inf:1]']]);
  });

  it('at the whole sample when its value is of the wrong kind', () => {
    expect(at(`# TYPE a gauge\na {count:1,sum:1,quantile:[]}\n${EOF}`)).toEqual([['OM129', 'a {count:1,sum:1,quantile:[]}']]);
  });
});

describe('OpenMetrics 2.0 keeps what OpenMetrics 1.0 requires of the text', () => {
  it.each([
    ['OM004', 'the `# EOF` line', 'a 1\n'],
    ['OM005', 'nothing after `# EOF`', `a 1\n${EOF}b 1\n`],
    ['OM006', 'no blank line', `a 1\n\n${EOF}`],
    ['OM007', 'no comment line', `# a comment\na 1\n${EOF}`],
    ['OM008', 'one space between tokens', `a  1\n${EOF}`],
    ['OM014', 'timestamps in seconds, real numbers', `a 1 NaN\n${EOF}`],
    ['OM016', 'the OpenMetrics TYPE words', `# TYPE a untyped\na 1\n${EOF}`],
    ['OM019', 'no trailing comma in labels', `a{b="c",} 1\n${EOF}`],
    ['OM101', 'one TYPE line per family', `# TYPE a gauge\n# TYPE a gauge\na 1\n${EOF}`],
    ['OM102', 'metadata before samples', `a 1\n# HELP a h\n${EOF}`],
  ])('%s: %s', (code, _, text) => {
    expect(codesOf(om2(text).diagnostics)).toContain(code);
  });

  it('the escapes of 1.0 (a bad one is a warning)', () => {
    const { diagnostics, families } = om2(`a{b="x\\"y\\\\z\\n"} 1\n${EOF}`);
    expect(diagnostics).toEqual([]);
    expect(families[0]!.metrics[0]!.labels).toEqual([{ name: 'b', value: 'x"y\\z\n' }]);
    expect(om2(`a{b="\\q"} 1\n${EOF}`).diagnostics.map((d) => [d.code, d.severity])).toEqual([['OM011', 'warning']]);
  });
});
