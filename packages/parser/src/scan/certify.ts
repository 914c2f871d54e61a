// Vouches for the common case straight from UTF-8 bytes: lines in the fast scanner's plain shapes
// whose families pass every check the assembler makes. It decodes nothing but family names, keeps
// no label objects (a label is two 32-bit hashes, a label set their sums), and stops at the first
// line or family it cannot vouch for. A stop is never a verdict: it says where the full reader
// (Session) must take over — the start of the family that line belongs to — and leaves in
// `carried` what the families before it mean for later checks. Only reaching the end certifies.
// A property test holds validate(bytes) equal to validate(text) (test/certify.test.ts).
import { ALL_SUFFIXES, BUCKET_LABEL, countsEvents, countsWhole, EXEMPLAR_LABELS_LIMIT, exemplarAllowed, joinedFamily, METRIC_TYPES, QUANTILE_LABEL, SAMPLE_SUFFIXES, TYPE_WORDS, typeOfWord, type Format, type MetricType } from '../spec.js';
import { fitsInt64 } from '../number.js';
import type { Carried } from '../ast/records.js';
import { BACKSLASH, CLASSES, COMMA, CR, EQUALS, exactValue, HASH, LABEL_CHAR, LABEL_START, LBRACE, LF, NAME_CHAR, NAME_START, QUOTE, RBRACE, SPACE, TAB } from './chars.js';

export interface Certificate {
  /** True when the whole input is vouched for: it has no diagnostics at all. */
  readonly complete: boolean;
  /** Otherwise the byte offset where the full reader takes over (a line's start)… */
  readonly offset: number;
  /** …the number of lines before it… */
  readonly line: number;
  /** …and the length of the text before it in UTF-16 code units. */
  readonly textOffset: number;
}

// Types and suffixes as small numbers: indexes into the spec's lists (spec.ts).
const TYPES = METRIC_TYPES;
const COUNTER = TYPES.indexOf('counter');
const HISTOGRAM = TYPES.indexOf('histogram');
const GAUGEHISTOGRAM = TYPES.indexOf('gaugehistogram');
const SUMMARY = TYPES.indexOf('summary');
const INFO = TYPES.indexOf('info');
const STATESET = TYPES.indexOf('stateset');
const UNKNOWN = TYPES.indexOf('unknown');

const SUFFIX_TEXT = ALL_SUFFIXES;
const SUFFIX_BYTES = SUFFIX_TEXT.map(ascii);
const NONE = SUFFIX_TEXT.indexOf('');
const TOTAL = SUFFIX_TEXT.indexOf('_total');
const CREATED = SUFFIX_TEXT.indexOf('_created');
const BUCKET = SUFFIX_TEXT.indexOf('_bucket');
const COUNT = SUFFIX_TEXT.indexOf('_count');
const SUM = SUFFIX_TEXT.indexOf('_sum');
const GCOUNT = SUFFIX_TEXT.indexOf('_gcount');
const GSUM = SUFFIX_TEXT.indexOf('_gsum');

/** Sample-name suffixes per type index, per format (SAMPLE_SUFFIXES, as numbers). */
const suffixNumbers = (format: Format): readonly (readonly number[])[] =>
  TYPES.map((type) => SAMPLE_SUFFIXES[format][type].map((suffix) => SUFFIX_TEXT.indexOf(suffix)));
const OM_SUFFIXES = suffixNumbers('openmetrics');
const PROMETHEUS_SUFFIXES = suffixNumbers('prometheus');

/** The spec's yes-or-no facts of a (type, suffix) pair, as a table indexed `type * SUFFIX_COUNT + suffix`. */
const SUFFIX_COUNT = SUFFIX_TEXT.length;
const pairTable = (fact: (type: MetricType, suffix: string) => boolean): Uint8Array =>
  Uint8Array.from(TYPES.flatMap((type) => SUFFIX_TEXT.map((suffix) => (fact(type, suffix) ? 1 : 0))));
const COUNTS_EVENTS = pairTable(countsEvents);
const COUNTS_WHOLE = pairTable(countsWhole);
const EXEMPLAR_ALLOWED = pairTable(exemplarAllowed);

/** TYPE words per format, the index of the type they name. */
const typeWords = (format: Format): ReadonlyMap<string, number> =>
  new Map([...TYPE_WORDS[format]].map((word) => [word, TYPES.indexOf(typeOfWord(word))]));
const OM_TYPE_WORDS = typeWords('openmetrics');
const PROMETHEUS_TYPE_WORDS = typeWords('prometheus');

const KEYWORD_HELP = 1;
const KEYWORD_TYPE = 2;
const KEYWORD_UNIT = 4;

const LE = ascii(BUCKET_LABEL);
const QUANTILE = ascii(QUANTILE_LABEL);
const EXEMPLAR_LIMIT = EXEMPLAR_LABELS_LIMIT;
/** At most this many labels in a set, and identities in a metric, are compared pairwise. */
const MAX_PAIRWISE = 64;

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** Murmur3's finaliser: spreads a hash's bits, so that sums of hashes stay well mixed. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Vouches for a whole input at once. */
export function certify(bytes: Uint8Array, om: boolean, carried: Carried): Certificate {
  return new Certifier(om, carried).advance(bytes, true)!;
}

/**
 * Vouches for an input that arrives in pieces: advance() reads the complete lines of the bytes
 * given, which must start with the bytes it still needs (from `keepFrom` on, after rebase()).
 */
export class Certifier {
  private readonly suffixes: readonly (readonly number[])[];
  // The line being read: its number, where it starts, and the reading position within it.
  private lineNumber = 0;
  private lineStart = 0;
  private pos = 0;
  /** How many fewer UTF-16 code units than bytes so far (multi-byte characters), and at the line's start. */
  private shrink = 0;
  private lineShrink = 0;

  // The open family.
  private familyOpen = false;
  private familyName = '';
  private familyNameStart = 0;
  private familyNameLength = 0;
  private familyType = UNKNOWN;
  private familyStart = 0;
  private familyStartLine = 0;
  private familyStartShrink = 0;
  private keywords = 0;
  private hasSamples = false;
  private unitStart = 0;
  private unitEnd = 0;
  /** The last sample name placed in the family (its bytes in the input) and its suffix. */
  private placedStart = -1;
  private placedLength = 0;
  private suffix = NONE;

  // The series of the family: label-set hashes in an open-addressed table, valid by generation.
  private keysA = new Int32Array(1024);
  private keysB = new Int32Array(1024);
  private keyStamps = new Int32Array(1024);
  private keyCount = 0;
  private generation = 1;

  // The open metric: its labels' hashes in order (the part label left out).
  private metricOpen = false;
  private metricA = new Int32Array(MAX_PAIRWISE);
  private metricB = new Int32Array(MAX_PAIRWISE);
  private metricLength = 0;
  /** 0 unknown, 1 without timestamps, 2 with. */
  private timestamped = 0;
  private lastTimestamp = -Infinity;
  /** Identities (suffix, part label) of the metric's samples without timestamps (OM126). */
  private identitySuffix = new Int32Array(MAX_PAIRWISE);
  private identityA = new Int32Array(MAX_PAIRWISE);
  private identityB = new Int32Array(MAX_PAIRWISE);
  private identityCount = 0;
  // The open histogram point (OM 1.0 §Histogram).
  private pointOpen = false;
  private pointTimestamp: number | undefined;
  private hasLe = false;
  private lastLe = 0;
  private lastBucketValue = 0;
  private hasCount = false;
  private count = 0;
  private hasSum = false;
  private hasGsum = false;
  private negativeBuckets = false;
  private negativeGsum = false;
  /** Prometheus text: the metric's last `quantile`, for their order (OM128). */
  private hasQuantile = false;
  private lastQuantile = 0;

  // The line's labels, as read by readLabels().
  private lineA = new Int32Array(MAX_PAIRWISE);
  private lineB = new Int32Array(MAX_PAIRWISE);
  private lineNameHash = new Int32Array(MAX_PAIRWISE);
  private lineLength = 0;
  private setA = 0;
  private setB = 0;
  /** The part label's value (`le`, `quantile`, the stateset label): its bytes and its hashes. */
  private partStart = -1;
  private partEnd = -1;
  private partA = 0;
  private partB = 0;
  /** Bytes of the label names and values read (for the exemplar length limit). */
  private labelBytes = 0;

  private b: Uint8Array = new Uint8Array(0);
  /** Where the next line starts, in `b`. */
  private next = 0;
  /** The offset of `b[0]` in the whole input (the bytes before it were dropped). */
  private base = 0;
  /** Where a `# EOF` line starts, once read; its line number. */
  private eofAt = -1;
  private eofLine = 0;

  constructor(
    private readonly om: boolean,
    private readonly carried: Carried,
  ) {
    this.suffixes = om ? OM_SUFFIXES : PROMETHEUS_SUFFIXES;
  }

  /**
   * Reads on through `b`; `final` when no bytes come after them. Undefined means "so far so good,
   * give me more"; otherwise the certificate.
   */
  advance(b: Uint8Array, final: boolean): Certificate | undefined {
    this.b = b;
    const n = b.length;
    let p = this.next;
    if (this.eofAt !== -1) {
      // Anything after `# EOF` is the full reader's (OM005), from the `# EOF` line on.
      if (p < n) return this.stopAt(this.eofAt, this.eofLine - 1, this.shrink);
      return final ? this.done() : undefined;
    }
    while (p < n) {
      const e = b.indexOf(LF, p);
      if (e === -1 && !final) break;
      this.lineNumber++;
      this.lineStart = p;
      this.lineShrink = this.shrink;
      // The last line has no line feed (OM021).
      if (e === -1) return this.stop();
      if (e === p) {
        // An empty line: an error in OpenMetrics (OM006), nothing in Prometheus text.
        if (this.om) return this.stop();
      } else {
        const last = b[e - 1]!;
        // A carriage return (OM003), or blanks Prometheus text would trim: the full reader's.
        if (last === CR || (!this.om && (last === SPACE || last === TAB || b[p] === SPACE || b[p] === TAB))) return this.stop();
        if (b[p] === HASH) {
          const verdict = this.comment(p, e);
          if (verdict === EOF_LINE) {
            if (!this.closeFamily()) return this.stop();
            this.eofAt = p;
            this.eofLine = this.lineNumber;
            this.next = e + 1;
            return this.advance(b, final);
          }
          if (verdict === STOP) return this.stop();
        } else if (!this.sample(p, e)) return this.stop();
      }
      p = e + 1;
    }
    this.next = p;
    if (!final) return undefined;
    // The end: OpenMetrics needs `# EOF` (OM004).
    if (this.om) return this.familyOpen ? this.stop() : this.stopAt(n, this.lineNumber, this.shrink);
    return this.closeFamily() ? this.done() : this.stop();
  }

  /** The first byte still needed: the open family's, or the next line's. */
  get keepFrom(): number {
    return this.familyOpen ? this.familyStart : this.eofAt !== -1 ? this.eofAt : this.next;
  }

  /** The bytes before `keepFrom` are gone: `delta` bytes dropped from the front. */
  rebase(delta: number): void {
    this.base += delta;
    this.next -= delta;
    this.lineStart -= delta;
    this.familyStart -= delta;
    this.familyNameStart -= delta;
    this.unitStart -= delta;
    this.unitEnd -= delta;
    if (this.placedStart !== -1) this.placedStart -= delta;
    if (this.eofAt !== -1) this.eofAt -= delta;
  }

  /** Hands over before the next line: where the full reader takes over if reading stops here. */
  interrupt(): Certificate {
    if (this.familyOpen) return this.stop();
    if (this.eofAt !== -1) return this.stopAt(this.eofAt, this.eofLine - 1, this.shrink);
    return this.stopAt(this.next, this.lineNumber, this.shrink);
  }

  private done(): Certificate {
    const end = this.base + this.b.length;
    return { complete: true, offset: end, line: this.lineNumber, textOffset: end - this.shrink };
  }

  /** Hands over at the start of the open family, or of the line being read when none is open. */
  private stop(): Certificate {
    if (this.familyOpen) return this.stopAt(this.familyStart, this.familyStartLine - 1, this.familyStartShrink);
    return this.stopAt(this.lineStart, this.lineNumber - 1, this.lineShrink);
  }

  /** A hand-over at `offset` in `b`, after `line` lines that hold `shrink` fewer UTF-16 units than bytes. */
  private stopAt(offset: number, line: number, shrink: number): Certificate {
    const at = this.base + offset;
    return { complete: false, offset: at, line, textOffset: at - shrink };
  }

  // ---------------------------------------------------------------- families

  /** Opens the family named by the bytes `[start, end)`; false when the full reader must. */
  private openFamily(start: number, end: number, lineStart: number): boolean {
    if (!this.closeFamily()) return false;
    const name = latin1(this.b, start, end);
    // The family appears again (OM103).
    if (this.carried.familyTypes.has(name)) return false;
    this.familyOpen = true;
    this.familyName = name;
    this.familyNameStart = start;
    this.familyNameLength = end - start;
    this.familyType = UNKNOWN;
    this.familyStart = lineStart;
    this.familyStartLine = this.lineNumber;
    this.familyStartShrink = this.lineShrink;
    this.keywords = 0;
    this.hasSamples = false;
    this.unitStart = this.unitEnd = 0;
    this.placedStart = -1;
    this.metricOpen = false;
    this.generation++;
    this.keyCount = 0;
    return true;
  }

  /** Closes the open family: its last metric, then OM 1.0's family checks; false on a problem. */
  private closeFamily(): boolean {
    if (!this.familyOpen) return true;
    if (!this.closeMetric()) return false;
    const name = this.familyName;
    const type = this.familyType;
    if (this.om) {
      const suffixes = this.suffixes[type]!;
      const claimed = this.carried.claimedNames;
      // A name another family's samples could have (OM104).
      if (claimed.has(name)) return false;
      for (const s of suffixes) if (claimed.has(name + SUFFIX_TEXT[s])) return false;
      if (this.unitEnd > this.unitStart) {
        // OM105 / OM106.
        if (type === INFO || type === STATESET) return false;
        const unitLength = this.unitEnd - this.unitStart;
        const at = this.familyNameStart + this.familyNameLength - unitLength;
        if (this.familyNameLength < unitLength + 1 || this.b[at - 1] !== 95 /* _ */) return false;
        for (let k = 0; k < unitLength; k++) if (this.b[at + k] !== this.b[this.unitStart + k]) return false;
      }
      claimed.add(name);
      for (const s of suffixes) claimed.add(name + SUFFIX_TEXT[s]);
    }
    this.carried.familyTypes.set(name, TYPES[type]!);
    this.familyOpen = false;
    return true;
  }

  // ---------------------------------------------------------------- comment lines

  /** `# HELP`, `# TYPE`, `# UNIT` in their plain shapes, and `# EOF`. */
  private comment(p: number, e: number): number {
    const b = this.b;
    if (b[p + 1] !== SPACE) return STOP;
    const k = p + 2;
    if (this.om && e - p === 5 && b[k] === 69 && b[k + 1] === 79 && b[k + 2] === 70) return EOF_LINE;
    if (e - p < 8 || b[k + 4] !== SPACE) return STOP;
    let keyword: number;
    if (b[k] === 72 && b[k + 1] === 69 && b[k + 2] === 76 && b[k + 3] === 80) keyword = KEYWORD_HELP;
    else if (b[k] === 84 && b[k + 1] === 89 && b[k + 2] === 80 && b[k + 3] === 69) keyword = KEYWORD_TYPE;
    else if (this.om && b[k] === 85 && b[k + 1] === 78 && b[k + 2] === 73 && b[k + 3] === 84) keyword = KEYWORD_UNIT;
    else return STOP;
    const nameStart = k + 5;
    let i = nameStart;
    if ((CLASSES[b[i]!]! & NAME_START) === 0) return STOP;
    i++;
    while (i < e && (CLASSES[b[i]!]! & NAME_CHAR) !== 0) i++;
    if (i >= e || b[i] !== SPACE) return STOP;
    const nameEnd = i;
    const rest = i + 1;

    let type = -1;
    if (keyword === KEYWORD_TYPE) {
      const word = e - rest <= 14 ? latin1(b, rest, e) : '';
      type = (this.om ? OM_TYPE_WORDS : PROMETHEUS_TYPE_WORDS).get(word) ?? -1;
      if (type === -1) return STOP;
    } else if (keyword === KEYWORD_UNIT) {
      for (let j = rest; j < e; j++) if ((CLASSES[b[j]!]! & NAME_CHAR) === 0) return STOP;
    } else if (!this.helpText(rest, e)) return STOP;

    if (!this.familyOpen || !this.isFamilyName(nameStart, nameEnd)) {
      if (!this.openFamily(nameStart, nameEnd, p)) return STOP;
    } else if (this.hasSamples) return STOP; // OM102, or a late HELP in Prometheus text
    if ((this.keywords & keyword) !== 0) return STOP; // OM101
    this.keywords |= keyword;
    if (keyword === KEYWORD_TYPE) this.familyType = type;
    else if (keyword === KEYWORD_UNIT) {
      this.unitStart = rest;
      this.unitEnd = e;
    }
    return LINE;
  }

  /** HELP text: OM 1.0 escapes `\\`, `\n`, `\"`; Prometheus text `\\` and `\n`. Valid UTF-8. */
  private helpText(start: number, end: number): boolean {
    const b = this.b;
    for (let j = start; j < end; ) {
      const c = b[j]!;
      if (c === BACKSLASH) {
        const next = b[j + 1];
        if (j + 1 >= end || !(next === BACKSLASH || next === 110 || (next === QUOTE && this.om))) return false;
        j += 2;
      } else if (c < 0x80) j++;
      else {
        const length = this.utf8(j, end);
        if (length === 0) return false;
        j += length;
      }
    }
    return true;
  }

  /** The length of the valid UTF-8 sequence at `j` (counting its UTF-16 saving), or 0. */
  private utf8(j: number, end: number): number {
    const b = this.b;
    const c = b[j]!;
    let length: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else return 0;
    if (j + length > end) return 0;
    let code = c & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const d = b[j + k]!;
      if ((d & 0xc0) !== 0x80) return 0;
      code = (code << 6) | (d & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
    // Two and three bytes are one UTF-16 unit; four bytes are two.
    this.shrink += length === 4 ? 2 : length - 1;
    return length;
  }

  // ---------------------------------------------------------------- sample lines

  private isFamilyName(start: number, end: number): boolean {
    const length = this.familyNameLength;
    if (end - start !== length) return false;
    const b = this.b;
    const at = this.familyNameStart;
    for (let k = 0; k < length; k++) if (b[start + k] !== b[at + k]) return false;
    return true;
  }

  private sample(p: number, e: number): boolean {
    const b = this.b;
    let i = p;
    if ((CLASSES[b[i]!]! & NAME_START) === 0) return false;
    i++;
    while (i < e && (CLASSES[b[i]!]! & NAME_CHAR) !== 0) i++;
    const nameEnd = i;
    // Where the name belongs is decided now, but a new family is opened (and the one before it
    // closed) only once the whole line has been read: a line the full reader rejects opens nothing.
    const placement = this.placement(p, nameEnd);
    if (placement === STOP) return false;
    const type = placement === NEW_FAMILY ? UNKNOWN : this.familyType;
    const suffix = placement === NEW_FAMILY ? NONE : this.suffix;
    // The label that tells a point's parts apart, by name: 0 none, 1 `le`, 2 `quantile`, 3 the family's.
    const partKind =
      type === HISTOGRAM || type === GAUGEHISTOGRAM ? (suffix === BUCKET ? 1 : 0) : type === SUMMARY ? (suffix === NONE ? 2 : 0) : type === STATESET ? 3 : 0;
    this.lineLength = 0;
    this.setA = this.setB = 0;
    this.partStart = this.partEnd = -1;
    if (b[i] === LBRACE) {
      this.pos = i;
      if (!this.readLabels(e, partKind, true)) return false;
      i = this.pos;
    }
    if (b[i] !== SPACE) return false;
    this.pos = i + 1;
    const value = this.readNumber(e, true);
    if (value === undefined) return false;
    let timestamp: number | undefined;
    let exemplarValue: number | undefined;
    let exemplarBytes = 0;
    if (this.pos < e) {
      this.pos++;
      if (b[this.pos] !== HASH) {
        const tsStart = this.pos;
        const ts = this.readNumber(e, false);
        // Beyond a float64 (`1e400`): OM014 (number.ts parseSeconds).
        if (ts === undefined || !Number.isFinite(ts)) return false;
        if (this.om) timestamp = ts;
        else {
          // Prometheus text: integer milliseconds, `[+-]?[0-9]+` only, within int64 (number.ts parseMilliseconds).
          for (let k = tsStart; k < this.pos; k++) {
            const c = b[k]!;
            if (!((c >= 48 && c <= 57) || (k === tsStart && (c === 43 || c === 45)))) return false;
          }
          if (this.pos - tsStart >= 19 && !fitsInt64((k) => b[k]!, tsStart, this.pos)) return false;
          timestamp = ts / 1000;
        }
        if (this.pos < e) {
          if (b[this.pos + 1] !== HASH) return false;
          this.pos++;
        }
      }
      if (this.pos < e) {
        if (!this.om || b[this.pos + 1] !== SPACE || b[this.pos + 2] !== LBRACE) return false;
        // ` # {labels} value [timestamp]`: labels of its own, not the series'.
        this.pos += 2;
        this.labelBytes = 0;
        if (!this.readLabels(e, 0, false)) return false;
        exemplarBytes = this.labelBytes;
        if (b[this.pos] !== SPACE) return false;
        this.pos++;
        exemplarValue = this.readNumber(e, true);
        if (exemplarValue === undefined) return false;
        if (this.pos < e) {
          this.pos++;
          const ts = this.readNumber(e, false);
          if (ts === undefined || !Number.isFinite(ts)) return false;
        }
      }
    }
    if (this.pos !== e) return false;
    if (placement === NEW_FAMILY && !this.openFamily(p, nameEnd, p)) return false;
    this.suffix = suffix;
    this.placedStart = p;
    this.placedLength = nameEnd - p;
    this.hasSamples = true;
    if (partKind !== 0 && this.partStart === -1) return false; // OM108
    if (!this.placeInMetric(timestamp)) return false;
    return this.om
      ? this.checkSample(type, suffix, value, timestamp, exemplarValue, exemplarBytes)
      : this.checkPrometheusSample(type, suffix, partKind, value);
  }

  /**
   * Where the sample name `[start, end)` belongs, as the assembler decides: the open family (its
   * suffix left in `suffix`), a new family of that name, or STOP for what the full reader must.
   */
  private placement(start: number, end: number): number {
    const b = this.b;
    const length = end - start;
    if (this.familyOpen && this.placedStart !== -1 && length === this.placedLength) {
      const at = this.placedStart;
      let k = 0;
      while (k < length && b[start + k] === b[at + k]) k++;
      if (k === length) return IN_FAMILY;
    }
    const base = this.familyNameLength;
    if (this.familyOpen && length >= base) {
      let k = 0;
      const at = this.familyNameStart;
      while (k < base && b[start + k] === b[at + k]) k++;
      if (k === base) {
        for (const s of this.suffixes[this.familyType]!) {
          const text = SUFFIX_BYTES[s]!;
          if (text.length !== length - base) continue;
          let j = 0;
          while (j < text.length && b[start + base + j] === text[j]) j++;
          if (j === text.length) {
            this.suffix = s;
            return IN_FAMILY;
          }
        }
        // A sample named as the family that its type does not have (OM107).
        if (length === base) return STOP;
      }
    }
    if (!this.om && this.joinsTypedFamily(start, end)) return STOP;
    return NEW_FAMILY;
  }

  /** Prometheus text: `_sum`/`_count`/`_bucket` of an earlier histogram or summary (expfmt). */
  private joinsTypedFamily(start: number, end: number): boolean {
    return joinedFamily(latin1(this.b, start, end), this.carried.familyTypes) !== undefined;
  }

  /**
   * Reads `{name="value",...}` at `pos`, leaving `pos` after `}`. With `series`, every label but
   * the part label goes into the line's hashes (`lineA`/`lineB`, summed in `setA`/`setB`).
   */
  private readLabels(e: number, partKind: number, series: boolean): boolean {
    const b = this.b;
    let i = this.pos + 1;
    if (b[i] === RBRACE) {
      this.pos = i + 1;
      return true;
    }
    let count = 0;
    for (;;) {
      // The name: hashed for the check of repeated names.
      const nameStart = i;
      if ((CLASSES[b[i]!]! & LABEL_START) === 0) return false;
      let h1 = Math.imul(0x811c9dc5 ^ b[i]!, 0x01000193);
      let h2 = Math.imul(0x27d4eb2f ^ b[i]!, 0x0100019d);
      i++;
      while (i < e && (CLASSES[b[i]!]! & LABEL_CHAR) !== 0) {
        h1 = Math.imul(h1 ^ b[i]!, 0x01000193);
        h2 = Math.imul(h2 ^ b[i]!, 0x0100019d);
        i++;
      }
      const nameEnd = i;
      if (b[i] !== EQUALS || b[i + 1] !== QUOTE) return false;
      if (count === MAX_PAIRWISE) return false;
      // OM100: compared with the names before it, by hash, then by bytes.
      const nameHash = mix(h1);
      const hashes = this.lineNameHash;
      for (let k = 0; k < count; k++) {
        if (hashes[k] === nameHash && this.sameLabelName(nameStart, nameEnd)) return false;
      }
      hashes[count] = nameHash;
      h1 = Math.imul(h1 ^ EQUALS, 0x01000193);
      h2 = Math.imul(h2 ^ EQUALS, 0x0100019d);
      // The value, as written: `\\`, `\"` and `\n` are its only escapes, so one value has one spelling.
      i += 2;
      const valueStart = i;
      for (;;) {
        if (i >= e) return false;
        const c = b[i]!;
        if (c === QUOTE) break;
        if (c === BACKSLASH) {
          const next = b[i + 1]!;
          if (next !== BACKSLASH && next !== QUOTE && next !== 110) return false;
          h1 = Math.imul(Math.imul(h1 ^ c, 0x01000193) ^ next, 0x01000193);
          h2 = Math.imul(Math.imul(h2 ^ c, 0x0100019d) ^ next, 0x0100019d);
          i += 2;
          continue;
        }
        if (c >= 0x80) {
          const length = this.utf8(i, e);
          if (length === 0) return false;
          for (let k = 0; k < length; k++) {
            h1 = Math.imul(h1 ^ b[i + k]!, 0x01000193);
            h2 = Math.imul(h2 ^ b[i + k]!, 0x0100019d);
          }
          i += length;
          continue;
        }
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x0100019d);
        i++;
      }
      const valueEnd = i;
      this.labelBytes += nameEnd - nameStart + valueEnd - valueStart;
      count++;
      if (series) {
        const a = mix(h1);
        const bHash = mix(h2 ^ 0x5bd1e995);
        if (partKind !== 0 && this.isPartLabel(partKind, nameStart, nameEnd)) {
          this.partStart = valueStart;
          this.partEnd = valueEnd;
          this.partA = a;
          this.partB = bHash;
        } else {
          const k = this.lineLength++;
          this.lineA[k] = a;
          this.lineB[k] = bHash;
          this.setA = (this.setA + a) | 0;
          this.setB = (this.setB + bHash) | 0;
        }
      }
      i++;
      const c = b[i];
      if (c === RBRACE) {
        this.pos = i + 1;
        return true;
      }
      // A trailing comma (OM019) or anything else is the full reader's.
      if (c !== COMMA) return false;
      i++;
    }
  }

  /** Whether the name `[start, end)` was already a name of the label set being read. */
  private sameLabelName(start: number, end: number): boolean {
    // Rare (a hash collision or a real repeat): re-read the set's names from its `{`.
    const b = this.b;
    let i = this.pos + 1;
    while (i < start) {
      const nameStart = i;
      while (b[i] !== EQUALS) i++;
      if (i - nameStart === end - start) {
        let k = 0;
        while (k < end - start && b[nameStart + k] === b[start + k]) k++;
        if (k === end - start) return true;
      }
      i += 2;
      while (b[i] !== QUOTE) i += b[i] === BACKSLASH ? 2 : 1;
      i += 2;
    }
    return false;
  }

  private isPartLabel(partKind: number, start: number, end: number): boolean {
    const b = this.b;
    if (partKind === 3) {
      if (end - start !== this.familyNameLength) return false;
      const at = this.familyNameStart;
      for (let k = 0; k < end - start; k++) if (b[start + k] !== b[at + k]) return false;
      return true;
    }
    const name = partKind === 1 ? LE : QUANTILE;
    if (end - start !== name.length) return false;
    for (let k = 0; k < name.length; k++) if (b[start + k] !== name[k]) return false;
    return true;
  }

  /** The line's labels against the open metric: the same one, or a new one never seen before. */
  private placeInMetric(timestamp: number | undefined): boolean {
    const length = this.lineLength;
    let same = this.metricOpen && length === this.metricLength;
    if (same) {
      const a = this.lineA;
      const bh = this.lineB;
      const ma = this.metricA;
      const mb = this.metricB;
      for (let k = 0; k < length; k++) {
        if (a[k] !== ma[k] || bh[k] !== mb[k]) {
          same = false;
          break;
        }
      }
    }
    if (!same) {
      if (!this.closeMetric()) return false;
      // A label set seen before in this family, in any order (OM123).
      if (!this.addKey(this.setA, this.setB)) return false;
      this.metricOpen = true;
      for (let k = 0; k < length; k++) {
        this.metricA[k] = this.lineA[k]!;
        this.metricB[k] = this.lineB[k]!;
      }
      this.metricLength = length;
      this.timestamped = 0;
      this.lastTimestamp = -Infinity;
      this.identityCount = 0;
      this.pointOpen = false;
      this.hasQuantile = false;
    }
    // OM124 / OM125 (OpenMetrics only).
    const stamped = timestamp === undefined ? 1 : 2;
    if (this.timestamped === 0) this.timestamped = stamped;
    else if (this.timestamped !== stamped) return !this.om;
    if (timestamp !== undefined) {
      if (timestamp < this.lastTimestamp && this.om) return false;
      this.lastTimestamp = timestamp;
    }
    return true;
  }

  /** Adds a label set's hashes to the family's; false when they are there already. */
  private addKey(a: number, bHash: number): boolean {
    let capacity = this.keyStamps.length;
    if (this.keyCount * 2 >= capacity) this.growKeys();
    capacity = this.keyStamps.length;
    const stamps = this.keyStamps;
    const generation = this.generation;
    let slot = a & (capacity - 1);
    while (stamps[slot] === generation) {
      if (this.keysA[slot] === a && this.keysB[slot] === bHash) return false;
      slot = (slot + 1) & (capacity - 1);
    }
    stamps[slot] = generation;
    this.keysA[slot] = a;
    this.keysB[slot] = bHash;
    this.keyCount++;
    return true;
  }

  private growKeys(): void {
    const { keysA, keysB, keyStamps, generation } = this;
    const capacity = keyStamps.length * 2;
    this.keysA = new Int32Array(capacity);
    this.keysB = new Int32Array(capacity);
    this.keyStamps = new Int32Array(capacity);
    this.keyCount = 0;
    for (let slot = 0; slot < keyStamps.length; slot++) {
      if (keyStamps[slot] === generation) this.addKey(keysA[slot]!, keysB[slot]!);
    }
  }

  private closeMetric(): boolean {
    if (!this.metricOpen) return true;
    this.metricOpen = false;
    return !this.pointOpen || this.closePoint();
  }

  /**
   * OM 1.0 §Histogram, §GaugeHistogram: what a finished point must have (OM114, OM117–OM119);
   * Prometheus text 0.0.4 (Histograms and summaries): OM114 and OM117 only. The assembler checks
   * Prometheus text points when their family closes (a point split by other series is one
   * point there); here a split (OM123) already stops, so a metric's end is its point's end.
   */
  private closePoint(): boolean {
    this.pointOpen = false;
    if (!this.hasLe || this.lastLe !== Infinity) return false;
    if (this.hasCount && this.count !== this.lastBucketValue) return false;
    if (!this.om) return true;
    if ((this.hasSum || this.hasGsum) !== this.hasCount) return false;
    return !(this.negativeBuckets ? this.hasSum : this.negativeGsum);
  }

  /** The checks of Assembler.checkSample, as yes or no. */
  private checkSample(
    type: number,
    suffix: number,
    value: number,
    timestamp: number | undefined,
    exemplarValue: number | undefined,
    exemplarBytes: number,
  ): boolean {
    const hasPart = this.partStart !== -1;
    // OM126: a sample given twice within the metric (buckets are checked by their order).
    if (timestamp === undefined && suffix !== BUCKET) {
      const a = hasPart ? this.partA : 0;
      const bHash = hasPart ? this.partB : 0;
      const count = this.identityCount;
      for (let k = 0; k < count; k++) {
        if (this.identitySuffix[k] === suffix && this.identityA[k] === a && this.identityB[k] === bHash) return false;
      }
      if (count === MAX_PAIRWISE) return false;
      this.identitySuffix[count] = suffix;
      this.identityA[count] = a;
      this.identityB[count] = bHash;
      this.identityCount++;
    }
    const at = type * SUFFIX_COUNT + suffix;
    const counterLike = COUNTS_EVENTS[at] === 1;
    if (counterLike && !(value >= 0)) return false; // OM110
    if (type === GAUGEHISTOGRAM && suffix === GSUM && value !== value) return false;
    if (COUNTS_WHOLE[at] === 1 && Number.isFinite(value) && !Number.isInteger(value)) {
      return false; // OM111
    }
    switch (type) {
      case INFO:
        if (value !== 1) return false;
        break;
      case STATESET:
        if (value !== 0 && value !== 1) return false;
        break;
      case SUMMARY:
        if (suffix === NONE && hasPart) {
          const q = this.threshold();
          if (q === undefined || !(q >= 0 && q <= 1)) return false;
          if (value < 0) return false;
        }
        break;
      case HISTOGRAM:
      case GAUGEHISTOGRAM:
        if (!this.checkHistogramSample(suffix, value, timestamp, exemplarValue)) return false;
        break;
    }
    if (exemplarValue !== undefined) {
      const allowed = EXEMPLAR_ALLOWED[at] === 1;
      // Bytes count at least as many code points as there are (OM121's limit).
      if (!allowed || exemplarBytes > EXEMPLAR_LIMIT) return false;
    }
    return true;
  }

  private checkHistogramSample(suffix: number, value: number, timestamp: number | undefined, exemplarValue: number | undefined): boolean {
    if (!this.pointOpen || this.pointTimestamp !== timestamp) {
      if (this.pointOpen && !this.closePoint()) return false;
      this.pointOpen = true;
      this.pointTimestamp = timestamp;
      this.hasLe = false;
      this.lastLe = 0;
      this.lastBucketValue = 0;
      this.hasCount = false;
      this.count = 0;
      this.hasSum = this.hasGsum = this.negativeBuckets = this.negativeGsum = false;
    }
    if (suffix === BUCKET) {
      const threshold = this.threshold();
      if (threshold === undefined) return false; // OM109
      if (threshold < 0) this.negativeBuckets = true;
      if (this.hasLe && threshold <= this.lastLe) return false; // OM115
      if (this.hasLe && value < this.lastBucketValue) return false; // OM116
      if (exemplarValue !== undefined && exemplarValue > threshold) return false; // OM122
      this.hasLe = true;
      this.lastLe = threshold;
      this.lastBucketValue = value;
    } else if (suffix === COUNT || suffix === GCOUNT) {
      this.hasCount = true;
      this.count = value;
    } else if (suffix === SUM) this.hasSum = true;
    else if (suffix === GSUM) {
      this.hasGsum = true;
      if (value < 0) this.negativeGsum = true;
    }
    return true;
  }

  /**
   * The checks of Assembler.checkPrometheusSample, as yes or no: `le` / `quantile` present (checked
   * before) and a number; histogram buckets and counts not negative, the point's buckets
   * (checkHistogramSample, one point per metric: Prometheus text has no timestamps per point);
   * summary quantiles in increasing order.
   */
  private checkPrometheusSample(type: number, suffix: number, partKind: number, value: number): boolean {
    if (type === HISTOGRAM) {
      if ((suffix === BUCKET || suffix === COUNT) && value < 0) return false; // OM110
      // A threshold spelled otherwise than checkHistogramSample reads it is the full reader's.
      return this.checkHistogramSample(suffix, value, undefined, undefined);
    }
    if (partKind !== 2) return true;
    const q = this.threshold();
    if (q === undefined) return false; // OM109, or a spelling for the full reader
    if (this.hasQuantile && q <= this.lastQuantile) return false; // OM128
    this.hasQuantile = true;
    this.lastQuantile = q;
    return true;
  }

  /**
   * The part label's value as a threshold (`le`, `quantile`): a real number, `+Inf` or `-Inf`;
   * undefined for anything else (Prometheus text spells more, which the full reader reads).
   */
  private threshold(): number | undefined {
    const b = this.b;
    const start = this.partStart;
    const end = this.partEnd;
    if (end - start === 4 && (b[start] === 43 || b[start] === 45) && b[start + 1] === 73 && b[start + 2] === 110 && b[start + 3] === 102) {
      return b[start] === 43 ? Infinity : -Infinity;
    }
    const saved = this.pos;
    this.pos = start;
    const value = this.readNumber(end, false);
    const read = this.pos;
    this.pos = saved;
    return value !== undefined && read === end ? value : undefined;
  }

  /**
   * Reads a number from `pos` up to the next space or `end`, as the fast scanner does (OM 1.0 ABNF
   * `realnumber`; with `words`, also `+Inf`, `Inf`, `-Inf` and `NaN`); undefined when it is not one
   * of those shapes. The value is exact: Clinger's fast path, else Number() of the digits.
   */
  private readNumber(end: number, words: boolean): number | undefined {
    const b = this.b;
    const start = this.pos;
    let i = start;
    let c = b[i]!;
    let negative = false;
    if (c === 43 || c === 45) {
      negative = c === 45;
      c = b[++i]!;
    }
    if (c === 73 /* I */ || c === 78 /* N */) {
      if (!words) return undefined;
      let j = i;
      while (j < end && b[j] !== SPACE) j++;
      this.pos = j;
      if (j - i !== 3) return undefined;
      if (c === 73 && b[i + 1] === 110 && b[i + 2] === 102) return negative ? -Infinity : Infinity;
      if (c === 78 && b[i + 1] === 97 && b[i + 2] === 78 && i === start) return NaN;
      return undefined;
    }
    let mantissa = 0;
    let significant = 0;
    let fraction = 0;
    let digits = false;
    for (; i < end; c = b[++i]!) {
      if (c < 48 || c > 57) break;
      digits = true;
      if (mantissa !== 0 || c !== 48) significant++;
      mantissa = mantissa * 10 + (c - 48);
    }
    if (c === 46 /* . */ && i < end) {
      for (c = b[++i]!; i < end; c = b[++i]!) {
        if (c < 48 || c > 57) break;
        digits = true;
        if (mantissa !== 0 || c !== 48) significant++;
        mantissa = mantissa * 10 + (c - 48);
        fraction++;
      }
    }
    if (!digits) return undefined;
    let exponent = 0;
    if ((c === 101 || c === 69) && i < end) {
      c = b[++i]!;
      let negativeExponent = false;
      if (c === 43 || c === 45) {
        negativeExponent = c === 45;
        c = b[++i]!;
      }
      let exponentDigits = false;
      for (; i < end; c = b[++i]!) {
        if (c < 48 || c > 57) break;
        exponentDigits = true;
        if (exponent < 1e6) exponent = exponent * 10 + (c - 48);
      }
      if (!exponentDigits) return undefined;
      if (negativeExponent) exponent = -exponent;
    }
    if (i < end && c !== SPACE) return undefined;
    this.pos = i;
    const scale = exponent - fraction;
    const value = exactValue(mantissa, significant, scale) ?? Number(latin1(b, negative || b[start] === 43 ? start + 1 : start, i));
    // Digits beyond a float64 (`1e400`) are no number (number.ts parseValue): the full reader's.
    if (value === Infinity) return undefined;
    return negative ? -value : value;
  }
}

// What a line is to the certifier (comment lines), and where a sample goes.
const LINE = 0;
const STOP = 1;
const EOF_LINE = 2;
const IN_FAMILY = 3;
const NEW_FAMILY = 4;

/** The bytes `[start, end)` as one character each (the callers' bytes are ASCII). */
function latin1(b: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let at = start; at < end; at += 4096) {
    text += String.fromCharCode.apply(null, b.subarray(at, Math.min(end, at + 4096)) as unknown as number[]);
  }
  return text;
}
