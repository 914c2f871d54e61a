// One line per change, shared by the text and markdown formats.
import type { Change } from '../types.js';

export type Marker = '+' | '-' | '~';

export interface Line {
  readonly marker: Marker;
  readonly text: string;
  /** A counter reset: rendered louder. */
  readonly alert: boolean;
}

/** Numbers as the text formats write them, rounded to 12 significant digits. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(Number(n.toPrecision(12)));
}

function signed(n: number): string {
  const text = formatNumber(n);
  return n > 0 || n === Infinity ? `+${text.replace(/^\+/, '')}` : text;
}

function quoted(text: string | undefined): string {
  return text === undefined ? '(none)' : JSON.stringify(text);
}

function list(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

function setDelta(added: readonly string[], removed: readonly string[]): string {
  return [...added.map((x) => `+${x}`), ...removed.map((x) => `-${x}`)].join(', ');
}

/** Significant digits of a rate in the text formats: a rate is an estimate (its interval is measured). */
export const RATE_DIGITS = 4;

/**
 * A rate as the text formats write it: an integer exactly (`5/s`), else rounded to `RATE_DIGITS`
 * significant digits (`0.3333/s`, `1235/s`, `0.0001235/s`). The JSON format keeps every digit.
 */
export function formatRate(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return formatNumber(n);
  return String(Number(n.toPrecision(RATE_DIGITS)));
}

function rate(change: { interval?: number; rate?: number }): string {
  return change.rate === undefined ? '' : `, ${formatRate(change.rate)}/s`;
}

export function lineOf(change: Change): Line {
  const line = (marker: Marker, text: string, alert = false): Line => ({ marker, text, alert });
  switch (change.kind) {
    case 'family-added':
      return line('+', `family ${change.family} (${change.type}, ${count(change.series)})`);
    case 'family-removed':
      return line('-', `family ${change.family} (${change.type}, ${count(change.series)})`);
    case 'type-changed':
      return line('~', `TYPE ${change.from} → ${change.to}`);
    case 'help-changed':
      return line('~', `HELP ${quoted(change.from)} → ${quoted(change.to)}`);
    case 'unit-changed':
      return line('~', `UNIT ${quoted(change.from)} → ${quoted(change.to)}`);
    case 'label-schema-changed':
      return line('~', `labels ${list(change.from)} → ${list(change.to)} (${setDelta(change.added, change.removed)})`);
    case 'cardinality-changed':
      return line('~', `series ${change.from} → ${change.to} (${signed(change.delta)})`);
    case 'bucket-layout-changed':
      return line(
        '~',
        `buckets ${change.series} ${list(change.from)} → ${list(change.to)} (${setDelta(change.added, change.removed)})`,
      );
    case 'series-added':
      return line('+', `${change.series} ${formatNumber(change.value)}`);
    case 'series-removed':
      return line('-', `${change.series} ${formatNumber(change.value)}`);
    case 'value-changed':
      return line(
        '~',
        `${change.series} ${formatNumber(change.from)} → ${formatNumber(change.to)} (${signed(change.delta)}${rate(change)})`,
      );
    case 'counter-reset': {
      const why = change.reason === 'created' ? 'counter reset: _created moved' : 'counter reset';
      return line(
        '~',
        `${change.series} ${formatNumber(change.from)} → ${formatNumber(change.to)} (${why}${rate(change)})`,
        true,
      );
    }
  }
}

function count(n: number): string {
  return n === 1 ? '1 series' : `${n} series`;
}

/** Changes grouped by family, keeping their order. */
export function byFamily(changes: readonly Change[]): Map<string, Change[]> {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const group = groups.get(change.family);
    if (group === undefined) groups.set(change.family, [change]);
    else group.push(change);
  }
  return groups;
}

/** `3 changes in 2 families: 1 series-added, 2 value-changed`, or `No changes`. */
export function summaryLine(kinds: Record<string, number>, total: number, families: number): string {
  if (total === 0) return 'No changes';
  const parts = Object.entries(kinds)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  const changes = total === 1 ? '1 change' : `${total} changes`;
  const fams = families === 1 ? '1 family' : `${families} families`;
  return `${changes} in ${fams}: ${parts.join(', ')}`;
}
