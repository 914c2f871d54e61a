// @omkit/lint in a real browser: Debian's chromium (installed by .ci/run) driven by playwright-core
// loads the BUILT main entry as published (resolved through package.json `exports`) as plain ES
// modules, its dependencies mapped by an import map to their own ESM entries, served from loopback.
// Nothing is bundled for the page: a CommonJS-only or `node:` import reachable from the entry fails
// to load here, as it would for any user. Under CI=true a missing browser fails the test; elsewhere
// it is skipped with the reason, as the exporter tests are.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.OM_TEST_CHROMIUM ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const LINT_DIR = fileURLToPath(new URL('..', import.meta.url));

type Exports = string | null | { [key: string]: Exports } | Exports[];
interface Manifest {
  name: string;
  exports?: Exports;
  module?: string;
  main?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** The target of an `exports` entry under a browser's conditions, as a bundler for browsers picks it. */
function pick(target: Exports | undefined, conditions: readonly string[]): string | undefined {
  if (typeof target === 'string') return target;
  if (target === null || target === undefined) return undefined;
  if (Array.isArray(target)) {
    for (const t of target) {
      const found = pick(t, conditions);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, value] of Object.entries(target)) {
    if (!conditions.includes(key)) continue;
    const found = pick(value, conditions);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A package's main entry for a browser's `import`: `exports["."]`, else `module`, else `main`. */
function browserEntry(dir: string): string {
  const m = manifest(dir);
  const conditions = ['browser', 'import', 'module', 'default'];
  let entry: string | undefined;
  if (m.exports !== undefined && m.exports !== null) {
    // `exports` is either the "." entry itself or a map of subpaths.
    const subpaths = typeof m.exports === 'object' && !Array.isArray(m.exports) && Object.keys(m.exports).some((k) => k.startsWith('.'));
    entry = pick(subpaths ? (m.exports as Record<string, Exports>)['.'] : m.exports, conditions);
    if (entry === undefined) throw new Error(`${m.name} exports no "." entry for ${conditions.join(', ')}`);
  } else {
    entry = m.module ?? m.main ?? 'index.js';
  }
  return join(dir, entry);
}

/** Where `import(name)` from a module in `from` finds the package: node_modules up the tree (peer dependencies included). */
function packageDir(name: string, from: string): string {
  for (let d = from; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(d) === d) throw new Error(`${name} is not installed (imported from ${from})`);
  }
}

/**
 * @omkit/lint and every package its main entry can import at run time (dependencies and required
 * peer dependencies, transitively), each with its directory and browser entry.
 */
function runtimePackages(): Map<string, { dir: string; entry: string }> {
  const found = new Map<string, { dir: string; entry: string }>();
  const visit = (name: string, dir: string) => {
    if (found.has(name)) return;
    found.set(name, { dir, entry: browserEntry(dir) });
    const m = manifest(dir);
    const peers = Object.keys(m.peerDependencies ?? {}).filter((p) => !m.peerDependenciesMeta?.[p]?.optional);
    for (const dep of [...Object.keys(m.dependencies ?? {}), ...peers]) {
      visit(dep, realpathSync(packageDir(dep, dir)));
    }
  };
  visit('@omkit/lint', realpathSync(LINT_DIR));
  return found;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };

/** An exposition with findings in several rules, two of them decided by globs in the config. */
const SAMPLE = `# HELP http_requests Requests served.
# TYPE http_requests counter
http_requests_total{code="200",instance_id="7f3e9a1c-4b2d-4c1e-9f00-aa11bb22cc33"} 1027
http_requests_total{code="500",instance_id="7f3e9a1c-4b2d-4c1e-9f00-aa11bb22cc34"} 3
# TYPE processMemoryBytes gauge
processMemoryBytes 1.2e6
# TYPE node_memory_MemTotal_bytes gauge
node_memory_MemTotal_bytes 8e9
# TYPE queue_depth gauge
queue_depth{env="prod"} 4 1700000000000
queue_depth{env="prod"} 5
# TYPE build gauge
build{version="1.2.3"} 1
# EOF
`;
const CONFIGS: Record<string, unknown> = {
  default: {},
  globs: {
    extends: 'strict',
    rules: { 'snake-case-name': { options: { allow: ['node_memory_*'] } } },
    ignore: [{ rule: '*', metric: '{build,build_info}' }],
  },
};

interface Finding {
  code: string;
  name: string;
  severity: string;
  line: number | undefined;
  column: number | undefined;
  message: string;
}

// The same function runs in Node and, as source text, in the page (no bundler touches it there).
const RUN = `async (parser, lintApi, text, configs) => {
  const out = {};
  for (const [name, config] of Object.entries(configs)) {
    const result = parser.parse(text);
    out[name] = lintApi.lint(result, { config, source: 'sample.om' }).map((d) => ({
      code: d.code, name: d.name, severity: d.severity,
      line: d.span?.start.line, column: d.span?.start.column, message: d.message,
    }));
  }
  try {
    lintApi.resolveConfig({ rules: { 'no-such-rule': 'error' } });
    out.configError = 'none';
  } catch (e) {
    out.configError = (e instanceof lintApi.ConfigError ? 'ConfigError: ' : 'other: ') + e.message;
  }
  return out;
}`;

describe.skipIf(!present && !inCi)(`@omkit/lint in Chromium${present ? '' : ` (skipped: ${CHROMIUM} is not installed)`}`, () => {
  const packages = runtimePackages();
  const roots = [...packages.values()].map((p) => p.dir + sep);
  const requests: string[] = [];
  let server: Server | undefined;
  let browser: Browser | undefined;
  let origin = '';

  const urlOf = (file: string) => `${origin}/fs${pathToFileURL(file).pathname}`;

  beforeAll(async () => {
    if (!present) return;
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      if (path === '/') {
        const imports = Object.fromEntries([...packages].map(([name, p]) => [name, urlOf(p.entry)]));
        const html = `<!doctype html><meta charset="utf-8"><title>om lint</title><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports })}</script>
<script type="module">
  import * as parser from '@omkit/parser';
  import * as lintApi from '@omkit/lint';
  const run = ${RUN};
  window.runLint = (text, configs) => run(parser, lintApi, text, configs);
  document.title = 'loaded';
</script>`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return;
      }
      // Only files inside the runtime packages' directories are served.
      const file = path.startsWith('/fs/') ? path.slice(3) : '';
      if (!roots.some((r) => file.startsWith(r)) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('loads the published main entry, whose runtime dependencies are all ES modules', () => {
    const lint = packages.get('@omkit/lint')!;
    const exported = (manifest(LINT_DIR).exports as Record<string, Record<string, string>>)['.']!.default!;
    expect(lint.entry).toBe(join(realpathSync(LINT_DIR), exported));
    expect(existsSync(lint.entry), `${lint.entry} is not built (run pnpm build)`).toBe(true);
    expect([...packages.keys()].sort()).toEqual(['@omkit/lint', '@omkit/parser', '@valibot/to-json-schema', 'valibot']);
  });

  it('lints a sample with the same findings as Node', async () => {
    if (!present) throw new Error(`${CHROMIUM} is not installed (.ci/run installs chromium)`);
    const page = await browser!.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() !== 200) problems.push(`${r.status()}: ${r.url()}`);
    });
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(origin)) elsewhere.push(r.url());
    });
    await page.goto(`${origin}/`);
    // A module that fails to load leaves the title unset; the problems say why.
    await page.waitForFunction(`document.title === 'loaded'`, undefined, { timeout: 15_000 }).catch(() => {});
    expect(problems).toEqual([]);
    expect(await page.title()).toBe('loaded');

    const inBrowser = (await page.evaluate(`window.runLint(${JSON.stringify(SAMPLE)}, ${JSON.stringify(CONFIGS)})`)) as Record<string, Finding[] | string>;
    // Node runs the same built entry, through the same function.
    const run = new Function(`return ${RUN}`)() as (...a: unknown[]) => Promise<Record<string, Finding[] | string>>;
    const parser: unknown = await import(pathToFileURL(packages.get('@omkit/parser')!.entry).href);
    const lintApi: unknown = await import(pathToFileURL(packages.get('@omkit/lint')!.entry).href);
    const inNode = await run(parser, lintApi, SAMPLE, CONFIGS);
    expect(inBrowser).toEqual(inNode);

    const brief = (fs: Finding[] | string | undefined) => (fs as Finding[]).map((f) => `${f.line} ${f.code} ${f.name}`);
    // Findings of several rules, a parser error among them, in both configs.
    expect(brief(inBrowser.default)).toEqual(expect.arrayContaining(['3 OM221 no-id-label-value', '5 OM208 snake-case-name', '7 OM208 snake-case-name', '11 OM124 mixed-timestamps', '12 OM200 help-text']));
    // The config's globs (picomatch, bundled into the entry) decide: `node_memory_*` allows the
    // camelCase name on line 7, `{build,build_info}` ignores every rule on `build` (lines 12–13).
    expect(brief(inBrowser.globs)).toEqual(expect.arrayContaining(['3 OM221 no-id-label-value', '5 OM208 snake-case-name', '11 OM124 mixed-timestamps']));
    expect(brief(inBrowser.globs)).not.toContain('7 OM208 snake-case-name');
    expect((inBrowser.globs as Finding[]).filter((f) => (f.line ?? 0) >= 12)).toEqual([]);
    expect(inBrowser.configError).toMatch(/^ConfigError: /);

    // The page loaded the published entry and its chunk, from loopback only.
    expect(requests).toContain(`/fs${packages.get('@omkit/lint')!.entry}`);
    expect(requests).toContain(`/fs${join(dirname(packages.get('@omkit/lint')!.entry), 'om-lint-shared.js')}`);
    expect(elsewhere).toEqual([]);
    await page.close();
  }, 60_000);
});
