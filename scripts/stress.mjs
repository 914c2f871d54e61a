#!/usr/bin/env node
// pnpm stress: om under the full hostile sizes, each run as a child process (`node
// apps/om/dist/bin.js …`), timed, with its peak RSS from /usr/bin/time -f %M (or the child's own
// process.resourceUsage().maxRSS through a preload when /usr/bin/time is missing). Prints a table;
// the figures go into docs/robustness.md. Never a CI gate: CI runs scaled-down copies in
// packages/parser/test/hostile.test.ts and apps/om/test/{hostile,network,load}.test.ts.
//
//   node scripts/stress.mjs            every case
//   node scripts/stress.mjs 1gb-file   only the cases whose name contains the argument
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'apps/om/dist/bin.js');
if (!existsSync(bin)) throw new Error('build first: pnpm build');
const dir = mkdtempSync(join(tmpdir(), 'om-stress-'));
const only = process.argv[2];
const MB = 1024 * 1024;
const GB = 1024 * MB;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// ---- inputs -----------------------------------------------------------------------------------

/** Writes the chunks of a generator to a file, honouring back-pressure. */
async function writeFile(name, chunks) {
  const path = join(dir, name);
  const out = createWriteStream(path);
  for (const chunk of chunks) if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
  return path;
}

/** `n` characters of `ch`, in 1 MiB pieces. */
function* repeat(ch, n) {
  const block = ch.repeat(MB);
  for (; n >= MB; n -= MB) yield block;
  if (n > 0) yield ch.repeat(n);
}

/** A clean, realistic family: HELP, TYPE and 100 series (~4.5 KB). */
function family(k) {
  const name = `app_x${k.toString(36)}_work_seconds`;
  let s = `# HELP ${name} Time spent on work item ${k}.\n# TYPE ${name} gauge\n`;
  for (let j = 0; j < 100; j++) s += `${name}{shard="${j}",zone="z${j % 3}"} ${j}.5\n`;
  return s;
}

/** Families from 0 until `bytes` are written, in ~1 MiB strings. */
function* families(bytes) {
  let written = 0;
  let k = 0;
  while (written < bytes) {
    let block = '';
    while (block.length < MB) block += family(k++);
    written += block.length;
    yield block;
  }
}

/** One small family each: 1M of them is ~60 MB. */
const tiny = (k) => `# HELP app_x${k.toString(36)}_bytes B.\n# TYPE app_x${k.toString(36)}_bytes gauge\napp_x${k.toString(36)}_bytes ${k}\n`;

// ---- running ----------------------------------------------------------------------------------

/** Runs om; resolves with wall time, peak RSS in MB, exit code and the last stderr line. */
function om(args, { stdinFile } = {}) {
  return new Promise((resolve, reject) => {
    const argv = TIME ? [TIME, '-f', 'OMSTRESS_RSS_KB=%M', process.execPath, bin, ...args] : [process.execPath, '--import', rssHook(), bin, ...args];
    const t0 = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd: dir, stdio: [stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (stdinFile) createReadStream(stdinFile).pipe(child.stdin);
    let out = 0;
    let tail = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += c.length;
      tail = (tail + c).slice(-400);
    });
    child.stderr.on('data', (c) => (err = (err + c).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const m = /OMSTRESS_RSS_KB=(\d+)/.exec(err);
      const lines = err.replace(/OMSTRESS_RSS_KB=\d+\n?/, '').trim().split('\n');
      const summary = tail.trim().split('\n').pop() ?? '';
      resolve({ ms, rssMB: m ? Number(m[1]) / 1024 : NaN, code, stdoutBytes: out, last: code === 2 ? (lines[lines.length - 1] ?? '') : summary });
    });
  });
}

/** Without /usr/bin/time: a preload that prints the child's own peak RSS on exit. */
function rssHook() {
  const path = join(dir, 'rss-hook.mjs');
  if (!existsSync(path)) writeFileSync(path, "process.on('exit', () => process.stderr.write(`OMSTRESS_RSS_KB=${process.resourceUsage().maxRSS}\\n`));\n");
  return path;
}

const rows = [];

async function stressCase(name, inputBytes, setup) {
  if (only && !name.includes(only)) return;
  process.stderr.write(`stress: ${name} …\n`);
  const { args, stdinFile, cleanup } = await setup();
  try {
    const r = await om(args, { stdinFile });
    const mbps = inputBytes / MB / (r.ms / 1000);
    rows.push({ name, input: human(inputBytes), seconds: (r.ms / 1000).toFixed(1), 'MB/s': mbps.toFixed(1), 'peak RSS MB': r.rssMB.toFixed(0), exit: r.code, result: r.last.slice(0, 70) });
  } finally {
    await cleanup?.();
  }
}

const human = (b) => (b >= GB ? `${(b / GB).toFixed(2)} GiB` : b >= MB ? `${(b / MB).toFixed(1)} MiB` : `${(b / 1024).toFixed(0)} KiB`);
async function file(name, chunks) {
  const path = await writeFile(name, chunks);
  return { path, size: statSync(path).size };
}

// ---- cases ------------------------------------------------------------------------------------

async function lintFile(name, fileName, chunks, extra = []) {
  if (only && !name.includes(only)) return;
  const f = await file(fileName, chunks);
  await stressCase(name, f.size, async () => ({ args: ['lint', '--format', 'concise', ...extra, fileName], cleanup: () => rmSync(f.path) }));
}

await lintFile('100 MB single line', 'line.prom', (function* () {
  yield 'a';
  yield* repeat('b', 100 * MB);
  yield ' 1\n';
})());

await lintFile('10 MB label value', 'label-value.prom', (function* () {
  yield 'm{a="';
  yield* repeat('x', 10 * MB);
  yield '"} 1\n';
})());

await lintFile('100k labels on one series', 'labels.prom', (function* () {
  let s = 'm{';
  for (let i = 0; i < 100_000; i++) s += `${i ? ',' : ''}label_${i}="v"`;
  yield `${s}} 1\n`;
})());

await lintFile('1M families', 'families.prom', (function* () {
  let block = '';
  for (let k = 0; k < 1_000_000; k++) {
    block += tiny(k);
    if (block.length > MB) {
      yield block;
      block = '';
    }
  }
  yield block;
})());

await lintFile('10 MB of escaped backslashes', 'escapes.prom', (function* () {
  yield 'm{a="';
  yield* repeat('\\\\', 5 * MB);
  yield '"} 1\n';
})());

await lintFile('1 GB file', 'big.prom', families(GB));

// The same bytes on stdin.
if (!only || '1 GB stdin'.includes(only)) {
  const f = await file('big-stdin.prom', families(GB));
  await stressCase('1 GB stdin', f.size, async () => ({ args: ['lint', '--format', 'concise', '-'], stdinFile: f.path, cleanup: () => rmSync(f.path) }));
}

// 1 GB of chunked HTTP, generated as it is sent.
if (!only || '1 GB chunked HTTP response'.includes(only)) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }); // no length: chunked
    const gen = families(GB);
    const pump = () => {
      for (;;) {
        const { value, done } = gen.next();
        if (done) return res.end();
        if (!res.write(value)) return res.once('drain', pump);
      }
    };
    res.on('close', () => gen.return());
    pump();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/metrics`;
  try {
    await stressCase('1 GB chunked HTTP response', GB, async () => ({ args: ['lint', '--format', 'concise', '--timeout', '30m', '--body-size-limit', '0', url] }));
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

/** Target i's exposition: 100 clean families. */
function bodyOf(i) {
  let s = '';
  for (let f = 0; f < 100; f++) {
    const name = `app${i}_work_${f}_seconds`;
    s += `# HELP ${name} Work.\n# TYPE ${name} gauge\n${name}{shard="${f % 7}"} 1\n${name}{shard="x${f}"} 2\n`;
  }
  return s;
}

// 200 targets of one job, one server each, 25 ms per answer.
if (!only || '200 targets'.includes(only)) {
  const servers = [];
  let inFlight = 0;
  let maxInFlight = 0;
  for (let i = 0; i < 200; i++) {
    const body = bodyOf(i);
    const server = http.createServer((req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('close', () => inFlight--);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(body);
      }, 25);
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
  }
  const targets = servers.map((s) => `"127.0.0.1:${s.address().port}"`).join(', ');
  writeFileSync(join(dir, 'prometheus.yml'), `scrape_configs:\n  - job_name: fleet\n    static_configs:\n      - targets: [${targets}]\n`);
  try {
    await stressCase('200 targets (--prometheus-config --job)', 200 * Buffer.byteLength(bodyOf(0)), async () => ({ args: ['lint', '--format', 'concise', '--prometheus-config', 'prometheus.yml', '--job', 'fleet'] }));
    rows[rows.length - 1].result += ` (max in flight ${maxInFlight})`;
  } finally {
    for (const s of servers) s.closeAllConnections();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

rmSync(dir, { recursive: true, force: true });

// ---- report -----------------------------------------------------------------------------------

const cols = Object.keys(rows[0] ?? {});
const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(width[i])).join(' | ')} |`;
const cpu = cpus()[0]?.model ?? 'unknown';
console.log(`om stress, ${new Date().toISOString().slice(0, 10)}, ${cpu} × ${cpus().length} cores, Node ${process.version}, peak RSS by ${TIME ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS'}\n`);
console.log(line(cols));
console.log(line(width.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(cols.map((c) => r[c])));
