// Numbers as the formats write them (OM 1.0 ABNF `number`, `realnumber`; §Canonical Numbers;
// Prometheus text 0.0.4 values are Go ParseFloat, timestamps int64 milliseconds).
import type { Format } from './ast/types.js';

const REAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const WORD = /^([+-]?)(inf|infinity|nan)$/i;

/** A sample or exemplar value: `realnumber`, `[SIGN] inf|infinity`, or `nan` (any case). */
export function parseValue(text: string): number | undefined {
  if (REAL.test(text)) return Number(text);
  const word = WORD.exec(text);
  if (word === null) return undefined;
  if (word[2]!.toLowerCase() === 'nan') return word[1] === '' ? NaN : undefined;
  return word[1] === '-' ? -Infinity : Infinity;
}

/** An OpenMetrics timestamp: a `realnumber` of seconds. */
export function parseRealNumber(text: string): number | undefined {
  return REAL.test(text) ? Number(text) : undefined;
}

const INTEGER = /^[+-]?[0-9]+$/;

/** A Prometheus text timestamp: integer milliseconds, returned in seconds. */
export function parseMilliseconds(text: string): number | undefined {
  return INTEGER.test(text) ? Number(text) / 1000 : undefined;
}

/**
 * An `le` or `quantile` label value. Any real number is accepted (OM 1.0 §Canonical Numbers:
 * parsers MUST NOT reject non-canonical renderings), but infinities must be written `+Inf` /
 * `-Inf`, and NaN is never a threshold.
 */
export function parseThreshold(text: string): number | undefined {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return parseRealNumber(text);
}

/**
 * The value of an `le` or `quantile` label as the parser reads it in a format: OpenMetrics as
 * `parseThreshold`, Prometheus text as Go's ParseFloat (expfmt), where `Inf` and `NaN` are spelled
 * freely. Undefined where the parser reports the label instead.
 */
export function thresholdValue(text: string, format: Format): number | undefined {
  return format === 'openmetrics' ? parseThreshold(text) : parseValue(text);
}

/** Go's `%g`-like rendering used by OpenMetrics exposers; integers keep no decimal point. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}
