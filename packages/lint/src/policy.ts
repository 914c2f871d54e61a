// What a command line asks of a lint run: `--preset` / `--rule CODE=severity` over a config, the
// exit code of a verdict (`--fail-on`, `--max-warnings`, `--exit-zero`), and `--max-diagnostics`.
// Browser-safe.
import type { Severity } from '@omkit/parser';
import { isParserCode, PARSER_CODE_RANGE } from './catalog.js';
import { findRule, type Config } from './config.js';
import { OptionError } from './errors.js';
import { summarize } from './format/index.js';
import type { LintedInput } from './format/types.js';
import type { AnyRule, RuleLevel } from './rule.js';

/** One `--rule` value, `CODE=severity` (code or name, any case; severity off, info, warning or error). */
export function parseRuleFlag(item: string): { rule: AnyRule; level: RuleLevel } {
  const m = /^([^=]+)=(off|info|warning|error)$/i.exec(item.trim());
  if (!m) throw new OptionError(`--rule expects CODE=severity with severity off, info, warning or error (received ${JSON.stringify(item)})`);
  const rule = findRule(m[1]!);
  if (!rule) {
    if (isParserCode(m[1]!)) throw new OptionError(`--rule ${m[1]}: parser diagnostics (${PARSER_CODE_RANGE}) cannot be configured`);
    throw new OptionError(`--rule ${m[1]}: unknown rule (see \`om rules\`)`);
  }
  return { rule, level: m[2]!.toLowerCase() as RuleLevel };
}

/**
 * A config's settings with a command line's on top: `presets` replace its `extends`, each `rules`
 * item (`CODE=severity`) replaces whatever the config set for that rule, under any key.
 */
export function applyFlags(config: Config, flags: { presets?: readonly string[] | undefined; rules?: readonly string[] | undefined }): Config {
  const merged: Config = { ...config };
  if (flags.presets?.length) merged.extends = [...flags.presets] as Config['extends'];
  if (flags.rules?.length) {
    const rules: Record<string, NonNullable<Config['rules']>[string]> = { ...config.rules };
    for (const item of flags.rules) {
      const { rule, level } = parseRuleFlag(item);
      for (const key of Object.keys(rules)) if (findRule(key) === rule) delete rules[key];
      rules[rule.code] = level;
    }
    merged.rules = rules;
  }
  return merged;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface ExitPolicy {
  /** The lowest severity that fails (default `error`). */
  failOn?: Severity;
  /** Fail when there are more warnings than this (default: no limit). */
  maxWarnings?: number;
  /** 0 whatever the findings (trouble is still 2). */
  exitZero?: boolean;
}

/**
 * The exit code of a lint run (STYLE.md §6): 2 when there was trouble (an input that could not be
 * read: no verdict), else 0 with `exitZero`, else 1 when a finding is at or above `failOn` or the
 * warnings exceed `maxWarnings`, else 0.
 */
export function exitCode(results: readonly LintedInput[], policy: ExitPolicy = {}, trouble = false): 0 | 1 | 2 {
  if (trouble) return 2;
  if (policy.exitZero) return 0;
  const failOn = RANK[policy.failOn ?? 'error'];
  const failing = results.some((r) => r.diagnostics.some((d) => RANK[d.severity] >= failOn));
  return failing || summarize(results).warnings > (policy.maxWarnings ?? Infinity) ? 1 : 0;
}

/** The number of findings of all inputs. */
export const countFindings = (inputs: readonly LintedInput[]): number => inputs.reduce((n, i) => n + i.diagnostics.length, 0);

/** The first `max` findings, in input order (later inputs keep their entry, with none). */
export function limitFindings(inputs: readonly LintedInput[], max: number): LintedInput[] {
  let left = max;
  return inputs.map((i) => {
    const diagnostics = i.diagnostics.slice(0, Math.max(0, left));
    left -= diagnostics.length;
    return { ...i, diagnostics };
  });
}
