// Issue 13: "the public model stays, its representation changes". A consumer written against the
// model's interfaces as they were before the compact model (commit 4a3b753, OpenMetrics 1.0 and
// Prometheus text only) must still compile: it builds models by hand as object literals, reads
// every field with the types it had, narrows Format over the two formats it knew (plus default),
// and hands its own families to serialize, @omkit/lint's lint and @omkit/diff's diff.
// The consumer is compiled with the TypeScript compiler against the packages' sources.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CONSUMER = resolve(ROOT, 'packages/parser/test/__consumer__.ts');

const consumer = `
import { parse, serialize, type Descriptor, type Diagnostic, type Exemplar, type Format, type Label, type Metric, type MetricFamily, type MetricType, type ParseResult, type Sample, type Span } from '@omkit/parser';
import { lint } from '@omkit/lint';
import { diff } from '@omkit/diff';

// Models made by hand.
const span: Span = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 12, offset: 11 } };
const job: Label = { name: 'job', value: 'a' };
const exemplar: Exemplar = { labels: [{ name: 'trace_id', value: 't' }], value: 1, timestamp: 2, span };
const plain: Sample = { name: 'x_total', labels: [job], value: 1, span };
const full: Sample = { name: 'x_total', labels: [job], value: 2, timestamp: 3, exemplar, span };
const metric: Metric = { labels: [job], samples: [plain, full] };
const type: Descriptor = { kind: 'TYPE', name: 'x', value: 'counter', span };
const family: MetricFamily = { name: 'x', type: 'counter', typeDeclared: true, help: 'h', unit: 'seconds', descriptors: [type], metrics: [metric], span };
const bare: MetricFamily = { name: 'y', type: 'unknown', typeDeclared: false, descriptors: [], metrics: [], span };
const mine: ParseResult = { format: 'openmetrics', families: [family, bare], diagnostics: [] };

// Format as it was: two values, and a default for anything else.
function short(format: Format): string {
  switch (format) {
    case 'openmetrics':
      return 'om';
    case 'prometheus':
      return 'prom';
    default:
      return 'other';
  }
}

// Every field, read with the type it had.
function total(result: ParseResult): number {
  let n = short(result.format).length;
  for (const f of result.families) {
    const name: string = f.name;
    const kind: MetricType = f.type;
    const declared: boolean = f.typeDeclared;
    const help: string | undefined = f.help;
    const unit: string | undefined = f.unit;
    const fspan: Span = f.span;
    n += name.length + kind.length + (declared ? 1 : 0) + (help ?? '').length + (unit ?? '').length + fspan.end.offset;
    for (const d of f.descriptors) {
      const k: 'TYPE' | 'HELP' | 'UNIT' = d.kind;
      const dname: string = d.name;
      const value: string = d.value;
      const dspan: Span = d.span;
      n += k.length + dname.length + value.length + dspan.start.line;
    }
    for (const m of f.metrics) {
      const labels: readonly Label[] = m.labels;
      const samples: readonly Sample[] = m.samples;
      n += labels.length + samples.length;
      for (const s of m.samples) {
        const sname: string = s.name;
        const slabels: readonly Label[] = s.labels;
        const value: number = s.value;
        const timestamp: number | undefined = s.timestamp;
        const ex: Exemplar | undefined = s.exemplar;
        const sspan: Span = s.span;
        n += sname.length + value + (timestamp ?? 0) + sspan.start.column + sspan.end.offset;
        for (const l of slabels) {
          const lname: string = l.name;
          const lvalue: string = l.value;
          n += lname.length + lvalue.length;
        }
        if (ex !== undefined) {
          const elabels: readonly Label[] = ex.labels;
          const evalue: number = ex.value;
          const etimestamp: number | undefined = ex.timestamp;
          const espan: Span = ex.span;
          n += elabels.length + evalue + (etimestamp ?? 0) + espan.start.offset;
        }
      }
    }
  }
  for (const d of result.diagnostics) {
    const diagnostic: Diagnostic = d;
    const code: string = diagnostic.code;
    const message: string = diagnostic.message;
    n += code.length + message.length;
  }
  return n;
}

// The packages take hand-made families.
const text: string = serialize([family, bare], { format: 'openmetrics' });
const parsed: ParseResult = parse(text, { format: 'openmetrics' });
const findings: Diagnostic[] = lint(mine);
const changes: readonly unknown[] = diff(mine, parsed);
export const used = total(mine) + total(parsed) + findings.length + changes.length;
`;

/** The last program, whose unchanged files the next compile reuses. */
let previous: ts.Program | undefined;

/** The diagnostics of compiling `source` as a consumer of the packages' sources. */
function compile(source: string): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    paths: {
      '@omkit/parser': [resolve(ROOT, 'packages/parser/src/index.ts')],
      '@omkit/lint': [resolve(ROOT, 'packages/lint/src/index.ts')],
      '@omkit/diff': [resolve(ROOT, 'packages/diff/src/index.ts')],
    },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    resolve(name) === CONSUMER ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => resolve(name) === CONSUMER || fileExists(name);
  const program = ts.createProgram([CONSUMER], options, host, previous);
  previous = program;
  const file = program.getSourceFile(CONSUMER)!;
  // Only the consumer's own problems: the packages are type-checked by their builds.
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => {
    const at = d.start === undefined ? '' : `${file.getLineAndCharacterOfPosition(d.start).line + 1}: `;
    return at + ts.flattenDiagnosticMessageText(d.messageText, '\n');
  });
}

describe('a consumer written against the model of 4a3b753', () => {
  it('compiles', () => {
    expect(compile(consumer)).toEqual([]);
  }, 120_000);

  it('would not compile if the model had changed (the check is real)', () => {
    const broken = consumer.replace('const value: number = s.value;', 'const value: string = s.value;');
    expect(broken).not.toBe(consumer);
    expect(compile(broken).join('\n')).toContain("Type 'number' is not assignable to type 'string'");
  }, 120_000);
});
