// om parse --to openmetrics-2.0 and back: the migration guide's conversions on the command line,
// what is left out said on stderr, native-only histograms refused with the way out, and the
// written 2.0 linted by om lint --format-in openmetrics-2.0 without error.
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

const om1 = [
  '# TYPE http_requests counter',
  '# HELP http_requests Total HTTP requests.',
  'http_requests_total{code="200"} 1027 # {trace_id="abc"} 1 1709999999',
  'http_requests_created{code="200"} 1000000000',
  '# TYPE latency_seconds histogram',
  '# UNIT latency_seconds seconds',
  'latency_seconds_bucket{le="0.1"} 800 # {trace_id="def"} 0.05',
  'latency_seconds_bucket{le="+Inf"} 1027',
  'latency_seconds_count 1027',
  'latency_seconds_sum 172.5',
  'latency_seconds_created 1000000000',
  '# EOF',
  '',
].join('\n');

const om2 = [
  '# TYPE http_requests_total counter',
  '# HELP http_requests_total Total HTTP requests.',
  'http_requests_total{code="200"} 1027 st@1000000000 # {trace_id="abc"} 1 1709999999',
  '# TYPE latency_seconds histogram',
  '# UNIT latency_seconds seconds',
  'latency_seconds {count:1027,sum:172.5,bucket:[0.1:800,+Inf:1027]} st@1000000000',
  '# EOF',
  '',
].join('\n');

describe('om parse --to openmetrics-2.0', () => {
  it('writes 1.0 as 2.0 (composite values, st@), saying on stderr what was left out', async () => {
    const r = await run(['parse', '-', '--format-in', 'openmetrics', '--to', 'openmetrics-2.0'], { stdin: om1 });
    expect(r).toEqual({
      exitCode: 0,
      stdout: om2,
      stderr: 'om: OpenMetrics 2.0 exemplars have a timestamp: left out those without one of `latency_seconds`\n',
    });
  });

  it('writes 2.0 back as 1.0', async () => {
    const r = await run(['parse', '-', '--format-in', 'openmetrics-2.0', '--to', 'openmetrics'], { stdin: om2 });
    expect(r).toEqual({ exitCode: 0, stdout: om1.replace(' # {trace_id="def"} 0.05', ''), stderr: '' });
  });

  it('writes text om lint --format-in openmetrics-2.0 finds no error in', async () => {
    const { dir, cleanup } = tempDir({ 'in.om': om1 });
    try {
      expect(await run(['parse', 'in.om', '--to', 'openmetrics-2.0', '-o', 'out.om2'], { cwd: dir })).toMatchObject({ exitCode: 0 });
      const linted = await run(['lint', 'out.om2', '--format-in', 'openmetrics-2.0', '--format', 'json'], { cwd: dir });
      const report = JSON.parse(linted.stdout) as { results: { diagnostics: { severity: string }[] }[] };
      expect(report.results[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(linted.exitCode).toBe(0);
    } finally {
      cleanup();
    }
  });

  it('refuses native-only histograms to 1.0 and 0.0.4, naming them, with the way out', async () => {
    const native = [
      '# TYPE a histogram',
      'a {count:2,sum:1,schema:3,zero_threshold:1e-4,zero_count:0,positive_spans:[0:2],positive_buckets:[1,1]}',
      '# TYPE b histogram',
      'b {count:2,sum:1,schema:3,zero_threshold:1e-4,zero_count:0,positive_spans:[0:2],positive_buckets:[1,1],bucket:[1:1,+Inf:2]}',
      '# EOF',
      '',
    ].join('\n');
    for (const [to, name] of [['openmetrics', 'OpenMetrics'], ['prometheus', 'Prometheus text 0.0.4']] as const) {
      const r = await run(['parse', '-', '--format-in', 'openmetrics-2.0', '--to', to], { stdin: native });
      const target = to === 'openmetrics' ? 'OpenMetrics 1.0' : name;
      expect(r).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: [
          `om: cannot write valid ${name}: 1 problem, nothing written`,
          `  \`a\`: native histogram buckets have no ${target} form (a sample has no classic buckets to write instead)`,
          'om: keep histograms with only native buckets in OpenMetrics 2.0 (--to openmetrics-2.0), or have the exporter expose classic buckets beside them',
          '',
        ].join('\n'),
      });
    }
    // Without `a`, `b` is written with its classic buckets, the native ones said left out.
    const r = await run(['parse', '-', '--format-in', 'openmetrics-2.0', '--to', 'openmetrics'], { stdin: native.split('\n').slice(2).join('\n') });
    expect(r).toEqual({
      exitCode: 0,
      stdout: '# TYPE b histogram\nb_bucket{le="1.0"} 1\nb_bucket{le="+Inf"} 2\nb_count 2\nb_sum 1\n# EOF\n',
      stderr: 'om: OpenMetrics 1.0 has no native histogram buckets: left out those of `b`, keeping their classic buckets\n',
    });
  });

  it('lists openmetrics-2.0 among --to\'s choices and its conversions in --help', async () => {
    const help = (await run(['parse', '--help'])).stdout;
    expect(help).toContain('"openmetrics-2.0"');
    for (const text of ['To OpenMetrics 2.0 (rc0', 'Native histogram buckets have no 1.0 or 0.0.4 form']) expect(help).toContain(text);
  });
});
