// fast-check properties: no throw / no hang, round-trip through the serializer, streaming ≡ parse,
// and the fast line scanner ≡ the grammar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, serialize, validate, type MetricFamily } from '../src/index.js';
import { buildLine } from '../src/ast/build.js';
import type { LineRecord } from '../src/ast/records.js';
import { scanComment, scanSample } from '../src/scan/fast-line.js';
import {
  cut,
  exposition,
  formats,
  interesting,
  metricLabelsOf,
  mutate,
  mutatedText,
  project,
  seeds,
  streamed,
  whole,
  type Format,
} from './support/arbitraries.js';

// ---------------------------------------------------------------- (a) never throws, never hangs

describe('no throw, bounded time', () => {
  function check(text: string): void {
    for (const format of [...formats, 'auto'] as const) {
      const started = performance.now();
      const result = parse(text, { format });
      expect(performance.now() - started).toBeLessThan(2000);
      expect(Array.isArray(result.families)).toBe(true);
      for (const d of result.diagnostics) {
        expect(d.span === undefined || d.span.start.offset <= d.span.end.offset).toBe(true);
        expect(Number.isInteger(d.span?.start.column ?? 1) && Number.isInteger(d.span?.end.column ?? 1)).toBe(true);
      }
      // validate() reports the same as parse()
      expect(validate(text, { format }).diagnostics).toEqual(result.diagnostics);
    }
  }

  it('on arbitrary strings (any code point)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 150 });
  });

  it('on arbitrary strings made of the format\'s characters', () => {
    const char = fc.constantFrom(...interesting, 'a', 'b', 'le', 'quantile', 'HELP', 'TYPE', 'UNIT', 'EOF', 'Inf', 'NaN', '_total', '_bucket');
    fc.assert(fc.property(fc.array(char, { maxLength: 80 }).map((a) => a.join('')), check), { numRuns: 200 });
  });

  it('on arbitrary UTF-16 (lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 100 }), check), {
      numRuns: 100,
    });
  });

  it('on mutated valid expositions', () => {
    fc.assert(fc.property(mutatedText, check), { numRuns: 200 });
  });

  it('on very long lines', () => {
    check(`a{b="${'x'.repeat(200_000)}"} 1\n# EOF\n`);
    check(`a ${'1'.repeat(100_000)}\n`);
    check('{'.repeat(50_000));
    check(`# HELP a ${'\\'.repeat(100_001)}\n`);
  });
});

// ---------------------------------------------------------------- (b) round-trip

describe('round-trip through serialize', () => {
  for (const format of formats) {
    it(`generated ${format} families → serialize → parse gives no error and the same model`, () => {
      fc.assert(
        fc.property(exposition(format), (spec) => {
          const text = serialize(metricLabelsOf(spec) as unknown as MetricFamily[], { format });
          const result = parse(text, { format });
          expect(result.diagnostics.filter((d) => d.severity === 'error'), text).toEqual([]);
          expect(project(result.families)).toEqual(project(spec));
          // serialize(parse(canonical)) === canonical
          expect(serialize(result.families, { format })).toBe(text);
        }),
        { numRuns: 120 },
      );
    });
  }

  it('valid conformance cases: serialize(parse(x)) parses to an equal model', () => {
    for (const text of seeds) {
      const first = parse(text, { format: 'openmetrics' });
      if (first.diagnostics.some((d) => d.severity === 'error')) continue;
      const again = parse(serialize(first.families, { format: 'openmetrics' }), { format: 'openmetrics' });
      expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // A family made only of an empty HELP or UNIT line has nothing to write.
      const written = first.families.filter((f) => f.typeDeclared || f.help !== undefined || f.unit !== undefined || f.metrics.length > 0);
      expect(project(again.families)).toEqual(project(written));
    }
  });
});

// ---------------------------------------------------------------- (c) streaming ≡ parse

describe('streaming ≡ parse', () => {
  const text = fc.oneof(
    mutatedText,
    fc.constantFrom(...seeds),
    fc.constantFrom(...seeds).map((t) => `\ufeff${t}`),
    exposition('openmetrics').map((s) => serialize(s as unknown as MetricFamily[], { format: 'openmetrics' })),
    exposition('prometheus').map((s) => serialize(s as unknown as MetricFamily[], { format: 'prometheus' })),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );
  const format = fc.constantFrom<Format | 'auto'>('openmetrics', 'prometheus', 'auto');

  it('string chunks', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), format, async (t, points, f) => {
        expect(await streamed(cut(t, points), f)).toEqual(whole(t, f));
      }),
      { numRuns: 150 },
    );
  });

  it('UTF-8 byte chunks, multi-byte characters split', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 8 }), format, async (t, points, f) => {
        const bytes = new TextEncoder().encode(t);
        // What the bytes say (lone surrogates become U+FFFD), BOM kept.
        const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        expect(await streamed(cut(bytes, points), f)).toEqual(whole(decoded, f));
      }),
      { numRuns: 150 },
    );
  });

  it('one byte at a time', async () => {
    const t = '# TYPE "my.metric" gauge\n{"my.metric",ä="😀"} 1\n# EOF\n';
    const bytes = new TextEncoder().encode(t);
    expect(await streamed([...bytes].map((b) => Uint8Array.of(b)), 'auto')).toEqual(whole(t, 'auto'));
  });
});

// ---------------------------------------------------------------- (d) fast path ≡ grammar

const simpleName = fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,8}$/);
const simpleLabelName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,5}$/);
const simpleLabelValue = fc.string({ unit: fc.constantFrom(...'abcXYZ019 .-_/:é😀{}=,#'), maxLength: 6 });
const escapedLabelValue = fc.string({
  unit: fc.constantFrom(...'abcé😀 #,', '\\\\', '\\"', '\\n', '\\q', '\\t'),
  maxLength: 6,
});
const simpleLabels = fc.uniqueArray(fc.tuple(simpleLabelName, simpleLabelValue), { selector: ([n]) => n, maxLength: 3 });
const labelText = (ls: [string, string][]) => `{${ls.map(([n, v]) => `${n}="${v}"`).join(',')}}`;
const simpleNumber = fc.oneof(
  fc.nat().map(String),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.tuple(fc.nat(999), fc.nat(999)).map(([a, b]) => `${a}.${b}`),
);
const numberText = fc.oneof(
  simpleNumber,
  fc.constantFrom('+Inf', '-Inf', 'Inf', 'NaN', 'nan', '+inf', '-infinity', '1e3', '1E-3', '.5', '5.', '+1', '-0', '007', '1e', 'e1', '--1', '1.2.3', '0x10', '12345678901234567890', '1_0', ''),
);
const ordinaryLine = fc
  .tuple(simpleName, fc.option(simpleLabels, { nil: undefined }), simpleNumber, fc.option(fc.nat().map(String), { nil: undefined }))
  .map(([n, ls, v, t]) => `${n}${ls === undefined ? '' : labelText(ls)} ${v}${t === undefined ? '' : ` ${t}`}`);
const richLabels = fc.uniqueArray(fc.tuple(simpleLabelName, fc.oneof(simpleLabelValue, escapedLabelValue)), { selector: ([n]) => n, maxLength: 3 });
const richLine = fc
  .tuple(
    simpleName,
    fc.option(richLabels, { nil: undefined }),
    numberText,
    fc.option(numberText, { nil: undefined }),
    fc.option(fc.tuple(simpleLabels, numberText, fc.option(numberText, { nil: undefined })), { nil: undefined }),
  )
  .map(
    ([n, ls, v, t, ex]) =>
      `${n}${ls === undefined ? '' : labelText(ls)} ${v}${t === undefined ? '' : ` ${t}`}` +
      (ex === undefined ? '' : ` # ${labelText(ex[0])} ${ex[1]}${ex[2] === undefined ? '' : ` ${ex[2]}`}`),
  );
const lineEdit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.nat(),
  char: fc.constantFrom(' ', '  ', '\t', '{', '}', ',', '"', '\\', '\\n', '#', '=', '.', 'e', '+', '-', ':', 'é', '1', 'a', '\r'),
});
const nearValidLine = fc.tuple(richLine, fc.array(lineEdit, { minLength: 1, maxLength: 3 })).map(([l, edits]) => mutate(l, edits).replace(/\n/g, ''));

const helpText = fc.string({
  unit: fc.constantFrom(...'ab é😀"#{}\t', '\\\\', '\\"', '\\n', '\\q', '\\'),
  maxLength: 8,
});
const descriptorLine = fc.oneof(
  fc.tuple(simpleName, helpText).map(([n, h]) => `# HELP ${n} ${h}`),
  fc.tuple(simpleName, fc.constantFrom('counter', 'gauge', 'histogram', 'gaugehistogram', 'summary', 'info', 'stateset', 'unknown', 'untyped', 'Counter', 'blah', ''))
    .map(([n, t]) => `# TYPE ${n} ${t}`),
  fc.tuple(simpleName, fc.constantFrom('seconds', 'bytes', '', 'a.b', 'x y')).map(([n, u]) => `# UNIT ${n} ${u}`),
  fc.constantFrom('# EOF', '#EOF', '# EOF ', '# eof', '# HELP', '# TYPE a', '# HELPER a b', '# comment'),
);
const nearDescriptorLine = fc
  .tuple(descriptorLine, fc.array(lineEdit, { minLength: 1, maxLength: 3 }))
  .map(([l, edits]) => mutate(l, edits).replace(/\n/g, ''))
  .filter((l) => l.startsWith('#'));

function commentFastEqualsGrammar(line: string): void {
  for (const format of formats) {
    const fast = scanComment(line, 0, line.length, format === 'openmetrics', 0);
    if (fast === undefined) continue;
    const { record, reports } = grammarReading(line, format);
    expect(reports, `${format}: ${line}`).toEqual([]);
    expect(record as LineRecord, `${format}: ${line}`).toEqual(fast);
  }
}

function grammarReading(line: string, format: Format) {
  const reports: unknown[] = [];
  const record = buildLine(line, 0, { format, report: (...args) => reports.push(args) });
  return { record, reports };
}

function fastEqualsGrammar(line: string): void {
  for (const format of formats) {
    const fast = scanSample(line, 0, line.length, format === 'openmetrics', 0);
    if (fast === undefined) continue;
    const { record, reports } = grammarReading(line, format);
    expect(reports, `${format}: ${line}`).toEqual([]);
    expect(record as LineRecord, `${format}: ${line}`).toEqual(fast);
  }
}

describe('fast path ≡ grammar', () => {
  it('on generated valid lines', () => {
    fc.assert(fc.property(richLine, fastEqualsGrammar), { numRuns: 400 });
  });

  it('on near-valid lines', () => {
    fc.assert(fc.property(nearValidLine, fastEqualsGrammar), { numRuns: 600 });
  });

  it('at an offset inside a larger text', () => {
    fc.assert(
      fc.property(richLine, fc.string({ maxLength: 5 }), (line, prefix) => {
        const text = `${prefix}\n${line}\nrest`;
        const start = prefix.length + 1;
        const fast = scanSample(text, start, start + line.length, true, 100);
        if (fast === undefined) return;
        const { record, reports } = (() => {
          const reports: unknown[] = [];
          const record = buildLine(line, 100 + start, { format: 'openmetrics', report: (...a) => reports.push(a) });
          return { record, reports };
        })();
        expect(reports).toEqual([]);
        expect(record).toEqual(fast);
      }),
      { numRuns: 200 },
    );
  });

  it('on generated and near-valid descriptor lines', () => {
    fc.assert(fc.property(fc.oneof(descriptorLine, nearDescriptorLine), commentFastEqualsGrammar), { numRuns: 600 });
  });

  it('accepts ordinary descriptor lines', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(simpleName, fc.string({ unit: fc.constantFrom(...'ab é😀.'), maxLength: 8 })).map(([n, h]) => `# HELP ${n} ${h}`),
          simpleName.map((n) => `# TYPE ${n} counter`),
        ),
        (line) => {
          for (const format of formats) {
            const fast = scanComment(line, 0, line.length, format === 'openmetrics', 0);
            expect(fast, `${format}: ${line}`).toBeDefined();
            expect(grammarReading(line, format).record).toEqual(fast);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(scanComment('# EOF', 0, 5, true, 0)).toEqual({ kind: 'eof', start: 0, end: 5 });
  });

  it('accepts ordinary valid lines (so it is really used)', () => {
    fc.assert(
      fc.property(ordinaryLine, (line) => {
        for (const format of formats) {
          const fast = scanSample(line, 0, line.length, format === 'openmetrics', 0);
          expect(fast, `${format}: ${line}`).toBeDefined();
          expect(grammarReading(line, format).record).toEqual(fast);
        }
      }),
      { numRuns: 300 },
    );
  });
});
