// One walk over the model dispatching each node to the listeners of the enabled rules.
import { parse, samplesOf, type Diagnostic, type Format, type Metric, type MetricFamily, type ParseResult, type Sample, type StreamItem } from '@omkit/parser';
import { applyBaseline, type Baseline } from './baseline.js';
import { resolveConfig, type Config, type ResolvedConfig, type ResolvedRule } from './config.js';
import { InternalError } from './errors.js';
import { Finding, plainDiagnostic } from './finding.js';
import { type ReportDescriptor, type RuleContext, type RuleListener, type ScrapeFacts, type SourceText } from './rule.js';

export interface LintOptions {
  /** A config as read from JSON (validated here; throws `ConfigError`) or a `resolveConfig` result. */
  config?: Config | ResolvedConfig;
  /** Path relative to cwd, `-` for stdin, or the URL (default `-`). */
  source?: string;
  /** Transport facts from @omkit/fetch; rules with `requiresScrape` run only when given. */
  scrape?: ScrapeFacts;
  /** Findings accepted earlier; only new ones are returned. */
  baseline?: Baseline;
  /** The exposition text, for rules that offer fixes (they need the text to build edits). */
  text?: string;
  /**
   * Return the rules' findings as `Finding`s: read-only diagnostics that keep the rule, the message
   * id and the data, and make `message`, `help` and `url` when read (their JSON is the plain
   * diagnostic's). Far less memory for many findings; but a spread (`{...d}`) copies only their own
   * fields, so by default findings are plain objects.
   */
  compact?: boolean;
}

type Env = { source: string; scrape?: ScrapeFacts; text?: string; lines?: SourceText };

const wholeText = (text: string): SourceText => ({ slice: (start, end) => text.slice(start, end) });

const resolvedCache = new WeakMap<object, ResolvedConfig>();
function resolve(config: Config | ResolvedConfig | undefined): ResolvedConfig {
  const key = config ?? defaultKey;
  let r = resolvedCache.get(key);
  if (!r) {
    r = resolveConfig(config ?? {});
    resolvedCache.set(key, r);
  }
  return r;
}
const defaultKey = {};

type Fn<A extends unknown[]> = (...args: A) => void;

/**
 * Lints a parsed exposition: the parser's diagnostics (unchanged; they cannot be turned off,
 * ignored or baselined) plus the findings of the enabled rules, sorted by position.
 */
export function lint(result: ParseResult, options: LintOptions = {}): Diagnostic[] {
  const config = resolve(options.config);
  const source = options.source ?? '-';
  const found = runCompact(result, config.rules, {
    source,
    ...(options.scrape ? { scrape: options.scrape } : {}),
    ...(options.text !== undefined ? { text: options.text } : {}),
  });
  return settle(withSource(result.diagnostics, source), found, config, source, options.baseline, options.compact);
}

export interface LintSessionOptions extends Omit<LintOptions, 'scrape' | 'text'> {
  /**
   * The input's text as far as it is still held (e.g. a `TextWindow` fed the same chunks as
   * parseStream()), so that findings inside a line point where the whole-text lint points.
   */
  lines?: SourceText;
  /**
   * Applied to every diagnostic as it is kept until the end, e.g. to copy it out of the memory of
   * the input chunk its strings were cut from.
   */
  keep?: (diagnostic: Diagnostic) => Diagnostic;
}

/** An exposition linted as it arrives; see lintSession(). */
export interface LintSession {
  /**
   * The next families of the exposition, in text order, with the parser's diagnostics up to their
   * end: a ParseResult, or an item as parseStream() yields it (its one family, or none).
   */
  add(part: ParseResult | StreamItem): void;
  /** Ends the exposition and returns what lint() would: `scrape` facts are often known only now. */
  finish(scrape?: ScrapeFacts): Diagnostic[];
}

/**
 * Lints an exposition that arrives in parts, as parseStream() yields its families: each rule is
 * created once and keeps its state from one part to the next, so checks across families
 * (`target_info` first, a label on every series, a suffix clashing with another family) see the
 * whole input, and the ignores and the baseline apply once, at the end. Nothing of a part is kept
 * but the findings. Rules get no whole text, so they offer no fixes; with `lines` they read the
 * lines of the part being walked, for spans inside a line.
 */
export function lintSession(options: LintSessionOptions = {}): LintSession {
  const config = resolve(options.config);
  const source = options.source ?? '-';
  const keep = options.keep ?? ((d: Diagnostic) => d);
  const parsed: Diagnostic[] = [];
  // Made with the first part: rules may read its format when they are created.
  let runner: Runner | undefined;
  // The facts come with finish(): rules that read them (e.g. the job's honor_labels) do so on exit.
  const env: Env = { source, ...(options.lines ? { lines: options.lines } : {}) };
  const begin = (first: ParseResult): Runner => {
    const made = createRunner(config.rules.filter((r) => !r.rule.requiresScrape), env, keep, first);
    made.start(first);
    return made;
  };
  let end: ParseResult | undefined;
  return {
    add(item) {
      const part: ParseResult = 'families' in item ? item : { format: item.format, families: item.family ? [item.family] : [], diagnostics: item.diagnostics };
      for (const d of withSource(part.diagnostics, source)) parsed.push(keep(d));
      runner ??= begin(part);
      runner.walk(part);
      end = { format: part.format, families: [], diagnostics: [] };
    },
    finish(scrape) {
      end ??= { format: 'prometheus', families: [], diagnostics: [] };
      runner ??= begin(end);
      if (scrape) env.scrape = scrape;
      runner.exit(end);
      const found = runner.found;
      // Rules on the transport only read the facts, known once the body has been read.
      if (scrape) for (const d of runCompact(end, config.rules.filter((r) => r.rule.requiresScrape), { source, scrape })) found.push(keep(d));
      return settle(parsed, found, config, source, options.baseline, options.compact);
    },
  };
}

function withSource(diagnostics: readonly Diagnostic[], source: string): Diagnostic[] {
  return diagnostics.map((d) => (d.source === undefined ? { ...d, source } : d));
}

/** The parser's diagnostics plus the rules' findings that the ignores and the baseline let through, sorted. */
function settle(parsed: Diagnostic[], found: Diagnostic[], config: ResolvedConfig, source: string, baseline: Baseline | undefined, compact = false): Diagnostic[] {
  let kept = found;
  if (config.ignore.length) {
    kept = kept.filter(
      (d) =>
        !config.ignore.some(
          (ig) =>
            (ig.code === '*' || ig.code === d.code) &&
            (!ig.metric || (d.metric !== undefined && ig.metric(d.metric))) &&
            (!ig.source || ig.source(source)),
        ),
    );
  }
  if (baseline) kept = applyBaseline(kept, baseline);
  if (compact) for (const d of kept) parsed.push(d);
  else for (const d of kept) parsed.push(plainDiagnostic(d));
  return sortDiagnostics(parsed);
}

/** Sorts by position (whole-input findings first), then code. Stable. */
export function sortDiagnostics<D extends Diagnostic>(list: D[]): D[] {
  return list.sort((a, b) => {
    const ao = Finding.startOffset(a);
    const bo = Finding.startOffset(b);
    return ao - bo || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  });
}

/** Runs the given rules (already resolved) over a result; returns their findings unsorted. */
export function runRules(
  result: ParseResult,
  enabled: readonly ResolvedRule[],
  env: Env,
): Diagnostic[] {
  return runCompact(result, enabled, env).map(plainDiagnostic);
}

/** runRules(), the findings as `Finding`s. */
function runCompact(result: ParseResult, enabled: readonly ResolvedRule[], env: Env): Diagnostic[] {
  const runner = createRunner(enabled, env, (d) => d, result);
  runner.start(result);
  runner.walk(result);
  runner.exit(result);
  return runner.found;
}

/** The enabled rules, created once, and the three steps of a walk over an exposition. */
interface Runner {
  /** `Exposition` listeners, with the exposition (or its first part). */
  start(result: ParseResult): void;
  /** Every family of a result (or part), its metrics and samples. */
  walk(part: ParseResult): void;
  /** `Exposition:exit` listeners. */
  exit(result: ParseResult): void;
  /** The findings so far, unsorted. */
  readonly found: Diagnostic[];
}

/** `first`: the exposition or its first part, what rules see as ctx.result when they are created. */
function createRunner(
  enabled: readonly ResolvedRule[],
  env: Env,
  keep: (d: Diagnostic) => Diagnostic,
  first: ParseResult,
): Runner {
  const out: Diagnostic[] = [];
  let currentFamily: MetricFamily | undefined;
  // What rules see as ctx.result: the exposition, or the part being walked.
  let current = first;

  const exposition: Fn<[ParseResult]>[] = [];
  const expositionExit: Fn<[ParseResult]>[] = [];
  const familyEnter: Fn<[MetricFamily]>[] = [];
  const familyExit: Fn<[MetricFamily]>[] = [];
  const metric: Fn<[Metric, MetricFamily]>[] = [];
  const sample: Fn<[Sample, Metric, MetricFamily]>[] = [];

  for (const entry of enabled) {
    const { rule } = entry;
    if (rule.requiresScrape && !env.scrape) continue;
    if (rule.formats && !rule.formats.includes(first.format)) continue;
    const ctx: RuleContext<unknown> = {
      options: entry.options,
      get result() {
        return current;
      },
      get scrape() {
        return env.scrape;
      },
      ...(env.text !== undefined ? { text: env.text } : {}),
      ...(env.lines !== undefined ? { source: env.lines } : env.text !== undefined ? { source: wholeText(env.text) } : {}),
      get family() {
        return currentFamily;
      },
      report(r: ReportDescriptor) {
        const template = rule.messages[r.messageId];
        if (template === undefined) throw new InternalError(`rule ${rule.code}/${rule.name} reported unknown messageId "${r.messageId}"`);
        const metricName = r.metric ?? currentFamily?.name;
        // Kept compactly: message, help and url are read from the rule's table when asked for.
        const d = new Finding(
          rule,
          r.messageId,
          r.data,
          r.severity && !entry.severityConfigured ? r.severity : entry.severity,
          env.source,
          r.span,
          metricName,
          r.detail,
          r.fix,
        );
        out.push(keep(d));
      },
    };
    let listener: RuleListener;
    try {
      listener = rule.create(ctx);
    } catch (cause) {
      throw new InternalError(`rule ${rule.code}/${rule.name} failed to start`, { cause });
    }
    const wrap = <A extends unknown[]>(fn: Fn<A> | undefined, list: Fn<A>[]) => {
      if (!fn) return;
      list.push((...args: A) => {
        try {
          fn.apply(listener, args);
        } catch (cause) {
          throw new InternalError(`rule ${rule.code}/${rule.name} crashed`, { cause });
        }
      });
    };
    wrap(listener.Exposition, exposition);
    wrap(listener['Exposition:exit'], expositionExit);
    wrap(listener.MetricFamily, familyEnter);
    wrap(listener['MetricFamily:exit'], familyExit);
    wrap(listener.Metric, metric);
    wrap(listener.Sample, sample);
  }

  const needMetric = metric.length > 0;
  const needSample = sample.length > 0;
  return {
    found: out,
    start(result) {
      current = result;
      for (const fn of exposition) fn(result);
    },
    walk(part) {
      current = part;
      for (const family of part.families) {
        currentFamily = family;
        for (const fn of familyEnter) fn(family);
        if (needMetric || needSample) {
          for (const m of family.metrics) {
            for (const fn of metric) fn(m, family);
            // Only rules with a `Sample` listener make sample objects; the others read the cursor.
            if (needSample)
              for (const c = samplesOf(m); c.next(); ) {
                const s = c.sample();
                for (const fn of sample) fn(s, m, family);
              }
          }
        }
        for (const fn of familyExit) fn(family);
      }
      currentFamily = undefined;
    },
    exit(result) {
      current = result;
      for (const fn of expositionExit) fn(result);
    },
  };
}

/**
 * Applies the fixes of the given diagnostics to `text` (only `safe` ones unless `unsafe`). Edits
 * of one fix are applied together or not at all; a fix overlapping an earlier one is left for the
 * next pass.
 */
export function applyFixes(
  text: string,
  diagnostics: readonly Diagnostic[],
  options: { unsafe?: boolean } = {},
): { text: string; applied: Diagnostic[] } {
  const candidates = diagnostics
    .filter((d) => d.fix && d.fix.edits.length > 0 && (d.fix.applicability === 'safe' || options.unsafe))
    .map((d) => {
      const edits = [...d.fix!.edits].sort((a, b) => a.span.start.offset - b.span.start.offset);
      return { d, edits };
    }); // in the given order (lint's is by position): the first of two overlapping fixes wins
  const taken: { start: number; end: number }[] = [];
  const applied: Diagnostic[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const overlaps = (s: number, e: number) => taken.some((t) => s < t.end && t.start < e || (s === e && s > t.start && s < t.end));
  for (const c of candidates) {
    if (c.edits.some((e) => overlaps(e.span.start.offset, e.span.end.offset))) continue;
    for (const e of c.edits) {
      taken.push({ start: e.span.start.offset, end: e.span.end.offset });
      edits.push({ start: e.span.start.offset, end: e.span.end.offset, text: e.text });
    }
    applied.push(c.d);
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied };
}

export interface FixOptions extends Omit<LintOptions, 'text'> {
  /** Passed to the parser on every pass. */
  format?: Format | 'auto';
  /** Also apply fixes marked `unsafe`. */
  unsafe?: boolean;
  /** Give up after this many parse–fix rounds (default 10). */
  maxPasses?: number;
}

export interface FixResult {
  /** The fixed text. */
  text: string;
  /** The findings whose fixes were applied, over all passes. */
  fixed: Diagnostic[];
  /** What remains: `lint` of the fixed text. */
  diagnostics: Diagnostic[];
}

/** Parses, lints, applies fixes and reparses until nothing is left to fix. Idempotent. */
export function fixText(text: string, options: FixOptions = {}): FixResult {
  const { format = 'auto', unsafe, maxPasses = 10, ...lintOptions } = options;
  const fixed: Diagnostic[] = [];
  let current = text;
  let diagnostics = lint(parse(current, { format }), { ...lintOptions, text: current });
  for (let pass = 0; pass < maxPasses; pass++) {
    const r = applyFixes(current, diagnostics, { unsafe: unsafe ?? false });
    if (r.applied.length === 0 || r.text === current) break;
    fixed.push(...r.applied);
    current = r.text;
    diagnostics = lint(parse(current, { format }), { ...lintOptions, text: current });
  }
  return { text: current, fixed, diagnostics };
}
