// defineRule(), rule metadata, the RuleContext given to rules and the listener types.
import type {
  Category,
  Diagnostic,
  Fix,
  Format,
  Metric,
  MetricFamily,
  ParseResult,
  Sample,
  Severity,
  Span,
} from '@omkit/parser';
import * as v from 'valibot';
import { ruleUrl } from './version.js';

export type RuleCategory = Exclude<Category, 'syntax'>;
/** A configured severity: a Severity, or `off`. */
export type RuleLevel = Severity | 'off';
export type PresetName = 'recommended' | 'strict' | 'otel';

/** Where a rule comes from: the spec section, the promlint function, the guide page, … */
export interface RuleSource {
  kind: 'spec' | 'promlint' | 'naming-guide' | 'instrumentation-guide' | 'otel' | 'prometheus';
  ref: string;
}

/** A fact about the transport of a scrape (Content-Type, status, size…), from @omkit/fetch. */
export interface ScrapeFact {
  kind: string;
  [key: string]: unknown;
}
export type ScrapeFacts = readonly ScrapeFact[];

/**
 * The facts the `OM3xx` rules read, by kind: the shapes @omkit/fetch records (structurally; lint
 * does not depend on fetch). A fact of a known kind with other fields is ignored by the rules.
 */
export interface ScrapeFactShapes {
  status: { kind: 'status'; status: number; statusText: string; prometheus?: 'fails' };
  'content-type': {
    kind: 'content-type';
    problem: 'missing' | 'unparsable' | 'unsupported';
    contentType: string | null;
    fallback: string | null;
    prometheus: 'fails' | 'uses-fallback';
  };
  'format-negotiation': {
    kind: 'format-negotiation';
    preferred: 'openmetrics';
    received: 'prometheus' | 'protobuf' | null;
    contentType: string | null;
  };
  'content-encoding': { kind: 'content-encoding'; encoding: string; problem: 'not-gzip' | 'not-requested'; prometheus: 'fails' | 'ok' };
  'body-size': { kind: 'body-size'; bytes: number; limit: number; problem: 'near-limit' | 'too-large'; prometheus: 'ok' | 'fails' };
  'empty-body': { kind: 'empty-body' };
  'missing-eof': { kind: 'missing-eof'; tail: string };
  'invalid-utf8': { kind: 'invalid-utf8' };
  redirect: { kind: 'redirect'; status: number; from: string; to: string; crossOrigin: boolean; credentialsDropped: boolean };
  'insecure-tls': { kind: 'insecure-tls' };
  'credentials-over-http': { kind: 'credentials-over-http'; host: string };
  'auth-retry': { kind: 'auth-retry'; status: number };
  'secret-echoed': { kind: 'secret-echoed'; where: 'headers' | 'body' };
  /** The answer is OpenMetrics 2.x though the Accept header did not ask for that version. */
  'unrequested-version': { kind: 'unrequested-version'; version: string; contentType: string };
  /** The prometheus.yml job the target was scraped for (`om lint --prometheus-config … --job …`). */
  'scrape-job': { kind: 'scrape-job'; job: string; honorLabels: boolean };
}
export type ScrapeFactKind = keyof ScrapeFactShapes;
/** Any fact an `OM3xx` rule reads. */
export type KnownScrapeFact = ScrapeFactShapes[ScrapeFactKind];

/** The facts of one kind, typed (facts of other kinds are skipped). */
export function factsOf<K extends ScrapeFactKind>(facts: ScrapeFacts | undefined, kind: K): ScrapeFactShapes[K][] {
  return (facts ?? []).filter((f) => f.kind === kind) as unknown as ScrapeFactShapes[K][];
}

/** A valibot schema for a rule's options; parsing `{}` must yield the defaults. */
export type OptionsSchema<O> = v.GenericSchema<unknown, O>;

export interface RuleMeta<M extends string = string> {
  /** `OM` + 3 digits; never renumbered or reused. */
  code: string;
  /** kebab-case; equals the file stem. */
  name: string;
  category: RuleCategory;
  /** Default severity when enabled. */
  severity: Severity;
  /** One sentence; equals the doc's front-matter `description`. */
  description: string;
  since: string;
  sources: readonly RuleSource[];
  fixable: boolean;
  requiresScrape: boolean;
  /** Presets that enable the rule (every rule of `recommended` is in `strict` and `otel` too). */
  presets: readonly PresetName[];
  /**
   * The input formats the rule judges (absent: every format). The engine runs it only on an
   * exposition of one of them; `om rules` shows them.
   */
  formats?: readonly Format[];
  /** Message templates by id; `{{key}}` is replaced from the report's data. */
  messages: Record<M, string>;
  /** The remedy, by message id (optional), `{{key}}` templates allowed. */
  help?: Partial<Record<M, string>>;
}

export interface ReportDescriptor<M extends string = string> {
  messageId: M;
  data?: Record<string, string | number>;
  span?: Span;
  /** Defaults to the family being visited. */
  metric?: string;
  detail?: Diagnostic['detail'];
  fix?: Fix;
  /**
   * A severity for this finding when the user has not configured the rule's severity
   * (graded rules such as cardinality thresholds).
   */
  severity?: Severity;
}

/** Text by absolute offsets (UTF-16 units, as in spans); undefined where it is no longer held. */
export interface SourceText {
  slice(start: number, end: number): string | undefined;
}

export interface RuleContext<O, M extends string = string> {
  readonly options: O;
  readonly result: ParseResult;
  /** The scrape facts, if any; in a lint session, known only in `Exposition:exit`. */
  readonly scrape?: ScrapeFacts;
  /** The exposition text when the caller passed it (needed to build fixes); rules must cope without it. */
  readonly text?: string;
  /**
   * The text by absolute offsets, for spans inside a line: the whole text, or in a lint session
   * the part of the input still held (the family being walked). Absent when there is no text.
   */
  readonly source?: SourceText;
  /** The family being visited, if any. */
  readonly family?: MetricFamily;
  report(descriptor: ReportDescriptor<M>): void;
}

/** Listeners are called during the one walk, in document order. */
export interface RuleListener {
  Exposition?(result: ParseResult): void;
  MetricFamily?(family: MetricFamily): void;
  Metric?(metric: Metric, family: MetricFamily): void;
  Sample?(sample: Sample, metric: Metric, family: MetricFamily): void;
  'MetricFamily:exit'?(family: MetricFamily): void;
  'Exposition:exit'?(result: ParseResult): void;
}
export type ListenerName = keyof RuleListener;

export interface Rule<O = unknown, M extends string = string> extends RuleMeta<M> {
  /** Version-pinned documentation link. */
  url: string;
  /** valibot schema of the options; `{}` parses to the defaults. */
  options: OptionsSchema<O>;
  /** Options per preset (e.g. `strict` turns on a stricter mode). */
  presetOptions?: Partial<Record<PresetName, Record<string, unknown>>>;
  create(ctx: RuleContext<O, M>): RuleListener;
}

/** Any rule, for registries and the engine. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, string>;

const noOptions = v.optional(v.strictObject({}), {});

export interface RuleDefinition<O, M extends string> extends RuleMeta<M> {
  options?: OptionsSchema<O>;
  presetOptions?: Partial<Record<PresetName, Record<string, unknown>>>;
  create(ctx: RuleContext<O, M>): RuleListener;
}

/** Defines a rule: fills `url` from the name and the package version. */
export function defineRule<O = Record<string, never>, M extends string = string>(
  definition: RuleDefinition<O, M>,
): Rule<O, M> {
  return {
    ...definition,
    options: (definition.options ?? noOptions) as OptionsSchema<O>,
    url: ruleUrl(definition.name),
  };
}

/** `{{key}}` templates. */
export function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in data ? shorten(String(data[key])) : whole,
  );
}

/** Values longer than this are cut in messages: a name of 100 MB says no more in full. */
const MESSAGE_VALUE_LIMIT = 200;

/** `value`, or its start and end around the number of characters left out. */
export function shorten(value: string): string {
  if (value.length <= MESSAGE_VALUE_LIMIT) return value;
  const keep = MESSAGE_VALUE_LIMIT / 2;
  return `${value.slice(0, keep)}…(${value.length - 2 * keep} more characters)…${value.slice(-keep)}`;
}
