// The grammar's reading of one line: lex, parse to a CST, and build a LineRecord, with every
// syntax problem reported at its column. Format rules that the grammar leaves open (exact
// whitespace, escapes, which words are numbers and types) are decided here.
import type { CstNode, IToken, IRecognitionException } from 'chevrotain';
import { lexLine } from '../lexer/lexer.js';
import { getLineParser } from '../grammar/parser.js';
import type {
  CommentLineCstChildren,
  ExemplarCstChildren,
  HelpDescriptorCstChildren,
  LabelItemCstChildren,
  LabelSetCstChildren,
  SampleLineCstChildren,
  TypeDescriptorCstChildren,
  UnitDescriptorCstChildren,
} from '../grammar/cst.js';
import { beyondFloat64, parseMilliseconds, parseSeconds, parseValue, timestampOutOfRange } from '../number.js';
import type { Label, MetricType } from './types.js';
import {
  hasLabel,
  TYPE_WORDS,
  type DescriptorRecord,
  type ExemplarRecord,
  type LineContext,
  type LineRecord,
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
};

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
      `unexpected character \`${line.slice(error.offset, error.offset + error.length)}\``,
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
  const builder = new RecordBuilder(line, base, ctx);
  return isComment ? builder.commentLine(cst) : builder.sampleLine(cst);
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
    ctx.report('OM012', base + start, base + end, 'string has no closing quote');
    return;
  }
  const expected = /-->\s*(\w+)\s*<--/.exec(error.message)?.[1];
  const found = atEnd ? 'the end of the line' : `\`${token.image}\``;
  const what = expected !== undefined ? (TOKEN_WORDS[expected] ?? expected) : undefined;
  const message =
    error.name === 'NotAllInputParsedException'
      ? `unexpected ${found} after the end of the line's content`
      : what !== undefined
        ? `expected ${what}, found ${found}`
        : `unexpected ${found}`;
  ctx.report('OM001', base + start, base + end, message, { expected: what, actual: found });
}

class RecordBuilder {
  private readonly om: boolean;

  constructor(
    private readonly line: string,
    private readonly base: number,
    private readonly ctx: LineContext,
  ) {
    this.om = ctx.format === 'openmetrics';
  }

  sampleLine(cst: CstNode): SampleRecord | undefined {
    const c = cst.children as SampleLineCstChildren;
    let ok = true;
    let name: string | undefined;
    let labels: Label[] = [];
    let labelsText: string | undefined = '';
    if (c.metricName) name = c.metricName[0]!.image;
    if (c.labelSet) {
      const set = this.labelSet(c.labelSet[0]!, name === undefined);
      if (set === undefined) return undefined;
      labels = set.labels;
      labelsText = set.canonical ? labels.map((l) => `${l.name}="${l.value}"`).join(',') : undefined;
      if (set.quotedName !== undefined) name = set.quotedName;
    }
    if (name === undefined) {
      this.reportAt('OM009', 0, Math.max(1, this.line.indexOf(' ')), 'sample has no metric name');
      return undefined;
    }
    ok = this.separator(c.valueSeparator[0]!) && ok;
    const valueToken = c.value![0]!;
    const value = parseValue(valueToken.image);
    if (value === undefined) {
      this.reportToken('OM013', valueToken, beyondFloat64(valueToken.image) ? `value \`${short(valueToken.image)}\` is beyond the range of a 64-bit float` : `\`${valueToken.image}\` is not a number`);
      ok = false;
    }
    let timestamp: number | undefined;
    if (c.timestampSeparator) ok = this.separator(c.timestampSeparator[0]!) && ok;
    if (c.timestamp) {
      const token = c.timestamp[0]!;
      timestamp = this.om ? parseSeconds(token.image) : parseMilliseconds(token.image);
      if (timestamp === undefined) {
        this.reportToken(
          'OM014',
          token,
          timestampOutOfRange(token.image, this.om ? 'openmetrics' : 'prometheus')
            ? this.om
              ? `timestamp \`${short(token.image)}\` is beyond the range of a 64-bit float`
              : `timestamp \`${short(token.image)}\` is beyond the int64 range of milliseconds`
            : this.om
              ? `\`${token.image}\` is not a timestamp (a real number of seconds)`
              : `\`${token.image}\` is not a timestamp (integer milliseconds)`,
        );
        ok = false;
      }
    }
    if (c.exemplarSeparator) ok = this.separator(c.exemplarSeparator[0]!) && ok;
    let exemplar: ExemplarRecord | undefined;
    if (c.exemplar) {
      exemplar = this.exemplar(c.exemplar[0]!);
      if (exemplar === undefined) ok = false;
    }
    if (!ok) return undefined;
    return {
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
  }

  private exemplar(cst: CstNode): ExemplarRecord | undefined {
    const c = cst.children as ExemplarCstChildren;
    const start = c.Hash[0]!.startOffset;
    const end = this.line.length;
    if (!this.om) {
      this.reportAt('OM015', start, end, 'Prometheus text 0.0.4 has no exemplars');
      return undefined;
    }
    let ok = this.separator(c.labelsSeparator[0]!);
    ok = this.separator(c.valueSeparator[0]!) && ok;
    const set = this.labelSet(c.labelSet[0]!, false);
    const valueToken = c.value![0]!;
    const value = parseValue(valueToken.image);
    if (value === undefined) {
      this.reportToken('OM015', valueToken, `exemplar value \`${short(valueToken.image)}\` is ${beyondFloat64(valueToken.image) ? 'beyond the range of a 64-bit float' : 'not a number'}`);
      ok = false;
    }
    let timestamp: number | undefined;
    if (c.timestampSeparator) ok = this.separator(c.timestampSeparator[0]!) && ok;
    if (c.timestamp) {
      const token = c.timestamp[0]!;
      timestamp = parseSeconds(token.image);
      if (timestamp === undefined) {
        const range = timestampOutOfRange(token.image, 'openmetrics');
        this.reportToken('OM015', token, `exemplar timestamp \`${token.image}\` is ${range ? 'beyond the range of a 64-bit float' : 'not a real number'}`);
        ok = false;
      }
    }
    if (!ok || set === undefined) return undefined;
    return { labels: set.labels, value: value!, timestamp, start: this.base + start, end: this.base + end };
  }

  private labelSet(
    cst: CstNode,
    nameAllowed: boolean,
  ): { labels: Label[]; quotedName: string | undefined; canonical: boolean } | undefined {
    const c = cst.children as LabelSetCstChildren;
    const labels: Label[] = [];
    const seenNames: { set?: Set<string> } = {};
    let quotedName: string | undefined;
    let ok = true;
    // As the fast scanner defines it: plain names, nothing escaped, no quoted name.
    let canonical = !c.trailingComma;
    if (c.trailingComma && this.om) {
      this.reportToken('OM019', c.trailingComma[0]!, 'OpenMetrics allows no comma after the last label');
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
            this.reportToken('OM009', nameToken, 'the quoted metric name is empty');
            ok = false;
          } else if (text !== undefined) quotedName = text;
          else ok = false;
        } else {
          this.reportToken(
            quoted ? 'OM009' : 'OM001',
            nameToken,
            quoted
              ? i === 0
                ? 'the metric name is given twice'
                : 'a quoted metric name must come first in the label set'
              : `label \`${nameToken.image}\` has no \`=\` and value`,
          );
          ok = false;
        }
        continue;
      }
      let labelName: string | undefined;
      if (quoted) {
        labelName = this.unquote(nameToken);
        if (labelName === '') {
          this.reportToken('OM010', nameToken, 'the quoted label name is empty');
          labelName = undefined;
        }
      } else if (nameToken.image.includes(':')) {
        this.reportToken('OM010', nameToken, `label name \`${nameToken.image}\` contains \`:\``);
      } else labelName = nameToken.image;
      const value = this.unquote(item.value[0]!);
      if (labelName === undefined || value === undefined) {
        ok = false;
        continue;
      }
      if (quoted || item.value[0]!.image.includes('\\')) canonical = false;
      if (hasLabel(labels, labelName, seenNames)) {
        this.reportToken('OM100', nameToken, `label \`${labelName}\` appears twice`);
        ok = false;
        continue;
      }
      labels.push({ name: labelName, value });
    }
    if (quotedName !== undefined) canonical = false;
    return ok ? { labels, quotedName, canonical } : undefined;
  }

  commentLine(cst: CstNode): LineRecord | undefined {
    const c = cst.children as CommentLineCstChildren;
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
        this.reportAt('OM007', 0, this.line.length, 'OpenMetrics allows no comment lines', {
          help: 'only `# HELP`, `# TYPE`, `# UNIT` and the final `# EOF` may start with `#`',
        });
        return undefined;
      }
      return { kind: 'comment', start, end };
    }
    if (this.om && !this.exactSeparator(c.keywordSeparator)) return undefined;
    if (c.helpDescriptor) return this.help(c.helpDescriptor[0]!);
    if (c.typeDescriptor) return this.type(c.typeDescriptor[0]!);
    return this.unit(c.unitDescriptor![0]!);
  }

  private help(cst: CstNode): DescriptorRecord | undefined {
    const c = cst.children as HelpDescriptorCstChildren;
    const name = this.descriptorName(c.name[0]!);
    let ok = this.separator(c.nameSeparator[0]!) && name !== undefined;
    let value = '';
    if (c.text) {
      const token = c.text[0]!;
      if (this.om) {
        if (token.image.charCodeAt(0) !== 32) {
          this.reportAt('OM008', token.startOffset, token.startOffset + 1, 'expected one space before the help text');
          ok = false;
        }
        value = this.unescape(token.image.slice(1), token.startOffset + 1, 'help') ?? '';
      } else {
        const text = token.image.replace(/^[ \t]+/, '');
        value = this.unescape(text, tokenEnd(token) - text.length, 'help') ?? '';
      }
    } else if (this.om) {
      this.reportAt('OM018', this.line.length, this.line.length, 'HELP line has no space and text after the name', {
        help: 'write `# HELP name text`, or `# HELP name ` for an empty text',
      });
      ok = false;
    }
    if (!ok) return undefined;
    return this.descriptor('HELP', name!, value, undefined);
  }

  private type(cst: CstNode): DescriptorRecord | undefined {
    const c = cst.children as TypeDescriptorCstChildren;
    const name = this.descriptorName(c.name[0]!);
    let ok = this.separator(c.nameSeparator[0]!) && name !== undefined;
    if (c.valueSeparator) ok = this.separator(c.valueSeparator[0]!) && ok;
    if (!c.value) {
      this.reportAt('OM018', this.line.length, this.line.length, 'TYPE line has no type');
      return undefined;
    }
    const token = c.value[0]!;
    const word = token.image;
    const known = TYPE_WORDS[this.ctx.format];
    if (!known.has(word)) {
      this.reportToken('OM016', token, `\`${word}\` is not a metric type`, {
        help: `${this.om ? 'OpenMetrics' : 'Prometheus text'} types: ${[...known].join(', ')}`,
      });
      return undefined;
    }
    if (!ok) return undefined;
    const type = (word === 'untyped' ? 'unknown' : word) as MetricType;
    return this.descriptor('TYPE', name!, word, type);
  }

  private unit(cst: CstNode): DescriptorRecord | undefined {
    const c = cst.children as UnitDescriptorCstChildren;
    const name = this.descriptorName(c.name[0]!);
    let ok = this.separator(c.nameSeparator[0]!) && name !== undefined;
    let value = '';
    if (c.valueSeparator) ok = this.separator(c.valueSeparator[0]!) && ok;
    if (c.value) {
      const token = c.value[0]!;
      value = token.image;
      if (!/^[a-zA-Z0-9_:]*$/.test(value)) {
        this.reportToken('OM017', token, `unit \`${value}\` may only contain letters, digits, \`_\` and \`:\``);
        ok = false;
      }
    } else if (!c.valueSeparator) {
      this.reportAt('OM018', this.line.length, this.line.length, 'UNIT line has no space and unit after the name', {
        help: 'write `# UNIT name unit`, or `# UNIT name ` for no unit',
      });
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
      this.reportToken('OM009', token, 'the quoted metric name is empty');
      return undefined;
    }
    return name;
  }

  /** OpenMetrics separators are exactly one space; Prometheus text allows any blanks. */
  private separator(token: IToken): boolean {
    if (!this.om || token.image === ' ') return true;
    this.reportToken('OM008', token, 'expected exactly one space', {
      expected: '` `',
      actual: JSON.stringify(token.image),
    });
    return false;
  }

  private exactSeparator(tokens: IToken[] | undefined): boolean {
    if (tokens === undefined) {
      this.reportAt('OM008', 1, 2, 'expected one space after `#`');
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
        this.reportAt('OM011', at + i, at + i + 1, 'a backslash ends the text', {
          help: 'write `\\\\` for a backslash',
        });
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
      const more = undefinedEscapes > 1 ? ` (and ${undefinedEscapes - 1} more in this text)` : '';
      this.reportAt('OM011', at + first, at + first + 2, `\`\\${text[first + 1]}\` is not an escape sequence${more}`, {
        help: 'write `\\\\` for a backslash',
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


  private reportToken(
    code: Parameters<LineContext['report']>[0],
    token: IToken,
    message: string,
    extra?: Parameters<LineContext['report']>[4],
  ): void {
    this.ctx.report(code, this.base + token.startOffset, this.base + tokenEnd(token), message, extra);
  }

  private reportAt(
    code: Parameters<LineContext['report']>[0],
    start: number,
    end: number,
    message: string,
    extra?: Parameters<LineContext['report']>[4],
  ): void {
    this.ctx.report(code, this.base + start, this.base + end, message, extra);
  }
}

/** A number as a message shows it: a very long one cut short. */
function short(image: string): string {
  return image.length > 40 ? `${image.slice(0, 20)}…` : image;
}
