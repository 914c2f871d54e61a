// `om stats` counts with @omkit/diff's computeStats (the package owns the definition of a series).
export { computeStats, type FamilyStats, type LabelStats, type Stats } from '@omkit/diff';
