// Module resolution hook for om.mjs: `@omkit/<name>[/subpath]` resolves as that workspace package
// importing itself (Node's self-reference by package name), so its package.json `exports` apply.
const root = new URL('../../', import.meta.url);
const packages = {
  '@omkit/parser': 'packages/parser/',
  '@omkit/lint': 'packages/lint/',
  '@omkit/fetch': 'packages/fetch/',
  '@omkit/diff': 'packages/diff/',
  '@omkit/cli': 'apps/om/',
};

export async function resolve(specifier, context, nextResolve) {
  const name = /^@omkit\/[^/]+/.exec(specifier)?.[0];
  const dir = name && packages[name];
  if (dir) return nextResolve(specifier, { ...context, parentURL: new URL(`${dir}package.json`, root).href });
  return nextResolve(specifier, context);
}
