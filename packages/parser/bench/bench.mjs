#!/usr/bin/env node
// `pnpm bench`: throughput and peak RSS of @omkit/parser next to the floor and the peers installed
// on this machine, on generated node_exporter-like corpora (see corpus.mjs).
//
//   pnpm bench                          sizes 1,10,50,200 MB, both formats, median of 3 runs
//   pnpm bench --quick                  1 and 10 MB, 1 run (under a minute)
//   pnpm bench --sizes 1,10 --runs 5    pick sizes (MB) and runs
//   pnpm bench --big                    add the 1 GB streaming rows (om parseStream vs the streaming floor;
//                                       --big-size MB, --big-runs N: default 1000 and 1)
//   pnpm bench --diff                   add the diff tables: `om diff` vs `diff -u` vs om parse() of both
//                                       on two 50 MB scrapes of the same targets (--diff-size MB)
//   pnpm bench --targets                issue 13's rows (targets.mjs): om lint vs promtool on the real node_exporter
//                                       scrape and 100 KB / 400 KB / 1 MB (hyperfine, Node 20 and 24), parse() and
//                                       om lint on 35 MB, 1M one-sample families, federation-shaped text
//                                       (--targets-fed-mb MB, default 1000); with --markdown, rewrites only the
//                                       "Issue targets" section of docs/benchmarks.md; --profile adds
//                                       --cpu-prof summaries of om lint on the real scrape and the 35 MB
//   pnpm bench --formats openmetrics    one format only (prometheus | openmetrics)
//   pnpm bench --only floor,om-parse    some contenders only; --skip works the other way. Ids: floor,
//                                       floor-stream, om-validate (bytes), om-validate-text, om-parse,
//                                       om-stream-validate, om-stream,
//                                       om-lint (the CLI), om-lint-lib (parse() + lint()), promtool, python,
//                                       ppt (parse-prometheus-text-format); diff tables: parse-both, om-diff,
//                                       diff-u
//   pnpm bench --max-minutes 10         time budget when --runs is not given: a corpus whose first round
//                                       shows that 3 runs would overrun its share gets fewer runs
//   pnpm bench --timeout 900            seconds before a run is killed and reported as failed
//   pnpm bench --json out.json          machine-readable results
//   pnpm bench --markdown               also write docs/benchmarks.md (--markdown-file PATH to change it)
//   pnpm bench --from-json out.json --markdown   render saved results again, without running anything
//   pnpm bench --big --sizes 0 --merge-json old.json --json new.json --markdown
//                                       measure some corpora again and merge them into earlier results
//                                       (each table keeps its own date and parser commit; a run of some
//                                       contenders only, e.g. --only floor,om-lint, adds or replaces those
//                                       rows in the earlier tables and keeps the rest, earlier floor included)
//   OM_BENCH_DIST=/x/dist/om-parser.js  measure another build of @omkit/parser (default: packages/parser/dist)
//   OM_BENCH_DIR=/some/dir              where corpora are cached (default: $TMPDIR/om-bench)
//
// Method: every (corpus, contender, run) is a fresh child process; we time the whole process (wall
// clock, from spawn to exit: startup + read + parse) and take the median over the runs, with the runs
// interleaved round-robin so that load from other processes on a shared machine hits every contender
// alike. MB/s = corpus bytes / 1e6 / median wall seconds. "× floor" = MB/s ÷ the floor's MB/s in the
// same run (read the file as a string + split lines): absolute MB/s move several-fold between days on
// shared machines, ratios much less. Peak RSS comes from `/usr/bin/time -f %M` when installed, else
// from the child's own process.resourceUsage().maxRSS / getrusage (promtool then has none).
// The CLI rows (om lint, om diff) run apps/om/dist/bin.js with stdout to /dev/null; `pnpm bench` builds it.
// Benchmarks never gate CI; nothing here is a test.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, rmdirSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheDir, ensureCorpus, FORMATS, GENERATOR_VERSION, MB } from './corpus.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const PARSER_DIR = resolve(HERE, '..');
const REPO = resolve(HERE, '../../..');
// The bundle the package exports (dist/index.js is tsc's unbundled output, slower to import).
const BUILT = process.env.OM_BENCH_DIST ? resolve(process.env.OM_BENCH_DIST) : join(PARSER_DIR, 'dist/om-parser.js');
// The parser's dist/ may be rebuilt by someone else while a long run goes on: measure a snapshot of it,
// taken at the start (inside the package, so that its dependencies still resolve; ignored by git as dist/).
const SNAPSHOT = join(HERE, '.snapshot', String(process.pid), 'dist');
let DIST = BUILT;
const RUNNERS = join(HERE, 'runners');
// The CLI and the lint library as built in this checkout (`pnpm bench` builds them: turbo --filter=@omkit/cli...).
const CLI = join(REPO, 'apps/om/dist/bin.js');
const LINT_DIST = join(REPO, 'packages/lint/dist/bundle/om-lint.js');
/** Share of the series whose values change in the second corpus of a diff pair. */
const DIFF_PERTURB = 0.25;
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const MiB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2).filter((a) => a !== '--'); // `pnpm bench -- --quick` passes the `--` on
let opts;
try {
  opts = parseArgs({
    args: argv,
    strict: true,
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      formats: { type: 'string', default: FORMATS.join(',') },
      only: { type: 'string' },
      skip: { type: 'string' },
      big: { type: 'boolean', default: false },
      diff: { type: 'boolean', default: false },
      'diff-size': { type: 'string', default: '50' },
      'big-size': { type: 'string', default: '1000' },
      'big-runs': { type: 'string', default: '1' },
      json: { type: 'string' },
      markdown: { type: 'boolean', default: false },
      'markdown-file': { type: 'string' },
      'from-json': { type: 'string' },
      'merge-json': { type: 'string' },
      timeout: { type: 'string', default: '900' },
      'max-minutes': { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      targets: { type: 'boolean', default: false },
      'targets-fed-mb': { type: 'string', default: '1000' },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (e) {
  console.error(String(e.message ?? e));
  console.error('see: node packages/parser/bench/bench.mjs --help');
  process.exit(2);
}
if (opts.help) {
  const src = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  console.log(src.slice(1, src.findIndex((l) => l.startsWith('// Method'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(0);
}
const numList = (s) => s.split(',').map((x) => x.trim()).filter(Boolean).map(Number);
const sizes = (opts.sizes ? numList(opts.sizes) : opts.quick ? [1, 10] : [1, 10, 50, 200]).filter((s) => s !== 0); // --sizes 0: none
const runs = opts.runs ? Number(opts.runs) : opts.quick ? 1 : 3;
const formats = opts.formats.split(',').map((s) => s.trim()).filter(Boolean);
const bigSize = Number(opts['big-size']);
const diffSize = Number(opts['diff-size']);
const timeoutMs = Number(opts.timeout) * 1000;
const seed = Number(opts.seed);
for (const f of formats) if (!FORMATS.includes(f)) fail(`unknown format ${f} (prometheus | openmetrics)`);
if (sizes.some((s) => !(s > 0)) || !(runs >= 1) || !(bigSize > 0) || !(diffSize > 0)) fail('sizes, --runs, --big-size and --diff-size must be positive numbers');


function fail(msg) {
  console.error(msg);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// What is installed

function probe(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.error ? null : r;
}

const timeProbe = existsSync(TIME) ? probe(TIME, ['-f', '%M', 'true']) : null;
const haveTime = !!timeProbe && timeProbe.status === 0 && /^\d+\s*$/.test(timeProbe.stderr.trim().split('\n').pop() ?? '');

const promtoolProbe = probe('promtool', ['--version']);
const promtoolVersion = promtoolProbe ? (/version (\S+)/.exec(promtoolProbe.stdout + promtoolProbe.stderr)?.[1] ?? 'unknown') : null;

const pythonProbe = existsSync(PYTHON)
  ? probe(PYTHON, ['-c', 'import sys, importlib.metadata as m, prometheus_client; print(sys.version.split()[0], m.version("prometheus_client"))'])
  : null;
const pythonVersions = pythonProbe?.status === 0 ? pythonProbe.stdout.trim().split(/\s+/) : null;

let pptVersion = null;
try {
  const req = createRequire(join(PARSER_DIR, 'package.json'));
  const pkgJson = req.resolve('parse-prometheus-text-format/package.json');
  pptVersion = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
} catch {
  try {
    const req = createRequire(join(PARSER_DIR, 'package.json'));
    req.resolve('parse-prometheus-text-format');
    pptVersion = 'unknown';
  } catch {}
}

const diffProbe = probe('diff', ['--version']);
const diffVersion = diffProbe?.status === 0 ? (/\(GNU diffutils\) (\S+)/.exec(diffProbe.stdout)?.[1] ?? 'unknown') : null;

const cliMissing = `${relative(REPO, CLI)} not found: build it first (pnpm turbo run build --filter=@omkit/cli...)`;
const lintMissing = `${relative(REPO, LINT_DIST)} not found: build it first (pnpm turbo run build --filter=@omkit/lint...)`;

let omExports = null;
let omMissing = `${relative(REPO, BUILT)} not found: build it first (pnpm --filter @omkit/parser build)`;
const fromJson = opts['from-json'] ? JSON.parse(readFileSync(resolve(opts['from-json']), 'utf8')) : null;
// --targets: issue 13's rows only (targets.mjs), then exit.
if (opts.targets) {
  const { runTargets, targetsMarkdown } = await import('./targets.mjs');
  const { profileSummaries } = await import('./profile.mjs');
  // --from-json FILE: render saved targets results again.
  const res = fromJson ?? (await runTargets({ fedMB: Number(opts['targets-fed-mb']), runs: opts.runs ? runs : 3 }));
  if (opts.profile && !fromJson) res.profiles = profileSummaries(res);
  if (opts.json && !fromJson) writeFileSync(resolve(opts.json), JSON.stringify(res, null, 2) + '\n');
  const block = targetsMarkdown(res);
  console.log(block);
  if (opts.markdown) {
    const file = resolve(opts['markdown-file'] ?? join(REPO, 'docs/benchmarks.md'));
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
    const re = /<!-- targets -->[\s\S]*?<!-- \/targets -->/;
    // The hand-written reading of the targets (between `<!-- targets-notes -->` markers) survives a rerun.
    const notes = /<!-- targets-notes -->[\s\S]*?<!-- \/targets-notes -->/.exec(previous)?.[0];
    const full = notes ? block.replace('<!-- /targets -->', notes + '\n\n<!-- /targets -->') : block;
    const next = re.test(previous) ? previous.replace(re, () => full) : previous.replace(/\n## How to read it/, () => `\n${full}\n\n## How to read it`);
    writeFileSync(file, next);
    process.stderr.write(`wrote ${relative(process.cwd(), file) || file}\n`);
  }
  process.exit(0);
}
const git = (...a) => spawnSync('git', ['-C', REPO, ...a], { encoding: 'utf8' }).stdout?.trim() ?? '';
const parserCommit = git('log', '-1', '--format=%h %s', '--', 'packages/parser/src');
const parserDirty = git('status', '--porcelain', '--', 'packages/parser/src') !== '';
const parserLabel = parserCommit ? `${parserCommit}${parserDirty ? ' (+ uncommitted changes)' : ''}` : null;
if (existsSync(BUILT) && !process.env.OM_BENCH_DIST && !fromJson) {
  cpSync(dirname(BUILT), SNAPSHOT, { recursive: true });
  DIST = join(SNAPSHOT, 'om-parser.js');
  process.on('exit', () => {
    rmSync(dirname(SNAPSHOT), { recursive: true, force: true });
    try {
      rmdirSync(dirname(dirname(SNAPSHOT)));
    } catch {}
  });
}
if (existsSync(DIST)) {
  try {
    omExports = await import(pathToFileURL(DIST).href);
  } catch (e) {
    omMissing = `importing ${relative(REPO, DIST)} failed: ${String(e?.message ?? e).split('\n')[0]}`;
  }
}
const omHas = (fn) => (omExports ? typeof omExports[fn] === 'function' || `@omkit/parser does not export ${fn}() yet` : omMissing);

// ---------------------------------------------------------------------------------------------
// Contenders. available() → true | reason it is skipped.

const node = process.execPath;
const CONTENDERS = [
  {
    id: 'floor',
    label: 'floor: readFileSync + split lines',
    formats: FORMATS,
    available: (c) => c.bytes < 500 * MiB || 'a string this long does not fit in V8 (max ~512 MiB)',
    argv: (c) => [node, join(RUNNERS, 'floor.mjs'), c.file],
  },
  {
    id: 'floor-stream',
    label: 'floor (stream): read chunks + decode + split',
    formats: FORMATS,
    available: () => true,
    argv: (c) => [node, join(RUNNERS, 'floor-stream.mjs'), c.file],
  },
  {
    id: 'om-validate',
    label: 'om validate(bytes)',
    formats: FORMATS,
    target: { ratio: 0.8 },
    available: (c) => (c.bytes < 500 * MiB ? omHas('validate') : 'reads the whole file (use parseStream)'),
    argv: (c) => [node, join(RUNNERS, 'om.mjs'), 'validate-bytes', c.format, c.file],
  },
  {
    id: 'om-validate-text',
    label: 'om validate(text)',
    formats: FORMATS,
    target: { ratio: 0.8 },
    available: (c) => (c.bytes < 500 * MiB ? omHas('validate') : 'takes a string (max ~512 MiB)'),
    argv: (c) => [node, join(RUNNERS, 'om.mjs'), 'validate', c.format, c.file],
  },
  {
    id: 'om-parse',
    label: 'om parse()',
    formats: FORMATS,
    target: { ratio: 0.6 },
    available: (c) => (c.bytes < 500 * MiB ? omHas('parse') : 'takes a string (max ~512 MiB)'),
    argv: (c) => [node, join(RUNNERS, 'om.mjs'), 'parse', c.format, c.file],
  },
  {
    id: 'om-stream-validate',
    label: 'om parseStream({ model: false })',
    formats: FORMATS,
    target: { ratio: 0.8, rssMiB: 500 },
    available: () => omHas('parseStream'),
    argv: (c) => [node, join(RUNNERS, 'om.mjs'), 'stream-validate', c.format, c.file],
  },
  {
    id: 'om-stream',
    label: 'om parseStream() (families)',
    formats: FORMATS,
    target: { rssMiB: 500 },
    available: () => omHas('parseStream'),
    argv: (c) => [node, join(RUNNERS, 'om.mjs'), 'stream', c.format, c.file],
  },
  {
    id: 'om-lint',
    label: 'om lint --preset strict (CLI)',
    formats: FORMATS,
    target: { ratio: 0.5 },
    okExit: [0, 1], // 1 = a finding at the --fail-on severity
    exits: { 1: 'failing findings' },
    stdoutNull: true,
    cli: true,
    available: () => existsSync(CLI) || cliMissing,
    argv: (c) => [node, CLI, 'lint', '--format', 'json', '--preset', 'strict', c.file],
    // om lint streams inputs over 64 MiB family by family (apps/om/src/commands/lint.ts).
    note: (c) => (c.bytes > 64 * MiB ? 'streamed (input > 64 MiB)' : ''),
  },
  {
    id: 'om-lint-lib',
    label: 'om parse() + lint() (strict)',
    formats: FORMATS,
    target: { ratio: 0.5 },
    available: (c) => (c.bytes >= 500 * MiB ? 'takes a string (max ~512 MiB)' : !existsSync(LINT_DIST) ? lintMissing : omHas('parse')),
    argv: (c) => [node, join(RUNNERS, 'lint.mjs'), c.format, c.file],
  },
  {
    id: 'promtool',
    label: `promtool check metrics${promtoolVersion ? ' ' + promtoolVersion : ''}`,
    formats: ['prometheus'],
    peer: true,
    okExit: [0, 3], // 3 = lint findings, still a full parse
    exits: { 3: 'lint findings' },
    available: () => !!promtoolVersion || 'not installed: apt-get install -y prometheus',
    argv: () => ['promtool', 'check', 'metrics'],
    stdin: true,
  },
  {
    id: 'python',
    label: `python prometheus_client${pythonVersions ? ' ' + pythonVersions[1] : ''}`,
    formats: FORMATS,
    peer: true,
    available: () => !!pythonVersions || `not installed: apt-get install -y python3-prometheus-client (used via ${PYTHON})`,
    argv: (c) => [PYTHON, join(RUNNERS, 'python_client.py'), c.format, c.file],
  },
  {
    id: 'ppt',
    label: `parse-prometheus-text-format${pptVersion ? ' ' + pptVersion : ''}`,
    formats: ['prometheus'],
    peer: true,
    available: () => !!pptVersion || 'not installed: pnpm --filter @omkit/parser add -D parse-prometheus-text-format@1.1.1',
    argv: (c) => [node, join(RUNNERS, 'ppt.mjs'), c.file],
  },
];
const BIG_IDS = ['floor-stream', 'om-stream-validate', 'om-stream'];

// The diff tables: a corpus pair A (the corpus of the seed) and B (the same families and series, a share
// of the values changed: a later scrape); c.file is A, c.fileB is B, c.bytes both together.
const DIFF_CONTENDERS = [
  {
    id: 'parse-both',
    label: 'om parse() of A and B (one process)',
    formats: FORMATS,
    available: (c) => (c.bytes / 2 < 500 * MiB ? omHas('parse') : 'takes a string (max ~512 MiB)'),
    argv: (c) => [node, join(RUNNERS, 'om.mjs'), 'parse-both', c.format, c.file, c.fileB],
  },
  {
    id: 'om-diff',
    label: 'om diff --format json A B (CLI)',
    formats: FORMATS,
    target: { timeRatio: 1.5 },
    okExit: [0, 1], // 1 = changes
    exits: { 1: 'changes' },
    stdoutNull: true,
    cli: true,
    available: () => existsSync(CLI) || cliMissing,
    argv: (c) => [node, CLI, 'diff', '--format', 'json', c.file, c.fileB],
  },
  {
    id: 'diff-u',
    label: `diff -u A B${diffVersion ? ` (GNU diffutils ${diffVersion})` : ''}`,
    formats: FORMATS,
    peer: true,
    okExit: [0, 1], // 1 = differences
    exits: { 1: 'differences' },
    stdoutNull: true,
    available: () => !!diffVersion || 'not installed: apt-get install -y diffutils',
    argv: (c) => ['diff', '-u', c.file, c.fileB],
  },
];
const ALL = [...CONTENDERS, ...DIFF_CONTENDERS];
const ids = ALL.map((c) => c.id);
const only = opts.only ? opts.only.split(',') : null;
const skip = opts.skip ? opts.skip.split(',') : [];
for (const id of [...(only ?? []), ...skip]) if (!ids.includes(id)) fail(`unknown contender ${id} (one of ${ids.join(', ')})`);
const pickSelected = (list) => list.filter((c) => (!only || only.includes(c.id)) && !skip.includes(c.id));
const selected = pickSelected(CONTENDERS);
const selectedDiff = pickSelected(DIFF_CONTENDERS);

// ---------------------------------------------------------------------------------------------
// Running one child

const scratch = mkdtempSync(join(tmpdir(), 'om-bench-run-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let running = null; // the process group of the child being measured
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (running) {
      try {
        process.kill(-running, 'SIGKILL');
      } catch {}
    }
    process.exit(130);
  });
}

/** Reads the file once so every contender starts from the page cache. */
function warm(file) {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(4 * MiB);
  while (readSync(fd, buf, 0, buf.length, null) > 0);
  closeSync(fd);
}

function runOnce(contender, corpus) {
  return new Promise((done) => {
    const cmd = contender.argv(corpus);
    const timeFile = join(scratch, 'time.txt');
    rmSync(timeFile, { force: true });
    const full = haveTime ? [TIME, '-f', '%M', '-o', timeFile, ...cmd] : cmd;
    const stdinFd = contender.stdin ? openSync(corpus.file, 'r') : 'ignore';
    const start = process.hrtime.bigint();
    const env = { ...process.env, OM_BENCH_DIST: DIST };
    // stdoutNull: the CLI's report goes to /dev/null, as `om … > /dev/null` would.
    const child = spawn(full[0], full.slice(1), { stdio: [stdinFd, contender.stdoutNull ? 'ignore' : 'pipe', 'pipe'], detached: true, env });
    if (typeof stdinFd === 'number') closeSync(stdinFd);
    running = child.pid;
    let stdout = '';
    let stderrHead = '';
    let stderrLines = 0;
    child.stdout?.setEncoding('utf8').on('data', (d) => {
      if (stdout.length < 1 << 16) stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      if (stderrHead.length < 4096) stderrHead += d;
      for (let i = d.indexOf('\n'); i >= 0; i = d.indexOf('\n', i + 1)) stderrLines++;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL'); // the process group we started (time + its child)
      } catch {}
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      done({ ok: false, note: `could not start ${full[0]}: ${err.message}` });
    });
    child.on('close', (code, signal) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      clearTimeout(timer);
      running = null;
      let rssKiB = null;
      if (haveTime && existsSync(timeFile)) {
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop();
        if (/^\d+$/.test(last)) rssKiB = Number(last);
      }
      let self = null;
      const lastLine = stdout.trim().split('\n').pop();
      if (lastLine?.startsWith('{')) {
        try {
          self = JSON.parse(lastLine);
        } catch {}
      }
      if (rssKiB === null && self?.maxRSSKiB) rssKiB = self.maxRSSKiB;
      const okExit = contender.okExit ?? [0];
      if (self?.skip) return done({ ok: false, skip: true, note: self.skip });
      if (timedOut) return done({ ok: false, note: `timed out after ${opts.timeout} s` });
      if (signal || !okExit.includes(code)) {
        const oom = /heap out of memory|MemoryError|Killed/.test(stderrHead) ? ' (out of memory)' : '';
        const why = stderrHead.trim().split('\n').filter(Boolean).slice(-1)[0]?.slice(0, 120) ?? '';
        return done({ ok: false, note: `failed: ${signal ?? 'exit ' + code}${oom}${why ? ': ' + why : ''}` });
      }
      done({ ok: true, wall, rssKiB, code, stderrLines, self });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Stats and tables

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));

function noteFor(c, res, corpus) {
  const notes = [];
  const self = res.last?.self;
  if (c.exits && res.last) notes.push(`exit ${res.last.code}${c.exits[res.last.code] ? ` (${c.exits[res.last.code]})` : ''}`);
  const extra = c.note?.(corpus);
  if (extra) notes.push(extra);
  if (self && typeof self.errors === 'number') {
    notes.push(`${self.families} families, ${self.diagnostics} diagnostics${self.errors ? `, ${self.errors} errors (${self.firstErrors.join(' ')})` : ''}`);
    if (typeof self.importMs === 'number') notes.push(`import ${self.importMs} ms`);
  } else if (self && typeof self.families === 'number') notes.push(`${self.families} families`);
  if (res.streamRatio !== undefined) notes.push(`${res.streamRatio.toFixed(2)} × streaming floor`);
  if (res.failures) notes.push(`${res.failures} failed run(s)`);
  if (res.walls.length > 1) notes.push(`runs ${res.walls.map((w) => w.toFixed(2)).join('/')} s`);
  return notes.join('; ');
}

function targetText(c, row, big) {
  const t = c.target;
  if (!t || row.mbps === null) return '';
  if (big && t.rssMiB !== undefined) return `< ${t.rssMiB} MiB ${row.rssMiB === null ? '?' : row.rssMiB < t.rssMiB ? '✓' : '✗'}`;
  if (!big && t.ratio !== undefined) return `≥ ${t.ratio.toFixed(1)} ${row.ratio === null ? '?' : row.ratio >= t.ratio ? '✓' : '✗'}`;
  return '';
}

function summarize(corpus, contenders, results, big) {
  const rows = [];
  const floorId = big ? 'floor-stream' : 'floor';
  const floorRes = results.get(floorId);
  const floorMbps = floorRes?.walls.length ? corpus.bytes / MB / median(floorRes.walls) : null;
  const streamRes = results.get('floor-stream');
  const streamMbps = streamRes?.walls.length ? corpus.bytes / MB / median(streamRes.walls) : null;
  for (const c of contenders) {
    const res = results.get(c.id);
    const row = { id: c.id, label: c.label, peer: !!c.peer, mbps: null, ratio: null, rssMiB: null, walls: [], note: '' };
    if (res.skipped) {
      row.note = `skipped: ${res.skipped}`;
    } else if (!res.walls.length) {
      row.note = res.error ?? 'no successful run';
    } else {
      const wall = median(res.walls);
      row.walls = res.walls;
      row.wall = wall;
      row.mbps = corpus.bytes / MB / wall;
      row.ratio = floorMbps ? row.mbps / floorMbps : null;
      const rss = res.rss.filter((x) => x !== null);
      row.rssMiB = rss.length ? median(rss) / 1024 : null;
      if (!big && c.id.startsWith('om-stream') && streamMbps) res.streamRatio = row.mbps / streamMbps;
      row.note = noteFor(c, res, corpus);
      if (res.error) row.note += (row.note ? '; ' : '') + res.error;
    }
    row.target = targetText(c, row, big);
    rows.push(row);
  }
  return { floorId, rows };
}

// The diff tables compare times: "× parse both" = the median wall time ÷ that of om parse() of A and B in
// one process, same run (the target: om diff ≤ 1.5 ×). MB/s counts both inputs.
function summarizeDiff(corpus, contenders, results) {
  const rows = [];
  const refRes = results.get('parse-both');
  const refWall = refRes?.walls.length ? median(refRes.walls) : null;
  for (const c of contenders) {
    const res = results.get(c.id);
    const row = { id: c.id, label: c.label, peer: !!c.peer, mbps: null, wall: null, timeRatio: null, rssMiB: null, walls: [], note: '', target: '' };
    if (res.skipped) row.note = `skipped: ${res.skipped}`;
    else if (!res.walls.length) row.note = res.error ?? 'no successful run';
    else {
      row.walls = res.walls;
      row.wall = median(res.walls);
      row.mbps = corpus.bytes / MB / row.wall;
      row.timeRatio = refWall ? row.wall / refWall : null;
      const rss = res.rss.filter((x) => x !== null);
      row.rssMiB = rss.length ? median(rss) / 1024 : null;
      row.note = noteFor(c, res, corpus);
      if (res.error) row.note += (row.note ? '; ' : '') + res.error;
      const t = c.target?.timeRatio;
      if (t !== undefined) row.target = `≤ ${t.toFixed(1)} ${row.timeRatio === null ? '?' : row.timeRatio <= t ? '✓' : '✗'}`;
    }
    rows.push(row);
  }
  return { floorId: 'parse-both', rows };
}

function title(corpus, big, kind) {
  const name = corpus.format === 'openmetrics' ? 'OpenMetrics 1.0' : 'Prometheus text 0.0.4';
  if (kind === 'diff') {
    const a = corpus.a;
    return `Diff, ${name}, two ${corpus.sizeMB} MB scrapes (A ${a.bytes.toLocaleString('en')} + B ${corpus.b.bytes.toLocaleString('en')} bytes, ${a.lines.toLocaleString('en')} lines and ${a.families.toLocaleString('en')} families each)`;
  }
  return `${big ? 'Streaming, ' : ''}${name}, ${corpus.sizeMB} MB corpus (${corpus.bytes.toLocaleString('en')} bytes, ${corpus.lines.toLocaleString('en')} lines, ${corpus.families.toLocaleString('en')} families)`;
}

const HEAD = ['contender', 'MB/s', '× floor', 'target', 'peak RSS MiB', 'note'];
function cells(r) {
  return [r.label + (r.added ? ' †' : ''), fmt(r.mbps, 1), fmt(r.ratio, 2), r.target, fmt(r.rssMiB, 0), r.note];
}
const DIFF_HEAD = ['contender', 'MB/s (A+B)', 'seconds', '× parse both', 'target', 'peak RSS MiB', 'note'];
const DIFF_RIGHT = [1, 2, 3, 5];
function diffCells(r) {
  return [r.label, fmt(r.mbps, 1), fmt(r.wall, 2), fmt(r.timeRatio, 2), r.target, fmt(r.rssMiB, 0), r.note];
}

function printTable(corpus, summary, big, kind) {
  const diffKind = kind === 'diff';
  const head = diffKind ? DIFF_HEAD : HEAD;
  const right = diffKind ? DIFF_RIGHT : [1, 2, 4];
  const data = summary.rows.map(diffKind ? diffCells : cells);
  const widths = head.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)));
  const line = (cols) => cols.map((c, i) => (right.includes(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log('');
  console.log(title(corpus, big, kind) + `, median of ${summary.runs}` + (big ? '  [× floor = × streaming floor]' : ''));
  if (summary.reduced) console.log(`(${summary.reduced})`);
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const d of data) console.log(line(d));
}

function markdownTable(summary, kind) {
  const diffKind = kind === 'diff';
  const head = diffKind ? DIFF_HEAD : HEAD;
  const right = diffKind ? DIFF_RIGHT : [1, 2, 4];
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  const out = ['| ' + head.join(' | ') + ' |', '|' + head.map((_, i) => (right.includes(i) ? '---:' : '---')).join('|') + '|'];
  for (const r of summary.rows) {
    const c = (diffKind ? diffCells : cells)(r).map(esc);
    if (r.id.startsWith('om-') || r.id === 'parse-both') c[0] = `**${c[0]}**`;
    out.push('| ' + c.join(' | ') + ' |');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

const log = (m) => process.stderr.write(m + '\n');
const started = new Date();
if (!fromJson) log(`om bench: sizes ${sizes.length ? sizes.join(', ') + ' MB' : 'none'}${opts.big ? ` + ${bigSize} MB streaming` : ''}${opts.diff ? ` + diff of 2 × ${diffSize} MB` : ''}; formats ${formats.join(', ')}; ${runs} run(s) each; corpora in ${cacheDir()}`);
if (!fromJson) log(`peak RSS from ${haveTime ? '/usr/bin/time -f %M' : "each child's own resource usage (install /usr/bin/time for promtool's: apt-get install -y time)"}`);
if (!omExports && !fromJson) log(`om rows skipped: ${omMissing}`);
if (!existsSync(CLI) && !fromJson && [...selected, ...(opts.diff ? selectedDiff : [])].some((c) => c.cli)) log(`om CLI rows skipped: ${cliMissing}`);

const plan = [];
if (!fromJson) for (const size of sizes) for (const format of formats) plan.push({ size, format, big: false });
if (opts.big && !fromJson) for (const format of formats) plan.push({ size: bigSize, format, big: true });
if (opts.diff && !fromJson) for (const format of formats) plan.push({ size: diffSize, format, big: false, kind: 'diff' });

// Time budget (only when --runs is not given): each regular corpus gets a share proportional to its
// size plus 10 MB (start-up costs the same at every size).
const budgetMs = Number(opts['max-minutes']) * 60_000;
const weight = (size) => size + 10;
const plannedWeight = plan.filter((p) => !p.big && !p.kind).reduce((a, p) => a + weight(p.size), 0);

const results = fromJson ? fromJson.results : [];
if (fromJson) for (const r of results) printTable(r.corpus, { rows: r.rows, runs: r.runs, reduced: r.runsReduced }, r.big, r.kind);
for (const item of plan) {
  const diffKind = item.kind === 'diff';
  const contenders = (diffKind ? selectedDiff : selected).filter((c) => c.formats.includes(item.format) && (!item.big || BIG_IDS.includes(c.id)));
  if (!contenders.length) continue;
  let corpus;
  if (diffKind) {
    const a = ensureCorpus(item.format, item.size, { seed, log });
    const b = ensureCorpus(item.format, item.size, { seed, log, perturb: DIFF_PERTURB });
    corpus = { format: item.format, sizeMB: item.size, bytes: a.bytes + b.bytes, file: a.file, fileB: b.file, a, b };
  } else corpus = ensureCorpus(item.format, item.size, { seed, log });
  const state = new Map();
  for (const c of contenders) {
    const avail = c.available(corpus);
    state.set(c.id, { skipped: avail === true ? null : avail, walls: [], rss: [], failures: 0, last: null, error: null });
  }
  warm(corpus.file);
  if (corpus.fileB) warm(corpus.fileB);
  const active = contenders.filter((c) => !state.get(c.id).skipped);
  let corpusRuns = item.big ? Number(opts['big-runs']) : runs;
  let reduced = null;
  for (let r = 0; r < corpusRuns; r++) {
    const roundStart = performance.now();
    for (const c of active) {
      const st = state.get(c.id);
      if (st.skipped || (st.error && !st.walls.length)) continue; // failed on its first run: don't repeat
      const res = await runOnce(c, corpus);
      log(`  ${diffKind ? 'diff ' : ''}${item.format} ${item.size} MB  run ${r + 1}/${corpusRuns}  ${c.id.padEnd(18)} ${res.ok ? res.wall.toFixed(2) + ' s' + (res.rssKiB ? `  ${(res.rssKiB / 1024).toFixed(0)} MiB` : '') : res.note}`);
      if (res.skip) {
        st.skipped = res.note;
        continue;
      }
      if (!res.ok) {
        st.failures++;
        st.error = res.note;
        continue;
      }
      st.walls.push(res.wall);
      st.rss.push(res.rssKiB);
      st.last = res;
    }
    if (r === 0 && !opts.runs && !item.big && !diffKind && runs > 1) {
      const share = (budgetMs * weight(item.size)) / plannedWeight;
      const roundMs = performance.now() - roundStart;
      const allowed = Math.max(1, Math.floor(share / roundMs));
      // (the first round counts as one of the allowed runs)
      if (allowed < runs) {
        corpusRuns = allowed;
        reduced = `${allowed} run${allowed > 1 ? 's' : ''} instead of ${runs}: one round took ${(roundMs / 1000).toFixed(0)} s of this corpus's ${(share / 1000).toFixed(0)} s share of --max-minutes ${opts['max-minutes']} (give --runs to force)`;
        log(`  ${reduced}`);
      }
    }
  }
  const summary = diffKind ? summarizeDiff(corpus, contenders, state) : summarize(corpus, contenders, state, item.big);
  summary.runs = corpusRuns;
  summary.reduced = reduced;
  printTable(corpus, summary, item.big, item.kind);
  const meta = (c) => ({ format: c.format, sizeMB: c.sizeMB, bytes: c.bytes, lines: c.lines, families: c.families, samples: c.samples, file: c.file });
  results.push({
    ...(diffKind ? { kind: 'diff' } : {}),
    corpus: diffKind ? { format: corpus.format, sizeMB: corpus.sizeMB, bytes: corpus.bytes, a: meta(corpus.a), b: { ...meta(corpus.b), perturb: DIFF_PERTURB } } : meta(corpus),
    big: item.big,
    date: new Date().toISOString(),
    parser: parserLabel,
    runs: corpusRuns,
    runsReduced: reduced,
    floor: summary.floorId,
    rows: summary.rows,
  });
}

// ---------------------------------------------------------------------------------------------
// Machine, JSON, Markdown

const cpuModel = (() => {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model;
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
})();
const machine = {
  cpu: cpuModel,
  cores: cpus().length,
  memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  kernel: release(),
  node: process.version,
  promtool: promtoolVersion,
  python: pythonVersions?.[0] ?? null,
  prometheusClient: pythonVersions?.[1] ?? null,
  parsePrometheusTextFormat: pptVersion,
  diff: diffVersion,
  rssSource: haveTime ? '/usr/bin/time -f %M' : 'self-reported maxRSS',
};
const command = `${process.env.npm_lifecycle_event === 'bench' ? 'pnpm bench' : 'node packages/parser/bench/bench.mjs'}${argv.length ? ' ' + argv.join(' ') : ''}`;
machine.parser = parserLabel;
const meta = fromJson
  ? { date: fromJson.date, command: fromJson.command, runs: fromJson.runs, seed: fromJson.seed, generatorVersion: fromJson.generatorVersion, machine: fromJson.machine, mergedFrom: fromJson.mergedFrom }
  : { date: started.toISOString(), command, runs, seed, generatorVersion: GENERATOR_VERSION, machine };

// --merge-json: earlier results, with the corpora measured now replacing theirs.
if (opts['merge-json'] && !fromJson) {
  const prev = JSON.parse(readFileSync(resolve(opts['merge-json']), 'utf8'));
  const key = (r) => `${r.kind ?? ''}/${r.corpus.format}/${r.corpus.sizeMB}/${r.big ? 'big' : ''}`;
  const fresh = new Map(results.map((r) => [key(r), r]));
  const stamp = (r) => ({ ...r, date: r.date ?? prev.date, parser: r.parser ?? prev.machine?.parser ?? null });
  const merged = prev.results.map((old) => {
    const f = fresh.get(key(old));
    if (!f) return stamp(old);
    // A run of some contenders only: its rows join the earlier table, which keeps its other rows.
    const partial = old.rows.some((o) => !f.rows.some((n) => n.id === o.id));
    return partial ? addRows(stamp(old), f) : f;
  });
  for (const r of results) if (!prev.results.some((p) => key(p) === key(r))) merged.push(r);
  const rank = (r) => (r.kind === 'diff' ? 2 : r.big ? 1 : 0);
  merged.sort((a, b) => rank(a) - rank(b));
  results.splice(0, results.length, ...merged);
  meta.mergedFrom = { command: prev.mergedFrom?.command ?? prev.command, date: prev.mergedFrom?.date ?? prev.date };
}

/**
 * The rows of a later run of some contenders, added to (or replacing theirs in) an earlier table. The
 * earlier floor stays when it was measured; the new rows keep their × floor from their own run, against
 * that run's floor, which the table states (`additions`).
 */
function addRows(old, f) {
  const keepFloor = old.rows.some((r) => r.id === old.floor && r.mbps !== null);
  const freshFloor = f.rows.find((r) => r.id === f.floor);
  const rows = f.rows.filter((r) => !(keepFloor && r.id === f.floor)).map((r) => ({ ...r, added: f.date }));
  const addedIds = rows.map((r) => r.id);
  const order = (id) => (ids.includes(id) ? ids.indexOf(id) : ids.length);
  const merged = old.rows.filter((r) => !addedIds.includes(r.id)).concat(rows).sort((a, b) => order(a.id) - order(b.id));
  const additions = (old.additions ?? [])
    .map((a) => ({ ...a, ids: a.ids.filter((id) => !addedIds.includes(id)) }))
    .filter((a) => a.ids.length);
  additions.push({ date: f.date, parser: f.parser, runs: f.runs, runsReduced: f.runsReduced, ids: addedIds, floorMbps: keepFloor ? (freshFloor?.mbps ?? null) : null });
  return { ...old, rows: merged, additions };
}

if (opts.json) {
  if (!fromJson) writeFileSync(resolve(opts.json), JSON.stringify({ ...meta, results }, null, 2) + '\n');
  log(`\nwrote ${opts.json}`);
}

if (opts.markdown) {
  const file = resolve(opts['markdown-file'] ?? join(REPO, 'docs/benchmarks.md'));
  mkdirSync(dirname(file), { recursive: true });
  // Hand-written notes between the markers survive a rerun.
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const kept = /<!-- notes -->[\s\S]*?<!-- \/notes -->/.exec(previous)?.[0];
  const keptTargets = /<!-- targets -->[\s\S]*?<!-- \/targets -->/.exec(previous)?.[0]; // pnpm bench --targets
  const keptSizes = /<!-- bundle-sizes -->[\s\S]*?<!-- \/bundle-sizes -->/.exec(previous)?.[0]; // scripts/bundle-size.mjs
  writeFileSync(file, markdown(kept, [keptTargets, keptSizes].filter(Boolean).join('\n\n') || undefined));
  log(`wrote ${relative(process.cwd(), file) || file}`);
}

function targetSummary() {
  const rows = [];
  const pick = (res, id) => res.rows.find((r) => r.id === id);
  for (const res of results) {
    if (res.big || res.kind) continue;
    const peers = res.rows.filter((r) => r.peer && r.ratio !== null);
    const best = peers.length ? Math.max(...peers.map((r) => r.ratio)) : null;
    const cell = (id, goal) => {
      const r = pick(res, id);
      if (!r || r.ratio === null) return '–';
      return `${r.ratio.toFixed(2)} ${r.ratio >= goal ? '✓' : '✗'}`;
    };
    const at = meta.mergedFrom && res.parser ? ` (at \`${res.parser.split(' ')[0]}\`)` : '';
    const promtool = pick(res, 'promtool');
    rows.push(`| ${res.corpus.format} ${res.corpus.sizeMB} MB${at} | ${cell('om-validate', 0.8)} | ${cell('om-stream-validate', 0.8)} | ${cell('om-parse', 0.6)} | ${cell('om-lint', 0.5)} | ${cell('om-lint-lib', 0.5)} | ${promtool?.ratio != null ? promtool.ratio.toFixed(2) : '–'} | ${best === null ? '–' : best.toFixed(2)} |`);
  }
  const diffs = [];
  for (const res of results) {
    if (res.kind !== 'diff') continue;
    const r = pick(res, 'om-diff');
    const ref = pick(res, 'parse-both');
    const du = pick(res, 'diff-u');
    const s = (x) => (x?.wall != null ? `${x.wall.toFixed(2)} s` : '–');
    const ratio = r?.timeRatio != null ? `${r.timeRatio.toFixed(2)} ${r.timeRatio <= 1.5 ? '✓' : '✗'}` : '–';
    diffs.push(`| ${res.corpus.format} 2 × ${res.corpus.sizeMB} MB | ${s(r)} | ${s(ref)} | ${ratio} | ${s(du)} |`);
  }
  const streaming = [];
  for (const res of results) {
    if (!res.big) continue;
    const cell = (x) =>
      x && x.mbps !== null
        ? `${x.mbps.toFixed(1)} MB/s (${x.ratio === null ? '–' : x.ratio.toFixed(2)} × stream floor), ${x.rssMiB === null ? '?' : x.rssMiB.toFixed(0)} MiB ${x.rssMiB !== null && x.rssMiB < 500 ? '✓' : '✗'}`
        : x?.note || '–';
    const at = meta.mergedFrom && res.parser ? ` (at \`${res.parser.split(' ')[0]}\`)` : '';
    streaming.push(`| ${res.corpus.format} ${(res.corpus.bytes / 1e9).toFixed(2)} GB${at} | ${cell(pick(res, 'om-stream-validate'))} | ${cell(pick(res, 'om-stream'))} |`);
  }
  return { rows, streaming, diffs };
}

function markdown(notes, targetsBlock) {
  const m = meta.machine;
  const { command, runs } = meta;
  const out = [];
  out.push('# Benchmarks', '');
  out.push('Generated by `pnpm bench` (`packages/parser/bench/bench.mjs`); rerun it rather than editing by hand.');
  out.push('Benchmarks are not tests and never gate CI.', '');
  out.push(`- **Date:** ${meta.date.slice(0, 16).replace('T', ' ')} UTC`);
  out.push(`- **Command:** \`${command}\`${meta.mergedFrom ? `, merged into the results of \`${meta.mergedFrom.command}\` (${meta.mergedFrom.date.slice(0, 16).replace('T', ' ')} UTC); each table says when it was measured` : ''}`);
  out.push(`- **Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Linux ${m.kernel} — shared with other builds and tests while measuring, so absolute MB/s are noisy; compare the ratios`);
  out.push(`- **Software:** Node ${m.node}; promtool ${m.promtool ?? '(not installed)'}; Python ${m.python ?? '–'} prometheus_client ${m.prometheusClient ?? '(not installed)'}; parse-prometheus-text-format ${m.parsePrometheusTextFormat ?? '(not installed)'}${m.diff ? `; GNU diff ${m.diff}` : ''}`);
  if (m.parser && meta.mergedFrom) out.push(`- **@omkit/parser:** each table names the commit it measured; the latest run built \`packages/parser/src\` at ${m.parser.replace(/^(\S+)/, '`$1`')}`);
  else if (m.parser) out.push(`- **@omkit/parser:** built from \`packages/parser/src\` at ${m.parser.replace(/^(\S+)/, '`$1`')}`);
  out.push(`- **Runs:** median of ${runs} per cell unless the table says otherwise, each a fresh process; peak RSS from ${m.rssSource}`);
  out.push('');
  if (targetsBlock) out.push(targetsBlock, '');
  out.push('## How to read it', '');
  out.push('- **MB/s** = corpus bytes ÷ 10⁶ ÷ the median whole-process wall time (process start, read, parse, exit) — a');
  out.push('  command-line view, so the 1 MB rows are dominated by start-up (Node ≈ 40 ms, Python and promtool similar).');
  out.push('- **× floor** = MB/s ÷ the floor\'s MB/s in the same run. The floor is the least any JS parser of a whole');
  out.push('  text must do: `readFileSync(file, "utf8").split("\\n")`. Absolute MB/s on these shared machines move');
  out.push('  several-fold between days; ratios measured side by side much less. In the streaming tables the');
  out.push('  reference is the streaming floor (`createReadStream` chunks → `TextDecoder` → split lines), since no');
  out.push('  string can hold 1 GB.');
  out.push('- **Targets** (issue 2 §5): the validating path (`validate()`, `parseStream({ model: false })`) ≥ 0.8 × floor;');
  out.push('  `parse()` with the whole model ≥ 0.6 × floor; streaming a 1 GB exposition in < 500 MiB peak RSS. Issue 3');
  out.push('  §Performance: lint with every rule ≥ 0.5 × floor. Issue 6: `om diff` of 2 × 50 MB ≤ 1.5 × the time of parsing both.');
  out.push('- **om validate(bytes)** reads the file as bytes (`readFileSync(file)`) and validates them: well-formed input');
  out.push('  is checked without being decoded (`src/scan/certify.ts`), as `parseStream({ model: false })` checks byte chunks.');
  out.push('  **om validate(text)** is given the decoded string, as the floor is, and reads it with the full reader.');
  out.push('- **om lint** rows: the whole CLI, `node apps/om/dist/bin.js lint --format json --preset strict FILE` with stdout');
  out.push('  to /dev/null (exit 0, or 1 when a finding reaches `--fail-on`: both valid timings; 2 is a failure). Above 64 MiB the CLI streams');
  out.push('  the input family by family. `om parse() + lint()` is the library: `lint(parse(text), { config: { extends:');
  out.push('  \'strict\' } })` with the bundles `@omkit/lint` and `@omkit/parser` export, in one process.');
  out.push('- **Diff** tables: A is the corpus of the seed, B the same families and series with ' + DIFF_PERTURB * 100 + ' % of the series\'');
  out.push('  values changed (counters grow, gauges move, histograms and summaries gain observations: a later scrape).');
  out.push('  `om diff --format json A B` and `diff -u A B` (stdout to /dev/null) are timed against `om parse()` of A');
  out.push('  and B in one process; "× parse both" is a ratio of times (lower is better), MB/s counts both inputs.');
  out.push('- **Corpora** (`packages/parser/bench/corpus.mjs`, seeded, cached in `$TMPDIR/om-bench/`): federation-style');
  out.push('  node_exporter scrapes — counters, gauges, histograms with `le` buckets, summaries with quantiles, info,');
  out.push('  labels with escapes and UTF-8; the OpenMetrics corpus adds `# UNIT`, `_created`, exemplars, stateset,');
  out.push('  float timestamps and `# EOF`. promtool exits 3 on them (lint findings: node_exporter\'s camelCase memory');
  out.push('  names, a family without HELP) — still a complete parse, so still a valid timing.');
  out.push('- Peers hold the whole input in memory; promtool parses Prometheus text only (stdin), as does');
  out.push('  parse-prometheus-text-format; Python\'s prometheus_client has a parser for each format.');
  out.push('');
  const ts = targetSummary();
  if (ts.rows.length || ts.streaming.length || ts.diffs.length) out.push('## Targets at a glance', '');
  if (ts.rows.length) {
    const later = results.some((r) => r.additions?.length);
    out.push(`Throughput as × floor, same run${later ? ' (rows marked † in the tables below come from a later run, against its own floor)' : ''}:`, '');
    out.push('| corpus | validate(bytes) ≥ 0.8 | parseStream({model:false}) ≥ 0.8 | parse() ≥ 0.6 | om lint (CLI) ≥ 0.5 | parse() + lint() ≥ 0.5 | promtool | best peer |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    out.push(...ts.rows, '');
  }
  if (ts.diffs.length) {
    out.push('`om diff` of two scrapes, median wall time, ≤ 1.5 × parsing both:', '');
    out.push('| corpus | om diff | om parse() of both | om diff ÷ parse both ≤ 1.5 | diff -u |');
    out.push('|---|---:|---:|---:|---:|');
    out.push(...ts.diffs, '');
  }
  if (ts.streaming.length) {
    out.push('Streaming a 1 GB exposition, peak RSS < 500 MiB:', '');
    out.push('| corpus | parseStream({ model: false }) | parseStream() (families) |');
    out.push('|---|---|---|');
    out.push(...ts.streaming, '');
  }
  for (const res of results) {
    const c = res.corpus;
    out.push(`## ${title(c, res.big, res.kind)}`, '');
    const when = meta.mergedFrom && res.date ? `Measured ${res.date.slice(0, 16).replace('T', ' ')} UTC, @omkit/parser at \`${(res.parser ?? '?').split(' ')[0]}\`. ` : '';
    out.push(`${when}Median of ${res.runs} run${res.runs > 1 ? 's' : ''}${res.runsReduced ? ` (${res.runsReduced})` : ''}.${res.big ? ' × floor is relative to the streaming floor here.' : ''}`);
    for (const a of res.additions ?? []) {
      const labels = a.ids.map((id) => res.rows.find((r) => r.id === id)?.label ?? id).join(', ');
      out.push(
        `† ${labels}: added ${a.date.slice(0, 16).replace('T', ' ')} UTC (@omkit/parser at \`${(a.parser ?? '?').split(' ')[0]}\`), median of ${a.runs}${a.runsReduced ? ` (${a.runsReduced})` : ''}` +
          (a.floorMbps != null ? `; × floor against the floor of that run, ${a.floorMbps.toFixed(1)} MB/s.` : '.'),
      );
    }
    out.push('');
    out.push(markdownTable({ rows: res.rows }, res.kind), '');
  }
  out.push('## Notes', '');
  out.push(notes ?? '<!-- notes -->\nHand-written observations go between these markers; `--markdown` keeps them.\n<!-- /notes -->', '');
  out.push('## Running it', '');
  out.push('```sh');
  out.push('pnpm bench                      # 1, 10, 50, 200 MB × both formats, median of 3 (≈ 12 min on 2 cores)');
  out.push('pnpm bench --quick              # 1 and 10 MB, 1 run (< 1 min)');
  out.push('pnpm bench --big                # add the 1 GB streaming rows');
  out.push('pnpm bench --diff               # add the diff tables (om diff vs diff -u on 2 × 50 MB, ≈ 1.5 min)');
  out.push('pnpm bench --targets --profile --json t.json --markdown   # the "Issue targets" section only (≈ 8 min)');
  out.push('pnpm bench --sizes 10,50 --runs 5 --formats openmetrics --only floor,om-parse,python');
  out.push('pnpm bench --json out.json --markdown   # results as JSON; rewrite this file');
  out.push('pnpm bench --from-json out.json --markdown                  # render saved results again');
  out.push('pnpm bench --big --sizes 0 --merge-json out.json --json new.json --markdown   # remeasure some corpora');
  out.push('pnpm bench --only floor,om-lint --merge-json out.json --json new.json --markdown   # add or remeasure some rows');
  out.push('```', '');
  out.push('Peers that are missing are skipped with the command that installs them:');
  out.push('`apt-get install -y prometheus python3-prometheus-client time` (Debian: promtool, the Python client, /usr/bin/time).');
  out.push('');
  return out.join('\n');
}
