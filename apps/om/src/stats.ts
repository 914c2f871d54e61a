// `om stats` counts with @omkit/diff's computeStats (the package owns the definition of a series); the
// command imports it from there. This name stays for the CLI tests that read the counts through it.
export { computeStats, type FamilyStats, type LabelStats, type Stats } from '@omkit/diff';
