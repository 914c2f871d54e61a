// The messages between the page and its Worker, which does all the parsing, linting and converting
// (so that typing stays responsive however large the input). Plain data only.
import type { CatalogEntry } from '@omkit/lint';
import type { Diagnostic, Format } from '@omkit/parser';
import type { Settings } from './settings.js';

/** Inputs up to this many UTF-16 code units are parsed whole and linted with fixes; larger ones are streamed. */
export const WHOLE_TEXT_LIMIT = 1 << 20;
/** At most this many findings are sent to the page (the counts cover them all). */
export const SHOWN_FINDINGS = 2000;

export type Request =
  | { type: 'analyze'; id: number; input: { text: string } | { file: File }; settings: Settings }
  | { type: 'fix'; id: number; text: string; settings: Settings }
  | { type: 'convert'; id: number; text: string; settings: Settings };

export interface CatalogRow extends Pick<CatalogEntry, 'code' | 'name' | 'description' | 'url' | 'origin' | 'fixable' | 'requiresScrape' | 'presets' | 'severity' | 'category'> {}

export interface Counts {
  families: number;
  metrics: number;
  samples: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** One line of the model tree. */
export interface TreeSample {
  text: string;
  line: number;
  /** The parts of an OpenMetrics 2.0 composite value, one per line. */
  composite?: string[];
}

export interface TreeMetric {
  labels: string;
  samples: TreeSample[];
  /** Samples of the metric not shown. */
  more: number;
}

export interface TreeFamily {
  name: string;
  type: string;
  help?: string;
  unit?: string;
  line: number;
  metricCount: number;
  sampleCount: number;
  metrics: TreeMetric[];
  /** Metrics of the family not shown. */
  more: number;
}

export interface Analysis {
  format: Format;
  /** Whether the format was detected (settings say `auto`) rather than chosen. */
  detected: boolean;
  counts: Counts;
  /** The first SHOWN_FINDINGS findings, by position. */
  diagnostics: Diagnostic[];
  /** Whether the findings carry fixes (whole-text inputs only). */
  fixes: boolean;
  /** Whether the input was streamed family by family. */
  streamed: boolean;
  tree: TreeFamily[];
  /** Families not in the tree. */
  treeMore: number;
  millis: number;
}

export type Reply =
  | { type: 'ready'; catalog: CatalogRow[]; presets: { name: string; description: string }[] }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'analysis'; id: number; analysis: Analysis; text?: string; cached?: boolean }
  | { type: 'converted'; id: number; from: Format; to: Format; text?: string; problems: string[]; dropped: string[]; parseErrors: number }
  | { type: 'fixed'; id: number; text: string; fixed: number }
  | { type: 'failed'; id: number; message: string };
