// What the page lets a user choose, as `om lint` and `om parse` name it: the input format
// (`--format-in`), the presets (`--preset`, repeatable), rule severities (`--rule CODE=severity`)
// and the format to convert to (`om parse --to`). Plain data: it travels in share links and to the
// Worker.
import type { PresetName, RuleLevel } from '@omkit/lint';
import type { Format } from '@omkit/parser';

export type FormatChoice = 'auto' | Format;

export const FORMAT_CHOICES: readonly { value: FormatChoice; label: string }[] = [
  { value: 'auto', label: 'Auto-detect' },
  { value: 'prometheus', label: 'Prometheus text 0.0.4' },
  { value: 'openmetrics', label: 'OpenMetrics 1.0' },
  { value: 'openmetrics-2.0', label: 'OpenMetrics 2.0' },
];

export const FORMAT_NAMES: Record<Format, string> = {
  prometheus: 'Prometheus text 0.0.4',
  openmetrics: 'OpenMetrics 1.0',
  'openmetrics-2.0': 'OpenMetrics 2.0',
};

export const LEVEL_CHOICES: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

export interface Settings {
  /** The input's format, or `auto` (`om lint --format-in`). */
  format: FormatChoice;
  /** `om lint --preset`: replaces the default `recommended` when not empty. */
  presets: PresetName[];
  /** `om lint --rule CODE=severity`, by rule code. */
  rules: Record<string, RuleLevel>;
  /** The format `Convert` writes (`om parse --to`). */
  target: Format;
  /** `om parse --escaping`: how names outside the legacy character set are written; `none` refuses them. */
  escaping: EscapingChoice;
}

export const ESCAPING_CHOICES = ['none', 'allow-utf-8', 'underscores', 'dots', 'values'] as const;
export type EscapingChoice = (typeof ESCAPING_CHOICES)[number];

export const DEFAULT_SETTINGS: Settings = { format: 'auto', presets: ['recommended'], rules: {}, target: 'openmetrics', escaping: 'none' };

const FORMATS = new Set<string>(['prometheus', 'openmetrics', 'openmetrics-2.0']);
const PRESET_NAMES = new Set<string>(['recommended', 'strict', 'otel']);
const LEVELS = new Set<string>(LEVEL_CHOICES);

/** Settings from untrusted data (a share link): what is not understood falls back to the default. */
export function normaliseSettings(input: unknown): Settings {
  const o = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const format = o.format === 'auto' || (typeof o.format === 'string' && FORMATS.has(o.format)) ? (o.format as FormatChoice) : DEFAULT_SETTINGS.format;
  const presets = Array.isArray(o.presets) ? (o.presets.filter((p) => typeof p === 'string' && PRESET_NAMES.has(p)) as PresetName[]) : [...DEFAULT_SETTINGS.presets];
  const rules: Record<string, RuleLevel> = {};
  if (typeof o.rules === 'object' && o.rules !== null)
    for (const [code, level] of Object.entries(o.rules as Record<string, unknown>))
      if (/^OM\d{3}$/.test(code) && typeof level === 'string' && LEVELS.has(level)) rules[code] = level as RuleLevel;
  const target = typeof o.target === 'string' && FORMATS.has(o.target) ? (o.target as Format) : DEFAULT_SETTINGS.target;
  const escaping = (ESCAPING_CHOICES as readonly unknown[]).includes(o.escaping) ? (o.escaping as EscapingChoice) : DEFAULT_SETTINGS.escaping;
  return { format, presets: [...new Set(presets)], rules, target, escaping };
}
