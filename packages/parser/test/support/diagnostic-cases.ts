// The hand-written inputs of test/diagnostics.test.ts (each code at its line and column) and of
// test/catalog.test.ts (every message of the diagnostic table is made by one of them).
import type { codes, Diagnostic } from '../../src/index.js';

export type Format = 'openmetrics' | 'openmetrics-2.0' | 'prometheus';

export interface Case {
  code: keyof typeof codes;
  what: string;
  text: string;
  line: number;
  column: number;
  /** End of the span, when worth pinning. */
  endLine?: number;
  endColumn?: number;
  format?: Format;
  severity?: Diagnostic['severity'];
}

export const EOF = '# EOF\n';
const long = 'y'.repeat(130);

export const cases: Case[] = [
  // ---- syntax ----
  { code: 'OM001', what: 'a stray token after the value', text: `a 1 } 1\n${EOF}`, line: 1, column: 5, endColumn: 6 },
  { code: 'OM001', what: 'a sample without a value', text: `a{b="1"}\n${EOF}`, line: 1, column: 9 },
  { code: 'OM001', what: 'a label without `=` and value', text: `a{b} 1\n${EOF}`, line: 1, column: 3 },
  { code: 'OM001', what: 'a character the comment lexer does not know', text: `# HELP a\u0000\n${EOF}`, line: 1, column: 9, endColumn: 10 },
  { code: 'OM001', what: 'a stray character after the value', text: `a 1\u0007\n${EOF}`, line: 1, column: 4, endColumn: 5 },
  { code: 'OM002', what: 'a byte order mark', text: `\ufeffa 1\n${EOF}`, line: 1, column: 1, endColumn: 2 },
  { code: 'OM003', what: 'a CRLF line end', text: `a 1\r\n${EOF}`, line: 1, column: 4, endColumn: 5 },
  { code: 'OM003', what: 'a CR on a later line', text: `a 1\nb 2\r\n${EOF}`, line: 2, column: 4 },
  { code: 'OM004', what: 'no `# EOF`', text: 'a 1\nb 2\n', line: 3, column: 1 },
  { code: 'OM004', what: 'no `# EOF` and no final line feed', text: 'a 1\nb 2', line: 2, column: 4 },
  { code: 'OM004', what: 'an empty input', text: '', line: 1, column: 1 },
  { code: 'OM005', what: 'a line after `# EOF`', text: `a 1\n${EOF}b 2\n`, line: 3, column: 1, endColumn: 4 },
  { code: 'OM006', what: 'an empty line', text: `a 1\n\n${EOF}`, line: 2, column: 1 },
  { code: 'OM007', what: 'a comment line', text: `# hello\na 1\n${EOF}`, line: 1, column: 1, endColumn: 8 },
  { code: 'OM008', what: 'two spaces before the value', text: `a  1\n${EOF}`, line: 1, column: 2, endColumn: 4 },
  { code: 'OM008', what: 'a tab before the timestamp', text: `a 1\t2\n${EOF}`, line: 1, column: 4 },
  { code: 'OM008', what: 'no space after `#`', text: `#TYPE a gauge\n${EOF}`, line: 1, column: 2 },
  { code: 'OM009', what: 'an empty quoted metric name', text: `{""} 1\n${EOF}`, line: 1, column: 2, endColumn: 4 },
  { code: 'OM009', what: 'a quoted metric name after a label', text: `a{b="1","c"} 1\n${EOF}`, line: 1, column: 9 },
  { code: 'OM009', what: 'a sample with labels and no name', text: `{b="1"} 1\n${EOF}`, line: 1, column: 1 },
  { code: 'OM009', what: 'a quoted metric name after a name', text: `a{"b"} 1\n${EOF}`, line: 1, column: 3, endColumn: 6 },
  { code: 'OM010', what: 'a colon in a label name', text: `a{b:c="1"} 1\n${EOF}`, line: 1, column: 3, endColumn: 6 },
  { code: 'OM010', what: 'an empty quoted label name', text: `a{""="1"} 1\n${EOF}`, line: 1, column: 3 },
  { code: 'OM011', what: 'an unknown escape in a label value', text: `a{b="x\\q"} 1\n${EOF}`, line: 1, column: 7, endColumn: 9, severity: 'warning' },
  { code: 'OM011', what: 'an unknown escape in help text', text: `# HELP a x\\qy\na 1\n${EOF}`, line: 1, column: 11, severity: 'warning' },
  { code: 'OM011', what: 'a backslash ending help text', text: `# HELP a x\\\na 1\n${EOF}`, line: 1, column: 11, severity: 'error' },
  { code: 'OM011', what: 'two unknown escapes in one label value', text: `a{b="\\q\\q"} 1\n${EOF}`, line: 1, column: 6, endColumn: 8, severity: 'warning' },
  { code: 'OM012', what: 'an unterminated label value', text: `a{b="x} 1\n${EOF}`, line: 1, column: 5, endColumn: 10 },
  { code: 'OM013', what: 'a word as value', text: `a abc\n${EOF}`, line: 1, column: 3, endColumn: 6 },
  { code: 'OM013', what: 'a signed NaN', text: `a -NaN\n${EOF}`, line: 1, column: 3 },
  { code: 'OM014', what: 'a word as timestamp', text: `a 1 abc\n${EOF}`, line: 1, column: 5, endColumn: 8 },
  { code: 'OM014', what: 'an infinite timestamp', text: `a 1 +Inf\n${EOF}`, line: 1, column: 5 },
  { code: 'OM015', what: 'a word as exemplar value', text: `# TYPE a counter\na_total 1 # {x="1"} abc\n${EOF}`, line: 2, column: 21 },
  { code: 'OM015', what: 'a word as exemplar timestamp', text: `# TYPE a counter\na_total 1 # {x="1"} 1 abc\n${EOF}`, line: 2, column: 23 },
  { code: 'OM015', what: 'an exemplar value beyond a float64', text: `# TYPE a counter\na_total 1 # {} 1e400\n${EOF}`, line: 2, column: 16, endColumn: 21 },
  { code: 'OM016', what: 'an unknown type', text: `# TYPE a blah\na 1\n${EOF}`, line: 1, column: 10, endColumn: 14 },
  { code: 'OM016', what: 'Prometheus `untyped` in OpenMetrics', text: `# TYPE a untyped\na 1\n${EOF}`, line: 1, column: 10 },
  { code: 'OM017', what: 'a dot in a unit', text: `# UNIT a_s se.c\n${EOF}`, line: 1, column: 12, endColumn: 16 },
  { code: 'OM018', what: 'a TYPE line without a type', text: `# TYPE a\n${EOF}`, line: 1, column: 9 },
  { code: 'OM018', what: 'a HELP line without text', text: `# HELP a\na 1\n${EOF}`, line: 1, column: 9 },
  { code: 'OM018', what: 'a UNIT line without a unit', text: `# UNIT a\na 1\n${EOF}`, line: 1, column: 9 },
  { code: 'OM019', what: 'a trailing comma in labels', text: `a{b="1",} 1\n${EOF}`, line: 1, column: 8, endColumn: 9 },
  { code: 'OM021', what: 'no final line feed', text: 'a 1\n# EOF', line: 2, column: 6, severity: 'warning' },
  { code: 'OM021', what: 'no final line feed (Prometheus)', text: 'a 1\nb 2', line: 2, column: 4, format: 'prometheus', severity: 'warning' },

  // ---- conformance ----
  { code: 'OM100', what: 'a label given twice', text: `a{b="1",b="2"} 1\n${EOF}`, line: 1, column: 9, endColumn: 10 },
  { code: 'OM100', what: 'an exemplar label given twice', text: `# TYPE a counter\na_total 1 # {x="1",x="2"} 1\n${EOF}`, line: 2, column: 20 },
  { code: 'OM101', what: 'a second HELP', text: `# HELP a x\n# HELP a y\na 1\n${EOF}`, line: 2, column: 1, endColumn: 11 },
  { code: 'OM102', what: 'HELP after samples', text: `a 1\n# HELP a x\n${EOF}`, line: 2, column: 1 },
  { code: 'OM103', what: 'a family split by another', text: `a 1\nb 1\na 2\n${EOF}`, line: 3, column: 1 },
  { code: 'OM104', what: 'a gauge named like a counter total', text: `# TYPE a counter\na_total 1\n# TYPE a_total gauge\na_total 1\n${EOF}`, line: 3, column: 1, endColumn: 21 },
  { code: 'OM105', what: 'a unit that is not the suffix', text: `# TYPE a_x gauge\n# UNIT a_x s\na_x 1\n${EOF}`, line: 2, column: 1, endColumn: 13 },
  { code: 'OM106', what: 'an info with a unit', text: `# TYPE a_s info\n# UNIT a_s s\na_s_info 1\n${EOF}`, line: 2, column: 1 },
  { code: 'OM107', what: 'a counter sample without `_total`', text: `# TYPE a counter\na 1\n${EOF}`, line: 2, column: 1, endColumn: 2 },
  { code: 'OM108', what: 'a bucket without `le`', text: `# TYPE a histogram\na_bucket 1\n${EOF}`, line: 2, column: 1 },
  { code: 'OM108', what: 'a summary sample without `quantile`', text: `# TYPE a summary\na 1\n${EOF}`, line: 2, column: 1 },
  { code: 'OM109', what: 'a non-numeric `le`', text: `# TYPE a histogram\na_bucket{le="x"} 1\n${EOF}`, line: 2, column: 1 },
  { code: 'OM109', what: 'a quantile above 1', text: `# TYPE a summary\na{quantile="1.5"} 1\n${EOF}`, line: 2, column: 1 },
  { code: 'OM110', what: 'a negative counter', text: `# TYPE a counter\na_total -1\n${EOF}`, line: 2, column: 1, endColumn: 11 },
  { code: 'OM110', what: 'a NaN histogram count', text: `# TYPE a histogram\na_bucket{le="+Inf"} 1\na_count NaN\na_sum 1\n${EOF}`, line: 3, column: 1 },
  { code: 'OM111', what: 'a fractional bucket count', text: `# TYPE a histogram\na_bucket{le="+Inf"} 1.5\n${EOF}`, line: 2, column: 1 },
  { code: 'OM112', what: 'an info value other than 1', text: `# TYPE a info\na_info 2\n${EOF}`, line: 2, column: 1 },
  { code: 'OM113', what: 'a stateset value other than 0 or 1', text: `# TYPE a stateset\na{a="x"} 2\n${EOF}`, line: 2, column: 1 },
  { code: 'OM114', what: 'no +Inf bucket', text: `# TYPE a histogram\na_bucket{le="1"} 1\n${EOF}`, line: 2, column: 1, endLine: 2, endColumn: 19 },
  { code: 'OM115', what: 'decreasing thresholds', text: `# TYPE a histogram\na_bucket{le="2"} 1\na_bucket{le="1"} 1\na_bucket{le="+Inf"} 1\n${EOF}`, line: 3, column: 1 },
  { code: 'OM116', what: 'buckets not cumulative', text: `# TYPE a histogram\na_bucket{le="1"} 2\na_bucket{le="+Inf"} 1\n${EOF}`, line: 3, column: 1 },
  { code: 'OM117', what: 'count differs from +Inf bucket', text: `# TYPE a histogram\na_bucket{le="+Inf"} 2\na_count 3\na_sum 1\n${EOF}`, line: 2, column: 1, endLine: 4, endColumn: 8 },
  { code: 'OM118', what: 'a count without a sum', text: `# TYPE a histogram\na_bucket{le="+Inf"} 2\na_count 2\n${EOF}`, line: 2, column: 1, endLine: 3, endColumn: 10 },
  { code: 'OM118', what: 'a sum without a count', text: `# TYPE a histogram\na_bucket{le="+Inf"} 2\na_sum 2\n${EOF}`, line: 2, column: 1 },
  { code: 'OM119', what: 'negative buckets with a sum', text: `# TYPE a histogram\na_bucket{le="-1"} 1\na_bucket{le="+Inf"} 2\na_count 2\na_sum 1\n${EOF}`, line: 2, column: 1, endLine: 5 },
  { code: 'OM119', what: 'a negative gsum without negative buckets', text: `# TYPE a gaugehistogram\na_bucket{le="+Inf"} 2\na_gcount 2\na_gsum -1\n${EOF}`, line: 2, column: 1 },
  { code: 'OM120', what: 'an exemplar on a gauge', text: `# TYPE a gauge\na 1 # {x="y"} 1\n${EOF}`, line: 2, column: 5, endColumn: 16 },
  { code: 'OM120', what: 'an exemplar on a histogram count', text: `# TYPE a histogram\na_bucket{le="+Inf"} 1\na_count 1 # {x="y"} 1\na_sum 1\n${EOF}`, line: 3, column: 11 },
  { code: 'OM121', what: 'exemplar labels over 128 characters', text: `# TYPE a counter\na_total 1 # {x="${long}"} 1\n${EOF}`, line: 2, column: 11 },
  { code: 'OM122', what: 'an exemplar above its bucket', text: `# TYPE a histogram\na_bucket{le="1"} 1 # {} 5\na_bucket{le="+Inf"} 1\n${EOF}`, line: 2, column: 20, endColumn: 26 },
  { code: 'OM123', what: 'a metric split by another metric', text: `a{x="1"} 1\na{x="2"} 1\na{x="1"} 1\n${EOF}`, line: 3, column: 1, endColumn: 11 },
  { code: 'OM123', what: 'a label set split off, written in another order', text: `a{x="1",y="2"} 1\na{x="2"} 1\na{y="2",x="1"} 1\n${EOF}`, line: 3, column: 1 },
  { code: 'OM123', what: 'a label set split off, written with escapes in another order', text: `a{x="\\\\",y="2"} 1\na{x="2"} 1\na{y="2",x="\\\\"} 1\n${EOF}`, line: 3, column: 1 },
  { code: 'OM123', what: 'a label set split off, once with a trailing comma (Prometheus)', text: 'a{y="2",x="1",} 1\na{x="2"} 1\na{y="2",x="1"} 1\n', line: 3, column: 1, format: 'prometheus', severity: 'warning' },
  { code: 'OM123', what: 'a label set split off, once with a quoted name', text: `a{x="1",y="2"} 1\na{x="2"} 1\na{"y"="2",x="1"} 1\n${EOF}`, line: 3, column: 1 },
  { code: 'OM124', what: 'timestamps on some points only', text: `a 1 1\na 1\n${EOF}`, line: 2, column: 1 },
  { code: 'OM125', what: 'a timestamp going back', text: `a 1 2\na 1 1\n${EOF}`, line: 2, column: 1, endColumn: 6 },
  { code: 'OM126', what: 'the same series twice', text: `a 1\na 1\n${EOF}`, line: 2, column: 1 },
  { code: 'OM127', what: 'a negative quantile value', text: `# TYPE a summary\na{quantile="0.5"} -1\n${EOF}`, line: 2, column: 1, endColumn: 21 },
  { code: 'OM128', what: 'summary quantiles out of order (Prometheus)', text: '# TYPE a summary\na{quantile="0.9"} 1\na{quantile="0.5"} 1\n', line: 3, column: 1, endColumn: 20, format: 'prometheus' },

  // ---- Prometheus text 0.0.4: Histograms and summaries; int64 millisecond timestamps ----
  { code: 'OM015', what: 'an exemplar in Prometheus text', text: 'a 1 # {} 1\n', line: 1, column: 5, endColumn: 11, format: 'prometheus' },
  { code: 'OM014', what: 'a word as timestamp (Prometheus)', text: 'a 1 abc\n', line: 1, column: 5, endColumn: 8, format: 'prometheus' },
  { code: 'OM109', what: 'a non-numeric `le` (Prometheus)', text: '# TYPE a histogram\na_bucket{le="x"} 1\n', line: 2, column: 1, format: 'prometheus' },
  { code: 'OM013', what: 'a value beyond a float64', text: `a 1e400\n${EOF}`, line: 1, column: 3, endColumn: 8 },
  { code: 'OM013', what: 'a value beyond a float64 (Prometheus: Go ParseFloat\'s range error)', text: 'a -1e400\n', line: 1, column: 3, endColumn: 9, format: 'prometheus' },
  { code: 'OM014', what: 'a timestamp beyond int64 milliseconds (Prometheus)', text: 'a 1 9223372036854775808\n', line: 1, column: 5, endColumn: 24, format: 'prometheus' },
  { code: 'OM014', what: 'a timestamp beyond a float64', text: `a 1 1e400\n${EOF}`, line: 1, column: 5, endColumn: 10 },
  { code: 'OM015', what: 'an exemplar timestamp beyond a float64', text: `# TYPE a counter\na_total 1 # {} 1 1e400\n${EOF}`, line: 2, column: 18 },
  { code: 'OM110', what: 'a negative bucket (Prometheus)', text: '# TYPE a histogram\na_bucket{le="+Inf"} -1\n', line: 2, column: 1, format: 'prometheus' },
  { code: 'OM114', what: 'no +Inf bucket (Prometheus)', text: '# TYPE a histogram\na_bucket{le="1"} 1\na_count 1\n', line: 2, column: 1, endLine: 3, endColumn: 10, format: 'prometheus' },
  { code: 'OM115', what: 'decreasing thresholds (Prometheus)', text: '# TYPE a histogram\na_bucket{le="2"} 1\na_bucket{le="1"} 1\na_bucket{le="+Inf"} 1\n', line: 3, column: 1, format: 'prometheus' },
  { code: 'OM116', what: 'buckets not cumulative (Prometheus)', text: '# TYPE a histogram\na_bucket{le="1"} 2\na_bucket{le="+Inf"} 1\n', line: 3, column: 1, format: 'prometheus' },
  { code: 'OM117', what: 'count differs from +Inf bucket (Prometheus)', text: '# TYPE a histogram\na_bucket{le="+Inf"} 2\na_count 3\n', line: 2, column: 1, endLine: 3, endColumn: 10, format: 'prometheus' },

  // ---- OpenMetrics 2.0 (rc0): composite values, native buckets, start timestamps, several exemplars ----
  { code: 'OM022', what: 'whitespace inside a composite value', text: `# TYPE a histogram\na {count:1, sum:1,bucket:[+Inf:1]}\n${EOF}`, line: 2, column: 12, endColumn: 13, format: 'openmetrics-2.0' },
  { code: 'OM022', what: 'a composite value without its buckets', text: `# TYPE a histogram\na {count:1,sum:1}\n${EOF}`, line: 2, column: 17, endColumn: 18, format: 'openmetrics-2.0' },
  { code: 'OM022', what: 'a list field written as a number', text: `# TYPE a histogram\na {count:1,sum:1,bucket:1}\n${EOF}`, line: 2, column: 18, endColumn: 24, format: 'openmetrics-2.0' },
  { code: 'OM022', what: 'a non-integer schema', text: `# TYPE a histogram\na {count:0,sum:0,schema:1.5,zero_threshold:0,zero_count:0}\n${EOF}`, line: 2, column: 25, endColumn: 28, format: 'openmetrics-2.0' },
  { code: 'OM022', what: 'a negative span offset after the first', text: `# TYPE a histogram\na {count:2,sum:1,schema:0,zero_threshold:0,zero_count:0,positive_spans:[0:1,-2:1],positive_buckets:[1,1]}\n${EOF}`, line: 2, column: 77, endColumn: 79, format: 'openmetrics-2.0' },
  { code: 'OM022', what: 'a NaN quantile', text: `# TYPE a summary\na {count:1,sum:1,quantile:[NaN:1]}\n${EOF}`, line: 2, column: 28, endColumn: 31, format: 'openmetrics-2.0' },
  { code: 'OM023', what: 'a composite value read as OpenMetrics 1.0', text: `# TYPE a histogram\na {count:1,sum:1,bucket:[+Inf:1]}\n${EOF}`, line: 2, column: 3, endColumn: 4, format: 'openmetrics', severity: 'warning' },
  // Whitespace inside a composite value is 2.0's OM022 only: read as 1.0 or Prometheus text, a composite is 2.0 syntax.
  { code: 'OM023', what: 'a composite value with whitespace read as OpenMetrics 1.0', text: `# TYPE a histogram\na {count:1, sum:1,bucket:[+Inf:1]}\n${EOF}`, line: 2, column: 12, endColumn: 16, format: 'openmetrics', severity: 'warning' },
  { code: 'OM001', what: 'whitespace inside a composite value read as Prometheus text', text: '# TYPE a histogram\na {count:1 ,sum:1,bucket:[+Inf:1]}\n', line: 2, column: 11, endColumn: 12, format: 'prometheus' },
  { code: 'OM015', what: 'an exemplar without a timestamp (2.0)', text: `# TYPE a counter\na 1 # {} 1\n${EOF}`, line: 2, column: 5, endColumn: 11, format: 'openmetrics-2.0' },
  { code: 'OM110', what: 'a NaN summary count', text: `# TYPE a summary\na {count:NaN,sum:1,quantile:[]}\n${EOF}`, line: 2, column: 4, endColumn: 13, format: 'openmetrics-2.0' },
  { code: 'OM110', what: 'a negative histogram bucket (2.0)', text: `# TYPE a histogram\na {count:1,sum:1,bucket:[1:-1,+Inf:1]}\n${EOF}`, line: 2, column: 18, endColumn: 38, format: 'openmetrics-2.0' },
  { code: 'OM111', what: 'a fractional summary count', text: `# TYPE a summary\na {count:1.5,sum:1,quantile:[]}\n${EOF}`, line: 2, column: 4, endColumn: 13, format: 'openmetrics-2.0' },
  { code: 'OM114', what: 'classic buckets without +Inf', text: `# TYPE a histogram\na {count:1,sum:1,bucket:[1:1]}\n${EOF}`, line: 2, column: 18, endColumn: 30, format: 'openmetrics-2.0' },
  { code: 'OM115', what: 'classic buckets out of order', text: `# TYPE a histogram\na {count:1,sum:1,bucket:[2:0,1:0,+Inf:1]}\n${EOF}`, line: 2, column: 18, endColumn: 41, format: 'openmetrics-2.0' },
  { code: 'OM116', what: 'classic buckets not cumulative', text: `# TYPE a histogram\na {count:1,sum:1,bucket:[1:2,+Inf:1]}\n${EOF}`, line: 2, column: 18, endColumn: 37, format: 'openmetrics-2.0' },
  { code: 'OM117', what: 'count differs from the +Inf classic bucket', text: `# TYPE a histogram\na {count:2,sum:1,bucket:[+Inf:1]}\n${EOF}`, line: 2, column: 4, endColumn: 33, format: 'openmetrics-2.0' },
  { code: 'OM120', what: 'an exemplar on a gauge (2.0)', text: `# TYPE a gauge\na 1 # {} 1 1\n${EOF}`, line: 2, column: 5, endColumn: 13, format: 'openmetrics-2.0' },
  { code: 'OM128', what: 'quantiles out of order (2.0)', text: `# TYPE a summary\na {count:1,sum:1,quantile:[0.9:1,0.5:1]}\n${EOF}`, line: 2, column: 18, endColumn: 40, format: 'openmetrics-2.0' },
  { code: 'OM129', what: 'a number for a histogram', text: `# TYPE a histogram\na 1\n${EOF}`, line: 2, column: 1, endColumn: 4, format: 'openmetrics-2.0' },
  { code: 'OM129', what: 'a composite value for a gauge', text: `# TYPE a gauge\na {count:1,sum:1,quantile:[]}\n${EOF}`, line: 2, column: 1, endColumn: 30, format: 'openmetrics-2.0' },
  { code: 'OM129', what: 'a gauge histogram value for a histogram', text: `# TYPE a histogram\na {gcount:1,gsum:1,bucket:[+Inf:1]}\n${EOF}`, line: 2, column: 1, endColumn: 36, format: 'openmetrics-2.0' },
  { code: 'OM130', what: 'a schema out of range', text: `# TYPE a histogram\na {count:0,sum:0,schema:9,zero_threshold:0,zero_count:0}\n${EOF}`, line: 2, column: 18, endColumn: 26, format: 'openmetrics-2.0' },
  { code: 'OM131', what: 'a negative zero threshold', text: `# TYPE a histogram\na {count:0,sum:0,schema:0,zero_threshold:-1,zero_count:0}\n${EOF}`, line: 2, column: 27, endColumn: 44, format: 'openmetrics-2.0' },
  { code: 'OM132', what: 'spans covering more buckets than given', text: `# TYPE a histogram\na {count:1,sum:1,schema:0,zero_threshold:0,zero_count:0,positive_spans:[0:2],positive_buckets:[1]}\n${EOF}`, line: 2, column: 57, endColumn: 98, format: 'openmetrics-2.0' },
  { code: 'OM133', what: 'a count below the native buckets', text: `# TYPE a histogram\na {count:1,sum:1,schema:0,zero_threshold:0,zero_count:1,positive_spans:[0:1],positive_buckets:[1]}\n${EOF}`, line: 2, column: 4, endColumn: 11, format: 'openmetrics-2.0' },
  { code: 'OM133', what: 'a count above the native buckets with a sum not NaN', text: `# TYPE a histogram\na {count:3,sum:1,schema:0,zero_threshold:0,zero_count:1,positive_spans:[0:1],positive_buckets:[1]}\n${EOF}`, line: 2, column: 4, endColumn: 11, format: 'openmetrics-2.0' },
  { code: 'OM134', what: 'a `le` label on a histogram with classic buckets', text: `# TYPE a histogram\na{le=\"1\"} {count:1,sum:1,bucket:[+Inf:1]}\n${EOF}`, line: 2, column: 1, endColumn: 42, format: 'openmetrics-2.0' },
  { code: 'OM135', what: 'a reserved label name', text: `a{_x=\"1\"} 1\n${EOF}`, line: 1, column: 1, endColumn: 12, format: 'openmetrics-2.0' },
  { code: 'OM135', what: 'a reserved metric name', text: `# TYPE _a gauge\n_a 1\n${EOF}`, line: 1, column: 1, endColumn: 16, format: 'openmetrics-2.0' },
  { code: 'OM136', what: 'a start timestamp on a gauge', text: `# TYPE a gauge\na 1 st@1\n${EOF}`, line: 2, column: 1, endColumn: 9, format: 'openmetrics-2.0' },
  { code: 'OM137', what: 'an info family not named `_info`', text: `# TYPE a info\na 1\n${EOF}`, line: 1, column: 1, endColumn: 14, format: 'openmetrics-2.0' },
  { code: 'OM138', what: 'a native bucket beyond the overflow bucket', text: `# TYPE a histogram\na {count:1,sum:1,schema:0,zero_threshold:0,zero_count:0,positive_spans:[1026:1],positive_buckets:[1]}\n${EOF}`, line: 2, column: 57, endColumn: 80, format: 'openmetrics-2.0' },
  { code: 'OM022', what: 'a non-real number where a real one is required', text: `# TYPE a histogram\na {count:0,sum:0,schema:0,zero_threshold:NaN,zero_count:0}\n${EOF}`, line: 2, column: 42, endColumn: 45, format: 'openmetrics-2.0' },
  { code: 'OM139', what: 'a counter going down with the same start timestamp', text: `# TYPE a counter\na 5 1 st@0\na 4 2 st@0\n${EOF}`, line: 3, column: 1, endColumn: 11, format: 'openmetrics-2.0' },
];

/** Codes only a byte stream can produce (tested on their own in diagnostics.test.ts). */
export const notEmitted = ['OM020'];
