// @omkit/lint public API (re-exports only). Runs in browsers: nothing here imports Node.
export {
  applyFixes,
  fixText,
  lint,
  lintSession,
  runRules,
  sortDiagnostics,
  type FixOptions,
  type FixResult,
  type LintOptions,
  type LintSession,
  type LintSessionOptions,
} from './engine.js';
export {
  configJsonSchema,
  configSchema,
  findRule,
  isResolvedConfig,
  LEVELS,
  resolveConfig,
  type CompiledIgnore,
  type Config,
  type IgnoreEntry,
  type ResolvedConfig,
  type ResolvedRule,
  type RuleSetting,
} from './config.js';
export { PRESETS, PRESET_DESCRIPTIONS, presetRules } from './presets.js';
export { applyBaseline, createBaseline, fingerprint, validateBaseline, type Baseline, type BaselineEntry } from './baseline.js';
export { ConfigError, OptionError, InternalError } from './errors.js';
export {
  defineRule,
  factsOf,
  interpolate,
  type AnyRule,
  type ListenerName,
  type OptionsSchema,
  type PresetName,
  type ReportDescriptor,
  type Rule,
  type RuleCategory,
  type RuleContext,
  type RuleDefinition,
  type RuleLevel,
  type RuleListener,
  type RuleMeta,
  type RuleSource,
  type KnownScrapeFact,
  type ScrapeFact,
  type ScrapeFactKind,
  type ScrapeFactShapes,
  type ScrapeFacts,
  type SourceText,
} from './rule.js';
export { TextWindow } from './text-window.js';
export { catalog, findEntry, FORMATS, formatsLabel, FIRST_RULE_CODE, isParserCode, PARSER_CODE_RANGE, parseRuleDoc, type CatalogEntry } from './catalog.js';
export { applyFlags, countFindings, exitCode, limitFindings, parseRuleFlag, type ExitPolicy } from './policy.js';
export { defaultFormat, lintReport, type Report, type ReportOptions } from './report.js';
export { detached, lintStream, type LintStreamOptions } from './stream.js';
export { Finding, plainDiagnostic, type FindingData } from './finding.js';
export { retiredCodes, rules, type RuleName } from './rules/index.js';
export { ruleUrl, VERSION } from './version.js';
export { replaceRulesTable, rulesTable, RULES_TABLE_END, RULES_TABLE_START } from './docs.js';
export * from './format/index.js';
