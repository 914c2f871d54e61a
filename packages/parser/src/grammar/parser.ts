// The grammar of one exposition line (OM 1.0 §Text format ABNF; Prometheus text 0.0.4 "Line
// format"). Syntax only: what each part may contain, which escapes, how many blanks, which types
// and which numbers, is decided per format by the builder (ast/build.ts). No semantics here.
import { CstParser } from 'chevrotain';
import {
  allTokens,
  Blank,
  Colon,
  Comma,
  CompositeClose,
  CompositeOpen,
  FieldName,
  LBracket,
  RBracket,
  StartTimestampMark,
  CommentText,
  DescriptorName,
  EofKeyword,
  Equals,
  Hash,
  HelpKeyword,
  HelpText,
  LBrace,
  Name,
  Number,
  QuotedString,
  RBrace,
  TypeKeyword,
  UnitKeyword,
  Word,
} from '../lexer/tokens.js';

export class LineParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  // OM 1.0 ABNF `sample = metricname [labels] SP number [SP timestamp] [exemplar]`; OM 2.0 ABNF
  // `sample = metricname-and-labels SP value [SP timestamp] [SP start-timestamp] *exemplar`, where
  // `value = number / "{" composite-value "}"`. The metric name may instead be the first, quoted,
  // item of the label set (UTF-8 names guide: `{"my.metric"} 1`). Which of these a format allows
  // (composite values, `st@`, several exemplars: 2.0 only) is the builder's to decide.
  public sampleLine = this.RULE('sampleLine', () => {
    this.OPTION(() => this.CONSUME(Name, { LABEL: 'metricName' }));
    this.OPTION2(() => this.SUBRULE(this.labelSet));
    this.CONSUME(Blank, { LABEL: 'valueSeparator' });
    this.OR([
      { ALT: () => this.CONSUME(Number, { LABEL: 'value' }) },
      { ALT: () => this.CONSUME2(Name, { LABEL: 'value' }) },
      { ALT: () => this.SUBRULE(this.compositeValue) },
    ]);
    this.OPTION3(() => {
      this.CONSUME2(Blank, { LABEL: 'timestampSeparator' });
      this.OR2([
        { ALT: () => this.SUBRULE(this.exemplar) },
        { ALT: () => this.SUBRULE(this.startTimestamp) },
        {
          ALT: () => {
            this.OR3([
              { ALT: () => this.CONSUME2(Number, { LABEL: 'timestamp' }) },
              { ALT: () => this.CONSUME3(Name, { LABEL: 'timestamp' }) },
            ]);
            this.OPTION4(() => {
              this.CONSUME3(Blank, { LABEL: 'exemplarSeparator' });
              this.OR4([
                { ALT: () => this.SUBRULE2(this.exemplar) },
                { ALT: () => this.SUBRULE2(this.startTimestamp) },
              ]);
            });
          },
        },
      ]);
      // OM 2.0: `*exemplar` after the start timestamp or the first exemplar.
      this.MANY(() => {
        this.CONSUME4(Blank, { LABEL: 'exemplarSeparator' });
        this.SUBRULE3(this.exemplar);
      });
    });
  });

  // OM 2.0 ABNF `start-timestamp = %s"st" "@" timestamp`.
  public startTimestamp = this.RULE('startTimestamp', () => {
    this.CONSUME(StartTimestampMark);
    this.OR([
      { ALT: () => this.CONSUME(Number, { LABEL: 'timestamp' }) },
      { ALT: () => this.CONSUME(Name, { LABEL: 'timestamp' }) },
    ]);
  });

  // OM 2.0 ABNF `"{" composite-value "}"`: fields `name:value` or `name:[items]`, separated by
  // commas (OM 2.0 §CompositeValues). Which fields, in which order, with which numbers
  // (`histogram-value`, `gauge-histogram-value`, `summary-value`) is checked by the builder, which
  // can name the field it expected.
  public compositeValue = this.RULE('compositeValue', () => {
    this.CONSUME(CompositeOpen);
    this.SUBRULE(this.compositeField);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.compositeField);
    });
    this.CONSUME(CompositeClose);
  });

  public compositeField = this.RULE('compositeField', () => {
    this.CONSUME(FieldName, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.OR([
      { ALT: () => this.SUBRULE(this.compositeNumber, { LABEL: 'value' }) },
      {
        ALT: () => {
          this.CONSUME(LBracket);
          this.OPTION(() => {
            this.SUBRULE(this.compositeItem, { LABEL: 'item' });
            this.MANY(() => {
              this.CONSUME(Comma);
              this.SUBRULE2(this.compositeItem, { LABEL: 'item' });
            });
          });
          this.CONSUME(RBracket);
        },
      },
    ]);
  });

  // A list item: `number` (native buckets) or `number:number` (classic buckets `le:count`,
  // quantiles `q:value`, spans `offset:length`).
  public compositeItem = this.RULE('compositeItem', () => {
    this.SUBRULE(this.compositeNumber, { LABEL: 'key' });
    this.OPTION(() => {
      this.CONSUME(Colon);
      this.SUBRULE2(this.compositeNumber, { LABEL: 'value' });
    });
  });

  // OM ABNF `number`: signed numbers and words lex as Number, unsigned words (`NaN`, `Inf`) as FieldName.
  public compositeNumber = this.RULE('compositeNumber', () => {
    this.OR([
      { ALT: () => this.CONSUME(Number, { LABEL: 'number' }) },
      { ALT: () => this.CONSUME(FieldName, { LABEL: 'number' }) },
    ]);
  });

  // OM ABNF `labels = "{" [label *(COMMA label)] "}"`; Prometheus text also allows a trailing comma.
  public labelSet = this.RULE('labelSet', () => {
    this.CONSUME(LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.labelItem);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.labelItem);
      });
      this.OPTION2(() => this.CONSUME2(Comma, { LABEL: 'trailingComma' }));
    });
    this.CONSUME(RBrace);
  });

  // OM ABNF `label = label-name EQ DQUOTE escaped-string DQUOTE`; a quoted item without `=` is a
  // quoted metric name, valid only first in the set (checked by the builder).
  public labelItem = this.RULE('labelItem', () => {
    this.OR([
      { ALT: () => this.CONSUME(Name, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(QuotedString, { LABEL: 'name' }) },
    ]);
    this.OPTION(() => {
      this.CONSUME(Equals);
      this.CONSUME2(QuotedString, { LABEL: 'value' });
    });
  });

  // OM ABNF `exemplar = SP HASH SP labels SP number [SP timestamp]` (the leading SP is consumed by
  // the sample line).
  public exemplar = this.RULE('exemplar', () => {
    this.CONSUME(Hash);
    this.CONSUME(Blank, { LABEL: 'labelsSeparator' });
    this.SUBRULE(this.labelSet);
    this.CONSUME2(Blank, { LABEL: 'valueSeparator' });
    this.OR([
      { ALT: () => this.CONSUME(Number, { LABEL: 'value' }) },
      { ALT: () => this.CONSUME(Name, { LABEL: 'value' }) },
    ]);
    this.OPTION(() => {
      this.CONSUME3(Blank, { LABEL: 'timestampSeparator' });
      this.OR2([
        { ALT: () => this.CONSUME2(Number, { LABEL: 'timestamp' }) },
        { ALT: () => this.CONSUME2(Name, { LABEL: 'timestamp' }) },
      ]);
    });
  });

  // OM ABNF `metric-descriptor` and `HASH SP eof`; Prometheus text `# HELP`, `# TYPE` and comments.
  public commentLine = this.RULE('commentLine', () => {
    this.CONSUME(Hash);
    this.OPTION(() => this.CONSUME(Blank, { LABEL: 'keywordSeparator' }));
    this.OPTION2(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.helpDescriptor) },
        { ALT: () => this.SUBRULE(this.typeDescriptor) },
        { ALT: () => this.SUBRULE(this.unitDescriptor) },
        { ALT: () => this.CONSUME(EofKeyword) },
        { ALT: () => this.CONSUME(CommentText) },
      ]),
    );
  });

  // OM ABNF `HASH SP help SP metricname SP escaped-string`.
  public helpDescriptor = this.RULE('helpDescriptor', () => {
    this.CONSUME(HelpKeyword);
    this.CONSUME(Blank, { LABEL: 'nameSeparator' });
    this.CONSUME(DescriptorName, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(HelpText, { LABEL: 'text' }));
  });

  // OM ABNF `HASH SP type SP metricname SP metric-type`.
  public typeDescriptor = this.RULE('typeDescriptor', () => {
    this.CONSUME(TypeKeyword);
    this.CONSUME(Blank, { LABEL: 'nameSeparator' });
    this.CONSUME(DescriptorName, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME2(Blank, { LABEL: 'valueSeparator' });
      this.CONSUME(Word, { LABEL: 'value' });
    });
  });

  // OM ABNF `HASH SP unit SP metricname SP *metricname-char`.
  // The unit may be empty (`# UNIT name `): OM 1.0 §MetricFamily metadata.
  public unitDescriptor = this.RULE('unitDescriptor', () => {
    this.CONSUME(UnitKeyword);
    this.CONSUME(Blank, { LABEL: 'nameSeparator' });
    this.CONSUME(DescriptorName, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME2(Blank, { LABEL: 'valueSeparator' });
      this.OPTION2(() => this.CONSUME(Word, { LABEL: 'value' }));
    });
  });
}

let lineParser: LineParser | undefined;

/** The one parser instance, built on first use; `input` is reset per line. */
export function getLineParser(): LineParser {
  return (lineParser ??= new LineParser());
}
