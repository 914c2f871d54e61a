// om diff's --relabel and --tolerance are read by @omkit/diff (parseRelabel, parseTolerance): a
// text it cannot read is one line on stderr and exit 2, as every bad flag value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

let t: ReturnType<typeof tempDir>;

beforeAll(() => {
  t = tempDir({
    'a.prom': '# TYPE up gauge\nup{pod="web-1a"} 1\n',
    'b.prom': '# TYPE up gauge\nup{pod="web-2b"} 1.2\n',
    // One histogram in OpenMetrics 1.0 and 2.0 (2.0.0-rc0 §Histogram with Classic Buckets): both `.om`.
    'one.om': '# TYPE latency_seconds histogram\nlatency_seconds_bucket{le="0.1"} 3\nlatency_seconds_bucket{le="1"} 8\nlatency_seconds_bucket{le="+Inf"} 10\nlatency_seconds_count 10\nlatency_seconds_sum 4\nlatency_seconds_created 1000\n# EOF\n',
    'two.om': '# TYPE latency_seconds histogram\nlatency_seconds {count:12,sum:4.5,bucket:[0.1:3,1:9,+Inf:12]} st@1000\n# EOF\n',
  });
});

afterAll(() => t.cleanup());

describe('om diff --relabel / --tolerance', () => {
  it('a bad value is one line and exit 2', async () => {
    const relabel = await run(['diff', 'a.prom', 'b.prom', '--relabel', 'pod'], { cwd: t.dir });
    expect(relabel).toMatchObject({ exitCode: 2, stdout: '', stderr: 'om: --relabel expects label=/regex/replacement/ (received "pod")\n' });
    const tolerance = await run(['diff', 'a.prom', 'b.prom', '--tolerance', '5s'], { cwd: t.dir });
    expect(tolerance).toMatchObject({ exitCode: 2, stdout: '', stderr: 'om: --tolerance expects a number or a percentage such as 0.5 or 1% (received "5s")\n' });
  });

  it('good values make the two sides equal', async () => {
    const r = await run(['diff', 'a.prom', 'b.prom', '--relabel', 'pod=/-[a-z0-9]+$//', '--tolerance', '25%'], { cwd: t.dir });
    expect(r.exitCode).toBe(0);
    const strict = await run(['diff', 'a.prom', 'b.prom', '--relabel', 'pod=/-[a-z0-9]+$//'], { cwd: t.dir });
    expect(strict.exitCode).toBe(1);
  });
});

describe('om diff --format-in', () => {
  it('a,b reads each side in its own format: OpenMetrics 1.0 against 2.0 lines up series by series', async () => {
    const r = await run(['diff', 'one.om', 'two.om', '--format-in', 'openmetrics,openmetrics-2.0'], { cwd: t.dir });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('~'))).toEqual([
      '~ latency_seconds_bucket{le="+Inf"} 10 → 12 (+2)',
      '~ latency_seconds_bucket{le="1"} 8 → 9 (+1)',
      '~ latency_seconds_count 10 → 12 (+2)',
      '~ latency_seconds_sum 4 → 4.5 (+0.5)',
    ]);
    expect(r.exitCode).toBe(1);
    // One format for both sides: the 2.0 side read as 1.0 has errors, said on stderr.
    const both = await run(['diff', 'one.om', 'two.om', '--format-in', 'openmetrics'], { cwd: t.dir });
    expect(both.stderr).toMatch(/^om: warning: two\.om has \d+ parse errors?/);
  });

  it('a bad value is one line and exit 2', async () => {
    for (const value of ['openmetrics,bogus', 'a,b,c', 'openmetrics,prometheus,auto']) {
      const r = await run(['diff', 'a.prom', 'b.prom', '--format-in', value], { cwd: t.dir });
      expect(r).toMatchObject({ exitCode: 2, stdout: '' });
      expect(r.stderr).toMatch(/^om: --format-in expects a format or two separated by a comma .*\n$/);
    }
  });
});
