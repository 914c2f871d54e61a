// A hand-written reader for the common, well-formed sample line, on charCodeAt without slicing
// more than the strings the model keeps. It accepts a line only when the grammar would accept it
// with the same result and no diagnostic; anything unusual (escapes, quoted names, extra blanks,
// odd numbers, any error) returns undefined and the line goes to the grammar, which is the
// definition of the language and the source of every diagnostic. A property test holds the two
// equal (test/fast-line.test.ts).
import { TYPE_WORDS, typeOfWord } from '../spec.js';
import { hasLabel, type DescriptorRecord, type ExemplarRecord, type MarkerRecord, type SampleRecord } from '../ast/records.js';
import type { BucketSpan, ClassicBucket, CompositeValue, Label, MetricType, NativeBuckets } from '../ast/types.js';
import { fitsInt64, parseRealNumber, parseValue } from '../number.js';
import { BACKSLASH, CLASSES, COMMA, EQUALS, exactValue, HASH, LABEL_CHAR, LABEL_START, LBRACE, NAME_CHAR, NAME_START, QUOTE, RBRACE, SPACE } from './chars.js';

const NO_LABELS: readonly Label[] = Object.freeze([]);

function isNameStart(c: number): boolean {
  return c < 128 && (CLASSES[c]! & NAME_START) !== 0;
}
function isLabelStart(c: number): boolean {
  return c < 128 && (CLASSES[c]! & LABEL_START) !== 0;
}
function isLabelChar(c: number): boolean {
  return c < 128 && (CLASSES[c]! & LABEL_CHAR) !== 0;
}
function isNameChar(c: number): boolean {
  return c < 128 && (CLASSES[c]! & NAME_CHAR) !== 0;
}

/** Reading position and results, reused across lines to avoid allocating per call. */
let pos = 0;
let labels: Label[] = [];
let previousName = '';
/**
 * The labels of the last label set read in full, for reuse by position, and which of them were
 * written without escapes (bit k for label k; only such a value can be recognised in the text).
 */
let previous: readonly Label[] = [];
let previousPlain = 0;
/** The text between the braces when nothing in it is escaped (see SampleRecord.labelsText). */
let labelsText: string | undefined;

/**
 * The next backslash at or after a position, searched once per text rather than once per label
 * value (positions only grow while a text is read).
 */
let backslashText: string | undefined;
let searchedFrom = 0;
let nextBackslash = -1;
function backslashFrom(text: string, from: number): number {
  // The cached answer holds while `from` lies between where the search began and what it found.
  if (text !== backslashText || from < searchedFrom || (nextBackslash !== -1 && nextBackslash < from)) {
    backslashText = text;
    searchedFrom = from;
    nextBackslash = text.indexOf('\\', from);
  }
  return nextBackslash === -1 ? Infinity : nextBackslash;
}

/** Forgets what the scanner remembers between lines, so that it keeps no input alive after a run. */
export function resetScanner(): void {
  labels = [];
  previousName = '';
  previous = [];
  previousPlain = 0;
  labelsText = undefined;
  backslashText = undefined;
  nextBackslash = -1;
}

/** Ends a label set read in full at `close` (its `}`), remembering it for the next line. */
function closeLabels(text: string, open: number, close: number, canonical: boolean, plain: number): boolean {
  pos = close + 1;
  if (canonical) labelsText = text.slice(open + 1, close);
  // An exact-size copy: the model may keep the set, and push left room for 17 labels.
  labels = labels.slice();
  previous = labels;
  previousPlain = plain;
  return true;
}

/** Reads `{name="value",...}` at `pos`; leaves `pos` after `}`. */
const seenNames: { set?: Set<string> } = {};

function readLabels(text: string, end: number): boolean {
  labels = [];
  seenNames.set = undefined;
  labelsText = undefined;
  const open = pos;
  let i = pos + 1;
  if (text.charCodeAt(i) === RBRACE) {
    pos = i + 1;
    labelsText = '';
    return true;
  }
  let canonical = true;
  let plain = 0;
  // While every label so far is the previous set's label at the same position, a name cannot
  // repeat one before it (the previous set had no repeats).
  let sameAsPrevious = true;
  for (;;) {
    const nameStart = i;
    const k = labels.length;
    // Lines of one family repeat their label names and often their values: reuse the previous
    // set's strings and Label objects when the text matches them.
    const reuse = k < previous.length ? previous[k] : undefined;
    let name: string;
    if (reuse !== undefined && text.startsWith(reuse.name, i) && text.charCodeAt(i + reuse.name.length) === EQUALS) {
      name = reuse.name;
      i += name.length;
    } else {
      if (!isLabelStart(text.charCodeAt(i))) return false;
      i++;
      while (i < end && isLabelChar(text.charCodeAt(i))) i++;
      name = text.slice(nameStart, i);
    }
    if (text.charCodeAt(i) !== EQUALS || text.charCodeAt(i + 1) !== QUOTE) return false;
    i += 2;
    if (
      reuse !== undefined &&
      k < 31 &&
      ((previousPlain >>> k) & 1) === 1 &&
      name === reuse.name &&
      text.charCodeAt(i + reuse.value.length) === QUOTE &&
      text.startsWith(reuse.value, i)
    ) {
      if (!sameAsPrevious && hasLabel(labels, name, seenNames)) return false;
      labels.push(reuse);
      plain |= 1 << k;
      i += reuse.value.length + 1;
      const c = text.charCodeAt(i);
      if (c === RBRACE) return closeLabels(text, open, i, canonical, plain);
      if (c !== COMMA) return false;
      i++;
      continue;
    }
    sameAsPrevious = false;
    let value: string;
    let escaped = false;
    let quote = text.indexOf('"', i);
    if (quote === -1 || quote >= end) return false;
    if (backslashFrom(text, i) > quote) {
      value = text.slice(i, quote);
    } else {
      // OM 1.0 §Escaping: `\\`, `\"`, `\n`; any other escape goes to the grammar (a warning).
      canonical = false;
      escaped = true;
      value = '';
      let from = i;
      for (;;) {
        if (i >= end) return false;
        const c = text.charCodeAt(i);
        if (c === QUOTE) break;
        if (c === BACKSLASH) {
          const next = text.charCodeAt(i + 1);
          const decoded = next === BACKSLASH ? '\\' : next === QUOTE ? '"' : next === 110 /* n */ ? '\n' : undefined;
          if (decoded === undefined) return false;
          value += text.slice(from, i) + decoded;
          i += 2;
          from = i;
          continue;
        }
        i++;
      }
      quote = i;
      value += text.slice(from, i);
    }
    i = quote;
    if (hasLabel(labels, name, seenNames)) return false;
    labels.push({ name, value });
    if (!escaped && k < 31) plain |= 1 << k;
    i++;
    const c = text.charCodeAt(i);
    if (c === RBRACE) return closeLabels(text, open, i, canonical, plain);
    if (c !== COMMA) return false;
    i++;
  }
}

/**
 * Reads a number up to the next space or `end`; NaN means "not for the fast path". The shape is
 * checked as OM 1.0 ABNF `realnumber` (plus `Inf`, `+Inf`, `-Inf` when `words`), and the value is
 * computed without building a string when it is exact that way: at most 15 significant digits
 * and a power of ten up to 22, one correctly rounded multiplication or division (Clinger's fast
 * path). Longer numbers go through Number(), as the grammar's reading does.
 */
function readNumber(text: string, end: number, words: boolean): number {
  const start = pos;
  let i = start;
  let c = text.charCodeAt(i);
  let negative = false;
  if (c === 43 /* + */ || c === 45 /* - */) {
    negative = c === 45;
    c = text.charCodeAt(++i);
  }
  if (c === 73 /* I */ || c === 78 /* N */) {
    while (i < end && text.charCodeAt(i) !== SPACE) i++;
    pos = i;
    if (!words) return NaN;
    const word = text.slice(start, i);
    return word === '+Inf' || word === 'Inf' ? Infinity : word === '-Inf' ? -Infinity : NaN;
  }
  let mantissa = 0;
  let significant = 0;
  let fraction = 0;
  let digits = false;
  for (; i < end; c = text.charCodeAt(++i)) {
    if (c < 48 || c > 57) break;
    digits = true;
    if (mantissa !== 0 || c !== 48) significant++;
    mantissa = mantissa * 10 + (c - 48);
  }
  if (c === 46 /* . */ && i < end) {
    for (c = text.charCodeAt(++i); i < end; c = text.charCodeAt(++i)) {
      if (c < 48 || c > 57) break;
      digits = true;
      if (mantissa !== 0 || c !== 48) significant++;
      mantissa = mantissa * 10 + (c - 48);
      fraction++;
    }
  }
  if (!digits) return NaN;
  let exponent = 0;
  if ((c === 101 /* e */ || c === 69) /* E */ && i < end) {
    c = text.charCodeAt(++i);
    let negativeExponent = false;
    if (c === 43 || c === 45) {
      negativeExponent = c === 45;
      c = text.charCodeAt(++i);
    }
    let exponentDigits = false;
    for (; i < end; c = text.charCodeAt(++i)) {
      if (c < 48 || c > 57) break;
      exponentDigits = true;
      if (exponent < 1e6) exponent = exponent * 10 + (c - 48);
    }
    if (!exponentDigits) return NaN;
    if (negativeExponent) exponent = -exponent;
  }
  if (i < end && c !== SPACE) return NaN;
  pos = i;
  const scale = exponent - fraction;
  const value = exactValue(mantissa, significant, scale) ?? Number(text.slice(negative || text.charCodeAt(start) === 43 ? start + 1 : start, i));
  // Digits beyond a float64 (`1e400`) are no number (number.ts parseValue): the grammar's.
  if (value === Infinity) return NaN;
  return negative ? -value : value;
}

/** The label set `readHead` read (the shared empty one when the line has no braces) and its text. */
let headLabels: readonly Label[] = NO_LABELS;
let headLabelsText: string | undefined = '';

/**
 * Reads a sample line's name and label set and the space after them, both versions' shape:
 * the name in `previousName`, the labels in `headLabels`/`headLabelsText`, `pos` at the value.
 * False: not the fast path's shape.
 */
function readHead(text: string, start: number, end: number): boolean {
  let i = start;
  // Consecutive lines mostly repeat the sample name: reuse the string when the text matches.
  if (text.startsWith(previousName, i) && !isNameChar(text.charCodeAt(i + previousName.length)) && previousName !== '') {
    i += previousName.length;
  } else {
    if (!isNameStart(text.charCodeAt(i))) return false;
    i++;
    while (i < end && isNameChar(text.charCodeAt(i))) i++;
    previousName = text.slice(start, i);
  }
  headLabels = NO_LABELS;
  headLabelsText = '';
  if (text.charCodeAt(i) === LBRACE) {
    pos = i;
    if (!readLabels(text, end)) return false;
    headLabels = labels;
    headLabelsText = labelsText;
    i = pos;
  }
  if (text.charCodeAt(i) !== SPACE) return false;
  pos = i + 1;
  return true;
}

/**
 * The record of a sample line `text[start, end)` (`base`: the absolute offset of `text[0]`), or undefined to let the grammar read it.
 * NaN values are left to the grammar too (rare, and NaN doubles as "not mine" here).
 */
export function scanSample(
  text: string,
  start: number,
  end: number,
  om: boolean,
  base: number,
): SampleRecord | undefined {
  if (!readHead(text, start, end)) return undefined;
  const name = previousName;
  const sampleLabels = headLabels;
  const sampleLabelsText = headLabelsText;
  const value = readNumber(text, end, true);
  if (value !== value) return undefined;
  let timestamp: number | undefined;
  let exemplar: ExemplarRecord | undefined;
  if (pos < end) {
    pos++; // the space that stopped readNumber
    if (text.charCodeAt(pos) !== HASH) {
      const tsStart = pos;
      const ts = readNumber(text, end, false);
      // Beyond a float64 (`1e400`): OM014, the grammar's (number.ts parseSeconds).
      if (!Number.isFinite(ts)) return undefined;
      if (om) timestamp = ts;
      else {
        // Prometheus text: integer milliseconds, `[+-]?[0-9]+` only, within int64 (number.ts parseMilliseconds).
        for (let k = tsStart; k < pos; k++) {
          const c = text.charCodeAt(k);
          if (!((c >= 48 && c <= 57) || (k === tsStart && (c === 43 || c === 45)))) return undefined;
        }
        if (pos - tsStart >= 19 && !fitsInt64((k) => text.charCodeAt(k), tsStart, pos)) return undefined;
        timestamp = ts / 1000;
      }
      if (pos < end) {
        if (text.charCodeAt(pos + 1) !== HASH) return undefined;
        pos++;
      }
    }
    if (pos < end) {
      if (!om) return undefined;
      exemplar = readExemplar(text, end, base);
      if (exemplar === undefined) return undefined;
    }
  }
  if (pos !== end) return undefined;
  return {
    kind: 'sample',
    name,
    labels: sampleLabels as Label[],
    labelsText: sampleLabelsText,
    value,
    timestamp,
    exemplar,
    start: base + start,
    end: base + end,
  };
}

/**
 * OpenMetrics 2.0: the record of a sample line in its plain shape (OM 2.0 ABNF `sample`): a name
 * and labels as 1.0 writes them, a number or a composite value, `[SP timestamp] [SP st@timestamp]`
 * and exemplars, each with its timestamp; or undefined to let the grammar read it. A composite value
 * is vouched for only when the grammar would read it without a diagnostic (ast/build.ts
 * compositeValue(): fields in the ABNF's order, integers and real numbers where it asks for them),
 * and gives the same value and field spans.
 */
export function scanSampleOm2(text: string, start: number, end: number, base: number): SampleRecord | undefined {
  if (!readHead(text, start, end)) return undefined;
  const name = previousName;
  const sampleLabels = headLabels;
  const sampleLabelsText = headLabelsText;
  let value: number;
  let composite: CompositeValue | undefined;
  let fields: Record<string, readonly [number, number]> | undefined;
  if (text.charCodeAt(pos) === LBRACE) {
    fields = {};
    composite = readComposite(text, end, base, fields);
    if (composite === undefined || (pos < end && text.charCodeAt(pos) !== SPACE)) return undefined;
    value = NaN;
  } else {
    value = readNumber(text, end, true);
    if (value !== value) return undefined;
  }
  let timestamp: number | undefined;
  let startTimestamp: number | undefined;
  let exemplar: ExemplarRecord | undefined;
  let exemplars: ExemplarRecord[] | undefined;
  // Each part after the value: its space, then the part (a space at the end is the grammar's).
  if (pos < end && ++pos === end) return undefined;
  if (pos < end && text.charCodeAt(pos) !== HASH && !startsTimestampMark(text, pos)) {
    const ts = readNumber(text, end, false);
    if (!Number.isFinite(ts)) return undefined;
    timestamp = ts;
    if (pos < end && ++pos === end) return undefined;
  }
  if (pos < end && startsTimestampMark(text, pos)) {
    pos += 3;
    const st = readNumber(text, end, false);
    if (!Number.isFinite(st)) return undefined;
    startTimestamp = st;
    if (pos < end && ++pos === end) return undefined;
  }
  while (pos < end) {
    if (text.charCodeAt(pos) !== HASH) return undefined;
    const read = readExemplar(text, end, base);
    if (read === undefined || read.timestamp === undefined) return undefined;
    if (exemplar === undefined) exemplar = read;
    else (exemplars ??= [exemplar]).push(read);
    if (pos < end && ++pos === end) return undefined;
  }
  if (pos !== end) return undefined;
  // `exemplars` holds every exemplar, one included (as the grammar's reading of 2.0 has it).
  if (exemplar !== undefined) exemplars ??= [exemplar];
  const record: SampleRecord = {
    kind: 'sample',
    name,
    labels: sampleLabels as Label[],
    labelsText: sampleLabelsText,
    value,
    timestamp,
    exemplar,
    start: base + start,
    end: base + end,
  };
  if (exemplars !== undefined) record.exemplars = exemplars;
  if (startTimestamp !== undefined) record.startTimestamp = startTimestamp;
  if (composite !== undefined) {
    record.composite = composite;
    record.compositeFields = fields;
  }
  return record;
}

function startsTimestampMark(text: string, at: number): boolean {
  return text.charCodeAt(at) === 115 /* s */ && text.charCodeAt(at + 1) === 116 /* t */ && text.charCodeAt(at + 2) === 64 /* @ */;
}

// ---- OM 2.0 composite values, as ast/build.ts compositeValue() reads them ----

/** OM 2.0 ABNF `integer`, `non-negative-integer` (build.ts's). */
const INTEGER = /^[+-]?[0-9]+$/;
const NON_NEGATIVE_INTEGER = /^\+?[0-9]+$/;
/** One token of a composite value as the grammar lexes it: a Number or a FieldName, whole. */
const NUMBER_TOKEN = /^(?:[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-][iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[+-][nN][aA][nN]|[a-zA-Z_][a-zA-Z0-9_]*)$/;

/** A composite field as written: its name, where it is, and a number or the items of a list. */
interface Field {
  name: string;
  start: number;
  end: number;
  scalar: string | undefined;
  items: (string | [string, string])[] | undefined;
}

/** The next token of a composite value at `pos` (up to `,`, `:`, `[`, `]`, `{`, `}`), if it is one token. */
function compositeToken(text: string, end: number): string | undefined {
  const from = pos;
  let i = from;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === 58 /* : */ || c === 91 /* [ */ || c === 93 /* ] */ || c === LBRACE || c === RBRACE) break;
  }
  if (i === from) return undefined;
  const token = text.slice(from, i);
  if (!NUMBER_TOKEN.test(token)) return undefined;
  pos = i;
  return token;
}

/** Reads `{field:…,…}` at `pos` (on the `{`); leaves `pos` after `}`. */
function readComposite(text: string, end: number, base: number, spans: Record<string, readonly [number, number]>): CompositeValue | undefined {
  pos++;
  const fields: Field[] = [];
  for (;;) {
    const start = pos;
    const fieldName = compositeToken(text, end);
    if (fieldName === undefined || text.charCodeAt(pos) !== 58 /* : */) return undefined;
    pos++;
    const field: Field = { name: fieldName, start, end: 0, scalar: undefined, items: undefined };
    if (text.charCodeAt(pos) === 91 /* [ */) {
      pos++;
      field.items = [];
      if (text.charCodeAt(pos) !== 93 /* ] */) {
        for (;;) {
          const key = compositeToken(text, end);
          if (key === undefined) return undefined;
          if (text.charCodeAt(pos) === 58 /* : */) {
            pos++;
            const value = compositeToken(text, end);
            if (value === undefined) return undefined;
            field.items.push([key, value]);
          } else field.items.push(key);
          if (text.charCodeAt(pos) !== COMMA) break;
          pos++;
        }
      }
      if (text.charCodeAt(pos) !== 93 /* ] */) return undefined;
      pos++;
    } else {
      field.scalar = compositeToken(text, end);
      if (field.scalar === undefined) return undefined;
    }
    field.end = pos;
    fields.push(field);
    if (text.charCodeAt(pos) === RBRACE) break;
    if (text.charCodeAt(pos) !== COMMA) return undefined;
    pos++;
  }
  pos++;
  const value = compositeOf(fields);
  if (value === undefined) return undefined;
  for (const field of fields) spans[field.name] = [base + field.start, base + field.end];
  return value;
}

/** The value of fields in the order `composite-value` asks, or undefined (the grammar reports). */
function compositeOf(fields: Field[]): CompositeValue | undefined {
  let i = 0;
  const take = (name: string): Field | undefined => (fields[i]?.name === name ? fields[i++] : undefined);
  const gauge = fields[0]?.name === 'gcount';
  const count = scalar(take(gauge ? 'gcount' : 'count'), parseValue);
  const sum = scalar(take(gauge ? 'gsum' : 'sum'), parseValue);
  if (count === undefined || sum === undefined) return undefined;
  let result: CompositeValue;
  const quantileField = gauge ? undefined : take('quantile');
  if (quantileField !== undefined) {
    const pairs = listPairs(quantileField, parseRealNumber, parseValue);
    if (pairs === undefined) return undefined;
    result = { kind: 'summary', count, sum, quantiles: pairs.map(([quantile, v]) => ({ quantile, value: v })) };
  } else {
    let native: NativeBuckets | undefined;
    const schemaField = take('schema');
    if (schemaField !== undefined) {
      const schema = scalar(schemaField, (t) => (INTEGER.test(t) ? Number(t) : undefined));
      const zeroThreshold = scalar(take('zero_threshold'), parseRealNumber);
      const zeroCount = scalar(take('zero_count'), parseValue);
      if (schema === undefined || zeroThreshold === undefined || zeroCount === undefined) return undefined;
      const sides = { negative: { spans: [] as BucketSpan[], buckets: [] as number[] }, positive: { spans: [] as BucketSpan[], buckets: [] as number[] } };
      for (const sign of ['negative', 'positive'] as const) {
        const spansField = take(`${sign}_spans`);
        if (spansField === undefined) continue;
        const bucketsField = take(`${sign}_buckets`);
        if (bucketsField === undefined) return undefined;
        let first = true;
        const spans = listPairs(
          spansField,
          (t) => {
            const ok = first ? INTEGER.test(t) : NON_NEGATIVE_INTEGER.test(t);
            first = false;
            return ok ? Number(t) : undefined;
          },
          (t) => (NON_NEGATIVE_INTEGER.test(t) ? Number(t) : undefined),
        );
        const buckets = listNumbers(bucketsField);
        if (spans === undefined || buckets === undefined) return undefined;
        sides[sign] = { spans: spans.map(([offset, length]) => ({ offset, length })), buckets };
      }
      native = {
        schema,
        zeroThreshold,
        zeroCount,
        negativeSpans: sides.negative.spans,
        negativeBuckets: sides.negative.buckets,
        positiveSpans: sides.positive.spans,
        positiveBuckets: sides.positive.buckets,
      };
    }
    const bucketField = take('bucket');
    if (native === undefined && bucketField === undefined) return undefined;
    const histogram: { kind: 'histogram' | 'gaugehistogram'; count: number; sum: number; buckets?: ClassicBucket[]; native?: NativeBuckets } = {
      kind: gauge ? 'gaugehistogram' : 'histogram',
      count,
      sum,
    };
    if (bucketField !== undefined) {
      const pairs = listPairs(bucketField, (t) => (t === '+Inf' ? Infinity : t === '-Inf' ? -Infinity : parseRealNumber(t)), parseValue);
      if (pairs === undefined) return undefined;
      histogram.buckets = pairs.map(([le, c]) => ({ le, count: c }));
    }
    if (native !== undefined) histogram.native = native;
    result = histogram;
  }
  return i === fields.length ? result : undefined;
}

function scalar(field: Field | undefined, read: (token: string) => number | undefined): number | undefined {
  return field?.scalar === undefined ? undefined : read(field.scalar);
}

function listPairs(
  field: Field,
  readKey: (token: string) => number | undefined,
  readValue: (token: string) => number | undefined,
): [number, number][] | undefined {
  if (field.items === undefined) return undefined;
  const out: [number, number][] = [];
  for (const item of field.items) {
    if (typeof item === 'string') return undefined;
    const key = readKey(item[0]);
    const value = readValue(item[1]);
    if (key === undefined || value === undefined) return undefined;
    out.push([key, value]);
  }
  return out;
}

function listNumbers(field: Field): number[] | undefined {
  if (field.items === undefined) return undefined;
  const out: number[] = [];
  for (const item of field.items) {
    if (typeof item !== 'string') return undefined;
    const value = parseValue(item);
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}

/** ` # {labels} value [timestamp]` with `pos` on the `#`. */
function readExemplar(text: string, end: number, base: number): ExemplarRecord | undefined {
  const start = pos;
  if (text.charCodeAt(pos + 1) !== SPACE || text.charCodeAt(pos + 2) !== LBRACE) return undefined;
  pos += 2;
  if (!readLabels(text, end)) return undefined;
  const exemplarLabels = labels;
  if (text.charCodeAt(pos) !== SPACE) return undefined;
  pos++;
  const value = readNumber(text, end, true);
  if (value !== value) return undefined;
  let timestamp: number | undefined;
  if (pos < end) {
    pos++;
    const ts = readNumber(text, end, false);
    if (!Number.isFinite(ts)) return undefined;
    timestamp = ts;
  }
  // Its own end: OM 2.0 writes several on a line (1.0's one ends the line, so `pos` is `end`).
  return { labels: exemplarLabels, value, timestamp, start: base + start, end: base + pos };
}

/**
 * The record of a `# HELP`, `# TYPE`, `# UNIT` (OpenMetrics) or `# EOF` (OpenMetrics) line in its
 * plain shape, or undefined to let the grammar read it.
 */
export function scanComment(
  text: string,
  start: number,
  end: number,
  om: boolean,
  base: number,
): DescriptorRecord | MarkerRecord | undefined {
  if (text.charCodeAt(start + 1) !== SPACE) return undefined;
  const k = start + 2;
  if (om && end - start === 5 && text.startsWith('EOF', k)) {
    return { kind: 'eof', start: base + start, end: base + end };
  }
  if (text.charCodeAt(k + 4) !== SPACE) return undefined;
  const keyword = text.slice(k, k + 4);
  if (keyword !== 'HELP' && keyword !== 'TYPE' && (keyword !== 'UNIT' || !om)) return undefined;
  let i = k + 5;
  const nameStart = i;
  if (!isNameStart(text.charCodeAt(i))) return undefined;
  i++;
  while (i < end && isNameChar(text.charCodeAt(i))) i++;
  if (i >= end || text.charCodeAt(i) !== SPACE) return undefined;
  const name = text.slice(nameStart, i);
  const rest = text.slice(i + 1, end);
  const record = (value: string, type?: MetricType): DescriptorRecord => ({
    kind: 'descriptor',
    keyword,
    name,
    value,
    type,
    start: base + start,
    end: base + end,
  });
  if (keyword === 'TYPE') {
    if (!TYPE_WORDS[om ? 'openmetrics' : 'prometheus'].has(rest)) return undefined;
    return record(rest, typeOfWord(rest));
  }
  if (keyword === 'UNIT') {
    for (let j = 0; j < rest.length; j++) if (!isNameChar(rest.charCodeAt(j))) return undefined;
    return record(rest);
  }
  // HELP: OM 1.0 escapes `\\`, `\n`, `\"`; Prometheus text `\\` and `\n`, after any blanks.
  let help = rest;
  if (!om) {
    let j = 0;
    while (j < help.length && (help.charCodeAt(j) === SPACE || help.charCodeAt(j) === 9)) j++;
    help = help.slice(j);
  }
  if (help.includes('\\')) {
    const decoded = help.replace(/\\(.?)/g, (escape, next: string) =>
      next === '\\' ? '\\' : next === 'n' ? '\n' : next === '"' && om ? '"' : `\u0000${escape}`,
    );
    if (decoded.includes('\u0000')) return undefined;
    help = decoded;
  }
  return record(help);
}
