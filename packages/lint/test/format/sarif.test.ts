import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, test } from 'vitest';
import { formatSarif, SARIF_SCHEMA, type FormatContext, type LintedInput } from '../../src/format/index.js';
import { ctx, inputs, rules } from './fixtures/inputs.js';

const require = createRequire(import.meta.url);
// CommonJS packages whose module.exports is the class/plugin itself: require them as such.
const Ajv: typeof import('ajv-draft-04').default = require('ajv-draft-04');
const addFormats: typeof import('ajv-formats').default = require('ajv-formats');
const schemaPath = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

const sarif = (list: readonly LintedInput[] = inputs, c: FormatContext = ctx): Sarif.Log => JSON.parse(formatSarif(list, c));

function expectValid(log: unknown) {
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
}

describe('sarif', () => {
  test('the shared fixture is valid SARIF 2.1.0', () => {
    const log = sarif();
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.runs).toHaveLength(1);
  });

  test('valid without rule metadata, version, or any results', () => {
    expectValid(sarif(inputs, { color: false }));
    expectValid(sarif([], { color: false }));
    expectValid(sarif([{ source: 'a.txt', diagnostics: [] }], { color: false }));
  });

  test('the validator does reject broken SARIF', () => {
    const log = sarif();
    log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startColumn = 0;
    expect(validate(log)).toBe(false);
    expect(validate({ ...sarif(), version: '2.0.0' })).toBe(false);
  });

  test('columns are declared as UTF-16 code units', () => {
    expect(sarif().runs[0]!.columnKind).toBe('utf16CodeUnits');
  });

  test('tool.driver carries name, version, information URI and the rules that fired', () => {
    const { driver } = sarif().runs[0]!.tool;
    expect(driver.name).toBe('om');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toBe('https://om.example/');
    const ids = driver.rules!.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain('OM201');
    const om201 = driver.rules!.find((r) => r.id === 'OM201')!;
    const meta = rules.find((r) => r.code === 'OM201')!;
    expect(om201).toMatchObject({
      name: 'counter-total-suffix',
      shortDescription: { text: meta.description },
      helpUri: meta.url,
      defaultConfiguration: { level: 'warning' },
    });
    // rules missing from the registry are described from their diagnostics
    expect(driver.rules!.find((r) => r.id === 'OM301')).toMatchObject({ name: 'content-type', helpUri: expect.stringContaining('content-type') });
  });

  test('results point at their rule by id and index; levels map error/warning/note', () => {
    const run = sarif().runs[0]!;
    for (const r of run.results!) {
      expect(run.tool.driver.rules![r.ruleIndex!]!.id).toBe(r.ruleId);
    }
    const levels = new Set(run.results!.map((r) => r.level));
    expect([...levels].sort()).toEqual(['error', 'note', 'warning']);
    expect(run.results).toHaveLength(inputs.reduce((n, i) => n + i.diagnostics.length, 0));
  });

  test('locations: relative paths against %SRCROOT%, URLs as they are, stdin without a URI', () => {
    const run = sarif().runs[0]!;
    const byUri = (uri: string | undefined) => run.results!.filter((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri === uri);
    const local = byUri('metrics.txt');
    expect(local.length).toBeGreaterThan(0);
    expect(local[0]!.locations![0]!.physicalLocation!.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
    expect(run.originalUriBaseIds).toHaveProperty(['%SRCROOT%']);
    const url = byUri('http://localhost:9100/metrics?x=1,2');
    expect(url).toHaveLength(2);
    expect(url[0]!.locations![0]!.physicalLocation!.artifactLocation!.uriBaseId).toBeUndefined();
    expect(byUri("dir%20with%20space/m%26m's%20%3C1%3E.prom")).toHaveLength(2);
    const stdin = byUri(undefined);
    expect(stdin).toHaveLength(2);
    expect(stdin[0]!.locations![0]!.physicalLocation!.artifactLocation!.description!.text).toBe('standard input');
  });

  test('regions use 1-based UTF-16 columns with an exclusive end; no region without span', () => {
    const run = sarif().runs[0]!;
    const region = (id: string) => run.results!.find((r) => r.ruleId === id)!.locations![0]!.physicalLocation!.region;
    expect(region('OM260')).toEqual({ startLine: 5, startColumn: 19, endLine: 5, endColumn: 29 });
    expect(region('OM150')).toEqual({ startLine: 1, startColumn: 1, endLine: 3, endColumn: 1 });
    expect(region('OM002')).toBeUndefined();
  });

  test('fingerprints are stable across line moves and distinct for repeated findings', () => {
    const d = inputs[0]!.diagnostics[1]!;
    const moved = { ...d, span: { start: { ...d.span!.start, line: 99 }, end: { ...d.span!.end, line: 99 } } };
    const fp = (list: LintedInput[]) => sarif(list).runs[0]!.results!.map((r) => r.partialFingerprints!['omFingerprint/v1']);
    const [a] = fp([{ source: 'm.txt', diagnostics: [d] }]);
    const [b] = fp([{ source: 'm.txt', diagnostics: [moved] }]);
    expect(a).toBe(b);
    const twice = fp([{ source: 'm.txt', diagnostics: [d, moved] }]);
    expect(new Set(twice).size).toBe(2);
    expect(fp([{ source: 'other.txt', diagnostics: [d] }])[0]).not.toBe(a);
  });
});
