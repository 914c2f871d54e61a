import type { Diagnostic } from '@omkit/parser';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { lint, runRules, sortDiagnostics } from '../src/engine.js';
import { resolveConfig } from '../src/config.js';
import { defineRule, type AnyRule } from '../src/rule.js';
import { createBaseline } from '../src/baseline.js';
import { family, result, sample, span } from './model.js';

const visits: string[] = [];
const probe = defineRule({
  code: 'OM298',
  name: 'probe',
  category: 'practice',
  severity: 'warning',
  description: 'Test probe',
  since: '0.1.0',
  sources: [{ kind: 'spec', ref: 'test' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended'],
  messages: { seen: 'Saw `{{name}}`', big: 'Big `{{name}}`' },
  help: { seen: 'Look at `{{name}}`' },
  options: v.optional(v.strictObject({ big: v.optional(v.number(), 10) }), {}),
  create(ctx) {
    return {
      Exposition: () => visits.push('Exposition'),
      MetricFamily: (f) => visits.push(`F:${f.name}`),
      Metric: (m) => visits.push(`M:${m.labels.length}`),
      Sample: (s) => {
        visits.push(`S:${s.name}`);
        if (s.value > ctx.options.big) ctx.report({ messageId: 'big', data: { name: s.name }, span: s.span, severity: 'info' });
        else ctx.report({ messageId: 'seen', data: { name: s.name }, span: s.span });
      },
      'MetricFamily:exit': (f) => visits.push(`/F:${f.name}`),
      'Exposition:exit': () => visits.push('/Exposition'),
    };
  },
});
const scrapeOnly = defineRule({
  ...probe,
  code: 'OM299',
  name: 'scrape-only',
  requiresScrape: true,
  create: (ctx) => ({ Exposition: () => ctx.report({ messageId: 'seen', data: { name: 'x' } }) }),
});
const registry: Record<string, AnyRule> = { probe, 'scrape-only': scrapeOnly };

const input = result(
  [family('a', 'gauge', [sample('a', {}, 1, 2)]), family('b', 'gauge', [sample('b', { x: '1' }, 50, 5), sample('b', { x: '2' }, 2, 6)])],
  [{ code: 'OM001', name: 'syntax', category: 'syntax', severity: 'error', message: 'Bad', span: span(4), url: 'u' }],
);

describe('runRules', () => {
  it('walks the model once in document order', () => {
    visits.length = 0;
    runRules(input, resolveConfig({}, registry).rules, { source: 'm.txt' });
    expect(visits).toEqual(['Exposition', 'F:a', 'M:0', 'S:a', '/F:a', 'F:b', 'M:1', 'S:b', 'M:1', 'S:b', '/F:b', '/Exposition']);
  });

  it('fills code, name, category, severity, help, source, metric, url', () => {
    const [d] = runRules(input, resolveConfig({}, registry).rules, { source: 'm.txt' });
    expect(d).toEqual({
      code: 'OM298',
      name: 'probe',
      category: 'practice',
      severity: 'warning',
      message: 'Saw `a`',
      help: 'Look at `a`',
      source: 'm.txt',
      span: span(2, 1, 1),
      metric: 'a',
      url: 'https://github.com/omkit/om/blob/v0.1.0/packages/lint/docs/rules/probe.md',
    });
  });

  it('uses a graded severity only when the user did not set one', () => {
    const graded = runRules(input, resolveConfig({}, registry).rules, { source: '-' });
    expect(graded.map((d) => d.severity)).toEqual(['warning', 'info', 'warning']);
    const set = runRules(input, resolveConfig({ rules: { probe: 'error' } }, registry).rules, { source: '-' });
    expect(set.map((d) => d.severity)).toEqual(['error', 'error', 'error']);
  });

  it('passes options', () => {
    const ds = runRules(input, resolveConfig({ rules: { OM298: ['warning', { big: 100 }] } }, registry).rules, { source: '-' });
    expect(ds.map((d) => d.message)).toEqual(['Saw `a`', 'Saw `b`', 'Saw `b`']);
  });

  it('runs requiresScrape rules only with scrape facts', () => {
    const rules = resolveConfig({}, registry).rules;
    expect(runRules(input, rules, { source: '-' }).some((d) => d.code === 'OM299')).toBe(false);
    expect(runRules(input, rules, { source: '-', scrape: [{ kind: 'status', status: 200 }] }).some((d) => d.code === 'OM299')).toBe(true);
  });

  it('names the rule when it crashes', () => {
    const bad = defineRule({ ...probe, create: () => ({ MetricFamily: () => { throw new Error('boom'); } }) });
    expect(() => runRules(input, resolveConfig({}, { bad }).rules, { source: '-' })).toThrow(/OM298\/probe crashed/);
  });
});

describe('lint', () => {
  it('passes parser diagnostics through with the source filled and sorts by position', () => {
    const ds = lint(input, { source: 'x.txt' });
    expect(ds.find((d) => d.code === 'OM001')).toMatchObject({ code: 'OM001', source: 'x.txt' });
    const offsets = ds.map((d) => d.span?.start.offset ?? -1);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
  });

  it('sorts whole-input findings first, then by offset and code', () => {
    const d = (code: string, offset?: number): Diagnostic => ({
      code, name: code, category: 'practice', severity: 'info', message: '', url: '',
      ...(offset === undefined ? {} : { span: { start: { line: 1, column: 1, offset }, end: { line: 1, column: 1, offset } } }),
    });
    expect(sortDiagnostics([d('OM2', 5), d('OM1', 5), d('OM3'), d('OM0', 1)]).map((x) => x.code)).toEqual(['OM3', 'OM0', 'OM1', 'OM2']);
  });
});

describe('baseline through runRules', () => {
  it('hides accepted findings and keeps new ones, regardless of lines', async () => {
    const { applyBaseline } = await import('../src/baseline.js');
    const before = runRules(input, resolveConfig({}, registry).rules, { source: 'm' });
    const baseline = createBaseline(before);
    const moved = result([
      family('b', 'gauge', [sample('b', { x: '1' }, 50, 15), sample('b', { x: '2' }, 2, 16), sample('b', { x: '3' }, 3, 17)]),
      family('a', 'gauge', [sample('a', {}, 1, 20)]),
      family('c', 'gauge', [sample('c', {}, 1, 21)]),
    ]);
    const after = applyBaseline(runRules(moved, resolveConfig({}, registry).rules, { source: 'm' }), baseline);
    // b{x="3"} is a third `Saw b`, where two were accepted; c is new.
    expect(after.map((d) => `${d.metric}:${d.span!.start.line}`)).toEqual(['b:17', 'c:21']);
  });
});

describe('fixes', () => {
  const edit = (offset: number, end: number, text: string) => ({
    span: { start: { line: 1, column: offset + 1, offset }, end: { line: 1, column: end + 1, offset: end } },
    text,
  });
  const withFix = (edits: ReturnType<typeof edit>[], applicability: 'safe' | 'unsafe' = 'safe'): Diagnostic => ({
    code: 'OM158', name: 'x', category: 'practice', severity: 'warning', message: 'm', url: 'u',
    fix: { description: 'd', applicability, edits },
  });

  it('applies non-overlapping safe fixes, all edits of a fix or none', async () => {
    const { applyFixes } = await import('../src/engine.js');
    const r = applyFixes('abcdef', [
      withFix([edit(0, 1, 'A'), edit(5, 6, 'F')]),
      withFix([edit(0, 2, 'XX')]), // overlaps the first: left for the next pass
      withFix([edit(3, 3, '+')]),
      withFix([edit(2, 3, 'C')], 'unsafe'),
    ]);
    expect(r.text).toBe('abc+deF'.replace('a', 'A'));
    expect(r.applied).toHaveLength(2);
    expect(applyFixes('abcdef', [withFix([edit(2, 3, 'C')], 'unsafe')], { unsafe: true }).text).toBe('abCdef');
  });

  it('fixText is idempotent (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { fixText } = await import('../src/engine.js');
    const family = fc.constantFrom(
      '# TYPE a gauge\n# HELP a A.\na 1\n',
      '# TYPE b gauge\nb{x="1"} 2\nb{x="2"} 3\n',
      '# TYPE target info\n# HELP target T.\ntarget_info{service_name="s"} 1\n',
      '# TYPE c counter\n# HELP c C.\nc_total 1\n',
    );
    fc.assert(
      fc.property(fc.uniqueArray(family, { maxLength: 4 }), fc.boolean(), (families, eof) => {
        const text = families.join('') + (eof ? '# EOF\n' : '');
        const once = fixText(text);
        return fixText(once.text).text === once.text && once.diagnostics.every((d) => d.code !== 'OM158');
      }),
      { numRuns: 100 },
    );
  });
});

describe('messages', () => {
  it('cut a long value in the middle, saying how much is left out', async () => {
    const { interpolate } = await import('../src/rule.js');
    const long = `${'a'.repeat(150)}${'b'.repeat(1000)}${'c'.repeat(150)}`;
    const message = interpolate('Metric name `{{name}}` is long', { name: long });
    expect(message).toBe(`Metric name \`${'a'.repeat(100)}…(1100 more characters)…${'c'.repeat(100)}\` is long`);
    expect(interpolate('{{n}}', { n: 'x'.repeat(200) })).toBe('x'.repeat(200));
  });
});
