// One vitest run over every workspace (used by `pnpm test` and .ci/run).
// Named *.ci.config.ts so the per-package `vitest run` keeps using each package's own config.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    reporters: process.env.GITHUB_ACTIONS ? ['default', 'github-actions'] : ['default'],
  },
});
