// Reads an exposition line by line: framing (BOM, CR, blank lines, `# EOF`), then each line through
// the fast scanner or the grammar, then into the assembler. Shared by parse(), validate() and the
// streaming API, so that all three report the same diagnostics for the same text.
import { Assembler } from './ast/assemble.js';
import { buildLine } from './ast/build.js';
import type { Carried, LineRecord, ReportExtra, Reporter } from './ast/records.js';
import type { Format, MetricFamily } from './ast/types.js';
import { codes, codeUrl, interpolate, isOpenMetrics, messageOf, type Code, type MessageId } from './spec.js';
import type { Diagnostic, Span } from './diagnostic.js';
import { detach } from './detach.js';
import { lineSpan, type LineRef } from './position.js';
import { resetScanner, scanComment, scanSample, scanSampleOm2 } from './scan/fast-line.js';

export interface SessionOptions {
  format: Format;
  model: boolean;
  emit: (family: MetricFamily) => void;
  /** Take over after the first `line` lines, whose families left `carried` (scan/certify.ts). */
  resume?: { line: number; carried: Carried };
}

export class Session {
  readonly diagnostics: Diagnostic[] = [];
  private readonly om: boolean;
  /** OpenMetrics 2.0: the fast scanner vouches for plain lines only (scanSampleOm2). */
  private readonly om2: boolean;
  /** OM023 (2.0 syntax in another format) is reported once per document. */
  private om2Hinted = false;
  private readonly assembler: Assembler;
  private line = 0;
  private lineStart = 0;
  private eof = false;
  private afterBom = false;
  private afterEofReported = false;
  private readonly lineReporter: Reporter;

  constructor(private readonly options: SessionOptions) {
    this.om = isOpenMetrics(options.format);
    this.om2 = options.format === 'openmetrics-2.0';
    this.assembler = new Assembler({
      format: options.format,
      model: options.model,
      report: (code, span, id, extra) => this.add(code, span, id, extra),
      emit: options.emit,
      carried: options.resume?.carried,
    });
    this.line = options.resume?.line ?? 0;
    this.lineReporter = (code, start, end, id, extra) =>
      this.add(code, lineSpan({ line: this.line, start: this.lineStart }, start, end), id, extra, {
        line: this.line,
        start: this.lineStart,
      });
  }

  /** A byte order mark at the very start (offset 0). */
  bom(): void {
    this.afterBom = true;
    this.add('OM002', lineSpan({ line: 1, start: 0 }, 0, 1), 'bom', {
      fix: { description: 'remove the byte order mark', start: 0, end: 1, text: '' },
      severity: this.om ? 'error' : 'warning',
    });
  }

  /** The number of the line read next. */
  get nextLine(): number {
    return this.line + 1;
  }

  /** Input that is not valid UTF-8, at absolute offset `offset` on the line being read next. */
  invalidUtf8(offset: number, lineNumber: number, lineStart: number): void {
    this.add('OM020', lineSpan({ line: lineNumber, start: lineStart }, offset, offset + 1), 'invalidUtf8');
  }

  /**
   * One line: `text[start, end)` without its line feed; `base` is the absolute offset of `text[0]`.
   */
  readLine(text: string, start: number, end: number, base: number): void {
    this.line++;
    // Columns count from the line's real start: a BOM is column 1 of line 1.
    this.lineStart = base + start - (this.line === 1 && this.afterBom ? 1 : 0);
    if (this.eof) {
      if (!this.afterEofReported) {
        this.afterEofReported = true;
        this.lineReporter('OM005', base + start, base + end, 'afterEof');
      }
      return;
    }
    if (end > start && text.charCodeAt(end - 1) === 13) {
      end--;
      this.lineReporter('OM003', base + end, base + end + 1, 'carriageReturn', {
        fix: { description: 'remove the carriage return', start: base + end, end: base + end + 1, text: '' },
      });
    }
    if (!this.om) {
      // Prometheus text: blanks are allowed around a line's tokens.
      while (start < end && isBlank(text.charCodeAt(start))) start++;
      while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    }
    if (start === end) {
      if (this.om) {
        // The fix removes the line with its line feed (when it has one).
        let through = end;
        if (text.charCodeAt(through) === 13) through++;
        if (text.charCodeAt(through) === 10) through++;
        this.lineReporter('OM006', base + start, base + end, 'emptyLine', {
          fix: { description: 'remove the empty line', start: base + start, end: base + through, text: '' },
        });
      }
      return;
    }
    if (text.charCodeAt(start) !== 35 /* # */) {
      const fast = this.om2 ? scanSampleOm2(text, start, end, base) : scanSample(text, start, end, this.om, base);
      if (fast !== undefined) {
        this.assembler.sample(fast, this.line, this.lineStart);
        return;
      }
    } else {
      const fast = scanComment(text, start, end, this.om, base);
      if (fast !== undefined) {
        if (fast.kind === 'descriptor') this.assembler.descriptor(fast, this.line, this.lineStart);
        else this.eof = true;
        return;
      }
    }
    let record: LineRecord | undefined;
    try {
      record = buildLine(text.slice(start, end), base + start, {
        format: this.options.format,
        report: this.lineReporter,
      });
    } catch (error) {
      // Bad input is data: a line the grammar cannot even read (e.g. the regex engine running out
      // of stack on a pathological line) is reported, never thrown.
      this.lineReporter('OM001', base + start, base + end, 'unreadable', {
        actual: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    if (record === undefined) return;
    if (record.kind === 'sample') this.assembler.sample(record, this.line, this.lineStart);
    else if (record.kind === 'descriptor') this.assembler.descriptor(record, this.line, this.lineStart);
    else if (record.kind === 'eof') this.eof = true;
  }

  /**
   * The end of the input. `length` is its total length and `lastChar` its last character code
   * (-1 when empty).
   */
  finish(length: number, lastChar: number): void {
    this.assembler.finish();
    resetScanner();
    // The end of the input: after a final line feed, that is the start of the next (empty) line.
    const endSpan: Span =
      lastChar === 10
        ? lineSpan({ line: this.line + 1, start: length }, length, length)
        : lineSpan({ line: Math.max(1, this.line), start: this.lineStart }, length, length);
    const feed = lastChar !== -1 && lastChar !== 10 ? '\n' : '';
    if (this.om && !this.eof) {
      this.add('OM004', endSpan, 'missingEof', {
        fix: { description: 'add `# EOF`', start: length, end: length, text: `${feed}# EOF\n` },
      });
    }
    if (feed !== '' && !this.afterEofReported) {
      this.add('OM021', endSpan, 'noLineFeed', {
        // With OM004 the same place gets `# EOF`, whose fix ends the line too.
        ...(this.om && !this.eof ? {} : { fix: { description: 'add a line feed', start: length, end: length, text: '\n' } }),
      });
    }
  }

  private add<C extends Code>(code: C, span: Span, id: MessageId<C>, extra?: ReportExtra, line?: LineRef): void {
    if (code === 'OM023') {
      if (this.om2Hinted) return;
      this.om2Hinted = true;
    }
    const info = codes[code];
    // The message and help are made here, from the table, only for a diagnostic that is kept.
    const diagnostic: Diagnostic = {
      code,
      name: info.name,
      category: info.category,
      severity: extra?.severity ?? info.severity,
      message: detach(messageOf(code, id, extra?.data)),
      span,
      url: codeUrl(code),
    };
    const template = (info.help as Record<string, string>)[id];
    if (template !== undefined) {
      // A help without `{{key}}`s is the table's own string, which holds no input.
      const help = interpolate(template, extra?.data);
      diagnostic.help = help === template ? help : detach(help);
    }
    if (extra?.fix !== undefined) {
      const { description, start, end, text } = extra.fix;
      const ref = line ?? { line: span.start.line, start: span.start.offset - span.start.column + 1 };
      diagnostic.fix = { description, applicability: 'safe', edits: [{ span: lineSpan(ref, start, end), text: detach(text) }] };
    }
    if (extra?.edits !== undefined) {
      const edits = extra.edits.edits.map((e) => ({ span: e.span, text: detach(e.text) }));
      diagnostic.fix = { description: extra.edits.description, edits, applicability: 'safe' };
    }
    if (extra?.expected !== undefined || extra?.actual !== undefined) {
      diagnostic.detail = {};
      if (extra.expected !== undefined) diagnostic.detail.expected = detach(extra.expected);
      if (extra.actual !== undefined) diagnostic.detail.actual = detach(extra.actual);
    }
    this.diagnostics.push(diagnostic);
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Diagnostics in the order of the text (stable for equal positions). */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => [d, i] as const)
    .sort(([a, i], [b, j]) => (a.span?.start.offset ?? Infinity) - (b.span?.start.offset ?? Infinity) || i - j)
    .map(([d]) => d);
}

/**
 * Where `text`, decoded from `bytes`, first shows bytes that were not UTF-8, or -1: a U+FFFD that
 * the input did not write itself (EF BF BD; `previous` holds the bytes before `bytes`, for one split
 * between them). Undefined `bytes`: the decoder's flush at the end, which writes nothing of its own.
 */
export function firstInvalid(text: string, previous: Uint8Array, bytes: Uint8Array | undefined): number {
  const first = text.indexOf('\uFFFD');
  return first !== -1 && countReplacements(text) > countEncodedReplacements(previous, bytes) ? first : -1;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** U+FFFD written in the input itself (EF BF BD), including one split from the previous chunk. */
function countEncodedReplacements(previous: Uint8Array, bytes: Uint8Array | undefined): number {
  if (bytes === undefined) return 0;
  let n = 0;
  const at = (i: number) => (i < 0 ? previous[previous.length + i] : bytes[i]);
  for (let i = -Math.min(2, previous.length); i + 2 < bytes.length; i++) {
    if (at(i) === 0xef && at(i + 1) === 0xbf && at(i + 2) === 0xbd) n++;
  }
  return n;
}
