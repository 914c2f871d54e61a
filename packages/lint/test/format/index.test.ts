import { expect, test } from 'vitest';
import {
  formatNames,
  formatters,
  isFormatName,
  isMachineFormat,
  machineFormats,
  type LintedInput,
} from '../../src/format/index.js';
import { ctx, inputs } from './fixtures/inputs.js';

const ANSI = /\u001b\[/;

test('one formatter per format name, full first', () => {
  expect(Object.keys(formatters).sort()).toEqual([...formatNames].sort());
  expect(formatNames[0]).toBe('full');
  expect(isFormatName('sarif')).toBe(true);
  expect(isFormatName('xml')).toBe(false);
});

test('machine formats send their summary to stderr; full and concise are for people', () => {
  expect([...machineFormats].sort()).toEqual(['github', 'json', 'junit', 'sarif']);
  expect(isMachineFormat('full')).toBe(false);
  expect(isMachineFormat('concise')).toBe(false);
});

test.each(formatNames)('%s: no ANSI codes without colour, even for input that contains ESC', (name) => {
  expect(formatters[name](inputs, ctx)).not.toMatch(ANSI);
});

test.each(['json', 'github', 'sarif', 'junit'] as const)('%s: never coloured', (name) => {
  expect(formatters[name](inputs, { ...ctx, color: true })).not.toMatch(ANSI);
});

test.each(['full', 'concise'] as const)('%s: coloured when asked, and ESC from the input is neutralised', (name) => {
  const out = formatters[name](inputs, { ...ctx, color: true });
  expect(out).toMatch(ANSI);
  expect(out).not.toContain('\u001b[31mthere');
  expect(out).toContain('␛[31mthere');
});

test.each(formatNames)('%s: no trailing whitespace, ends with one newline', (name) => {
  for (const color of [false, true]) {
    const out = formatters[name](inputs, { ...ctx, color });
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
    expect(out.split('\n').filter((l) => /[ \t]$/.test(l.replace(/\u001b\[\d+m/g, '')))).toEqual([]);
  }
});

test.each(formatNames)('%s: no absolute paths from the machine leak into the output', (name) => {
  expect(formatters[name](inputs, ctx)).not.toMatch(/\/work\/|\/home\/|\/tmp\//);
});

test('no inputs, and inputs without problems', () => {
  const clean: LintedInput[] = [{ source: 'a.txt', text: '# EOF\n', diagnostics: [] }];
  for (const list of [[], clean]) {
    expect(formatters.full(list, ctx)).toBe('');
    expect(formatters.concise(list, ctx)).toBe('');
    expect(formatters.github(list, ctx)).toBe('');
    expect(JSON.parse(formatters.json(list, ctx)).results).toHaveLength(list.length);
    expect(JSON.parse(formatters.sarif(list, ctx)).runs[0].results).toEqual([]);
    expect(formatters.junit(list, ctx)).toContain('<testsuites name="om lint"');
  }
});
