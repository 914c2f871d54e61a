// `om stats` and `om diff` count series with one definition; `om stats` reports the inputs it can
// read when another fails; `om rules CODE` renders the doc; the catalog's fixable column is true
// exactly for the parser codes whose diagnostics carry fixes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diff } from '@omkit/diff';
import { codes, parse, type Code } from '@omkit/parser';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '@omkit/lint';
import { renderRuleDoc } from '../src/commands/rules.js';
import { computeStats } from '@omkit/diff';
import { run, tempDir } from './helpers.js';

const CASES = fileURLToPath(new URL('../../../packages/parser/test/conformance/openmetrics/cases/', import.meta.url));
const corpus = readdirSync(CASES).map((name) => ({ name, text: readFileSync(join(CASES, name, 'metrics'), 'utf8') }));

const counterWithCreated = [
  '# TYPE c counter',
  '# HELP c Requests.',
  'c_total{a="1"} 1',
  'c_created{a="1"} 1700000000',
  'c_total{a="2"} 1',
  'c_created{a="2"} 1700000000',
  '# EOF',
  '',
].join('\n');

/** diff()'s series count per family: each family only in `b` is `family-added` with its `series`. */
function diffSeries(text: string): Record<string, number> {
  const b = parse(text);
  const out: Record<string, number> = {};
  for (const c of diff(parse(''), b)) if (c.kind === 'family-added') out[c.family] = c.series;
  return out;
}

function statsSeries(text: string): Record<string, number> {
  const s = computeStats('x', text, parse(text));
  return Object.fromEntries(s.byFamily.map((f) => [f.name, f.series]));
}

describe('one definition of a series', () => {
  it('a counter with `_created` is 4 series for both (2 label sets × `_total` and `_created`)', () => {
    expect(computeStats('x', counterWithCreated, parse(counterWithCreated)).series).toBe(4);
    expect(diffSeries(counterWithCreated)).toEqual({ c: 4 });
  });

  it('stats and diff agree on every family of the conformance cases', () => {
    let compared = 0;
    for (const { text } of corpus) {
      const fromDiff = diffSeries(text);
      const parts = computeStats('x', text, parse(text)).byFamily.map((f) => f.name);
      const fromStats = statsSeries(text);
      for (const [family, n] of Object.entries(fromDiff)) {
        // diff() reports a family name once; stats lists each family part (an interleaved one twice).
        if (parts.filter((f) => f === family).length !== 1) continue;
        expect({ family, n: fromStats[family] }).toEqual({ family, n });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('histogram buckets are series; `le="1"` and `le="1.0"` are one', () => {
    const text = '# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="1.0"} 1\nh_bucket{le="+Inf"} 2\nh_count 2\nh_sum 3\n';
    expect(statsSeries(text)).toEqual({ h: 4 });
    expect(diffSeries(text)).toEqual({ h: 4 });
  });
});

describe('om stats with an input that cannot be read', () => {
  const files = tempDir({ 'good.om': counterWithCreated });
  afterAll(() => files.cleanup());

  it('prints the good input, one line for the bad one, exit 2', async () => {
    const r = await run(['stats', 'good.om', 'nope.om'], { cwd: files.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('good.om (openmetrics)');
    expect(r.stdout).toContain('4 series');
    expect(r.stderr).toBe('om: cannot read nope.om: no such file\n');
  });

  it('in JSON too', async () => {
    const r = await run(['stats', '--format', 'json', 'nope.om', 'good.om'], { cwd: files.dir });
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout).map((s: { source: string; series: number }) => [s.source, s.series])).toEqual([['good.om', 4]]);
  });

  it('all inputs bad: only the error lines', async () => {
    const r = await run(['stats', 'nope.om'], { cwd: files.dir });
    expect(r).toEqual({ exitCode: 2, stdout: '', stderr: 'om: cannot read nope.om: no such file\n' });
  });
});

describe('om rules CODE', () => {
  it('renders the doc: title line, description, body; no front matter', async () => {
    const r = await run(['rules', 'OM201']);
    expect(r.exitCode).toBe(0);
    const [title, description, blank, ...body] = r.stdout.split('\n');
    expect(title).toBe('OM201/counter-total-suffix');
    expect(description).toBe('Counter samples should end in `_total`');
    expect(blank).toBe('');
    expect(body[0]).toMatch(/^Category: practice/);
    expect(r.stdout).not.toMatch(/^---$/m);
    expect(r.stdout).not.toMatch(/^(code|name|description): /m);
    expect(r.stdout).not.toMatch(/^# OM201/m);
    expect(r.stdout).toContain('## What it checks');
  });

  it('reads quoted front-matter values', () => {
    const doc = "---\ncode: OM999\nname: x\ndescription: 'It''s `x`'\n---\n\n# OM999 x\n\nBody.\n";
    expect(renderRuleDoc(doc, { code: 'OM999', name: 'x', description: '' })).toBe("OM999/x\nIt's `x`\n\nBody.\n");
  });
});

describe('the fixable column of parser codes', () => {
  // Every fix the parser offers, over the conformance cases and inputs made to show each fix.
  const made = [
    '\ufeff# TYPE a gauge\r\na 1\n\n# TYPE b gauge\nb{x="a\\q"} 1\nb 2\n# TYPE b gauge\nb 3',
    '# TYPE a gauge\na 1\n# HELP a x\n',
  ];
  const withFix = new Set<string>();
  const inputs = [...corpus.map((c) => c.text), ...made];
  for (const text of inputs)
    for (const format of ['openmetrics', 'prometheus'] as const) for (const d of parse(text, { format }).diagnostics) if (d.fix) withFix.add(d.code);

  it('is true for each parser code whose diagnostics carry a fix, and only those', () => {
    const parserFixable = catalog()
      .filter((e) => e.origin === 'parser' && e.fixable)
      .map((e) => e.code);
    expect(parserFixable.sort()).toEqual([...withFix].sort());
    expect(parserFixable).toEqual(expect.arrayContaining(['OM002', 'OM003', 'OM004']));
    for (const code of parserFixable) expect((codes[code as Code] as { fixable?: boolean }).fixable).toBe(true);
  });

  it('om rules lists OM002–OM004 as fixable', async () => {
    const r = await run(['rules']);
    for (const code of ['OM002', 'OM003', 'OM004']) expect(r.stdout).toMatch(new RegExp(`^${code} .* yes$`, 'm'));
  });
});
