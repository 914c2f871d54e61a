// The end of a document decides its format whenever the end is known (@omkit/parser, "Which
// format"): a large OpenMetrics document whose first 64 KiB is one big summary, with no OpenMetrics
// marker (as `om parse node_exporter.prom --to openmetrics` of a grown scrape), is OpenMetrics from
// a `.txt` file, from stdin, from a streamed file (its last bytes are read ahead) and named; and a
// large document without `# EOF` is Prometheus text, whatever markers its head has.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

/** A big summary family first (well over 64 KiB, no OpenMetrics marker), OpenMetrics-only families after it. */
function summaryFirst(): string {
  const lines = ['# HELP go_gc_duration_seconds A summary of the pause duration of garbage collection cycles.', '# TYPE go_gc_duration_seconds summary'];
  for (let i = 0; i < 800; i++) {
    const instance = `instance="node-${i}.example.org:9100",job="node"`;
    for (const q of ['0.0', '0.25', '0.5', '0.75', '1.0']) lines.push(`go_gc_duration_seconds{${instance},quantile="${q}"} 1.5e-05`);
    lines.push(`go_gc_duration_seconds_sum{${instance}} 0.25`, `go_gc_duration_seconds_count{${instance}} 1234`);
  }
  lines.push(
    '# HELP node_netstat_Icmp6_InErrors Statistic Icmp6InErrors.',
    '# TYPE node_netstat_Icmp6_InErrors unknown',
    'node_netstat_Icmp6_InErrors 0',
    '# HELP node_uname Labeled system information as provided by the uname system call.',
    '# TYPE node_uname info',
    'node_uname_info{machine="x86_64",nodename="host",release="6.1.0",sysname="Linux"} 1',
    '# HELP node_boot_time_seconds Node boot time, in unixtime.',
    '# TYPE node_boot_time_seconds gauge',
    '# UNIT node_boot_time_seconds seconds',
    'node_boot_time_seconds 1.7e+09',
    '# EOF',
  );
  return `${lines.join('\n')}\n`;
}

/** The same families as Prometheus text, its head marked as OpenMetrics would be (`# TYPE c counter` / `c_total`), no `# EOF`. */
function markedWithoutEof(): string {
  const lines = ['# HELP shop_orders Orders placed.', '# TYPE shop_orders counter', 'shop_orders_total 1', '# TYPE filler gauge'];
  for (let i = 0; i < 4000; i++) lines.push(`filler{instance="node-${i}.example.org:9100",job="node"} ${i}`);
  lines.push('# TYPE node_netstat_Icmp6_InErrors untyped', 'node_netstat_Icmp6_InErrors 0');
  return `${lines.join('\n')}\n`;
}

interface Finding {
  code: string;
  severity: string;
  span?: { start: { line: number; column: number } };
}

/** The findings of one `om lint --format json` run, as line:col severity code. */
async function findings(argv: string[], stdin?: string): Promise<string[]> {
  const result = await run(['lint', '--format', 'json', ...argv], stdin === undefined ? {} : { stdin });
  expect(result.exitCode, `om lint ${argv.join(' ')}: ${result.stderr}`).toBeLessThan(2);
  const report = JSON.parse(result.stdout) as { results: { diagnostics: Finding[] }[] };
  return report.results
    .flatMap((r) => r.diagnostics)
    .map((d) => `${d.span?.start.line ?? 0}:${d.span?.start.column ?? 0} ${d.severity} ${d.code}`)
    .sort();
}

const OM016 = / OM016$/;

describe('the end of a large document decides its format, whole or streamed', () => {
  let files: ReturnType<typeof tempDir>;
  const om = summaryFirst();
  const prom = markedWithoutEof();

  beforeAll(() => {
    files = tempDir({ 'node.txt': om, 'node.metrics.gz': gzipSync(om), 'marked.txt': prom });
  });
  afterAll(() => files.cleanup());

  it('builds documents longer than the detection window, their heads contradicting their ends', () => {
    expect(om.indexOf('# TYPE node_netstat_Icmp6_InErrors unknown')).toBeGreaterThan(64 * 1024);
    expect(om.length).toBeGreaterThan(64 * 1024);
    expect(prom.length).toBeGreaterThan(64 * 1024);
  });

  it('an OpenMetrics document whose head is one big summary: a `.txt` file, stdin, the file streamed and `--format-in openmetrics` agree', async () => {
    const file = `${files.dir}/node.txt`;
    const named = await findings(['--format-in', 'openmetrics', file]);
    expect(named.filter((f) => OM016.test(f))).toEqual([]);
    expect(named.filter((f) => f.includes(' error '))).toEqual([]);
    expect(await findings([file]), '.txt file').toEqual(named);
    expect(await findings(['-'], om), 'stdin').toEqual(named);
    expect(await findings(['--stream', file]), '.txt file, streamed (its end read ahead)').toEqual(named);
    expect(await findings([`${files.dir}/node.metrics.gz`]), 'gzip file').toEqual(named);
    expect(await findings(['--stream', '--format-in', 'openmetrics', file]), 'streamed, named').toEqual(named);
  });

  it('streams whose end is not known ahead are read by their head (the documented case): stdin streamed, a gzip file streamed', async () => {
    // Read as Prometheus text: OM016 on `unknown` and `info`, far behind the head. Name the format
    // (`--format-in`, a `.om` file name) or send a Content-Type: then every path agrees.
    const line = (type: string) => om.slice(0, om.indexOf(` ${type}\n`)).split('\n').length;
    for (const argv of [['--stream', '-'], ['--stream', `${files.dir}/node.metrics.gz`]]) {
      const got = await findings(argv, argv.includes('-') ? om : undefined);
      expect(got.filter((f) => OM016.test(f)), argv.join(' ')).toEqual([`${line('unknown')}:36 error OM016`, `${line('info')}:19 error OM016`]);
    }
  });

  it('a document without `# EOF` whose head has OpenMetrics markers: Prometheus text from a `.txt` file, stdin and the file streamed', async () => {
    const file = `${files.dir}/marked.txt`;
    const named = await findings(['--format-in', 'prometheus', file]);
    expect(named.filter((f) => / OM004$/.test(f))).toEqual([]);
    expect(await findings([file]), '.txt file').toEqual(named);
    expect(await findings(['-'], prom), 'stdin').toEqual(named);
    expect(await findings(['--stream', file]), '.txt file, streamed (its end read ahead)').toEqual(named);
    // Read as OpenMetrics, it would miss its `# EOF`: the format the end names is not that.
    expect((await findings(['--format-in', 'openmetrics', file])).filter((f) => / OM004$/.test(f))).not.toEqual([]);
  });
});
