// Numbers as the formats write them (OM 1.0 ABNF `number`, `realnumber`; §Canonical Numbers;
// Prometheus text 0.0.4 values are Go ParseFloat, timestamps int64 milliseconds).
import { isOpenMetrics, type Format } from './spec.js';

const REAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const WORD = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * A sample or exemplar value: `realnumber`, `[SIGN] inf|infinity`, or `nan` (any case). A number
 * beyond a float64 (`1e400`) is none: OM 1.0 §Numbers ("Floating point numbers MUST fit within the
 * range of a 64-bit floating point value"), and Go's ParseFloat, which Prometheus text 0.0.4 values
 * and `le` / `quantile` follow, fails on it with a range error.
 */
export function parseValue(text: string): number | undefined {
  if (REAL.test(text)) return finite(Number(text));
  const word = WORD.exec(text);
  if (word === null) return undefined;
  if (word[2]!.toLowerCase() === 'nan') return word[1] === '' ? NaN : undefined;
  return word[1] === '-' ? -Infinity : Infinity;
}

/** A `realnumber` (OM 1.0 ABNF) within a float64's range (§Numbers). */
export function parseRealNumber(text: string): number | undefined {
  return REAL.test(text) ? finite(Number(text)) : undefined;
}

function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

/** Whether the text is a number in shape (`realnumber`) whose value is beyond a float64. */
export function beyondFloat64(text: string): boolean {
  return REAL.test(text) && !Number.isFinite(Number(text));
}

/**
 * An OpenMetrics timestamp: a `realnumber` of seconds (OM 1.0 ABNF `timestamp`) that fits a
 * float64 (§Numbers: "Floating point numbers MUST fit within the range of a 64-bit floating point
 * value"), so `1e400` is not one; Prometheus (ParseFloat's range error) and client_python
 * ("Invalid timestamp") reject it too. Timestamps whose milliseconds overflow an int64 are left
 * alone: OpenMetrics sets no such limit.
 */
export function parseSeconds(text: string): number | undefined {
  return parseRealNumber(text);
}

const INTEGER = /^[+-]?[0-9]+$/;

/**
 * A Prometheus text timestamp, returned in seconds: "an int64 (milliseconds since epoch …),
 * represented as required by Go's ParseInt() function" (Prometheus exposition formats, text
 * format 0.0.4), so `[+-]?[0-9]+` within int64's range.
 */
export function parseMilliseconds(text: string): number | undefined {
  return INTEGER.test(text) && (text.length < 19 || fitsInt64((i) => text.charCodeAt(i), 0, text.length))
    ? Number(text) / 1000
    : undefined;
}

/**
 * Whether a timestamp that has the shape of one is out of its format's range: beyond a float64
 * (OpenMetrics) or beyond an int64 of milliseconds (Prometheus text).
 */
export function timestampOutOfRange(text: string, format: Format): boolean {
  return isOpenMetrics(format) ? beyondFloat64(text) : INTEGER.test(text) && parseMilliseconds(text) === undefined;
}

/** The digits of 2^63 - 1 and of 2^63: the largest int64 and the magnitude of the smallest. */
const INT64_MAX = '9223372036854775807';
const INT64_MIN = '9223372036854775808';

/**
 * Whether the decimal integer `[+-]?[0-9]+` at `[start, end)` fits Go's int64 (strconv.ParseInt's
 * range); `at(i)` is the character code at `i`. The three readers share it (text and bytes).
 */
export function fitsInt64(at: (i: number) => number, start: number, end: number): boolean {
  let i = start;
  const sign = at(i);
  const negative = sign === 45; /* - */
  if (negative || sign === 43 /* + */) i++;
  while (i < end - 1 && at(i) === 48) i++;
  const length = end - i;
  if (length !== 19) return length < 19;
  const limit = negative ? INT64_MIN : INT64_MAX;
  for (let k = 0; k < 19; k++) {
    const c = at(i + k);
    const l = limit.charCodeAt(k);
    if (c !== l) return c < l;
  }
  return true;
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
  return isOpenMetrics(format) ? parseThreshold(text) : parseValue(text);
}

/** Go's `%g`-like rendering used by OpenMetrics exposers; integers keep no decimal point. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (Object.is(value, -0)) return '-0';
  return String(value);
}
