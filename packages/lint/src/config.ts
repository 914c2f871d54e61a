// The lint config: presets, per-rule severity and options, ignores by metric-name glob, and the
// baseline path. Validated with valibot; the JSON schema is generated from the same registry.
import * as v from 'valibot';
import { toJsonSchema } from '@valibot/to-json-schema';
import picomatch from 'picomatch';
import type { Severity } from '@omkit/parser';
import { ConfigError } from './errors.js';
import type { AnyRule, PresetName, RuleLevel } from './rule.js';
import { rules as defaultRules } from './rules/index.js';

import { PRESETS } from './presets.js';
export { PRESETS };
export const LEVELS = ['off', 'info', 'warning', 'error'] as const satisfies readonly RuleLevel[];

/** `"warning"`, `["warning", { …options }]` or `{ "severity": "warning", "options": { … } }`. */
export type RuleSetting =
  | RuleLevel
  | readonly [RuleLevel]
  | readonly [RuleLevel, Record<string, unknown>]
  | { severity?: RuleLevel; options?: Record<string, unknown> };

export interface IgnoreEntry {
  /** A rule code or name (any case), or `*` for every rule. */
  rule: string;
  /** A picomatch glob over the metric family name; every metric when absent. */
  metric?: string;
  /** A picomatch glob over the source: a path relative to the config file's directory, or a URL; every source when absent. */
  source?: string;
}

/** The config as written in `om.config.json` / `.omrc.json`. */
export interface Config {
  $schema?: string;
  /** Presets to start from (default `recommended`). */
  extends?: PresetName | readonly PresetName[];
  /** Keys are rule codes or names, in any case. */
  rules?: Record<string, RuleSetting>;
  ignore?: readonly IgnoreEntry[];
  /** Path of a baseline file, relative to the config file (read by `@omkit/lint/node`). */
  baseline?: string;
}

export interface ResolvedRule {
  rule: AnyRule;
  severity: Severity;
  /** Whether the user set the severity (graded rules then keep it for every finding). */
  severityConfigured: boolean;
  options: unknown;
}

export interface CompiledIgnore {
  /** Rule code, or `*`. */
  code: string;
  metric?: (name: string) => boolean;
  source?: (name: string) => boolean;
}

/** A validated config, ready for `lint`. */
export interface ResolvedConfig {
  readonly resolved: true;
  readonly presets: readonly PresetName[];
  readonly rules: readonly ResolvedRule[];
  readonly ignore: readonly CompiledIgnore[];
  readonly baseline?: string;
}

/** Finds a rule by code or name, in any case. */
export function findRule(key: string, registry: Readonly<Record<string, AnyRule>> = defaultRules): AnyRule | undefined {
  const k = key.trim().toLowerCase();
  for (const rule of Object.values(registry)) {
    if (rule.code.toLowerCase() === k || rule.name === k) return rule;
  }
  return undefined;
}

const levelSchema = v.picklist(LEVELS);
const presetSchema = v.picklist(PRESETS);
const ignoreSchema = v.strictObject({
  rule: v.pipe(v.string(), v.minLength(1), v.description('A rule code or name (any case), or `*`')),
  metric: v.optional(v.pipe(v.string(), v.minLength(1), v.description('Glob over metric family names'))),
  source: v.optional(v.pipe(v.string(), v.minLength(1), v.description('Glob over sources: paths relative to the config file\'s directory, or URLs'))),
});

const baseSchema = v.strictObject({
  $schema: v.optional(v.string()),
  extends: v.optional(v.union([presetSchema, v.array(presetSchema)])),
  rules: v.optional(v.record(v.string(), v.unknown())),
  ignore: v.optional(v.array(ignoreSchema)),
  baseline: v.optional(v.pipe(v.string(), v.minLength(1))),
});

function issuePath(issue: v.BaseIssue<unknown>, prefix = ''): string {
  const p = v.getDotPath(issue);
  if (!p) return prefix;
  return prefix ? `${prefix}.${p}` : p;
}

function fail(issues: readonly v.BaseIssue<unknown>[], prefix = ''): never {
  const issue = issues[0]!;
  const path = issuePath(issue, prefix);
  const received = 'received' in issue ? ` (received ${String(issue.received)})` : '';
  // An unknown key: the path already names it.
  if (issue.type === 'strict_object') throw new ConfigError(path, 'unknown key');
  const message = issue.message;
  throw new ConfigError(path, `${message}${/received/i.test(message) ? '' : received}`);
}

function normaliseSetting(key: string, setting: unknown): { level?: RuleLevel; options?: Record<string, unknown> } {
  const path = `rules.${key}`;
  const isLevel = (x: unknown): x is RuleLevel => typeof x === 'string' && (LEVELS as readonly string[]).includes(x);
  if (typeof setting === 'string') {
    if (!isLevel(setting)) throw new ConfigError(path, `expected one of ${LEVELS.join(', ')} (received "${setting}")`);
    return { level: setting };
  }
  if (Array.isArray(setting)) {
    if (setting.length < 1 || setting.length > 2) throw new ConfigError(path, 'expected [severity] or [severity, options]');
    if (!isLevel(setting[0])) throw new ConfigError(`${path}.0`, `expected one of ${LEVELS.join(', ')} (received ${JSON.stringify(setting[0])})`);
    const options = setting[1] as unknown;
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
      throw new ConfigError(`${path}.1`, 'options must be an object');
    return { level: setting[0], options: options as Record<string, unknown> | undefined };
  }
  if (typeof setting === 'object' && setting !== null) {
    const o = setting as Record<string, unknown>;
    for (const k of Object.keys(o)) if (k !== 'severity' && k !== 'options') throw new ConfigError(`${path}.${k}`, 'unknown key');
    if (o.severity !== undefined && !isLevel(o.severity))
      throw new ConfigError(`${path}.severity`, `expected one of ${LEVELS.join(', ')} (received ${JSON.stringify(o.severity)})`);
    if (o.options !== undefined && (typeof o.options !== 'object' || o.options === null || Array.isArray(o.options)))
      throw new ConfigError(`${path}.options`, 'options must be an object');
    return { level: o.severity as RuleLevel | undefined, options: o.options as Record<string, unknown> | undefined };
  }
  throw new ConfigError(path, 'expected a severity, [severity, options] or { severity, options }');
}

function compileGlob(glob: string): (s: string) => boolean {
  return picomatch(glob, { dot: true });
}

/** Validates a config (as read from JSON) and resolves presets, severities and options. Throws `ConfigError`. */
export function resolveConfig(input: unknown = {}, registry: Readonly<Record<string, AnyRule>> = defaultRules): ResolvedConfig {
  if (isResolvedConfig(input)) return input;
  const parsed = v.safeParse(baseSchema, input);
  if (!parsed.success) fail(parsed.issues);
  const config = parsed.output;
  const presets: PresetName[] = config.extends === undefined ? ['recommended'] : Array.isArray(config.extends) ? [...config.extends] : [config.extends as PresetName];

  const state = new Map<AnyRule, { level: RuleLevel; configured: boolean; options: Record<string, unknown> }>();
  for (const rule of Object.values(registry)) {
    const on = rule.presets.some((p) => presets.includes(p));
    const options: Record<string, unknown> = {};
    for (const p of presets) Object.assign(options, rule.presetOptions?.[p] ?? {});
    state.set(rule, { level: on ? rule.severity : 'off', configured: false, options });
  }

  const seen = new Map<AnyRule, string>();
  for (const [key, setting] of Object.entries(config.rules ?? {})) {
    const rule = findRule(key, registry);
    if (!rule) throw new ConfigError(`rules.${key}`, 'unknown rule (expected a rule code such as OM201 or a rule name)');
    const previous = seen.get(rule);
    if (previous !== undefined) throw new ConfigError(`rules.${key}`, `rule already configured as \`${previous}\``);
    seen.set(rule, key);
    const { level, options } = normaliseSetting(key, setting);
    const s = state.get(rule)!;
    if (level !== undefined) {
      s.level = level;
      s.configured = level !== 'off';
    }
    if (options) Object.assign(s.options, options);
  }

  const resolvedRules: ResolvedRule[] = [];
  for (const [rule, s] of state) {
    const key = seen.get(rule);
    const opts = v.safeParse(rule.options, s.options);
    if (!opts.success) fail(opts.issues, key ? `rules.${key}.options` : `${rule.name}.options`);
    if (s.level === 'off') continue;
    resolvedRules.push({ rule, severity: s.level, severityConfigured: s.configured, options: opts.output });
  }

  const ignore = (config.ignore ?? []).map((entry, i): CompiledIgnore => {
    let code = '*';
    if (entry.rule !== '*') {
      const rule = findRule(entry.rule, registry);
      if (!rule) throw new ConfigError(`ignore.${i}.rule`, `unknown rule "${entry.rule}"`);
      code = rule.code;
    }
    return {
      code,
      ...(entry.metric !== undefined ? { metric: compileGlob(entry.metric) } : {}),
      ...(entry.source !== undefined ? { source: compileGlob(entry.source) } : {}),
    };
  });

  return {
    resolved: true,
    presets,
    rules: resolvedRules,
    ignore,
    ...(config.baseline !== undefined ? { baseline: config.baseline } : {}),
  };
}

export function isResolvedConfig(x: unknown): x is ResolvedConfig {
  return typeof x === 'object' && x !== null && (x as { resolved?: unknown }).resolved === true;
}

/** The full config schema (valibot), with one entry per rule code and name. Used to generate the JSON schema. */
export function configSchema(registry: Readonly<Record<string, AnyRule>> = defaultRules) {
  const entries: Record<string, v.GenericSchema> = {};
  const sorted = Object.values(registry).sort((a, b) => a.code.localeCompare(b.code));
  for (const rule of sorted) {
    const setting = v.pipe(
      v.union([
        levelSchema,
        v.strictTuple([levelSchema]),
        v.strictTuple([levelSchema, rule.options]),
        v.strictObject({ severity: v.optional(levelSchema), options: v.optional(rule.options) }),
      ]),
      v.description(`${rule.code}/${rule.name}: ${rule.description}`),
    );
    entries[rule.code] = v.optional(setting);
    entries[rule.name] = v.optional(setting);
  }
  return v.strictObject({
    $schema: v.optional(v.string()),
    extends: v.optional(v.pipe(v.union([presetSchema, v.array(presetSchema)]), v.description('Presets to start from (default `recommended`)'))),
    rules: v.optional(v.pipe(v.strictObject(entries), v.description('Per-rule severity and options, by code or name'))),
    ignore: v.optional(v.pipe(v.array(ignoreSchema), v.description('Findings to ignore, by rule and metric-name glob'))),
    baseline: v.optional(v.pipe(v.string(), v.minLength(1), v.description('Path of a baseline file, relative to the config file'))),
  });
}

/** The JSON schema of the config file (draft-07), generated from the registry. */
export function configJsonSchema(registry: Readonly<Record<string, AnyRule>> = defaultRules): Record<string, unknown> {
  const schema = toJsonSchema(configSchema(registry), { errorMode: 'ignore' }) as Record<string, unknown>;
  // Each rule's setting schema once, under `definitions`, referenced by its code and its name.
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  const ruleProps = properties.rules!.properties as Record<string, unknown>;
  const definitions: Record<string, unknown> = {};
  for (const rule of Object.values(registry).sort((a, b) => a.code.localeCompare(b.code))) {
    definitions[rule.name] = ruleProps[rule.code];
    ruleProps[rule.code] = { $ref: `#/definitions/${rule.name}` };
    ruleProps[rule.name] = { $ref: `#/definitions/${rule.name}` };
  }
  return {
    $schema: schema.$schema,
    $id: 'https://github.com/omkit/om/blob/main/packages/lint/schema/config.schema.json',
    title: 'om lint config (om.config.json, .omrc.json)',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
    definitions,
  };
}
