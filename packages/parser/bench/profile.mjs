// Where `om lint`'s time goes: `node --cpu-prof` on one whole run of the CLI, summarised as the share of
// self time per part (start-up and module loading, parser, lint rules, CLI and formatting, GC) and the
// top self-time functions. Used by `pnpm bench --targets --profile`; alone:
//   node packages/parser/bench/profile.mjs FILE [NODE]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(REPO, 'apps/om/dist/bin.js');

/** The part of the code a profile node belongs to, by its script's URL. */
function part(cf) {
  const u = cf.url;
  if (cf.functionName === '(garbage collector)') return 'GC';
  if (cf.functionName === '(program)') return 'V8 (compiling, runtime)';
  if (cf.functionName === '(idle)') return 'idle (I/O waits)';
  if (!u || u.startsWith('node:')) return 'Node internals (module loader, fs, streams)';
  if (u.includes('/packages/parser/')) return 'parser';
  if (u.includes('/packages/lint/')) return 'lint rules';
  if (u.includes('/apps/om/')) return 'CLI (options, input, formatting)';
  if (u.includes('/node_modules/')) return 'dependencies';
  return 'other';
}

export function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  let firstParse = null;
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // ms spent in sample i
    const n = byId.get(profile.samples[i]);
    self.set(n.id, (self.get(n.id) ?? 0) + dt);
    if (firstParse === null && n.callFrame.url.includes('/packages/parser/') && n.callFrame.functionName) firstParse = t;
    t += dt;
    total += dt;
  }
  const parts = new Map();
  const fns = new Map();
  for (const [id, ms] of self) {
    const cf = byId.get(id).callFrame;
    const p = part(cf);
    parts.set(p, (parts.get(p) ?? 0) + ms);
    const key = `${cf.functionName || '(top level)'} ${cf.url ? basename(cf.url) + ':' + (cf.lineNumber + 1) : ''}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + ms);
  }
  const sort = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalMs: total, beforeParseMs: firstParse, parts: sort(parts), top: sort(fns).slice(0, 12) };
}

/** Profiles one `om lint FILE` run with `node` (stdout discarded). */
export function profileLint(file, node = process.execPath) {
  const dir = mkdtempSync(join(tmpdir(), 'om-prof-'));
  try {
    const t = process.hrtime.bigint();
    spawnSync(node, ['--cpu-prof', '--cpu-prof-dir', dir, CLI, 'lint', file], { stdio: ['ignore', 'ignore', 'ignore'] });
    const wall = Number(process.hrtime.bigint() - t) / 1e6;
    const f = readdirSync(dir).find((x) => x.endsWith('.cpuprofile'));
    return { file, wallMs: wall, ...summarise(JSON.parse(readFileSync(join(dir, f), 'utf8'))) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function profileMarkdown(title, s) {
  const pct = (ms) => `${((100 * ms) / s.totalMs).toFixed(0)} %`;
  const out = [`**Profile: ${title}** (\`node --cpu-prof\`, one run, ${s.wallMs.toFixed(0)} ms wall, ${s.totalMs.toFixed(0)} ms sampled; before the parser's first function: ${s.beforeParseMs === null ? '–' : s.beforeParseMs.toFixed(0) + ' ms'})`, ''];
  out.push('| part | self time | share |', '|---|---:|---:|');
  for (const [p, ms] of s.parts) out.push(`| ${p} | ${ms.toFixed(0)} ms | ${pct(ms)} |`);
  out.push('', '| top self-time functions | self time | share |', '|---|---:|---:|');
  for (const [f, ms] of s.top) out.push(`| \`${f.replace(/\|/g, '\\|')}\` | ${ms.toFixed(0)} ms | ${pct(ms)} |`);
  return out.join('\n');
}

/** The profiles `pnpm bench --targets --profile` adds: the real scrape and the 35 MB corpus. */
export function profileSummaries(res) {
  const out = [];
  const small = res.rows.small[0];
  const a = profileLint(small.file);
  out.push({ ...a, markdown: profileMarkdown(`\`om lint\` ${small.label} on Node ${process.version}`, a) });
  const b = profileLint(res.rows.big.file);
  out.push({ ...b, markdown: profileMarkdown(`\`om lint\` ${(res.rows.big.bytes / 1e6).toFixed(1)} MB on Node ${process.version}`, b) });
  const one = res.rows.oneSample;
  if (one.file) {
    const c = profileLint(one.file);
    out.push({ ...c, markdown: profileMarkdown(`\`om lint\` 1M one-sample families on Node ${process.version}`, c) });
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = profileLint(resolve(process.argv[2]), process.argv[3]);
  console.log(profileMarkdown(`\`om lint\` ${basename(s.file)}`, s));
}
