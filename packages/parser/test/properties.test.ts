// fast-check properties: no throw / no hang, round-trip through the serializer, streaming ≡ parse,
// and the fast line scanner ≡ the grammar.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseStream, serialize, toJSON, validate, type Diagnostic, type MetricFamily } from '../src/index.js';
import { buildLine } from '../src/ast/build.js';
import type { LineRecord } from '../src/ast/records.js';
import { scanComment, scanSample } from '../src/scan/fast-line.js';

/** An `le` / `quantile` value as the generated expositions write it. */
function formatThreshold(value: number): string {
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

type Format = 'openmetrics' | 'prometheus';

// ---------------------------------------------------------------- seed texts

const casesDir = fileURLToPath(new URL('../../../../shared/conformance/openmetrics/cases/', import.meta.url));
const seeds: string[] = readdirSync(casesDir)
  .sort()
  .map((name) => {
    const spec = JSON.parse(readFileSync(`${casesDir}${name}/test.json`, 'utf8')) as { file: string };
    return readFileSync(`${casesDir}${name}/${spec.file}`, 'utf8');
  })
  .concat([
    '# HELP go_goroutines Number of goroutines.\n# TYPE go_goroutines gauge\ngo_goroutines 9\n' +
      '# TYPE h histogram\nh_bucket{le="0.5"} 1 1700000000000\nh_bucket{le="+Inf"} 2 1700000000000\n' +
      'h_sum 3 1700000000000\nh_count 2 1700000000000\n\n# a comment\nnode_load1\t0.2\n',
  ]);

/** Insert, delete or replace characters, biased towards the characters the grammar cares about. */
const interesting = [' ', '\t', '\n', '\r', '{', '}', ',', '"', '\\', '#', '=', '.', 'e', '+', '-', '_', ':', '0', '1', 'é', '😀', '\ufeff', '\u0000'];
const edit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.nat(),
  char: fc.oneof(fc.constantFrom(...interesting), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
});
function mutate(text: string, edits: { kind: string; at: number; char: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === 'insert') out = out.slice(0, at) + e.char + out.slice(at);
    else if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + e.char + out.slice(at + 1);
  }
  return out;
}
const mutatedText = fc
  .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) => mutate(text, edits));

const formats: Format[] = ['openmetrics', 'prometheus'];

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

// ---------------------------------------------------------------- generated families

const alnum = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), maxLength: 5 });
const oddChars = fc.string({ unit: 'binary', maxLength: 4 }).filter((s) => !s.includes('_'));
const labelValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('', 'a"b', 'back\\slash', 'new\nline', 'ünïcödé', '😀', 'a\\nb', '\\"'),
);
const labelName = fc.oneof(
  { weight: 4, arbitrary: alnum.map((s) => `lb${s}`) },
  { weight: 1, arbitrary: oddChars.map((s) => `lb.${s}`) },
);
const labels = fc.uniqueArray(fc.record({ name: labelName, value: labelValue }), {
  selector: (l) => l.name,
  maxLength: 3,
});
const labelSets = (max: number) =>
  fc.uniqueArray(labels, {
    minLength: 1,
    maxLength: max,
    selector: (ls) => JSON.stringify([...ls].sort((a, b) => (a.name < b.name ? -1 : 1))),
  });
const anyValue = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e21, 5e-324),
);
const nonNegative = fc.oneof(fc.nat(), fc.double({ min: 0, noNaN: true }), fc.constant(Infinity)).map((v) => (v === 0 ? 0 : v));
const count = fc.nat({ max: 1e9 });
const omTimestamp = fc.option(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 2e9 })), { nil: undefined });
const promTimestamp = fc.option(fc.integer({ min: -1e13, max: 1e13 }).map((ms) => ms / 1000), { nil: undefined });
const exemplarOf = (value: fc.Arbitrary<number>) =>
  fc.option(
    fc.record({
      labels: fc.uniqueArray(fc.record({ name: alnum.map((s) => `ex${s}`), value: fc.string({ unit: 'binary', maxLength: 10 }) }), {
        selector: (l) => l.name,
        maxLength: 2,
      }),
      value,
      timestamp: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
    }),
    { nil: undefined, freq: 2 },
  );
const help = fc.option(
  fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('with "quotes" and \\ and \nnewline', 'ünïcödé 😀')),
  { nil: undefined },
);

interface Spec {
  name: string;
  type: MetricFamily['type'];
  typeDeclared: boolean;
  help?: string;
  unit?: string;
  metrics: { labels: { name: string; value: string }[]; samples: SampleSpec[] }[];
}
interface SampleSpec {
  name: string;
  labels: { name: string; value: string }[];
  value: number;
  timestamp?: number;
  exemplar?: { labels: { name: string; value: string }[]; value: number; timestamp?: number };
}

function sample(name: string, labelList: SampleSpec['labels'], value: number, timestamp: number | undefined, exemplar?: SampleSpec['exemplar']): SampleSpec {
  const s: SampleSpec = { name, labels: labelList, value };
  if (timestamp !== undefined) s.timestamp = timestamp;
  if (exemplar !== undefined) {
    const e: SampleSpec['exemplar'] = { labels: exemplar.labels, value: exemplar.value };
    if (exemplar.timestamp !== undefined) e.timestamp = exemplar.timestamp;
    s.exemplar = e;
  }
  return s;
}

/** One family of a type, named `name`, valid in `format`. */
function familyOf(type: MetricFamily['type'], name: string, format: Format): fc.Arbitrary<Spec> {
  const om = format === 'openmetrics';
  const ts = om ? omTimestamp : promTimestamp;
  const withMetrics = (perMetric: (ls: Spec['metrics'][number]['labels']) => fc.Arbitrary<SampleSpec[]>, max = 3) =>
    labelSets(max).chain((sets) => fc.tuple(...sets.map((ls) => perMetric(ls).map((samples) => ({ labels: ls, samples })))));
  const metricsOf = (name: string): fc.Arbitrary<Spec['metrics']> => {
  let metrics: fc.Arbitrary<Spec['metrics']>;
  switch (type) {
    case 'counter':
      metrics = withMetrics((ls) =>
        om
          ? fc
              .tuple(nonNegative, ts, exemplarOf(fc.double({ noNaN: true, noDefaultInfinity: true })), fc.option(fc.nat(), { nil: undefined }))
              .map(([v, t, ex, created]) => [
                sample(`${name}_total`, ls, v, t, ex),
                ...(created === undefined ? [] : [sample(`${name}_created`, ls, created, t)]),
              ])
          : fc.tuple(nonNegative, ts).map(([v, t]) => [sample(name, ls, v, t)]),
      );
      break;
    case 'gauge':
    case 'unknown':
      metrics = withMetrics((ls) => fc.tuple(anyValue, ts).map(([v, t]) => [sample(name, ls, v, t)]));
      break;
    case 'info':
      metrics = withMetrics((ls) => ts.map((t) => [sample(`${name}_info`, ls, 1, t)]));
      break;
    case 'stateset':
      metrics = withMetrics((ls) =>
        fc
          .tuple(fc.uniqueArray(fc.oneof(alnum, labelValue), { minLength: 1, maxLength: 3 }), fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), ts)
          .map(([states, on, t]) => states.map((state, i) => sample(name, [...ls, { name, value: state }], on[i] ? 1 : 0, t))),
      );
      break;
    case 'histogram':
      metrics = withMetrics((ls) =>
        fc
          .tuple(
            fc.uniqueArray(fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => (x === 0 ? 0 : x)), { maxLength: 4 }),
            fc.array(count, { minLength: 5, maxLength: 5 }),
            fc.array(exemplarOf(fc.double({ min: -10, max: 0, noNaN: true })), { minLength: 5, maxLength: 5 }),
            fc.option(fc.double({ min: 0, noNaN: true }), { nil: undefined }),
            ts,
          )
          .map(([thresholds, increments, exemplars, sum, t]) => {
            const les = [...thresholds].sort((a, b) => a - b).map(formatThreshold).concat('+Inf');
            let running = 0;
            const samples = les.map((le, i) => {
              running += increments[i]!;
              return sample(`${name}_bucket`, [...ls, { name: 'le', value: le }], running, t, om ? exemplars[i] : undefined);
            });
            if (sum !== undefined) samples.push(sample(`${name}_sum`, ls, sum, t), sample(`${name}_count`, ls, running, t));
            return samples;
          }),
      );
      break;
    case 'summary':
      metrics = withMetrics((ls) =>
        fc
          .tuple(
            fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (x === 0 ? 0 : x)), { minLength: 1, maxLength: 3 }),
            fc.array(fc.oneof(nonNegative, fc.constant(NaN)), { minLength: 3, maxLength: 3 }),
            fc.option(fc.tuple(fc.double({ min: 0, noNaN: true }), count), { nil: undefined }),
            ts,
          )
          .map(([qs, values, sumCount, t]) => {
            const samples = [...qs]
              .sort((a, b) => a - b)
              .map((q, i) => sample(name, [...ls, { name: 'quantile', value: formatThreshold(q) }], values[i]!, t));
            if (sumCount !== undefined) samples.push(sample(`${name}_sum`, ls, sumCount[0], t), sample(`${name}_count`, ls, sumCount[1], t));
            return samples;
          }),
      );
      break;
    default:
      throw new Error(type);
  }
  return metrics;
  };
  const unitAllowed = om && type !== 'info' && type !== 'stateset' && !name.includes('.');
  const unit = unitAllowed ? fc.option(fc.constantFrom('seconds', 'bytes', 'ratio'), { nil: undefined }) : fc.constant(undefined);
  return unit.chain((u) => {
    const full = u === undefined ? name : `${name}_${u}`;
    return fc
      .record({
        metrics: metricsOf(full),
        help: help.filter((h) => h === undefined || (h !== '' && !h.endsWith('\r') && (om || !/^[ \t]|[ \t]$/.test(h)))),
        declared: fc.boolean(),
      })
      .map(({ metrics: ms, help: h, declared }) => {
        const spec: Spec = { name: full, type, typeDeclared: type !== 'unknown' || declared, metrics: ms };
        if (h !== undefined) spec.help = h;
        if (u !== undefined) spec.unit = u;
        return spec;
      });
  });
}

function exposition(format: Format): fc.Arbitrary<Spec[]> {
  const types: MetricFamily['type'][] =
    format === 'openmetrics'
      ? ['counter', 'gauge', 'histogram', 'summary', 'info', 'stateset', 'unknown']
      : ['counter', 'gauge', 'histogram', 'summary', 'unknown'];
  return fc
    .array(fc.tuple(fc.constantFrom(...types), fc.oneof({ weight: 4, arbitrary: alnum }, { weight: 1, arbitrary: oddChars.map((s) => `.${s}`) })), {
      minLength: 1,
      maxLength: 4,
    })
    .chain((list) => fc.tuple(...list.map(([type, rest], i) => familyOf(type, `f${i}x${rest}`, format))));
}

/** The structural fields of families (no spans, no descriptors). */
function project(families: readonly (MetricFamily | Spec)[]): unknown {
  return families.map((f) => {
    const out: Record<string, unknown> = { name: f.name, type: f.type, typeDeclared: f.typeDeclared };
    if (f.help !== undefined) out.help = f.help;
    if (f.unit !== undefined) out.unit = f.unit;
    out.metrics = f.metrics.map((m) => ({
      labels: m.labels.map((l) => ({ name: l.name, value: l.value })),
      samples: m.samples.map((s) => {
        const o: Record<string, unknown> = { name: s.name, labels: s.labels.map((l) => ({ name: l.name, value: l.value })), value: s.value };
        if (s.timestamp !== undefined) o.timestamp = s.timestamp;
        if (s.exemplar !== undefined) {
          const e: Record<string, unknown> = { labels: s.exemplar.labels.map((l) => ({ name: l.name, value: l.value })), value: s.exemplar.value };
          if (s.exemplar.timestamp !== undefined) e.timestamp = s.exemplar.timestamp;
          o.exemplar = e;
        }
        return o;
      }),
    }));
    return out;
  });
}

/** Spec metrics hold every label on each sample; a Metric's labels leave out the part label. */
function metricLabelsOf(spec: Spec[]): Spec[] {
  return spec;
}

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

/** Cut `n` items into consecutive pieces at the given cut points. */
function cut<T extends string | Uint8Array>(whole: T, points: number[]): T[] {
  const at = [...new Set(points.map((p) => p % (whole.length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let from = 0;
  for (const p of at) {
    pieces.push(whole.slice(from, p) as T);
    from = p;
  }
  pieces.push(whole.slice(from) as T);
  return pieces;
}

async function streamed(chunks: (string | Uint8Array)[], format: Format | 'auto') {
  const families: unknown[] = [];
  const diagnostics: unknown[] = [];
  let last: { format: Format } | undefined;
  async function* source() {
    yield* chunks;
  }
  for await (const item of parseStream(source(), { format })) {
    if (item.family !== undefined) families.push(item.family);
    diagnostics.push(...item.diagnostics);
    last = item;
  }
  // Each item's diagnostics are in text order, but a family's own diagnostics (histogram
  // structure, say) arrive when it closes, after later lines' ones: compare in text order.
  return { format: last!.format, families: toJSON(families as MetricFamily[]), diagnostics: inTextOrder(diagnostics as Diagnostic[]) };
}

function inTextOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => [d, i] as const)
    .sort(([a, i], [b, j]) => (a.span?.start.offset ?? Infinity) - (b.span?.start.offset ?? Infinity) || i - j)
    .map(([d]) => d);
}

function whole(text: string, format: Format | 'auto') {
  const r = parse(text, { format });
  return { format: r.format, families: toJSON(r.families), diagnostics: r.diagnostics };
}

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
