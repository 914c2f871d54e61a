// Every input reaches the parser as the bytes it arrived in, so bytes that are not UTF-8 are
// reported (OM020) on every path: a file, a gzip file, stdin, each of them streamed, an HTTP body
// (whole and streamed) and a job's target; and by every command (lint, parse, stats, diff). And the
// format of an input is decided once, with the same evidence, whole or streamed.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

// `g{v="a\x80b"} 1`: a lone continuation byte in a label value (line 2, column 7).
const INVALID = Buffer.concat([Buffer.from('# HELP g A gauge.\n# TYPE g gauge\ng{v="a'), Buffer.from([0x80]), Buffer.from('b"} 1\n')]);
const INVALID_OM = Buffer.concat([INVALID, Buffer.from('# EOF\n')]);
const OM020 = /:3:7: error OM020\/invalid-utf8/;

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const om = req.url?.startsWith('/om') ?? false;
    res.writeHead(200, { 'content-type': om ? 'application/openmetrics-text; version=1.0.0; charset=utf-8' : 'text/plain; version=0.0.4; charset=utf-8' });
    res.end(om ? INVALID_OM : INVALID);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const lint = (args: string[], options: Parameters<typeof run>[1] = {}) => run(['lint', '--format', 'concise', ...args], options);

describe('invalid UTF-8 reaches the parser on every path', () => {
  it('a file, a gzip file, stdin, each whole and streamed', async () => {
    const t = tempDir({ 'x.prom': INVALID, 'x.om': INVALID_OM, 'x.prom.gz': gzipSync(INVALID) });
    try {
      for (const file of ['x.prom', 'x.om', 'x.prom.gz']) {
        for (const stream of [[], ['--stream']]) {
          const r = await lint([...stream, file], { cwd: t.dir });
          expect({ file, stream, exit: r.exitCode, out: r.stdout }).toMatchObject({ exit: 1, out: expect.stringMatching(OM020) });
        }
      }
      for (const [stdin, stream] of [
        [INVALID, []],
        [INVALID, ['--stream']],
        [INVALID_OM, []],
        [gzipSync(INVALID), []],
        [gzipSync(INVALID), ['--stream']],
      ] as const) {
        const r = await lint([...stream, '-'], { cwd: t.dir, stdin });
        expect(r.exitCode).toBe(1);
        expect(r.stdout).toMatch(/^-:3:7: error OM020\/invalid-utf8/m);
      }
    } finally {
      t.cleanup();
    }
  });

  it('an HTTP body, whole and streamed, in both formats', async () => {
    for (const path of ['/metrics', '/om']) {
      for (const stream of [[], ['--stream']]) {
        const r = await lint([...stream, `${base}${path}`]);
        expect(r.exitCode).toBe(1);
        expect(r.stdout).toMatch(OM020);
      }
    }
  });

  it("a job's targets", async () => {
    const host = base.replace('http://', '');
    const t = tempDir({ 'prometheus.yml': `scrape_configs:\n  - job_name: node\n    static_configs:\n      - targets: ["${host}"]\n` });
    try {
      const r = await lint(['--prometheus-config', 'prometheus.yml', '--job', 'node'], { cwd: t.dir });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(OM020);
    } finally {
      t.cleanup();
    }
  });

  it('om parse, om stats and om diff read the bytes too', async () => {
    const t = tempDir({ 'x.prom': INVALID, 'ok.prom': '# HELP g A gauge.\n# TYPE g gauge\ng{v="ab"} 1\n' });
    try {
      const parsed = await run(['parse', 'x.prom'], { cwd: t.dir });
      expect(parsed.exitCode).toBe(1);
      expect(parsed.stderr).toMatch(OM020);
      const fromUrl = await run(['parse', `${base}/metrics`]);
      expect(fromUrl.exitCode).toBe(1);
      expect(fromUrl.stderr).toMatch(OM020);
      const stats = await run(['stats', '--format', 'json', 'x.prom'], { cwd: t.dir });
      expect(JSON.parse(stats.stdout)[0].errors).toBe(1);
      const diff = await run(['diff', 'ok.prom', 'x.prom'], { cwd: t.dir });
      expect(diff.stderr).toContain('x.prom has 1 parse error');
    } finally {
      t.cleanup();
    }
  });
});

describe('the format is decided once, with the same evidence, whole or streamed', () => {
  // A long OpenMetrics document whose first 64 KiB hold no OpenMetrics marker (one big summary),
  // with an `unknown` family far behind: as node_exporter's scrape converted with `om parse --to
  // openmetrics` and grown family by family.
  const summary = Array.from({ length: 1500 }, (_, i) => `go_gc_duration_seconds{instance="h${i}",quantile="0.5"} 1\n`).join('');
  const doc = `# HELP go_gc_duration_seconds GC pauses.\n# TYPE go_gc_duration_seconds summary\n${summary}# HELP node_netstat_Icmp6_InErrors Statistic Icmp6InErrors.\n# TYPE node_netstat_Icmp6_InErrors unknown\nnode_netstat_Icmp6_InErrors 0\n# EOF\n`;

  it('`.om` is OpenMetrics and `.prom` Prometheus text, auto equal to the named format, whole and streamed', async () => {
    const t = tempDir({ 'node.om': doc, 'node.txt': doc, 'node.om.gz': gzipSync(doc) });
    try {
      const reading = async (args: string[]) => {
        const r = await lint(['--rule', 'OM219=off', ...args], { cwd: t.dir });
        // Source and column left out: a streamed input has no text for label spans (whole lines instead).
        return { exit: r.exitCode, out: r.stdout.replace(/^[^:]*:(\d+):\d+:/gm, '$1:') };
      };
      const named = await reading(['--format-in', 'openmetrics', 'node.om']);
      expect(named.out).not.toContain('OM016');
      // Without other evidence the end decides, whole and streamed (a streamed file's end is read ahead).
      for (const args of [['node.om'], ['--stream', 'node.om'], ['node.om.gz'], ['--stream', 'node.om.gz'], ['--format-in', 'openmetrics', '--stream', 'node.txt'], ['node.txt'], ['--stream', 'node.txt']]) {
        expect({ args, ...(await reading(args)) }).toEqual({ args, ...named });
      }
    } finally {
      t.cleanup();
    }
  });

  it('a short `.prom` with OpenMetrics markers and no `# EOF` is Prometheus text (no OM004), whole and streamed', async () => {
    const t = tempDir({ 'old.prom': '# HELP shop_orders Orders.\n# TYPE shop_orders counter\nshop_orders_total 1\n', 'old.txt': '# HELP shop_orders Orders.\n# TYPE shop_orders counter\nshop_orders_total 1\n' });
    try {
      for (const args of [['old.prom'], ['old.txt'], ['--stream', 'old.txt'], ['-']]) {
        const r = await lint(args, { cwd: t.dir, stdin: '# TYPE shop_orders counter\nshop_orders_total 1\n' });
        expect({ args, out: r.stdout }).not.toMatchObject({ out: expect.stringContaining('OM004') });
        expect(r.exitCode).toBe(0);
      }
    } finally {
      t.cleanup();
    }
  });

  it('an HTTP body with a Content-Type that names no format is read by its text, whole and streamed', async () => {
    const body = '# TYPE build info\nbuild_info{version="1"} 1\n# EOF\n';
    const s = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(body);
    });
    s.listen(0, '127.0.0.1');
    await once(s, 'listening');
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/metrics`;
    try {
      const whole = await lint(['--rule', 'OM301=off', url]);
      const streamed = await lint(['--rule', 'OM301=off', '--stream', url]);
      expect(whole.stdout).not.toContain('OM016');
      expect(streamed.stdout).toBe(whole.stdout);
    } finally {
      await new Promise<void>((done) => s.close(() => done()));
    }
  });
});
