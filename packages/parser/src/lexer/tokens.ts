// Every token of the exposition text formats. One line is lexed at a time (the formats are
// line-oriented: OM 1.0 §Text format ABNF, Prometheus text 0.0.4 "Line format"), in a mode chosen
// by the line's first character: `sample` for sample lines, `comment` for lines starting with `#`.
// Descriptor lines push further modes so that HELP text and TYPE/UNIT words are never mistaken for
// names or numbers.
import { createToken, type TokenType } from 'chevrotain';

// OM 1.0 ABNF `SP`. Runs of blanks and tabs are one token so that the builder can report
// "exactly one space" (OpenMetrics) or accept them (Prometheus text: `[ \t]+` between tokens).
export const Blank = createToken({ name: 'Blank', pattern: /[ \t]+/ });

// OM 1.0 ABNF `metricname` (`metricname-initial-char 0*metricname-char`). Label names
// (`label-name`, no colon) use the same token; the builder rejects a colon in a label name.
export const Name = createToken({ name: 'Name', pattern: /[a-zA-Z_:][a-zA-Z0-9_:]*/ });

// OM 1.0 ABNF `DQUOTE escaped-string DQUOTE`: label values, and quoted UTF-8 metric and label
// names (Prometheus UTF-8 names guide). Escapes are checked and decoded by the builder, because the
// two formats allow different escapes. A string left open runs to the end of the line.
// Written as an "unrolled loop" (a run of plain characters, then escape + run, …) rather than one
// alternation per character, which makes the regex engine recurse once per character and
// overflow its stack on a multi-megabyte value.
const QUOTED = /"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"/;
const UNTERMINATED = /"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*\\?/;

export const QuotedString = createToken({
  name: 'QuotedString',
  pattern: QUOTED,
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: UNTERMINATED,
});

// OM 1.0 ABNF `realnumber` and the signed `inf`/`infinity` forms of `number`. The unsigned words
// `Inf`, `NaN` lex as Name (they are valid metric names too) and the value rule accepts both.
export const Number = createToken({
  name: 'Number',
  pattern:
    /[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-][iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[+-][nN][aA][nN]/,
});

// OM 2.0 ABNF `value = number / "{" composite-value "}"`: a brace after the value's blank that
// opens `field:` (`{count:…`, `{gcount:…`) starts a CompositeValue and its own mode, where names,
// numbers, `:` and `[…]` mean fields and lists (OM 2.0 §CompositeValues). Lexed in every format,
// so that a 1.0 or Prometheus reading can say the line is 2.0 syntax; the builder decides.
export const CompositeOpen = createToken({
  name: 'CompositeOpen',
  pattern: {
    exec: (text: string, offset: number) => {
      if (text.charCodeAt(offset) !== 123 /* { */) return null;
      const before = text.charCodeAt(offset - 1);
      if (before !== 32 && before !== 9) return null;
      return /^\{[a-z_]+:/.test(text.slice(offset, offset + 64)) ? (['{'] as unknown as RegExpExecArray) : null;
    },
  },
  line_breaks: false,
  start_chars_hint: ['{'],
  push_mode: 'composite',
});

// OM 2.0 ABNF `start-timestamp = %s"st" "@" timestamp`.
export const StartTimestampMark = createToken({ name: 'StartTimestampMark', pattern: /st@/ });

// ---- composite values: OM 2.0 ABNF `composite-value` and its fields ----

// A field name (`count`, `bucket`, `zero_threshold`, …) or an unsigned number word (`NaN`, `Inf`):
// which one, and whether it is allowed there, is the builder's to decide.
export const FieldName = createToken({ name: 'FieldName', pattern: /[a-zA-Z_][a-zA-Z0-9_]*/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });
export const CompositeClose = createToken({ name: 'CompositeClose', pattern: /\}/, pop_mode: true });
// Anything else inside a composite value (a blank among them: OM 2.0 §CompositeValues, no
// whitespace around fields), one token up to the next delimiter. Tried last.
// (Positive ranges, "not a bracket, brace, colon or comma", so that chevrotain can index it.)
export const CompositeJunk = createToken({ name: 'CompositeJunk', pattern: /[\x00-\x2B\x2D-\x39\x3B-\x5A\x5C\x5E-\x7A\x7C\x7E-\uFFFF]+/ });

// OM 1.0 ABNF `labels`, `label`, `COMMA`, `EQ`.
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Equals = createToken({ name: 'Equals', pattern: /=/ });

// OM 1.0 ABNF `HASH`: starts a descriptor or EOF line, and an exemplar (`SP HASH SP labels ...`).
export const Hash = createToken({ name: 'Hash', pattern: /#/ });

// Anything else up to the next blank: lexed as one token so that the grammar reports it as
// "unexpected" at the right column instead of the lexer failing character by character.
// (Written as positive ranges, "not blank, brace, equals, comma, quote or hash", so that
// chevrotain can index tokens by their first character.)
export const Junk = createToken({
  name: 'Junk',
  pattern: /[\x00-\x08\x0B-\x1F!$-+\--<>-z|~-\uFFFF]+/,
});

// ---- descriptor lines: OM 1.0 ABNF `metric-descriptor`, Prometheus text `# HELP` / `# TYPE` ----

// Keywords only when followed by a blank or the end of the line (`# HELPER` is a comment).
export const HelpKeyword = createToken({
  name: 'HelpKeyword',
  pattern: /HELP(?![^ \t])/,
  start_chars_hint: ['H'],
  push_mode: 'help_name',
});
export const TypeKeyword = createToken({
  name: 'TypeKeyword',
  pattern: /TYPE(?![^ \t])/,
  start_chars_hint: ['T'],
  push_mode: 'type_name',
});
export const UnitKeyword = createToken({
  name: 'UnitKeyword',
  pattern: /UNIT(?![^ \t])/,
  start_chars_hint: ['U'],
  push_mode: 'unit_name',
});
// OM 1.0 ABNF `eof`.
export const EofKeyword = createToken({
  name: 'EofKeyword',
  pattern: /EOF(?![^ \t])/,
  start_chars_hint: ['E'],
});
// Prometheus text: any other `#` line is a comment (OpenMetrics forbids them).
export const CommentText = createToken({
  name: 'CommentText',
  pattern: /[\x00-\x08\x0B-\x1F!-\uFFFF][^\n]*/,
});

// The descriptor's metric name, bare or quoted; each pushes the mode of what follows it.
export const DescriptorName = createToken({ name: 'DescriptorName', pattern: /[a-zA-Z_:][a-zA-Z0-9_:]*/ });
export const HelpName = createToken({
  name: 'HelpName',
  pattern: /[a-zA-Z_:][a-zA-Z0-9_:]*/,
  categories: [DescriptorName],
  push_mode: 'help_text',
});
export const TypeName = createToken({
  name: 'TypeName',
  pattern: /[a-zA-Z_:][a-zA-Z0-9_:]*/,
  categories: [DescriptorName],
  push_mode: 'type_value',
});
export const UnitName = createToken({
  name: 'UnitName',
  pattern: /[a-zA-Z_:][a-zA-Z0-9_:]*/,
  categories: [DescriptorName],
  push_mode: 'unit_value',
});
export const QuotedHelpName = createToken({
  name: 'QuotedHelpName',
  pattern: QUOTED,
  categories: [DescriptorName],
  push_mode: 'help_text',
});
export const QuotedTypeName = createToken({
  name: 'QuotedTypeName',
  pattern: QUOTED,
  categories: [DescriptorName],
  push_mode: 'type_value',
});
export const QuotedUnitName = createToken({
  name: 'QuotedUnitName',
  pattern: QUOTED,
  categories: [DescriptorName],
  push_mode: 'unit_value',
});

// OM 1.0 ABNF `SP escaped-string` after a HELP name: the separator is part of the token, so the
// builder can tell "no text" (`# HELP a`) from "empty text" (`# HELP a `).
export const HelpText = createToken({ name: 'HelpText', pattern: /[ \t][^\n]*/ });

// OM 1.0 ABNF `metric-type` and `*metricname-char` (the unit): one word; what it may be is
// decided by the builder, per format.
export const Word = createToken({ name: 'Word', pattern: /[\x00-\x08\x0B-\x1F!-\uFFFF][^ \t]*/ });

export const sampleModeTokens: TokenType[] = [
  Blank,
  QuotedString,
  UnterminatedString,
  CompositeOpen,
  LBrace,
  RBrace,
  Comma,
  Equals,
  Hash,
  StartTimestampMark,
  Name,
  Number,
  Junk,
];

export const compositeModeTokens: TokenType[] = [Number, FieldName, Colon, Comma, LBracket, RBracket, CompositeClose, CompositeJunk];

export const lexerDefinition = {
  defaultMode: 'sample',
  modes: {
    sample: sampleModeTokens,
    composite: compositeModeTokens,
    comment: [Hash, Blank, HelpKeyword, TypeKeyword, UnitKeyword, EofKeyword, CommentText],
    help_name: [Blank, HelpName, QuotedHelpName, Junk],
    type_name: [Blank, TypeName, QuotedTypeName, Junk],
    unit_name: [Blank, UnitName, QuotedUnitName, Junk],
    help_text: [HelpText],
    type_value: [Blank, Word],
    unit_value: [Blank, Word],
  },
};

/** Every token type, for the parser's vocabulary. */
export const allTokens: TokenType[] = [
  Blank,
  Name,
  QuotedString,
  UnterminatedString,
  Number,
  LBrace,
  RBrace,
  Comma,
  Equals,
  Hash,
  Junk,
  HelpKeyword,
  TypeKeyword,
  UnitKeyword,
  EofKeyword,
  CommentText,
  DescriptorName,
  HelpName,
  TypeName,
  UnitName,
  QuotedHelpName,
  QuotedTypeName,
  QuotedUnitName,
  HelpText,
  Word,
  CompositeOpen,
  StartTimestampMark,
  FieldName,
  Colon,
  LBracket,
  RBracket,
  CompositeClose,
  CompositeJunk,
];
