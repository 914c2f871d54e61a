// Counting changes and deciding whether they matter (the CLI's exit code).
import { changeKinds, type Change, type ChangeKind } from './types.js';

export interface Summary {
  /** Number of changes. */
  readonly total: number;
  /** Number of changes per kind; every kind is present, in `changeKinds` order. */
  readonly kinds: Record<ChangeKind, number>;
  /** Number of distinct families with at least one change. */
  readonly families: number;
}

export function summarize(changes: readonly Change[]): Summary {
  const kinds = Object.fromEntries(changeKinds.map((k) => [k, 0])) as Record<ChangeKind, number>;
  const families = new Set<string>();
  for (const change of changes) {
    kinds[change.kind]++;
    families.add(change.family);
  }
  return { total: changes.length, kinds, families: families.size };
}

/** Whether a change of one of the `failOn` kinds (default: any kind) exists. */
export function hasChanges(changes: readonly Change[], failOn?: readonly ChangeKind[]): boolean {
  if (failOn === undefined) return changes.length > 0;
  const kinds = new Set(failOn);
  return changes.some((c) => kinds.has(c.kind));
}
