// The published shape: `pnpm pack` of every package, installed from the tarballs into an empty npm
// project. `npx om` runs, the packages import at run time, and their types check in a consumer.
// Dependencies outside the workspace come from the npm registry (npm's cache first).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const packages = ['packages/parser', 'packages/lint', 'packages/fetch', 'packages/diff', 'apps/om'];
const tsc = join(repo, 'node_modules/typescript/bin/tsc');

let dir: string;
let consumer: string;
let tarballs: string[];

function run(command: string, args: string[], cwd = consumer) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, npm_config_yes: undefined } });
  return { exitCode: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tarList(tarball: string): string[] {
  return execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
}

function tarFile(tarball: string, path: string): string {
  return execFileSync('tar', ['xzf', tarball, '-O', `package/${path}`], { encoding: 'utf8' });
}

beforeAll(() => {
  for (const p of packages) if (!existsSync(join(repo, p, 'dist'))) throw new Error(`${p}/dist is missing: run \`pnpm build\` first`);
  dir = mkdtempSync(join(tmpdir(), 'om-pack-'));
  const out = join(dir, 'tarballs');
  for (const p of packages) execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: join(repo, p), stdio: 'ignore' });
  tarballs = readdirSync(out).sort().map((f) => join(out, f));

  consumer = join(dir, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs]);
  if (install.exitCode !== 0) throw new Error(`npm install of the tarballs failed:\n${install.stderr}`);
  copyFileSync(join(repo, 'apps/om/examples/sample.prom'), join(consumer, 'sample.prom'));
  copyFileSync(join(repo, 'apps/om/test/fixtures/invalid.prom'), join(consumer, 'invalid.prom'));
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Each step starts npm, node or tsc, which takes seconds on a busy machine.
describe('the packages as published', { timeout: 120_000 }, () => {
  it('one tarball per package: dist and docs, no sources, no build state, no workspace ranges', () => {
    expect(tarballs.map((t) => t.replace(/^.*\//, ''))).toEqual([
      'omkit-cli-0.1.0.tgz',
      'omkit-diff-0.1.0.tgz',
      'omkit-fetch-0.1.0.tgz',
      'omkit-lint-0.1.0.tgz',
      'omkit-parser-0.1.0.tgz',
    ]);
    for (const tarball of tarballs) {
      const files = tarList(tarball);
      expect(files).toContain('package/package.json');
      expect(files).toContain('package/README.md');
      expect(files.filter((f) => /^package\/(src|test)\/|\.tsbuildinfo/.test(f))).toEqual([]);
      const pkg = JSON.parse(tarFile(tarball, 'package.json'));
      expect(JSON.stringify(pkg.dependencies ?? {})).not.toContain('workspace:');
      for (const target of Object.values<Record<string, string>>(pkg.exports ?? {})) {
        for (const file of typeof target === 'string' ? [target] : Object.values(target)) expect(files).toContain(`package/${file.replace(/^\.\//, '')}`);
      }
      for (const file of Object.values<string>(pkg.bin ?? {})) expect(files).toContain(`package/${file.replace(/^\.\//, '')}`);
    }
  });

  it('npx om lint: findings, exit codes and the installed rule docs', () => {
    const sample = run('npx', ['--no', '--', 'om', 'lint', 'sample.prom']);
    expect(sample.exitCode).toBe(0);
    expect(sample.stdout).toContain('sample.prom:19:1: warning OM201/counter-total-suffix Counter sample `shop_orders_processed` has no `_total` suffix\n');
    expect(sample.stdout.match(/^sample\.prom:\d+:\d+: warning /gm)).toHaveLength(3);

    const invalid = run('npx', ['--no', '--', 'om', 'lint', '--format', 'github', 'invalid.prom']);
    expect(invalid.exitCode).toBe(1);
    expect(invalid.stdout).toMatch(/^::error file=invalid\.prom,line=3,col=28,.*title=OM001\/invalid-line::/m);

    expect(run('npx', ['--no', '--', 'om', '--version']).stdout).toBe('0.1.0\n');
    const doc = run('npx', ['--no', '--', 'om', 'rules', 'OM201']);
    expect(doc.exitCode).toBe(0);
    // The rule's documentation comes from the docs the @omkit/lint tarball ships.
    const lastLine = readFileSync(join(repo, 'packages/lint/docs/rules/counter-total-suffix.md'), 'utf8').trim().split('\n').at(-1)!;
    expect(doc.stdout).toContain(lastLine);
  });

  it('the libraries import at run time from the tarballs', () => {
    writeFileSync(
      join(consumer, 'use.mjs'),
      [
        "import { parse } from '@omkit/parser';",
        "import { lint } from '@omkit/lint';",
        "import { diff } from '@omkit/diff';",
        "import { scrape } from '@omkit/fetch';",
        "const doc = parse('# TYPE a_total counter\\na_total 1\\n');",
        'console.log(doc.families.length, doc.diagnostics.length, typeof lint, typeof diff, typeof scrape);',
      ].join('\n'),
    );
    expect(run('node', ['use.mjs'])).toEqual({ exitCode: 0, stdout: '1 0 function function function\n', stderr: '' });
  });

  it("`import { parse } from '@omkit/parser'` type-checks with tsc --noEmit, and a misuse does not", () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [] }, files: ['consumer.ts'] }),
    );
    writeFileSync(
      join(consumer, 'consumer.ts'),
      [
        "import { parse, type Diagnostic } from '@omkit/parser';",
        "const doc = parse('# TYPE a counter\\na_total 1\\n# EOF\\n');",
        'const problems: readonly Diagnostic[] = doc.diagnostics;',
        'export const count: number = problems.length;',
      ].join('\n'),
    );
    expect(run('node', [tsc, '-p', 'tsconfig.json'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });

    writeFileSync(join(consumer, 'consumer.ts'), "import { parse } from '@omkit/parser';\nexport const wrong: string = parse('a 1\\n');\n");
    const misuse = run('node', [tsc, '-p', 'tsconfig.json']);
    expect(misuse.exitCode).not.toBe(0);
    expect(misuse.stdout).toContain('error TS2322');
  });
});

// pre-commit's `language: node` installs the repository itself: `npm pack` of the root, then
// `npm install -g` of that tarball (docs/pre-commit.md). The root package carries the built packages.
describe('the root package, as pre-commit installs it', { timeout: 180_000 }, () => {
  it('npm install -g of its tarball gives a working `om`', () => {
    const out = join(dir, 'root-tarball');
    mkdirSync(out);
    const pack = run('npm', ['pack', '--pack-destination', out, '--loglevel=error'], repo);
    expect(pack.exitCode).toBe(0);
    const [tarball] = readdirSync(out);
    const files = tarList(join(out, tarball!));
    for (const f of ['scripts/pre-commit/om.mjs', 'apps/om/dist/bin.js', 'packages/parser/dist/om-parser.js', 'packages/lint/dist/bundle/om-lint.js', 'packages/fetch/dist/index.js', 'packages/diff/dist/index.js', 'packages/lint/docs/rules/counter-total-suffix.md']) {
      expect(files).toContain(`package/${f}`);
    }
    expect(files.filter((f) => /\/(src|test|node_modules)\//.test(f))).toEqual([]);

    const env = join(dir, 'hook-env');
    const install = run('npm', ['install', '-g', '--prefix', env, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(out, tarball!)]);
    expect(install.exitCode, install.stderr).toBe(0);
    const om = run(join(env, 'bin/om'), ['lint', 'invalid.prom']);
    expect(om.exitCode).toBe(1);
    expect(om.stdout).toContain('invalid.prom:3:28: error OM001/invalid-line expected `}`, found a space\n');
  });

  it('.pre-commit-hooks.yaml: the om-lint hook runs that `om` on exposition files', () => {
    const hooks = readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8');
    expect(hooks).toContain('- id: om-lint\n');
    expect(hooks).toContain('  language: node\n');
    expect(hooks).toContain('  entry: om lint\n');
    expect(hooks).toContain('  pass_filenames: true\n');
    const files = new RegExp(/^ {2}files: (.*)$/m.exec(hooks)![1]!);
    expect(['a.prom', 'x/a.om', 'a.metrics', 'a.prom.gz'].filter((f) => files.test(f))).toHaveLength(4);
    expect(['a.txt', 'a.json', 'a.prom.bak', 'prom'].filter((f) => files.test(f))).toEqual([]);
    const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(root.bin).toEqual({ om: 'scripts/pre-commit/om.mjs' });
    // The root's dependencies are the packages' own, pinned alike.
    const external: Record<string, string> = {};
    for (const p of packages) {
      for (const [name, range] of Object.entries<string>(JSON.parse(readFileSync(join(repo, p, 'package.json'), 'utf8')).dependencies ?? {})) {
        if (!range.startsWith('workspace:')) external[name] = range;
      }
    }
    expect(root.dependencies).toEqual(external);
  });
});
