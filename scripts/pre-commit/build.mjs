// The root package's postinstall. It matters only where npm installs the repository itself as a
// package, as pre-commit's `language: node` does (`npm install` in the clone, then `npm pack`, then
// `npm install -g` of the tarball): there it installs the workspace with pnpm and builds the CLI,
// so that the tarball carries apps/om/dist and packages/*/dist. Everywhere else it does nothing:
// under pnpm (the workspace's own installs), and where the CLI is built already (the tarball's install).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const agent = process.env.npm_config_user_agent ?? '';
if (!agent.startsWith('npm/') || existsSync(`${root}apps/om/dist/bin.js`)) process.exit(0);

// npm's own settings (npm_config_*) are not meant for pnpm.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_(config|lifecycle|package)_/i.test(k)));
env.TURBO_TELEMETRY_DISABLED = '1';
const pnpm = ['--yes', 'pnpm@10.34.9'];
const steps = [
  // npm's node_modules is replaced by pnpm's without asking.
  [...pnpm, 'install', '--frozen-lockfile', '--config.confirmModulesPurge=false'],
  [...pnpm, 'exec', 'turbo', 'run', 'build', '--filter', '@omkit/cli...', '--output-logs=errors-only'],
];
for (const args of steps) {
  // Output to stderr: `npm pack`'s stdout names the tarball.
  const r = spawnSync('npx', args, { cwd: root, env, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    process.stderr.write(`om: building the CLI failed: npx ${args.join(' ')}\n`);
    process.exit(1);
  }
}
