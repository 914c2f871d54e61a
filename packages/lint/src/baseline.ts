// Baselines: accept today's findings, report only new ones. Entries are keyed by code, source,
// metric and the message with digits masked, never by line number, so moving lines or growing
// counts does not resurface an accepted finding.
import type { Diagnostic } from '@omkit/parser';

export interface BaselineEntry {
  code: string;
  name: string;
  source: string;
  metric: string;
  /** The message with every run of digits replaced by `#`. */
  message: string;
  /** How many identical findings were accepted. */
  count: number;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

function mask(message: string): string {
  return message.replace(/\d+/g, '#');
}

/** The stable key of a finding. */
export function fingerprint(d: Pick<Diagnostic, 'code' | 'source' | 'metric' | 'message'>): string {
  return [d.code, d.source ?? '-', d.metric ?? '', mask(d.message)].join('\u0000');
}

/** A baseline accepting every given finding; entries sorted so the file diffs well. */
export function createBaseline(diagnostics: readonly Diagnostic[]): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const d of diagnostics) {
    const key = fingerprint(d);
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else
      byKey.set(key, {
        code: d.code,
        name: d.name,
        source: d.source ?? '-',
        metric: d.metric ?? '',
        message: mask(d.message),
        count: 1,
      });
  }
  const entries = [...byKey.values()].sort(
    (a, b) =>
      a.source.localeCompare(b.source) || a.metric.localeCompare(b.metric) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
  );
  return { version: 1, entries };
}

/** The findings not accepted by the baseline (each entry absorbs up to `count` findings). */
export function applyBaseline<D extends Diagnostic>(diagnostics: readonly D[], baseline: Baseline): D[] {
  const budget = new Map<string, number>();
  for (const e of baseline.entries) {
    const key = fingerprint({ code: e.code, source: e.source, metric: e.metric || undefined, message: e.message });
    budget.set(key, (budget.get(key) ?? 0) + e.count);
  }
  return diagnostics.filter((d) => {
    const key = fingerprint(d);
    const left = budget.get(key) ?? 0;
    if (left <= 0) return true;
    budget.set(key, left - 1);
    return false;
  });
}

/** Checks the shape of a baseline read from JSON; returns an error message or undefined. */
export function validateBaseline(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return 'expected an object';
  const b = x as Partial<Baseline>;
  if (b.version !== 1) return 'expected `version: 1`';
  if (!Array.isArray(b.entries)) return 'expected an `entries` array';
  for (const [i, e] of b.entries.entries()) {
    if (typeof e !== 'object' || e === null) return `entries.${i}: expected an object`;
    for (const k of ['code', 'source', 'metric', 'message'] as const)
      if (typeof (e as unknown as Record<string, unknown>)[k] !== 'string') return `entries.${i}.${k}: expected a string`;
    if (!Number.isInteger(e.count) || e.count < 1) return `entries.${i}.count: expected a positive integer`;
  }
  return undefined;
}
