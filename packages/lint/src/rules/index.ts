// THE registry: every rule, keyed by name. Codes are forever: a retired rule stays here as a
// tombstone comment (`// OM2xx old-name: removed in x.y.z`) and its code is never reused.
import type { AnyRule } from '../rule.js';

export const rules = {
} as const satisfies Record<string, AnyRule>;

/** Codes of retired rules; never reuse them. */
export const retiredCodes: readonly string[] = [];

export type RuleName = keyof typeof rules;
