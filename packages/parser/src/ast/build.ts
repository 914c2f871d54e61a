// The grammar's reading of one line: lex, parse to a CST, and build a LineRecord, with every
// syntax problem reported at its column. Format rules that the grammar leaves open (exact
// whitespace, escapes, which words are numbers and types) are decided here.
import type { CstNode, IToken, IRecognitionException } from 'chevrotain';
import { lexLine } from '../lexer/lexer.js';
import { getLineParser } from '../grammar/parser.js';
import type {
  CommentLineCstChildren,
  CompositeFieldCstChildren,
  CompositeItemCstChildren,
  CompositeNumberCstChildren,
  CompositeValueCstChildren,
  StartTimestampCstChildren,
  ICstNodeVisitor,
  ExemplarCstChildren,
  HelpDescriptorCstChildren,
  LabelItemCstChildren,
  LabelSetCstChildren,
  SampleLineCstChildren,
  TypeDescriptorCstChildren,
  UnitDescriptorCstChildren,
} from '../grammar/cst.js';
import { beyondFloat64, parseMilliseconds, parseRealNumber, parseSeconds, parseValue, timestampOutOfRange } from '../number.js';
import type { BucketSpan, ClassicBucket, CompositeValue, Label, MetricType, NativeBuckets } from './types.js';
import { isOpenMetrics, TYPE_WORDS, typeOfWord, type Code, type MessageId } from '../spec.js';
import {
  hasLabel,
  type DescriptorRecord,
  type ExemplarRecord,
  type LineContext,
  type LineRecord,
  type ReportExtra,
  type SampleRecord,
} from './records.js';

const TOKEN_WORDS: Record<string, string> = {
  Blank: 'a space',
  Name: 'a name',
  QuotedString: 'a quoted string',
  UnterminatedString: 'a quoted string',
  Number: 'a number',
  LBrace: '`{`',
  RBrace: '`}`',
  Comma: '`,`',
  Equals: '`=`',
  Hash: '`#`',
  DescriptorName: 'a metric name',
  HelpText: 'help text',
  Word: 'a word',
  CompositeOpen: '`{`',
  CompositeClose: '`}`',
  StartTimestampMark: '`st@`',
  FieldName: 'a field name',
  Colon: '`:`',
  LBracket: '`[`',
  RBracket: '`]`',
  CompositeJunk: 'a field',
};

/** OM 2.0 ABNF `integer`, `non-negative-integer`, `realnumber`. */
const INTEGER = /^[+-]?[0-9]+$/;
const NON_NEGATIVE_INTEGER = /^\+?[0-9]+$/;

/** Reads one line (`line` = the text without its line feed, at absolute offset `base`). */
export function buildLine(line: string, base: number, ctx: LineContext): LineRecord | undefined {
  const isComment = line.charCodeAt(0) === 35; /* # */
  const lexed = lexLine(line, isComment ? 'comment' : 'sample');
  if (lexed.errors.length > 0) {
    const error = lexed.errors[0]!;
    ctx.report(
      'OM001',
      base + error.offset,
      base + error.offset + Math.max(1, error.length),
      'unexpectedCharacter',
      { data: { text: line.slice(error.offset, error.offset + error.length) } },
    );
    return undefined;
  }
  const lineParser = getLineParser();
  lineParser.input = lexed.tokens;
  const cst = isComment ? lineParser.commentLine() : lineParser.sampleLine();
  if (lineParser.errors.length > 0) {
    reportGrammarError(lineParser.errors[0]!, line, base, ctx);
    return undefined;
  }
  return getBuilder().read(cst, line, base, ctx);
}

/**
 * The offset just after a token. The lexer tracks only start offsets (`positionTracking:
 * 'onlyOffset'`), so `endOffset` is undefined: a token ends where its image does.
 */
function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

function reportGrammarError(
  error: IRecognitionException,
  line: string,
  base: number,
  ctx: LineContext,
): void {
  const token = error.token;
  const atEnd = token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset);
  const start = atEnd ? line.length : token.startOffset;
  const end = atEnd ? line.length : tokenEnd(token);
  if (!atEnd && token.tokenType.name === 'UnterminatedString') {
    ctx.report('OM012', base + start, base + end, 'unterminated');
    return;
  }
  const inComposite = !atEnd && token.tokenType.name === 'CompositeJunk' && /^[ \t]/.test(token.image);
  if (inComposite && ctx.format === 'openmetrics-2.0') {
    ctx.report('OM022', base + start, base + start + 1, 'whitespace');
    return;
  }
  const expected = /-->\s*(\w+)\s*<--/.exec(error.message)?.[1];
  const found = atEnd ? 'the end of the line' : shownToken(token.image);
  const what = expected !== undefined ? (TOKEN_WORDS[expected] ?? expected) : undefined;
  const id = error.name === 'NotAllInputParsedException' ? 'afterContent' : what !== undefined ? 'expected' : 'unexpected';
  ctx.report('OM001', base + start, base + end, id, { data: { expected: what ?? '', found }, expected: what, actual: found });
  // 1.0 and Prometheus text have no composite values (OM022 is 2.0's): how to read the document as 2.0.
  if (inComposite) ctx.report('OM023', base + start, base + end, 'om2Syntax', { data: { what: 'a composite value', format: formatName(ctx.format) } });
}

/** The name of a format other than 2.0, as OM023's message writes it. */
function formatName(format: LineContext['format']): string {
  return format === 'openmetrics' ? 'OpenMetrics 1.0' : 'Prometheus text 0.0.4';
}

/** A token as a message shows it: in backticks, but blanks by name (a space in backticks shows nothing). */
function shownToken(image: string): string {
  if (image === ' ') return 'a space';
  if (image === '\t') return 'a tab';
  if (/^\s+$/.test(image)) return `${image.length} blank characters`;
  return `\`${image}\``;
}

/** What a label set's visit is told: whether its first item may be the quoted metric name. */
interface LabelSetParam {
  nameAllowed: boolean;
}
const NAME_ALLOWED: LabelSetParam = { nameAllowed: true };
const NO_NAME: LabelSetParam = { nameAllowed: false };

interface LabelSetRead {
  labels: Label[];
  quotedName: string | undefined;
  canonical: boolean;
}

/** The one builder (made with the grammar, on the first line the fast readers defer). */
let builder: RecordBuilder | undefined;
function getBuilder(): RecordBuilder {
  return (builder ??= createBuilder());
}

type RecordBuilder = ReturnType<typeof createBuilder>;

/**
 * The CST visitor that builds a line's record: one method per grammar rule, typed by
 * grammar/cst.d.ts, checked against the grammar by validateVisitor(). `labelItem` is not visited:
 * a label set reads its items' children itself, in order. The line
 * being read (`line`, `base`, `ctx`) is set by read() before each visit.
 */
function createBuilder() {
  const Base = getLineParser().getBaseCstVisitorConstructorWithDefaults<LabelSetParam, unknown>();
  class Builder extends Base implements ICstNodeVisitor<LabelSetParam, unknown> {
    private line = '';
    private base = 0;
    private ctx!: LineContext;
    private om = false;
    /** OpenMetrics 2.0: composite values, `st@`, several exemplars with timestamps. */
    private om2 = false;

    constructor() {
      super();
      this.validateVisitor();
    }

    /** Not visited: labelSet() reads its items' children in order. */
    labelItem(): undefined {
      return undefined;
    }

    /** Not visited: compositeValue() reads its fields' children in order. */
    compositeField(): undefined {
      return undefined;
    }
    compositeItem(): undefined {
      return undefined;
    }
    compositeNumber(): undefined {
      return undefined;
    }

    read(cst: CstNode, line: string, base: number, ctx: LineContext): LineRecord | undefined {
      this.line = line;
      this.base = base;
      this.ctx = ctx;
      this.om = isOpenMetrics(ctx.format);
      this.om2 = ctx.format === 'openmetrics-2.0';
      return this.visit(cst) as LineRecord | undefined;
    }

    sampleLine(c: SampleLineCstChildren): SampleRecord | undefined {
      let ok = true;
      let name: string | undefined;
      let labels: Label[] = [];
      let labelsText: string | undefined = '';
      if (c.metricName) name = c.metricName[0]!.image;
      if (c.labelSet) {
        const set = this.visit(c.labelSet[0]!, name === undefined ? NAME_ALLOWED : NO_NAME) as LabelSetRead | undefined;
        if (set === undefined) return undefined;
        labels = set.labels;
        labelsText = set.canonical ? labels.map((l) => `${l.name}="${l.value}"`).join(',') : undefined;
        if (set.quotedName !== undefined) name = set.quotedName;
      }
      if (name === undefined) {
        this.reportAt('OM009', 0, Math.max(1, this.line.indexOf(' ')), 'noName');
        return undefined;
      }
      ok = this.separator(c.valueSeparator[0]!) && ok;
      let value: number | undefined;
      let composite: CompositeValue | undefined;
      let compositeFields: Record<string, readonly [number, number]> | undefined;
      if (c.compositeValue) {
        const node = c.compositeValue[0]!;
        if (!this.om2) {
          this.notOm2((node.children as CompositeValueCstChildren).CompositeOpen[0]!, 'a composite value');
          return undefined;
        }
        composite = this.visit(node) as CompositeValue | undefined;
        if (composite === undefined) ok = false;
        else compositeFields = this.fieldSpans(node.children as CompositeValueCstChildren);
        value = Number.NaN;
      } else {
        const valueToken = c.value![0]!;
        value = parseValue(valueToken.image);
        if (value === undefined) {
          if (beyondFloat64(valueToken.image)) this.reportToken('OM013', valueToken, 'beyondFloat64', { data: { value: short(valueToken.image) } });
          else this.reportToken('OM013', valueToken, 'notNumber', { data: { value: valueToken.image } });
          ok = false;
        }
      }
      let timestamp: number | undefined;
      if (c.timestampSeparator) ok = this.separator(c.timestampSeparator[0]!) && ok;
      if (c.timestamp) {
        const token = c.timestamp[0]!;
        timestamp = this.om ? parseSeconds(token.image) : parseMilliseconds(token.image);
        if (timestamp === undefined) {
          const range = timestampOutOfRange(token.image, this.om ? 'openmetrics' : 'prometheus');
          this.reportToken(
            'OM014',
            token,
            range ? (this.om ? 'beyondFloat64' : 'beyondInt64') : this.om ? 'notSeconds' : 'notMilliseconds',
            { data: { value: range ? short(token.image) : token.image } },
          );
          ok = false;
        }
      }
      let startTimestamp: number | undefined;
      if (c.startTimestamp) {
        const st = c.startTimestamp[0]!.children as StartTimestampCstChildren;
        if (!this.om2) {
          this.notOm2(st.StartTimestampMark[0]!, 'a start timestamp `st@`');
          return undefined;
        }
        const token = st.timestamp![0]!;
        startTimestamp = parseSeconds(token.image);
        if (startTimestamp === undefined) {
          const range = timestampOutOfRange(token.image, 'openmetrics-2.0');
          this.reportToken('OM014', token, range ? 'beyondFloat64' : 'notSeconds', { data: { value: range ? short(token.image) : token.image } });
          ok = false;
        }
      }
      if (c.exemplarSeparator) for (const separator of c.exemplarSeparator) ok = this.separator(separator) && ok;
      let exemplar: ExemplarRecord | undefined;
      let exemplars: ExemplarRecord[] | undefined;
      if (c.exemplar) {
        if (c.exemplar.length > 1 && !this.om2) {
          this.notOm2((c.exemplar[1]!.children as ExemplarCstChildren).Hash[0]!, 'several exemplars');
          return undefined;
        }
        for (const node of c.exemplar) {
          const read = this.visit(node) as ExemplarRecord | undefined;
          if (read === undefined) ok = false;
          else if (exemplar === undefined) exemplar = read;
          else (exemplars ??= [exemplar]).push(read);
        }
        // OM 2.0: `exemplars` holds every exemplar, one included (1.0 has `exemplar` only).
        if (this.om2 && exemplar !== undefined) exemplars ??= [exemplar];
      }
      if (!ok) return undefined;
      const record: SampleRecord = {
        kind: 'sample',
        name,
        labels,
        labelsText,
        value: value!,
        timestamp,
        exemplar,
        start: this.base,
        end: this.base + this.line.length,
      };
      if (exemplars !== undefined) record.exemplars = exemplars;
      if (startTimestamp !== undefined) record.startTimestamp = startTimestamp;
      if (composite !== undefined) {
        record.composite = composite;
        record.compositeFields = compositeFields;
      }
      return record;
    }

    /** Not visited: sampleLine() reads it. */
    startTimestamp(_c: StartTimestampCstChildren): undefined {
      return undefined;
    }

    /**
     * OM 2.0 ABNF `composite-value`: `histogram-value` (`count`, `sum`, then native buckets and/or
     * `bucket`), `gauge-histogram-value` (`gcount`, `gsum`, …) or `summary-value` (`count`, `sum`,
     * `quantile`), fields in that order. Reported at the first field that breaks it.
     */
    compositeValue(c: CompositeValueCstChildren): CompositeValue | undefined {
      const fields = c.compositeField.map((f) => f.children as CompositeFieldCstChildren);
      const close = c.CompositeClose[0]!;
      let i = 0;
      let ok = true;
      /** The next field if it is named `name` (consumed), else undefined. */
      const take = (name: string): CompositeFieldCstChildren | undefined => {
        const field = fields[i];
        if (field === undefined || field.name[0]!.image !== name) return undefined;
        i++;
        return field;
      };
      const expected = (what: string): undefined => {
        const field = fields[i];
        if (field === undefined) this.reportToken('OM022', close, 'field', { data: { expected: what, found: '`}`' } });
        else this.reportToken('OM022', field.name[0]!, 'field', { data: { expected: what, found: `\`${field.name[0]!.image}\`` } });
        return undefined;
      };
      const gauge = fields[0]?.name[0]!.image === 'gcount';
      const countField = take(gauge ? 'gcount' : 'count');
      if (countField === undefined) return expected('`count` or `gcount`');
      const count = this.fieldNumber(countField);
      const sumField = take(gauge ? 'gsum' : 'sum');
      if (sumField === undefined) return expected(gauge ? '`gsum`' : '`sum`');
      const sum = this.fieldNumber(sumField);
      if (count === undefined || sum === undefined) ok = false;
      let result: CompositeValue | undefined;
      const quantileField = gauge ? undefined : take('quantile');
      if (quantileField !== undefined) {
        const quantiles = this.pairs(quantileField, 'q:value', (key) => this.real(key, 'quantile'));
        if (quantiles === undefined) ok = false;
        else result = { kind: 'summary', count: count!, sum: sum!, quantiles: quantiles.map(([quantile, value]) => ({ quantile, value })) };
      } else {
        let native: NativeBuckets | undefined;
        const schemaField = take('schema');
        if (schemaField !== undefined) {
          const schema = this.scalar(schemaField, (token) => this.integer(token, 'schema', INTEGER, 'notInteger'));
          const thresholdField = take('zero_threshold');
          if (thresholdField === undefined) return expected('`zero_threshold`');
          const zeroThreshold = this.scalar(thresholdField, (token) => this.real(token, 'zero_threshold'));
          const zeroCountField = take('zero_count');
          if (zeroCountField === undefined) return expected('`zero_count`');
          const zeroCount = this.fieldNumber(zeroCountField);
          const sides: Record<'negative' | 'positive', { spans: BucketSpan[]; buckets: number[] }> = {
            negative: { spans: [], buckets: [] },
            positive: { spans: [], buckets: [] },
          };
          for (const sign of ['negative', 'positive'] as const) {
            const spansField = take(`${sign}_spans`);
            if (spansField === undefined) continue;
            const bucketsField = take(`${sign}_buckets`);
            if (bucketsField === undefined) return expected(`\`${sign}_buckets\``);
            const spans = this.spans(spansField);
            const buckets = this.numbers(bucketsField);
            if (spans === undefined || buckets === undefined) ok = false;
            else sides[sign] = { spans, buckets };
          }
          if (schema === undefined || zeroThreshold === undefined || zeroCount === undefined) ok = false;
          native = {
            schema: schema ?? 0,
            zeroThreshold: zeroThreshold ?? 0,
            zeroCount: zeroCount ?? 0,
            negativeSpans: sides.negative.spans,
            negativeBuckets: sides.negative.buckets,
            positiveSpans: sides.positive.spans,
            positiveBuckets: sides.positive.buckets,
          };
        }
        const bucketField = take('bucket');
        if (native === undefined && bucketField === undefined) {
          return expected(gauge ? '`bucket` or `schema`' : '`bucket`, `schema` or `quantile`');
        }
        let buckets: ClassicBucket[] | undefined;
        if (bucketField !== undefined) {
          const pairs = this.pairs(bucketField, 'le:count', (key) => this.threshold(key));
          if (pairs === undefined) ok = false;
          else buckets = pairs.map(([le, count]) => ({ le, count }));
        }
        const histogram: HistogramFields = {
          kind: gauge ? 'gaugehistogram' : 'histogram',
          count: count!,
          sum: sum!,
        };
        if (buckets !== undefined) histogram.buckets = buckets;
        if (native !== undefined) histogram.native = native;
        result = histogram;
      }
      if (i < fields.length) {
        const what =
          result?.kind === 'summary' ? '`}` after `quantile`' : fields[i - 1]!.name[0]!.image === 'bucket' ? '`}` after `bucket`' : 'a native bucket field or `bucket`';
        return expected(what);
      }
      return ok ? result : undefined;
    }

    /** Where each field of a composite value is written (absolute offsets), by name. */
    private fieldSpans(c: CompositeValueCstChildren): Record<string, readonly [number, number]> {
      const spans: Record<string, readonly [number, number]> = {};
      for (const node of c.compositeField) {
        const field = node.children as CompositeFieldCstChildren;
        const last = field.RBracket?.[0] ?? (field.value === undefined ? field.Colon[0]! : numberToken(field.value[0]!));
        spans[field.name[0]!.image] = [this.base + field.name[0]!.startOffset, this.base + tokenEnd(last)];
      }
      return spans;
    }

    /** A scalar field's number (OM ABNF `number`), or undefined after reporting. */
    private fieldNumber(field: CompositeFieldCstChildren): number | undefined {
      return this.scalar(field, (token) => this.number(token));
    }

    private scalar(field: CompositeFieldCstChildren, read: (token: IToken) => number | undefined): number | undefined {
      if (field.value === undefined) {
        this.reportToken('OM022', field.name[0]!, 'shape', { data: { field: field.name[0]!.image, shape: `${field.name[0]!.image}:<number>` } });
        return undefined;
      }
      return read(numberToken(field.value[0]!));
    }

    /** A list field's items as `key:value` pairs. */
    private pairs(
      field: CompositeFieldCstChildren,
      shape: string,
      readKey: (token: IToken) => number | undefined,
      readValue: (token: IToken) => number | undefined = (token) => this.number(token),
    ): [number, number][] | undefined {
      const name = field.name[0]!.image;
      if (field.value !== undefined) {
        this.reportToken('OM022', field.name[0]!, 'shape', { data: { field: name, shape: `${name}:[${shape},…]` } });
        return undefined;
      }
      const out: [number, number][] = [];
      let ok = true;
      for (const node of field.item ?? []) {
        const item = node.children as CompositeItemCstChildren;
        const keyToken = numberToken(item.key[0]!);
        if (item.value === undefined) {
          this.reportToken('OM022', keyToken, 'shape', { data: { field: name, shape: `${name}:[${shape},…]` } });
          ok = false;
          continue;
        }
        const key = readKey(keyToken);
        const value = readValue(numberToken(item.value[0]!));
        if (key === undefined || value === undefined) ok = false;
        else out.push([key, value]);
      }
      return ok ? out : undefined;
    }

    /** OM 2.0 ABNF `nh-spans = nh-start-span *("," nh-span)`: `integer:non-negative-integer`, then both non-negative. */
    private spans(field: CompositeFieldCstChildren): BucketSpan[] | undefined {
      let first = true;
      const pairs = this.pairs(
        field,
        'offset:length',
        (token) => {
          const offset = first
            ? this.integer(token, field.name[0]!.image, INTEGER, 'notInteger')
            : this.integer(token, field.name[0]!.image, NON_NEGATIVE_INTEGER, 'notNonNegative');
          first = false;
          return offset;
        },
        (token) => this.integer(token, field.name[0]!.image, NON_NEGATIVE_INTEGER, 'notNonNegative'),
      );
      return pairs?.map(([offset, length]) => ({ offset, length }));
    }

    /** OM 2.0 ABNF `nh-buckets = number *("," number)`. */
    private numbers(field: CompositeFieldCstChildren): number[] | undefined {
      const name = field.name[0]!.image;
      if (field.value !== undefined) {
        this.reportToken('OM022', field.name[0]!, 'shape', { data: { field: name, shape: `${name}:[<number>,…]` } });
        return undefined;
      }
      const out: number[] = [];
      let ok = true;
      for (const node of field.item ?? []) {
        const item = node.children as CompositeItemCstChildren;
        if (item.value !== undefined) {
          this.reportToken('OM022', numberToken(item.key[0]!), 'shape', { data: { field: name, shape: `${name}:[<number>,…]` } });
          ok = false;
          continue;
        }
        const value = this.number(numberToken(item.key[0]!));
        if (value === undefined) ok = false;
        else out.push(value);
      }
      return ok ? out : undefined;
    }

    /** OM ABNF `number`. */
    private number(token: IToken): number | undefined {
      const value = parseValue(token.image);
      if (value === undefined) {
        if (beyondFloat64(token.image)) this.reportToken('OM013', token, 'beyondFloat64', { data: { value: short(token.image) } });
        else this.reportToken('OM013', token, 'notNumber', { data: { value: short(token.image) } });
      }
      return value;
    }

    /** OM ABNF `realnumber`: no NaN, no infinity. */
    private real(token: IToken, field: string): number | undefined {
      const value = parseRealNumber(token.image);
      if (value === undefined) {
        if (beyondFloat64(token.image)) this.reportToken('OM013', token, 'beyondFloat64', { data: { value: short(token.image) } });
        else this.reportToken('OM022', token, 'notReal', { data: { field, value: short(token.image) } });
      }
      return value;
    }

    /** OM 2.0 ABNF `ch-le-bucket` / `ch-pos-inf-bucket` / `ch-neg-inf-bucket`: a realnumber, `+Inf` or `-Inf`. */
    private threshold(token: IToken): number | undefined {
      if (token.image === '+Inf') return Infinity;
      if (token.image === '-Inf') return -Infinity;
      return this.real(token, 'bucket');
    }

    private integer(token: IToken, field: string, pattern: RegExp, id: 'notInteger' | 'notNonNegative'): number | undefined {
      if (!pattern.test(token.image)) {
        this.reportToken('OM022', token, id, { data: { field, value: short(token.image) } });
        return undefined;
      }
      return Number(token.image);
    }

    /**
     * 2.0 syntax read as another format: the syntax error at `token`, and (once per document, the
     * session sees to it) how to read the document as 2.0.
     */
    private notOm2(token: IToken, what: string): void {
      this.reportToken('OM001', token, 'unexpected', { data: { found: shownToken(token.image) }, actual: shownToken(token.image) });
      this.reportToken('OM023', token, 'om2Syntax', {
        data: { what, format: formatName(this.ctx.format) },
      });
    }

    exemplar(c: ExemplarCstChildren): ExemplarRecord | undefined {
      const start = c.Hash[0]!.startOffset;
      // OM 2.0: several exemplars on a line, each ending at its own last token.
      const last = c.timestamp?.[0] ?? c.value?.[0];
      const end = last !== undefined ? tokenEnd(last) : this.line.length;
      if (!this.om) {
        this.reportAt('OM015', start, end, 'noExemplars');
        return undefined;
      }
      let ok = this.separator(c.labelsSeparator[0]!);
      ok = this.separator(c.valueSeparator[0]!) && ok;
      const set = this.visit(c.labelSet[0]!, NO_NAME) as LabelSetRead | undefined;
      const valueToken = c.value![0]!;
      const value = parseValue(valueToken.image);
      if (value === undefined) {
        this.reportToken('OM015', valueToken, beyondFloat64(valueToken.image) ? 'valueBeyondFloat64' : 'valueNotNumber', {
          data: { value: short(valueToken.image) },
        });
        ok = false;
      }
      let timestamp: number | undefined;
      if (c.timestampSeparator) ok = this.separator(c.timestampSeparator[0]!) && ok;
      if (c.timestamp) {
        const token = c.timestamp[0]!;
        timestamp = parseSeconds(token.image);
        if (timestamp === undefined) {
          const range = timestampOutOfRange(token.image, 'openmetrics');
          this.reportToken('OM015', token, range ? 'timestampBeyondFloat64' : 'timestampNotReal', { data: { value: token.image } });
          ok = false;
        }
      }
      if (timestamp === undefined && c.timestamp === undefined && this.om2) {
        this.reportAt('OM015', start, end, 'noTimestamp');
        ok = false;
      }
      if (!ok || set === undefined) return undefined;
      return { labels: set.labels, value: value!, timestamp, start: this.base + start, end: this.base + end };
    }

    labelSet(c: LabelSetCstChildren, param?: LabelSetParam): LabelSetRead | undefined {
      const nameAllowed = param?.nameAllowed === true;
      const labels: Label[] = [];
      const seenNames: { set?: Set<string> } = {};
      let quotedName: string | undefined;
      let ok = true;
      // As the fast scanner defines it: plain names, nothing escaped, no quoted name.
      let canonical = !c.trailingComma;
      if (c.trailingComma && this.om) {
        this.reportToken('OM019', c.trailingComma[0]!, 'trailingComma');
        ok = false;
      }
      const items = c.labelItem ?? [];
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!.children as LabelItemCstChildren;
        const nameToken = item.name![0]!;
        const quoted = nameToken.tokenType.name === 'QuotedString';
        if (!item.value) {
          if (quoted && i === 0 && nameAllowed) {
            const text = this.unquote(nameToken);
            if (text === '') {
              this.reportToken('OM009', nameToken, 'emptyQuotedName');
              ok = false;
            } else if (text !== undefined) quotedName = text;
            else ok = false;
          } else {
            if (!quoted) this.reportToken('OM001', nameToken, 'labelWithoutValue', { data: { name: nameToken.image } });
            else this.reportToken('OM009', nameToken, i === 0 ? 'nameTwice' : 'quotedNameNotFirst');
            ok = false;
          }
          continue;
        }
        let labelName: string | undefined;
        if (quoted) {
          labelName = this.unquote(nameToken);
          if (labelName === '') {
            this.reportToken('OM010', nameToken, 'emptyQuotedName');
            labelName = undefined;
          }
        } else if (nameToken.image.includes(':')) {
          this.reportToken('OM010', nameToken, 'colon', { data: { name: nameToken.image } });
        } else labelName = nameToken.image;
        const value = this.unquote(item.value[0]!);
        if (labelName === undefined || value === undefined) {
          ok = false;
          continue;
        }
        if (quoted || item.value[0]!.image.includes('\\')) canonical = false;
        if (hasLabel(labels, labelName, seenNames)) {
          this.reportToken('OM100', nameToken, 'labelTwice', { data: { name: labelName } });
          ok = false;
          continue;
        }
        labels.push({ name: labelName, value });
      }
      if (quotedName !== undefined) canonical = false;
      return ok ? { labels, quotedName, canonical } : undefined;
    }

    commentLine(c: CommentLineCstChildren): LineRecord | undefined {
      const start = this.base;
      const end = this.base + this.line.length;
      const descriptor = c.helpDescriptor ?? c.typeDescriptor ?? c.unitDescriptor;
      const isDescriptor =
        descriptor !== undefined && (this.om || c.unitDescriptor === undefined); // UNIT is a comment in Prometheus text
      if (c.EofKeyword && this.om) {
        if (!this.exactSeparator(c.keywordSeparator)) return undefined;
        return { kind: 'eof', start, end };
      }
      if (!isDescriptor) {
        if (this.om) {
          this.reportAt('OM007', 0, this.line.length, 'comment');
          return undefined;
        }
        return { kind: 'comment', start, end };
      }
      if (this.om && !this.exactSeparator(c.keywordSeparator)) return undefined;
      return this.visit(descriptor[0]!) as DescriptorRecord | undefined;
    }

    helpDescriptor(c: HelpDescriptorCstChildren): DescriptorRecord | undefined {
      const name = this.descriptorName(c.name[0]!);
      let ok = this.separator(c.nameSeparator[0]!) && name !== undefined;
      let value = '';
      if (c.text) {
        const token = c.text[0]!;
        if (this.om) {
          if (token.image.charCodeAt(0) !== 32) {
            this.reportAt('OM008', token.startOffset, token.startOffset + 1, 'beforeHelpText');
            ok = false;
          }
          value = this.unescape(token.image.slice(1), token.startOffset + 1, 'help') ?? '';
        } else {
          const text = token.image.replace(/^[ \t]+/, '');
          value = this.unescape(text, tokenEnd(token) - text.length, 'help') ?? '';
        }
      } else if (this.om) {
        this.reportAt('OM018', this.line.length, this.line.length, 'helpText');
        ok = false;
      }
      if (!ok) return undefined;
      return this.descriptor('HELP', name!, value, undefined);
    }

    typeDescriptor(c: TypeDescriptorCstChildren): DescriptorRecord | undefined {
      const name = this.descriptorName(c.name[0]!);
      let ok = this.separator(c.nameSeparator[0]!) && name !== undefined;
      if (c.valueSeparator) ok = this.separator(c.valueSeparator[0]!) && ok;
      if (!c.value) {
        this.reportAt('OM018', this.line.length, this.line.length, 'typeWord');
        return undefined;
      }
      const token = c.value[0]!;
      const word = token.image;
      const known = TYPE_WORDS[this.ctx.format];
      if (!known.has(word)) {
        this.reportToken('OM016', token, 'unknownType', {
          data: { word, format: this.om ? 'OpenMetrics' : 'Prometheus text', types: [...known].join(', ') },
        });
        return undefined;
      }
      if (!ok) return undefined;
      const type = typeOfWord(word);
      return this.descriptor('TYPE', name!, word, type);
    }

    unitDescriptor(c: UnitDescriptorCstChildren): DescriptorRecord | undefined {
      const name = this.descriptorName(c.name[0]!);
      let ok = this.separator(c.nameSeparator[0]!) && name !== undefined;
      let value = '';
      if (c.valueSeparator) ok = this.separator(c.valueSeparator[0]!) && ok;
      if (c.value) {
        const token = c.value[0]!;
        value = token.image;
        if (!/^[a-zA-Z0-9_:]*$/.test(value)) {
          this.reportToken('OM017', token, 'invalidUnit', { data: { unit: value } });
          ok = false;
        }
      } else if (!c.valueSeparator) {
        this.reportAt('OM018', this.line.length, this.line.length, 'unitWord');
        ok = false;
      }
      if (!ok) return undefined;
      return this.descriptor('UNIT', name!, value, undefined);
    }

    private descriptor(
      keyword: DescriptorRecord['keyword'],
      name: string,
      value: string,
      type: MetricType | undefined,
    ): DescriptorRecord {
      return { kind: 'descriptor', keyword, name, value, type, start: this.base, end: this.base + this.line.length };
    }

    private descriptorName(token: IToken): string | undefined {
      if (token.image.charCodeAt(0) !== 34 /* " */) return token.image;
      const name = this.unquote(token);
      if (name === '') {
        this.reportToken('OM009', token, 'emptyQuotedName');
        return undefined;
      }
      return name;
    }

    /** OpenMetrics separators are exactly one space; Prometheus text allows any blanks. */
    private separator(token: IToken): boolean {
      if (!this.om || token.image === ' ') return true;
      this.reportToken('OM008', token, 'exactlyOne', {
        expected: '` `',
        actual: JSON.stringify(token.image),
      });
      return false;
    }

    private exactSeparator(tokens: IToken[] | undefined): boolean {
      if (tokens === undefined) {
        this.reportAt('OM008', 1, 2, 'afterHash');
        return false;
      }
      return this.separator(tokens[0]!);
    }

    /** A quoted string's content, unescaped; undefined after reporting a bad escape. */
    private unquote(token: IToken): string | undefined {
      return this.unescape(token.image.slice(1, -1), token.startOffset + 1, 'label');
    }

    /**
     * OM 1.0 §Escaping: `\n`, `\"`, `\\`; a backslash before any other character is kept as written
     * (a SHOULD NOT, reported as a warning). Prometheus HELP text knows only `\\` and `\n`.
     */
    private unescape(text: string, at: number, kind: 'label' | 'help'): string | undefined {
      if (!text.includes('\\')) return text;
      let out = '';
      // The text as it should have been written, and how many escapes it corrects: reported once
      // per string, so that a flood of them costs one diagnostic, not one each.
      let corrected = '';
      let undefinedEscapes = 0;
      let first = -1;
      let from = 0;
      for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', from)) {
        out += text.slice(from, i);
        corrected += text.slice(from, i);
        const next = text[i + 1];
        if (next === 'n') out += '\n';
        else if (next === '\\') out += '\\';
        else if (next === '"' && (kind === 'label' || this.om)) out += '"';
        else if (next === undefined) {
          this.reportAt('OM011', at + i, at + i + 1, 'trailingBackslash');
          return undefined;
        } else {
          out += '\\' + next;
          corrected += '\\';
          if (undefinedEscapes++ === 0) first = i;
        }
        corrected += text.slice(i, i + 2);
        from = i + 2;
      }
      if (undefinedEscapes > 0) {
        this.reportAt('OM011', at + first, at + first + 2, undefinedEscapes > 1 ? 'undefinedEscapes' : 'undefinedEscape', {
          data: { character: text[first + 1]!, more: undefinedEscapes - 1 },
          severity: 'warning',
          fix: {
            description: undefinedEscapes > 1 ? 'escape the backslashes' : 'escape the backslash',
            start: this.base + at,
            end: this.base + at + text.length,
            text: corrected + text.slice(from),
          },
        });
      }
      return out + text.slice(from);
    }


    private reportToken<C extends Code>(code: C, token: IToken, id: MessageId<C>, extra?: ReportExtra): void {
      this.ctx.report(code, this.base + token.startOffset, this.base + tokenEnd(token), id, extra);
    }

    private reportAt<C extends Code>(code: C, start: number, end: number, id: MessageId<C>, extra?: ReportExtra): void {
      this.ctx.report(code, this.base + start, this.base + end, id, extra);
    }
  }
  return new Builder();
}

/** The token of a `compositeNumber`. */
function numberToken(node: CstNode): IToken {
  return (node.children as CompositeNumberCstChildren).number![0]!;
}

/** A histogram composite value while it is built. */
type HistogramFields = { kind: 'histogram' | 'gaugehistogram'; count: number; sum: number; buckets?: ClassicBucket[]; native?: NativeBuckets };

/** A number as a message shows it: a very long one cut short. */
function short(image: string): string {
  return image.length > 40 ? `${image.slice(0, 20)}…` : image;
}
