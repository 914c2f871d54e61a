// The converter's contract, as a property: for every valid input (the valid OpenMetrics 1.0 and 2.0
// conformance cases, generated expositions in all three formats) and each target format, the converted
// text parses without error in that format and om's lint (default config) finds no error in it —
// or the conversion is refused, naming the families and why. The same for real exporters' scrapes,
// and `om parse --to …` on node_exporter's.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertText, escapingSchemes, parse, serialize, type EscapingScheme, type Format, type MetricFamily } from '@omkit/parser';
import { lint } from '@omkit/lint';
import { exposition } from '../../../packages/parser/test/support/arbitraries.js';
import { conformanceCases } from '../../../packages/parser/test/support/conformance.js';
import { exposition2 } from '../../../packages/parser/test/support/om2-arbitraries.js';
import { run, tempDir } from './helpers.js';

const formats = ['openmetrics', 'prometheus'] as const satisfies readonly Format[];
/** Every format om writes. */
const targets = ['openmetrics', 'openmetrics-2.0', 'prometheus'] as const satisfies readonly Format[];

/** Converts valid `text` (read as `from`) to `to`; checks the contract; returns what happened. */
function check(text: string, from: Format, to: Format, escaping?: EscapingScheme): 'written' | 'refused' {
  const input = parse(text, { format: from });
  expect(input.diagnostics.filter((d) => d.severity === 'error'), 'the input is valid').toEqual([]);
  const c = convertText(input.families, from, to, escaping === undefined ? {} : { escaping });
  if (c.text === undefined) {
    expect(c.problems.length).toBeGreaterThan(0);
    for (const p of c.problems) {
      expect(p.families.length).toBeGreaterThan(0);
      expect(p.message).toMatch(/^`/);
    }
    return 'refused';
  }
  expect(c.problems).toEqual([]);
  const output = parse(c.text, { format: to });
  expect(output.format).toBe(to);
  const errors = lint(output, { text: c.text }).filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.span?.start.line}: ${d.code} ${d.message}`), c.text).toEqual([]);
  return 'written';
}


const validCases = conformanceCases('1.0').flatMap((c) => (c.shouldParse ? [[c.name, c.text] as const] : []));

describe('the valid OpenMetrics conformance cases', () => {
  it('are 44', () => expect(validCases).toHaveLength(44));

  it.each(validCases)('%s: converts validly to each format, or is refused', (name, text) => {
    const outcomes = targets.map((to) => check(text, 'openmetrics', to));
    // Only one case cannot be converted: a timestamp of 1.2e+19 s is far outside 0.0.4's int64 ms.
    // Every case converts to 2.0 (issue 14: 1.0 conformance-valid cases → 2.0 → lint, no error).
    expect(outcomes).toEqual(name === 'timestamps' ? ['written', 'written', 'refused'] : ['written', 'written', 'written']);
  });
});

const validCases2 = conformanceCases('2.0').flatMap((c) => (c.shouldParse ? [[c.name, c.text] as const] : []));

/** 2.0 cases whose data has no 1.0 form (so no 0.0.4 one either, as 2.0 → 0.0.4 goes through 1.0), and why. */
const unfit: Record<string, RegExp> = {
  // OM 1.0 §Histogram: "Count and bucket values MUST be integers"; 2.0 allows floats.
  histogram_classic_float_counts: /is not an integer/,
  // OM 1.0 §Unknown: a number; 2.0 lets an unknown-typed sample have a composite value.
  no_metadata_composite: /a composite value on a sample of type unknown/,
  unknown_composite: /a composite value on a sample of type unknown/,
};

describe('the valid OpenMetrics 2.0 conformance cases', () => {
  it.each(validCases2)('%s: converts validly to each format, or is refused for what 1.0 cannot say', (name, text) => {
    for (const to of targets) {
      const outcome = check(text, 'openmetrics-2.0', to);
      if (outcome === 'written') continue;
      expect(to, name).not.toBe('openmetrics-2.0');
      const c = convertText(parse(text, { format: 'openmetrics-2.0' }).families, 'openmetrics-2.0', to);
      for (const p of c.problems) {
        if (['native', 'escaping', 'clash'].includes(p.kind)) continue;
        expect(unfit[name], `${to}: ${p.message}`).toBeDefined();
        if (to === 'openmetrics') expect(p.message).toMatch(unfit[name]!);
      }
    }
  });
});

describe('generated valid expositions', () => {
  for (const to of targets)
    it(`openmetrics-2.0 → ${to}: converted text parses and lints without error, or is refused`, () => {
      let written = 0;
      fc.assert(
        fc.property(exposition2(), fc.option(fc.constantFrom(...escapingSchemes), { nil: undefined }), (spec, escaping) => {
          const text = serialize(spec as unknown as MetricFamily[], { format: 'openmetrics-2.0' });
          if (check(text, 'openmetrics-2.0', to, escaping) === 'written') written++;
        }),
        { numRuns: 100 },
      );
      expect(written).toBeGreaterThan(20);
    });
  for (const from of formats)
    for (const to of targets)
      it(`${from} → ${to}: converted text parses and lints without error, or is refused`, () => {
        let written = 0;
        fc.assert(
          fc.property(exposition(from), fc.option(fc.constantFrom(...escapingSchemes), { nil: undefined }), (spec, escaping) => {
            const text = serialize(spec as unknown as MetricFamily[], { format: from });
            if (check(text, from, to, escaping) === 'written') written++;
          }),
          { numRuns: 150 },
        );
        // The property is not met by refusing everything.
        expect(written).toBeGreaterThan(30);
      });
});

describe('om parse --to on real exporters\' scrapes', () => {
  const dir = fileURLToPath(new URL('../../../packages/lint/test/fixtures/exporters/', import.meta.url));
  const fixture = join(dir, 'node-exporter.prom');
  const scrape = readFileSync(fixture, 'utf8');

  it('refuses OpenMetrics for node_exporter, naming the clashing go_memstats families', async () => {
    const r = await run(['parse', fixture, '--to', 'openmetrics']);
    expect(r).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: [
        'om: cannot write valid OpenMetrics: 1 problem, nothing written',
        '  `go_memstats_alloc_bytes` (gauge) and `go_memstats_alloc_bytes_total` (counter) are both named `go_memstats_alloc_bytes` in OpenMetrics 1.0',
        'om: no lossless renaming exists for clashing families: remove one of each pair from the input',
        '',
      ].join('\n'),
    });
  });

  it('writes node_exporter as Prometheus text, and as OpenMetrics once the clash is removed, that om lints without error', async () => {
    const { dir: tmp, cleanup } = tempDir({
      'node.prom': scrape,
      'no-clash.prom': scrape.replace(/^(# (HELP|TYPE) )?go_memstats_alloc_bytes_total\b.*\n/gm, ''),
    });
    try {
      for (const [file, to, out] of [
        ['node.prom', 'prometheus', 'out.prom'],
        ['no-clash.prom', 'openmetrics', 'out.om'],
      ] as const) {
        const converted = await run(['parse', file, '--to', to, '-o', out], { cwd: tmp });
        expect(converted).toMatchObject({ exitCode: 0, stderr: '' });
        const linted = await run(['lint', out, '--format-in', to, '--format', 'json'], { cwd: tmp });
        const report = JSON.parse(linted.stdout) as { results: { diagnostics: { severity: string; code: string }[] }[] };
        expect(report.results[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(linted.exitCode).toBe(0);
      }
    } finally {
      cleanup();
    }
  });

  it('writes node_exporter as OpenMetrics 2.0 as it is: 2.0 names a counter as its samples, so nothing clashes', async () => {
    const { dir: tmp, cleanup } = tempDir({ 'node.prom': scrape });
    try {
      expect(await run(['parse', 'node.prom', '--to', 'openmetrics-2.0', '-o', 'out.om2'], { cwd: tmp })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      const written = readFileSync(join(tmp, 'out.om2'), 'utf8');
      expect(written).toContain('# TYPE go_memstats_alloc_bytes gauge\n');
      expect(written).toContain('# TYPE go_memstats_alloc_bytes_total counter\n');
      expect(written).toMatch(/^go_gc_duration_seconds \{count:\d+,sum:[^,]+,quantile:\[0\.0:/m);
      const linted = await run(['lint', 'out.om2', '--format-in', 'openmetrics-2.0', '--format', 'json'], { cwd: tmp });
      const report = JSON.parse(linted.stdout) as { results: { diagnostics: { severity: string; code: string }[] }[] };
      expect(report.results[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    } finally {
      cleanup();
    }
  });

  const corpus = readdirSync(dir).filter((f) => /\.(prom|om)$/.test(f));
  it.each(corpus)('%s: converts to each format (OpenMetrics 2.0 among them) validly, or is refused', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const from: Format = file.endsWith('.om') ? 'openmetrics' : 'prometheus';
    for (const to of targets) check(text, from, to);
  });
});

describe('om parse and names outside the legacy character set', () => {
  const utf8 = '# TYPE "my.metric" counter\n{"my.metric_total","http.status"="200"} 3\n# EOF\n';

  it('refuses them without --escaping (exit 2, nothing on stdout), in both formats', async () => {
    for (const to of formats) {
      const r = await run(['parse', '-', '--format-in', 'openmetrics', '--to', to], { stdin: utf8 });
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('  `my.metric`: its name is outside the legacy character set of ');
      expect(r.stderr).toContain('om: choose how to write such names with --escaping underscores|dots|values (or allow-utf-8 to keep them quoted)\n');
    }
  });

  it('writes them as --escaping says', async () => {
    const r = await run(['parse', '-', '--format-in', 'openmetrics', '--to', 'prometheus', '--escaping', 'dots'], { stdin: utf8 });
    expect(r).toEqual({ exitCode: 0, stdout: '# TYPE my_dot_metric_total counter\nmy_dot_metric_total{http_dot_status="200"} 3\n', stderr: '' });
    const kept = await run(['parse', '-', '--format-in', 'openmetrics', '--escaping', 'allow-utf-8'], { stdin: utf8 });
    expect(kept).toEqual({ exitCode: 0, stdout: utf8, stderr: '' });
  });

  it('documents the refusals and the schemes in --help', async () => {
    const help = (await run(['parse', '--help'])).stdout;
    for (const text of ['--escaping <scheme>', 'no lossless renaming exists', 'underscores', 'dots', 'values', 'allow-utf-8', 'It refuses (exit 2'])
      expect(help).toContain(text);
  });
});

// Other readers of the converted text, where the machine has them (Debian: python3-prometheus-client,
// prometheus for promtool): client_python's OpenMetrics parser must accept the OpenMetrics, promtool
// (Prometheus' 0.0.4 reader) the Prometheus text. promtool exits 3 for its lint findings, 1 when it
// cannot read the text.
const python = ['python3', '/usr/bin/python3'].find(
  (bin) => spawnSync(bin, ['-c', 'import prometheus_client.openmetrics.parser'], { stdio: 'ignore' }).status === 0,
);
const promtool = spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
// Reads a JSON array of documents on stdin; prints one line per document it rejects.
const READ_OM = [
  'import json, sys',
  'from prometheus_client.openmetrics.parser import text_string_to_metric_families',
  'for name, text in json.load(sys.stdin):',
  '    try: list(text_string_to_metric_families(text))',
  '    except Exception as e: print(name, e)',
].join('\n');

describe('other readers accept the converted text', () => {
  const dir = fileURLToPath(new URL('../../../packages/lint/test/fixtures/exporters/', import.meta.url));
  const utf8 = '# TYPE "my.metric" counter\n# HELP "my.metric" Dots.\n{"my.metric_total","http.status"="200"} 3\n# EOF\n';
  const documents: [string, string, Format][] = readdirSync(dir)
    .filter((f) => /\.(prom|om)$/.test(f))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8'), f.endsWith('.om') ? 'openmetrics' : 'prometheus'] as [string, string, Format])
    .concat([['utf8', utf8, 'openmetrics']]);
  /** Each document converted to `to`, escaped by each scheme where that changes it. */
  const converted = (to: Format) =>
    documents.flatMap(([name, text, from]) => {
      const input = parse(text, { format: from });
      const schemes = name === 'utf8' ? (['underscores', 'dots', 'values'] as const) : (['underscores'] as const);
      return schemes.flatMap((escaping) => {
        const out = convertText(input.families, from, to, { escaping }).text;
        return out === undefined ? [] : [[`${name} (${escaping})`, out] as const];
      });
    });

  it.skipIf(python === undefined)('client_python reads the OpenMetrics', () => {
    const outputs = converted('openmetrics');
    expect(outputs.length).toBeGreaterThan(3);
    const r = spawnSync(python!, ['-c', READ_OM], { input: JSON.stringify(outputs), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(python === undefined)('client_python reads the OpenMetrics 1.0 written from the valid 2.0 cases', () => {
    const outputs = validCases2.flatMap(([name, text]) => {
      const out = convertText(parse(text, { format: 'openmetrics-2.0' }).families, 'openmetrics-2.0', 'openmetrics', { escaping: 'underscores' }).text;
      return out === undefined ? [] : [[name, out] as const];
    });
    expect(outputs.length).toBeGreaterThan(40);
    const r = spawnSync(python!, ['-c', READ_OM], { input: JSON.stringify(outputs), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!promtool)('promtool reads the Prometheus text', () => {
    const outputs = converted('prometheus');
    expect(outputs).toHaveLength(documents.length + 2);
    for (const [name, out] of outputs) {
      const r = spawnSync('promtool', ['check', 'metrics'], { input: out, encoding: 'utf8' });
      expect(r.stderr, name).not.toMatch(/error while linting/);
      expect([0, 3], name).toContain(r.status);
    }
  });
});
