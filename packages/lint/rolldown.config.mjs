// The two entry points as one bundle each, sharing one chunk (so that `@omkit/lint` and
// `@omkit/lint/node` hold the same classes): importing 60 small modules one by one cost a command
// line run ~30 ms more than reading three files. The ESM dependencies stay external; picomatch is
// CommonJS only (a browser cannot import it: "does not provide an export named 'default'"), so it is
// bundled in, which keeps the main entry loadable as plain ESM in a browser.
export default {
  input: { 'om-lint': 'dist/index.js', 'om-lint-node': 'dist/node/index.js' },
  external: [/^@omkit\//, /^node:/, 'valibot', '@valibot/to-json-schema'],
  platform: 'browser',
  logLevel: 'warn',
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    // Bundling CommonJS adds rolldown's runtime: it is named as a chunk of its own (empty, merged into
    // the shared one) before the shared chunk, which would then be named `om-lint-shared2.js`.
    chunkFileNames: (chunk) => (chunk.moduleIds.length === 0 ? `om-lint-${chunk.name}.js` : 'om-lint-shared.js'),
  },
};
