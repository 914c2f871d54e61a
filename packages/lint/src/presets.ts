// Presets are sets of rules: each rule lists the presets that enable it in its metadata
// (`presets`), so there is no hand-kept list here; these helpers only read the registry.
import type { AnyRule, PresetName } from './rule.js';
import { rules as defaultRules } from './rules/index.js';

export const PRESETS = ['recommended', 'strict', 'otel'] as const satisfies readonly PresetName[];

export const PRESET_DESCRIPTIONS: Record<PresetName, string> = {
  recommended: 'The default: spec MUSTs and the conventions with few false positives',
  strict: 'Every rule except the OpenTelemetry ones, with stricter options',
  otel: '`recommended` plus the rules for OpenTelemetry-generated metrics',
};

/** The rules a preset enables, sorted by code. */
export function presetRules(preset: PresetName, registry: Readonly<Record<string, AnyRule>> = defaultRules): AnyRule[] {
  return Object.values(registry)
    .filter((r) => r.presets.includes(preset))
    .sort((a, b) => a.code.localeCompare(b.code));
}
