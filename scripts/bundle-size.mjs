#!/usr/bin/env node
// Browser bundle sizes of @omkit/parser and @omkit/lint (issue 15): each entry bundled for the browser
// by rolldown (ESM, tree-shaken, minified by its oxc minifier), measured raw, minified, gzip -9 and
// brotli -11; where the bytes go (per package, after tree-shaking); what chevrotain and its lodash-es
// cost and which lodash functions survive; what the first load would be if the grammar path were
// loaded only when a line needs it. Needs the built packages (`pnpm build`). Never a CI gate.
//
//   node scripts/bundle-size.mjs               print the tables
//   node scripts/bundle-size.mjs --markdown    also rewrite docs/benchmarks.md's generated part of §Bundle sizes
//   node scripts/bundle-size.mjs --chevrotain DIR
//        adds a row with the chevrotain installed under DIR (e.g. `npm i --prefix /tmp/c12 chevrotain@12.0.0
//        --engine-strict=false`, outside the repository) in place of the parser's own
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const PARSER = join(root, 'packages/parser');
const LINT = join(root, 'packages/lint');
const require = createRequire(join(LINT, 'package.json'));
const { rolldown, VERSION: ROLLDOWN_VERSION } = await import(pathToFileURL(require.resolve('rolldown')).href);

/** A package's main entry as its package.json `exports["."]` publishes it. */
const published = (dir) => join(dir, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports['.'].default);
const PARSER_ENTRY = published(PARSER);
const LINT_ENTRY = published(LINT);
// The modules tsc wrote, which the published bundles are made of: per-module attribution needs them.
const PARSER_MODULES = join(PARSER, 'dist/index.js');
const LINT_MODULES = join(LINT, 'dist/index.js');
for (const f of [PARSER_ENTRY, LINT_ENTRY, PARSER_MODULES, LINT_MODULES]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`pnpm build\` first`);

/** The directory of package `name` as `import` finds it from `from` (node_modules up the tree). */
function packageDir(name, from) {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules', name, 'package.json'))) return realpathSync(join(d, 'node_modules', name));
    if (dirname(d) === d) throw new Error(`${name} is not installed (from ${from})`);
  }
}
const versionOf = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
// Never written (generate() keeps the output in memory); source maps name sources relative to it.
const OUT_DIR = join(root, 'node_modules/.cache/bundle-size');
const GRAMMAR_LIBS = /[\\/]node_modules[\\/](chevrotain|@chevrotain[\\/][^\\/]+|lodash-es)[\\/]/;
const LODASH = /[\\/]node_modules[\\/]lodash-es[\\/]/;

/** Which package a module id belongs to. */
function packageOf(id) {
  const m = /.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
  if (m) return m[1].replace(/\\/g, '/');
  if (id.startsWith(PARSER + sep)) return '@omkit/parser';
  if (id.startsWith(LINT + sep)) return '@omkit/lint';
  return id.startsWith('\0') ? '(bundler runtime)' : id;
}

/**
 * Bundles `code` (an entry module's source) for the browser; `@omkit/*` resolve to `how` ('published':
 * the packages' exports; 'modules': tsc's modules). `external` ids stay imports (not counted).
 */
async function bundle(code, { how = 'published', external = () => false, minify = true, sourcemap = false, chevrotain } = {}) {
  const entries = how === 'published' ? { '@omkit/parser': PARSER_ENTRY, '@omkit/lint': LINT_ENTRY } : { '@omkit/parser': PARSER_MODULES, '@omkit/lint': LINT_MODULES };
  const build = await rolldown({
    input: 'entry',
    platform: 'browser',
    logLevel: 'silent',
    treeshake: true,
    plugins: [
      {
        name: 'entry',
        resolveId(id) {
          if (id === 'entry') return '\0entry';
          if (entries[id]) return external(entries[id]) ? { id: entries[id], external: true } : entries[id];
          return null;
        },
        load(id) {
          return id === '\0entry' ? code : null;
        },
      },
      {
        // Marks resolved module ids external by path (external() above sees only ids it is asked about).
        name: 'external-by-path',
        async resolveId(id, importer, options) {
          if (id === 'entry' || entries[id] || !importer) return null;
          const from = chevrotain && id === 'chevrotain' ? join(chevrotain, 'node_modules', 'x.js') : importer;
          const r = await this.resolve(id, from, { ...options, skipSelf: true });
          if (r && !r.external && external(r.id)) return { id: r.id, external: true };
          return r;
        },
      },
    ],
  });
  const out = await build.generate({ format: 'esm', minify, sourcemap, dir: OUT_DIR });
  await build.close();
  const chunks = out.output.filter((o) => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`expected one chunk, got ${chunks.map((c) => c.fileName).join(', ')}`);
  return chunks[0];
}

const gz = (s) => gzipSync(s, { level: 9 }).length;
const br = (s) => brotliCompressSync(s, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Raw (tree-shaken, not minified), minified, gzip and brotli of the minified. */
async function measure(code, opts = {}) {
  const raw = await bundle(code, { ...opts, minify: false });
  const min = await bundle(code, { ...opts, minify: true });
  return { raw: raw.code.length, min: min.code.length, gzip: gz(min.code), brotli: br(min.code), chunk: raw };
}

/** Bytes of a minified chunk per package, from its source map (each mapped segment to its source's package). */
function minifiedPerPackage(chunk) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const digit = new Map([...B64].map((c, i) => [c, i]));
  const owners = chunk.map.sources.map((s) => packageOf(resolve(OUT_DIR, s)));
  const lines = chunk.code.split('\n');
  const bytes = new Map();
  let source = 0;
  chunk.map.mappings.split(';').forEach((line, li) => {
    let column = 0;
    const points = [];
    for (const segment of line ? line.split(',') : []) {
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const d = digit.get(c);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      points.push([column, fields.length > 1 ? owners[source] : '(unmapped)']);
    }
    const length = (lines[li] ?? '').length;
    points.forEach(([start, owner], i) => bytes.set(owner, (bytes.get(owner) ?? 0) + (i + 1 < points.length ? points[i + 1][0] : length) - start));
  });
  return bytes;
}

const ALL = `export * from '@omkit/parser';\nexport * from '@omkit/lint';\n`;
const PARSE_LINT = `export { parse } from '@omkit/parser';\nexport { lint } from '@omkit/lint';\n`;
const kb = (n) => (n / 1024).toFixed(1);
const isParser = (id) => id.startsWith(PARSER + sep) || id === PARSER_ENTRY;

const rows = [];
const add = async (label, code, opts) => rows.push({ label, ...(await measure(code, opts)) });
await add('`@omkit/parser` (every export)', `export * from '@omkit/parser';\n`);
await add('`@omkit/lint` main entry (every export; parser not counted)', `export * from '@omkit/lint';\n`, { external: isParser });
await add('**parser + lint** (every export of both)', ALL);
await add('parser + lint, only `parse` and `lint` imported', PARSE_LINT);
const full = await measure(ALL, { how: 'modules' });
await add('parser + lint without chevrotain and lodash-es (not counted)', ALL, { how: 'modules', external: (id) => GRAMMAR_LIBS.test(id) });
await add('parser + lint without lodash-es (not counted)', ALL, { how: 'modules', external: (id) => LODASH.test(id) });
const grammarPath = (id) => GRAMMAR_LIBS.test(id) || /[\\/]packages[\\/]parser[\\/]dist[\\/](ast[\\/]build|grammar[\\/]|lexer[\\/])/.test(id);
// What stays when the one module that leads to the grammar (session's import of ast/build) is left out.
await add('parser + lint, first load if the grammar path were loaded on demand', ALL, { how: 'modules', external: (id) => /[\\/]packages[\\/]parser[\\/]dist[\\/]ast[\\/]build\.js$/.test(id) });
await add('the grammar path alone (`ast/build`, lexer, grammar, chevrotain, lodash-es)', `export * from ${JSON.stringify(join(PARSER, 'dist/ast/build.js'))};\n`, {
  how: 'modules',
  external: (id) => !grammarPath(id),
});
await add('parser + lint, only `parse` and `lint`, grammar path on demand', PARSE_LINT, { how: 'modules', external: (id) => /[\\/]packages[\\/]parser[\\/]dist[\\/]ast[\\/]build\.js$/.test(id) });
const ALT = process.argv.includes('--chevrotain') ? resolve(process.argv[process.argv.indexOf('--chevrotain') + 1]) : undefined;
if (ALT) {
  const version = versionOf(join(ALT, 'node_modules/chevrotain'));
  const m = JSON.parse(readFileSync(join(ALT, 'node_modules/chevrotain/package.json'), 'utf8'));
  const lodash = Object.keys(m.dependencies ?? {}).includes('lodash-es') ? 'with lodash-es' : 'no lodash-es';
  await add(`parser + lint with chevrotain ${version} in place of the parser's (${lodash}; engines node ${m.engines?.node ?? 'any'})`, ALL, { how: 'modules', chevrotain: ALT });
}

// Where the bytes of parser + lint go, per package, after tree-shaking (before minifying).
const perPackage = new Map();
for (const [id, m] of Object.entries(full.chunk.modules)) {
  const p = packageOf(id);
  const e = perPackage.get(p) ?? { bytes: 0, modules: 0 };
  e.bytes += m.renderedLength;
  e.modules += 1;
  perPackage.set(p, e);
}
const renderedTotal = [...perPackage.values()].reduce((a, e) => a + e.bytes, 0);
const minifiedBytes = minifiedPerPackage(await bundle(ALL, { how: 'modules', sourcemap: true }));
const minifiedTotal = [...minifiedBytes.values()].reduce((a, n) => a + n, 0);

// The lodash functions chevrotain imports, and the lodash-es modules that survive tree-shaking.
const lodashImports = new Set();
for (const id of Object.keys(full.chunk.modules)) {
  if (!GRAMMAR_LIBS.test(id) || LODASH.test(id) || !existsSync(id)) continue;
  for (const m of readFileSync(id, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*["']lodash-es["']/g))
    for (const name of m[1].split(',')) if (name.trim()) lodashImports.add(name.trim().split(/\s+as\s+/)[0]);
}
const lodashModules = Object.entries(full.chunk.modules).filter(([id, m]) => LODASH.test(id) && m.renderedLength > 0).map(([id]) => id);
// lodash-es exports a few functions under a second name from the first one's module.
const LODASH_ALIAS = { first: 'head', each: 'forEach', eachRight: 'forEachRight', extend: 'assignIn', entries: 'toPairs' };
const lodashKept = [...lodashImports].filter((n) => lodashModules.some((id) => id.endsWith(`${sep}${LODASH_ALIAS[n] ?? n}.js`))).sort();
// Those functions bundled alone: what lodash-es weighs on its own (the difference above is what leaving
// it out of parser + lint saves, smaller because gzip shares one dictionary across the bundle).
const lodashAlone = lodashKept.length
  ? await measure(`export { ${lodashKept.join(', ')} } from ${JSON.stringify(join(packageDir('lodash-es', packageDir('chevrotain', PARSER)), 'lodash.js'))};\n`)
  : undefined;

// ---- output ------------------------------------------------------------------------------------

const lines = [];
const versions = () => {
  const chevrotain = packageDir('chevrotain', PARSER);
  return `rolldown ${ROLLDOWN_VERSION}, chevrotain ${versionOf(chevrotain)}, lodash-es ${versionOf(packageDir('lodash-es', chevrotain))}, valibot ${versionOf(packageDir('valibot', LINT))}, picomatch ${versionOf(packageDir('picomatch', LINT))}`;
};
const git = (...args) => {
  const r = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
};
const commit = git('log', '-1', '--format=%h');
const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'packages/parser/src', 'packages/lint/src');
lines.push(
  `Generated by \`node scripts/bundle-size.mjs ${process.argv.slice(2).join(' ')}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, the packages as built in this checkout (` +
    (commit ? `\`main\` at \`${commit}\`${dirty ? ', with uncommitted changes to their sources' : ''}` : 'not a git checkout') +
    `). Bundled for the browser by ${versions()}; Node ${process.versions.node}. Raw: tree-shaken, not minified; gzip -9 and brotli -11 of the minified bundle; KB = 1024 bytes.`,
);
lines.push('');
lines.push('| bundle (ESM, platform browser, tree-shaken) | raw KB | minified KB | gzip KB | brotli KB |');
lines.push('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) lines.push(`| ${r.label} | ${kb(r.raw)} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
lines.push('');
const parserLint = rows.find((r) => r.label.startsWith('**parser + lint**'));
const noGrammarLibs = rows.find((r) => r.label.startsWith('parser + lint without chevrotain'));
const noLodash = rows.find((r) => r.label.startsWith('parser + lint without lodash'));
lines.push(
  `Published files, as they are (not minified): \`dist/om-parser.js\` ${kb(readFileSync(PARSER_ENTRY).length)} KB; \`@omkit/lint\`'s \`dist/bundle/om-lint.js\` + \`om-lint-shared.js\` ${kb(readFileSync(LINT_ENTRY).length + readFileSync(join(dirname(LINT_ENTRY), 'om-lint-shared.js')).length)} KB.`,
);
lines.push(
  `chevrotain with lodash-es costs ${kb(parserLint.gzip - noGrammarLibs.gzip)} KB of parser + lint's ${kb(parserLint.gzip)} KB gzip (${kb(parserLint.min - noGrammarLibs.min)} KB minified); lodash-es alone ${kb(parserLint.gzip - noLodash.gzip)} KB gzip (${kb(parserLint.min - noLodash.min)} KB minified).`,
);
lines.push('');
lines.push('| package in parser + lint (every export) | modules kept | bytes after tree-shaking | share | minified bytes (by source map) | share |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
const pct = (n, total) => `${((100 * n) / total).toFixed(1)} %`;
for (const [p, e] of [...perPackage].sort((a, b) => (minifiedBytes.get(b[0]) ?? 0) - (minifiedBytes.get(a[0]) ?? 0))) {
  const m = minifiedBytes.get(p) ?? 0;
  lines.push(`| ${p} | ${e.modules} | ${e.bytes.toLocaleString('en-US')} | ${pct(e.bytes, renderedTotal)} | ${m.toLocaleString('en-US')} | ${pct(m, minifiedTotal)} |`);
}
if (minifiedBytes.has('(unmapped)')) lines.push(`| (unmapped: the bundle's own glue) | | | | ${minifiedBytes.get('(unmapped)').toLocaleString('en-US')} | ${pct(minifiedBytes.get('(unmapped)'), minifiedTotal)} |`);
lines.push('');
const names = (ns) => ns.map((n) => `\`${n}\``).join(', ');
lines.push(
  `lodash functions chevrotain imports (${lodashImports.size}): ${names([...lodashImports].sort())}. ` +
    (lodashKept.length === lodashImports.size ? 'Every one of them survives tree-shaking' : `Of them ${lodashKept.length} survive tree-shaking (${names(lodashKept)})`) +
    ` in parser + lint, with ${lodashModules.length} lodash-es modules in all` +
    (lodashAlone ? `; those ${lodashKept.length} bundled alone: ${kb(lodashAlone.min)} KB minified, ${kb(lodashAlone.gzip)} KB gzip.` : '.'),
);
const text = lines.join('\n');
process.stdout.write(`${text}\n`);

if (process.argv.includes('--markdown')) {
  const doc = join(root, 'docs/benchmarks.md');
  const START = '<!-- bundle-sizes-generated -->';
  const END = '<!-- /bundle-sizes-generated -->';
  const md = readFileSync(doc, 'utf8');
  const a = md.indexOf(START);
  const b = md.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/benchmarks.md has no ${START} … ${END} block to rewrite`);
  writeFileSync(doc, `${md.slice(0, a + START.length)}\n${text}\n${md.slice(b)}`);
  process.stderr.write('docs/benchmarks.md: §Bundle sizes rewritten\n');
}
