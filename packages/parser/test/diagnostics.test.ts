// Every diagnostic in the catalog, produced by a hand-written input, with its code, line and
// column asserted (never the message text); and the "must show" exposition.
import { describe, expect, it } from 'vitest';
import { codes, parse, parseStream, type Diagnostic } from '../src/index.js';
import { cases, notEmitted } from './support/diagnostic-cases.js';



function where(d: Diagnostic): string {
  return `${d.code}@${d.span?.start.line}:${d.span?.start.column}`;
}

describe.each(cases)('$code: $what', (c) => {
  it(`is reported at ${c.line}:${c.column}`, () => {
    const { diagnostics } = parse(c.text, { format: c.format ?? 'openmetrics' });
    const found = diagnostics.filter((d) => d.code === c.code);
    expect(found.map(where), diagnostics.map(where).join(' ')).toContain(`${c.code}@${c.line}:${c.column}`);
    const d = found.find((x) => x.span!.start.line === c.line && x.span!.start.column === c.column)!;
    expect(d.severity).toBe(c.severity ?? codes[c.code].severity);
    expect(d.name).toBe(codes[c.code].name);
    expect(d.category).toBe(codes[c.code].category);
    expect(d.url).toMatch(new RegExp(`#${c.code.toLowerCase()}$`));
    // Spans are consistent: offsets agree with line:column, and the end is not before the start.
    const lines = c.text.split('\n');
    const offsetOf = (line: number, column: number) =>
      lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    expect(d.span!.start.offset).toBe(offsetOf(d.span!.start.line, d.span!.start.column));
    expect(d.span!.end.offset).toBe(offsetOf(d.span!.end.line, d.span!.end.column));
    expect(d.span!.end.offset).toBeGreaterThanOrEqual(d.span!.start.offset);
    if (c.endLine !== undefined) expect(d.span!.end.line).toBe(c.endLine);
    if (c.endColumn !== undefined) expect(d.span!.end.column).toBe(c.endColumn);
  });
});

describe('the catalog', () => {
  it('has OM001–OM023 and OM100–OM139', () => {
    const expected = [
      ...Array.from({ length: 23 }, (_, i) => `OM${String(i + 1).padStart(3, '0')}`),
      ...Array.from({ length: 40 }, (_, i) => `OM${100 + i}`),
    ];
    expect(Object.keys(codes).sort()).toEqual(expected);
  });

  it('has a hand-written case for every code that can be emitted', () => {
    const covered = new Set(cases.map((c) => c.code));
    const missing = Object.keys(codes).filter((code) => !covered.has(code as keyof typeof codes));
    expect(missing).toEqual(notEmitted);
  });

  // Strings are already decoded; invalid UTF-8 can only reach the parser as bytes in a stream.
  it('OM020 invalid-utf8: bytes that are not UTF-8, at their line and column, but not a literal U+FFFD', async () => {
    const enc = new TextEncoder();
    const chunks = [enc.encode('# TYPE a gauge\na{x="ok\ufffd"} 1\na{x="'), new Uint8Array([0xff, 0xfe]), enc.encode('"} 2\n# EOF\n')];
    const found: Diagnostic[] = [];
    for await (const item of parseStream(chunks, { format: 'openmetrics' })) found.push(...item.diagnostics);
    expect(found.map((d) => [d.code, d.severity, d.span?.start.line, d.span?.start.column])).toEqual([['OM020', 'error', 3, 6]]);
  });

  it('OM020 is reported once, at the first invalid byte, wherever the chunks are cut', async () => {
    const enc = (text: string) => new TextEncoder().encode(text);
    const bytes = Uint8Array.from([...enc('# TYPE a gauge\na{x="'), 0x80, 0xfe, ...enc('"} 1\n# TYPE b gauge\nb{x="'), 0xff, ...enc('"} 1\n')]);
    const whole = parse(bytes, { format: 'prometheus' }).diagnostics.filter((d) => d.code === 'OM020');
    expect(whole.map((d) => [d.span?.start.line, d.span?.start.column])).toEqual([[2, 6]]);
    for (let at = 1; at < bytes.length; at++) {
      const found: Diagnostic[] = [];
      for await (const item of parseStream([bytes.subarray(0, at), bytes.subarray(at)], { format: 'prometheus' })) found.push(...item.diagnostics);
      expect(found.filter((d) => d.code === 'OM020'), `cut at ${at}`).toEqual(whole);
    }
  });
});

// The "must show": a realistic 50-line exposition with 5 different errors on known lines.
const exposition = `# TYPE process_cpu_seconds counter
# UNIT process_cpu_seconds seconds
# HELP process_cpu_seconds Total user and system CPU time spent in seconds.
process_cpu_seconds_total 12.47
process_cpu_seconds_created 1700000000.0
# TYPE process_open_fds gauge
# HELP process_open_fds Number of open file descriptors.
process_open_fds  42
# TYPE process_resident_memory_bytes gauge
# UNIT process_resident_memory_bytes bytes
# HELP process_resident_memory_bytes Resident memory size in bytes.
process_resident_memory_bytes 2.4576e+07
# TYPE http_requests counter
# HELP http_requests Requests served, by method and code.
http_requests_total{method="get",code="200"} 1027 # {trace_id="abc123"} 1 1700000001.5
http_requests_total{method="get",code="404"} 3
http_requests_total{method="post",code="200"} twelve
http_requests_total{method="post",code="500"} 1
# TYPE http_request_duration_seconds histogram
# UNIT http_request_duration_seconds seconds
# HELP http_request_duration_seconds Request latency.
http_request_duration_seconds_bucket{handler="/",le="0.05"} 24054
http_request_duration_seconds_bucket{handler="/",le="0.1"} 33444
http_request_duration_seconds_bucket{handler="/",le="0.2",} 100392
http_request_duration_seconds_bucket{handler="/",le="0.5"} 129389
http_request_duration_seconds_bucket{handler="/",le="+Inf"} 144320
http_request_duration_seconds_sum{handler="/"} 53423
http_request_duration_seconds_count{handler="/"} 144320
http_request_duration_seconds_bucket{handler="/api",le="0.05"} 100
http_request_duration_seconds_bucket{handler="/api",le="0.1"} 90
http_request_duration_seconds_bucket{handler="/api",le="+Inf"} 120
http_request_duration_seconds_sum{handler="/api"} 12.5
http_request_duration_seconds_count{handler="/api"} 120
# TYPE rpc_duration_seconds summary
# UNIT rpc_duration_seconds seconds
# HELP rpc_duration_seconds RPC latency distributions.
rpc_duration_seconds{service="db",quantile="0.5"} 0.0042
rpc_duration_seconds{service="db",quantile="0.9"} 0.011
rpc_duration_seconds{service="db",quantile="0.99"} 0.07
rpc_duration_seconds_sum{service="db"} 1.7560473e+07
rpc_duration_seconds_count{service="db"} 2693
# TYPE build info
# HELP build Build information.
build_info{version="1.4.2",revision="e1f3a9c",goversion="go1.22.3"} 1
# TYPE jobs_processed counter
# HELP jobs_processed Jobs processed by the worker pool.
jobs_processed_total{queue="default"} -5
jobs_processed_total{queue="mail"} 17
# TYPE feature_flags stateset
# HELP feature_flags Feature flags.
feature_flags{feature_flags="dark_mode"} 1
# EOF
`;

describe('OM001 names what it found', () => {
  it('blanks by name (a space in backticks would show nothing), other tokens in backticks', () => {
    const messages = (text: string) => parse(text, { format: 'prometheus' }).diagnostics.filter((d) => d.code === 'OM001').map((d) => d.message);
    expect(messages('a{b="c" d="e"} 1\n')).toEqual(['expected `}`, found a space']);
    expect(messages('a{b="c"\td="e"} 1\n')[0]).toMatch(/found a tab$/);
    expect(messages('a{b="c";d="e"} 1\n')[0]).toMatch(/found `;d`$/);
  });
});

describe('a 52-line exposition with 5 different errors', () => {
  it('gives exactly those 5 errors at their line:column', () => {
    expect(exposition.split('\n')).toHaveLength(53);
    const { diagnostics, families } = parse(exposition, { format: 'openmetrics' });
    expect(diagnostics.map((d) => [d.code, d.severity, `${d.span!.start.line}:${d.span!.start.column}`])).toEqual([
      ['OM008', 'error', '8:17'], // two spaces before the value
      ['OM013', 'error', '17:47'], // `twelve` is not a number
      ['OM019', 'error', '24:58'], // trailing comma in the label set
      ['OM116', 'error', '30:1'], // bucket counts less than the one before
      ['OM110', 'error', '47:1'], // negative counter
    ]);
    // Recovery at the next line: every family is still there.
    expect(families.map((f) => f.name)).toEqual([
      'process_cpu_seconds',
      'process_open_fds',
      'process_resident_memory_bytes',
      'http_requests',
      'http_request_duration_seconds',
      'rpc_duration_seconds',
      'build',
      'jobs_processed',
      'feature_flags',
    ]);
  });
});
