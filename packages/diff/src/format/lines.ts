// One line per change, shared by the text and markdown formats.
import type { Change, HistogramField, NativeLayoutChanged } from '../types.js';

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
    case 'native-layout-changed':
      return line('~', `native ${change.series} ${nativeLayout(change)}`);
    case 'series-added':
      return line('+', `${change.series} ${formatNumber(change.value)}`);
    case 'series-removed':
      return line('-', `${change.series} ${formatNumber(change.value)}`);
    case 'value-changed':
      return line(
        '~',
        `${change.series}${fieldOf(change)} ${formatNumber(change.from)} → ${formatNumber(change.to)} (${signed(change.delta)}${rate(change)})`,
      );
    case 'counter-reset': {
      const why = change.reason === 'created' ? 'counter reset: _created/st@ moved' : 'counter reset';
      return line(
        '~',
        `${change.series}${fieldOf(change)} ${formatNumber(change.from)} → ${formatNumber(change.to)} (${why}${rate(change)})`,
        true,
      );
    }
  }
}

/** ` count`, ` zero`, ` positive[3]`: the native histogram field a value change is of, if any. */
function fieldOf(change: { field?: HistogramField; index?: number }): string {
  switch (change.field) {
    case undefined:
      return '';
    case 'zero-count':
      return ' zero';
    case 'positive-bucket':
      return ` positive[${change.index}]`;
    case 'negative-bucket':
      return ` negative[${change.index}]`;
    default:
      return ` ${change.field}`;
  }
}

/** `schema 3 → 2, positive [+5, -1]`: the parts of a native layout that changed. */
function nativeLayout(change: NativeLayoutChanged): string {
  const parts: string[] = [];
  if (change.from.schema !== change.to.schema) parts.push(`schema ${change.from.schema} → ${change.to.schema}`);
  if (change.from.zeroThreshold !== change.to.zeroThreshold) {
    parts.push(`zero threshold ${formatNumber(change.from.zeroThreshold)} → ${formatNumber(change.to.zeroThreshold)}`);
  }
  for (const sign of ['positive', 'negative'] as const) {
    const { added, removed } = change[sign];
    if (added.length + removed.length > 0) parts.push(`${sign} [${setDelta(added.map(String), removed.map(String))}]`);
  }
  return parts.join(', ');
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
