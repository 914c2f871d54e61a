// om diff's --relabel and --tolerance are read by @omkit/diff (parseRelabel, parseTolerance): a
// text it cannot read is one line on stderr and exit 2, as every bad flag value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

let t: ReturnType<typeof tempDir>;

beforeAll(() => {
  t = tempDir({ 'a.prom': '# TYPE up gauge\nup{pod="web-1a"} 1\n', 'b.prom': '# TYPE up gauge\nup{pod="web-2b"} 1.2\n' });
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
