// om lint judges Prometheus text 0.0.4 histograms, summaries and timestamps by that format's own
// text ("Histograms and summaries"; int64 millisecond timestamps): broken ones fail, whatever the
// preset or the way the input arrives, and each problem is reported once.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

const HEAD = '# HELP app_latency_seconds Latency.\n# TYPE app_latency_seconds histogram\n';
const broken: Record<string, { text: string; codes: string[] }> = {
  'no +Inf bucket': { text: `${HEAD}app_latency_seconds_bucket{le="1"} 1\napp_latency_seconds_bucket{le="2"} 2\napp_latency_seconds_count 2\n`, codes: ['OM114@3'] },
  'buckets not cumulative': { text: `${HEAD}app_latency_seconds_bucket{le="1"} 3\napp_latency_seconds_bucket{le="+Inf"} 2\napp_latency_seconds_count 2\n`, codes: ['OM116@4'] },
  '`_count` other than the +Inf bucket': { text: `${HEAD}app_latency_seconds_bucket{le="+Inf"} 2\napp_latency_seconds_count 3\n`, codes: ['OM117@3'] },
  'a repeated bucket': { text: `${HEAD}app_latency_seconds_bucket{le="1"} 1\napp_latency_seconds_bucket{le="1"} 1\napp_latency_seconds_bucket{le="+Inf"} 1\n`, codes: ['OM115@4'] },
  'quantiles out of order': { text: '# HELP app_rpc_seconds RPC.\n# TYPE app_rpc_seconds summary\napp_rpc_seconds{quantile="0.9"} 1\napp_rpc_seconds{quantile="0.5"} 1\n', codes: ['OM128@4'] },
  'a timestamp beyond int64 milliseconds': { text: `# HELP app_up Up.\n# TYPE app_up gauge\napp_up 1 ${'9'.repeat(1000)}\n`, codes: ['OM014@3'] },
};
type Report = { results: { diagnostics: { code: string; severity: string; span?: { start: { line: number } } }[] }[] };
const errors = (stdout: string) =>
  (JSON.parse(stdout) as Report).results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.span?.start.line}`));

describe('om lint of broken Prometheus text', () => {
  for (const [what, { text, codes }] of Object.entries(broken)) {
    it(`${what}: exit 1 with ${codes.join(', ')}, from a file, a gzip file and stdin, with each preset`, async () => {
      const tmp = tempDir({ 'm.prom': text, 'm.prom.gz': gzipSync(text) });
      try {
        for (const preset of ['recommended', 'strict']) {
          for (const input of ['m.prom', 'm.prom.gz']) {
            const r = await run(['lint', '--preset', preset, '--format', 'json', input], { cwd: tmp.dir });
            expect(r.exitCode, `${preset} ${input}`).toBe(1);
            expect(errors(r.stdout)).toEqual(codes);
          }
          const r = await run(['lint', '--preset', preset, '--format', 'json', '--format-in', 'prometheus', '-'], { stdin: text });
          expect(r.exitCode).toBe(1);
          expect(errors(r.stdout)).toEqual(codes);
        }
      } finally {
        tmp.cleanup();
      }
    });
  }

  it('a valid histogram with buckets only passes', async () => {
    const text = `${HEAD}app_latency_seconds_bucket{le="1"} 1\napp_latency_seconds_bucket{le="+Inf"} 2\n`;
    const r = await run(['lint', '--format', 'json', '--format-in', 'prometheus', '-'], { stdin: text });
    expect(errors(r.stdout)).toEqual([]);
    expect(r.exitCode).toBe(0);
  });

  it('reports each problem once (no lint rule repeats the parser)', async () => {
    const text = `${HEAD}app_latency_seconds_bucket{a="x",le="1"} 1\napp_latency_seconds_bucket{a="x",le="+Inf"} 1\napp_latency_seconds_bucket{a="y",le="1"} 1\napp_latency_seconds_bucket{a="y",le="1"} 1\napp_latency_seconds_bucket{a="y",le="+Inf"} 1\napp_latency_seconds_bucket{a="z",le="1"} 1\n`;
    const r = await run(['lint', '--preset', 'strict', '--format', 'json', '--format-in', 'prometheus', '-'], { stdin: text });
    const lines = (JSON.parse(r.stdout) as Report).results.flatMap((x) => x.diagnostics.map((d) => `${d.code}@${d.span?.start.line}`));
    expect(lines.filter((l) => /@(6|8)$/.test(l))).toEqual(['OM115@6', 'OM114@8']);
  });
});
