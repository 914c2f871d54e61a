// `vite build` writes dist/index.html and its assets (minified; the parser and the linter in the
// Worker's chunk); `vite` serves the page for development.
import { defineConfig, type Plugin } from 'vite';

/**
 * The built page may load its own files and nothing else: no request leaves the browser except
 * loading the page (the development server's live reload needs more, so only the build has it).
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'om-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  // Relative asset paths: dist/ works from any folder of any static host (a GitHub Pages project site).
  base: './',
  plugins: [contentSecurityPolicy()],
  build: {
    target: 'es2022',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
  },
  worker: { format: 'es' },
  // `pnpm dev` and `pnpm preview` listen on loopback only.
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  // In development the workspace packages are served from their built entries; pre-bundling turns
  // any CommonJS dependency of theirs into ES modules.
  optimizeDeps: { include: ['@omkit/parser', '@omkit/lint'] },
});
