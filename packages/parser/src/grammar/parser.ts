// The grammar of one exposition line (OM 1.0 §Text format ABNF; Prometheus text 0.0.4 "Line
// format"). Syntax only: what each part may contain, which escapes, how many blanks, which types
// and which numbers, is decided per format by the builder (ast/build.ts). No semantics here.
import { CstParser } from 'chevrotain';
import {
  allTokens,
  Blank,
  Comma,
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

  // OM ABNF `sample = metricname [labels] SP number [SP timestamp] [exemplar]`; the metric name may
  // instead be the first, quoted, item of the label set (UTF-8 names guide: `{"my.metric"} 1`).
  public sampleLine = this.RULE('sampleLine', () => {
    this.OPTION(() => this.CONSUME(Name, { LABEL: 'metricName' }));
    this.OPTION2(() => this.SUBRULE(this.labelSet));
    this.CONSUME(Blank, { LABEL: 'valueSeparator' });
    this.OR([
      { ALT: () => this.CONSUME(Number, { LABEL: 'value' }) },
      { ALT: () => this.CONSUME2(Name, { LABEL: 'value' }) },
    ]);
    this.OPTION3(() => {
      this.CONSUME2(Blank, { LABEL: 'timestampSeparator' });
      this.OR2([
        { ALT: () => this.SUBRULE(this.exemplar) },
        {
          ALT: () => {
            this.OR3([
              { ALT: () => this.CONSUME2(Number, { LABEL: 'timestamp' }) },
              { ALT: () => this.CONSUME3(Name, { LABEL: 'timestamp' }) },
            ]);
            this.OPTION4(() => {
              this.CONSUME3(Blank, { LABEL: 'exemplarSeparator' });
              this.SUBRULE2(this.exemplar);
            });
          },
        },
      ]);
    });
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
