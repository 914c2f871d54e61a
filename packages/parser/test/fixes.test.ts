// Safe fixes on the parser's framing and escape diagnostics: applying them gives text without
// those problems, and applying them again changes nothing.
import { describe, expect, it } from 'vitest';
import { parse, type Diagnostic } from '../src/index.js';

function applyFixes(text: string, diagnostics: readonly Diagnostic[]): string {
  const edits = diagnostics
    .flatMap((d) => d.fix?.edits ?? [])
    .sort((a, b) => b.span.start.offset - a.span.start.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start.offset) + e.text + out.slice(e.span.end.offset);
  return out;
}

const fixable = ['OM002', 'OM003', 'OM004', 'OM006', 'OM011', 'OM021', 'OM102'];

describe('parser fixes', () => {
  it.each([
    ['a BOM', '\ufeff# TYPE a gauge\na 1\n# EOF\n', ['OM002']],
    ['CRLF line ends', '# TYPE a gauge\r\na 1\r\n# EOF\r\n', ['OM003', 'OM003', 'OM003']],
    ['a missing # EOF', '# TYPE a gauge\na 1\n', ['OM004']],
    ['a missing # EOF and final line feed', '# TYPE a gauge\na 1', ['OM004', 'OM021']],
    ['an empty line', '# TYPE a gauge\n\na 1\n# EOF\n', ['OM006']],
    ['an undefined escape', '# TYPE a gauge\na{x="C:\\data"} 1\n# EOF\n', ['OM011']],
    ['a missing final line feed', '# TYPE a gauge\na 1\n# EOF', ['OM021']],
    ['metadata after samples', '# TYPE a gauge\na 1\n# HELP a a \\\\ help\n# UNIT a \nb 2\n# EOF\n', ['OM102', 'OM102']],
  ])('%s', (_, text, expected) => {
    const before = parse(text, { format: 'openmetrics' });
    expect(before.diagnostics.map((d) => d.code)).toEqual(expected);
    const fixed = applyFixes(text, before.diagnostics);
    const after = parse(fixed, { format: 'openmetrics' });
    expect(after.diagnostics).toEqual([]);
    expect(applyFixes(fixed, after.diagnostics)).toBe(fixed);
    expect(after.families.map((f) => f.metrics.flatMap((m) => m.samples.map((s) => s.value)))).toEqual(
      before.families.map((f) => f.metrics.flatMap((m) => m.samples.map((s) => s.value))),
    );
  });

  it('offers fixes only as safe edits, and only on the codes that have them', () => {
    const text = '\ufeff# TYPE a gauge\r\n\na{x="\\q"} 1 z\nb 2';
    for (const d of parse(text, { format: 'openmetrics' }).diagnostics) {
      if (d.fix === undefined) continue;
      expect(fixable).toContain(d.code);
      expect(d.fix.applicability).toBe('safe');
      expect(d.fix.edits.length).toBeGreaterThan(0);
    }
  });

  it('moves a TYPE line that follows its samples in Prometheus text', () => {
    const text = 'a 1\n# TYPE a counter\nb 2\n';
    const before = parse(text, { format: 'prometheus' });
    expect(before.diagnostics.map((d) => d.code)).toEqual(['OM102']);
    const fixed = applyFixes(text, before.diagnostics);
    expect(fixed).toBe('# TYPE a counter\na 1\nb 2\n');
    expect(parse(fixed, { format: 'prometheus' }).families[0]!.type).toBe('counter');
  });

  it('keeps the escaped value', () => {
    const text = '# TYPE a gauge\na{x="C:\\data"} 1\n# EOF\n';
    const fixed = applyFixes(text, parse(text, { format: 'openmetrics' }).diagnostics);
    expect(fixed).toBe('# TYPE a gauge\na{x="C:\\\\data"} 1\n# EOF\n');
    expect(parse(fixed, { format: 'openmetrics' }).families[0]!.metrics[0]!.labels[0]!.value).toBe('C:\\data');
  });
});
