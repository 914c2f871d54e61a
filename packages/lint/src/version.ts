// The one place that knows the package version: doc links are pinned to it.
export const VERSION = '0.1.0';

/** Version-pinned documentation link of a rule. */
export function ruleUrl(name: string): string {
  return `https://github.com/omkit/om/blob/v${VERSION}/packages/lint/docs/rules/${name}.md`;
}
