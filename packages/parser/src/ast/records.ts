// What one line says, before it is placed in a family. Both line readers produce these: the
// grammar (ast/build.ts) and the fast scanner (scan/fast-line.ts). Offsets are absolute.
import type { CompositeValue, Format, Label, MetricType } from './types.js';
import type { Code, MessageData, MessageId } from '../spec.js';
import type { Edit, Severity } from '../diagnostic.js';

export interface ExemplarRecord {
  labels: Label[];
  value: number;
  timestamp: number | undefined;
  start: number;
  end: number;
}

export interface SampleRecord {
  kind: 'sample';
  name: string;
  labels: Label[];
  /**
   * The label set's text as written, `name="value",…`, when it has no quoted name, no escape and
   * no trailing comma: a cheap identity for the metric; else undefined.
   */
  labelsText?: string | undefined;
  value: number;
  /** Unix seconds. */
  timestamp: number | undefined;
  /** The first exemplar. */
  exemplar: ExemplarRecord | undefined;
  /** OM 2.0: every exemplar, in the order written, when there is more than one. */
  exemplars?: ExemplarRecord[] | undefined;
  /** OM 2.0 `st@`: Unix seconds. */
  startTimestamp?: number | undefined;
  /** OM 2.0 §CompositeValue: the sample's composite value (`value` is then NaN). */
  composite?: CompositeValue | undefined;
  /** Where each field of the composite value is written, by name: absolute `[start, end)`. */
  compositeFields?: Readonly<Record<string, readonly [number, number]>> | undefined;
  start: number;
  end: number;
}

export interface DescriptorRecord {
  kind: 'descriptor';
  keyword: 'HELP' | 'TYPE' | 'UNIT';
  name: string;
  /** The help text (unescaped), the unit, or the type as written. */
  value: string;
  /** The model type, for TYPE lines. */
  type: MetricType | undefined;
  start: number;
  end: number;
}

export interface MarkerRecord {
  kind: 'eof' | 'comment';
  start: number;
  end: number;
}

export type LineRecord = SampleRecord | DescriptorRecord | MarkerRecord;

/** What a report carries besides its code, message id and place. */
export interface ReportExtra {
  /** Fills the message's and the help's `{{key}}`s (spec.ts). */
  data?: MessageData;
  expected?: string;
  actual?: string;
  severity?: Severity;
  /** A safe fix: replace the absolute offsets `[start, end)` of the current line with `text`. */
  fix?: { description: string; start: number; end: number; text: string };
  /** A safe fix of edits anywhere, with their spans. */
  edits?: { description: string; edits: Edit[] };
}

/**
 * How line readers report problems: absolute offsets within the current line, and the message by
 * its id in the diagnostic table (spec.ts), made only when the diagnostic is.
 */
export type Reporter = <C extends Code>(code: C, start: number, end: number, id: MessageId<C>, extra?: ReportExtra) => void;

export interface LineContext {
  format: Format;
  report: Reporter;
}

/**
 * Whether `name` is already among `labels`: a scan for the usual handful, a set for the rest
 * (a line with 100k labels must stay linear). `seen` is filled lazily and owned by the caller.
 */
export function hasLabel(labels: readonly Label[], name: string, seen: { set?: Set<string> }): boolean {
  if (labels.length < 32) {
    for (let k = 0; k < labels.length; k++) if (labels[k]!.name === name) return true;
    return false;
  }
  if (seen.set === undefined) seen.set = new Set(labels.map((l) => l.name));
  else for (let k = seen.set.size; k < labels.length; k++) seen.set.add(labels[k]!.name);
  return seen.set.has(name);
}

/**
 * What finished families leave for the checks of later ones (the assembler's cross-family state):
 * what the byte reader (scan/certify.ts) hands the assembler when it stops vouching.
 */
export interface Carried {
  /** Every family name so far, with its type. */
  readonly familyTypes: Map<string, MetricType>;
  /** OM 1.0 §Suffixes: every sample name a finished family could produce. */
  readonly claimedNames: Set<string>;
}
