import { describe, expect, test } from 'vitest';
import { formatJson, type FormatContext, type JsonReport } from '../../src/format/index.js';
import { ctx, inputs, rules } from './fixtures/inputs.js';

const report = (c: FormatContext = ctx): JsonReport => JSON.parse(formatJson(inputs, c));

describe('json', () => {
  test('top-level shape, with a version', () => {
    expect(Object.keys(report())).toEqual(['version', 'results', 'rules', 'summary']);
    expect(report().version).toBe(1);
  });

  test('one result per input, in input order, also for clean inputs', () => {
    expect(report().results.map((r) => r.source)).toEqual(inputs.map((i) => i.source));
    expect(report().results.at(-1)!.diagnostics).toEqual([]);
  });

  test('diagnostics keep every field, take their source from the input, and are in reading order', () => {
    const [first] = report().results;
    expect(first!.diagnostics.every((d) => d.source === 'metrics.txt')).toBe(true);
    const lines = first!.diagnostics.map((d) => d.span!.start.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const eof = first!.diagnostics.find((d) => d.code === 'OM001')!;
    expect(eof).toEqual({ ...inputs[0]!.diagnostics[0], source: 'metrics.txt' });
    expect(Object.keys(eof)).toEqual(['code', 'name', 'category', 'severity', 'message', 'source', 'span', 'help', 'fix', 'url']);
    // whole-input facts come first and have no span key at all
    expect(report().results[1]!.diagnostics[0]).not.toHaveProperty('span');
  });

  test('rules: metadata of the rules that fired, keyed and sorted by code', () => {
    const r = report().rules;
    const fired = [...new Set(inputs.flatMap((i) => i.diagnostics.map((d) => d.code)))].sort();
    expect(Object.keys(r)).toEqual(fired);
    expect(r.OM201).toEqual(rules.find((x) => x.code === 'OM201'));
    expect(r.OM301).toMatchObject({ code: 'OM301', name: 'content-type', category: 'scrape', description: 'content-type' });
  });

  test('rules may come as a map keyed by code or by name', () => {
    const byName = new Map(rules.map((x) => [x.name, x]));
    expect(report({ ...ctx, rules: byName }).rules).toEqual(report().rules);
  });

  test('summary counts per severity', () => {
    expect(report().summary).toEqual({ errors: 4, warnings: 5, infos: 3, fixable: 1, inputs: 5 });
  });
});
