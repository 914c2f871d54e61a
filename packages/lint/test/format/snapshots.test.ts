// Every format over the one shared fixture set, as file snapshots (readable in review).
import { describe, expect, test } from 'vitest';
import { formatNames, formatters, formatSummary, summarize } from '../../src/format/index.js';
import { ctx, inputs } from './fixtures/inputs.js';

const ext = { full: 'txt', concise: 'txt', json: 'json', github: 'txt', sarif: 'sarif.json', junit: 'xml' } as const;

/** ANSI sequences made readable in snapshots. */
const visible = (s: string) => s.replace(/\u001b\[(\d+)m/g, '<$1>');

describe.each(formatNames)('%s', (name) => {
  test('shared fixture', async () => {
    await expect(formatters[name](inputs, ctx)).toMatchFileSnapshot(`__snapshots__/fixture.${name}.${ext[name]}`);
  });

  test('is deterministic and does not mutate its inputs', () => {
    const before = JSON.stringify(inputs);
    expect(formatters[name](inputs, ctx)).toBe(formatters[name](structuredClone(inputs), ctx));
    expect(JSON.stringify(inputs)).toBe(before);
  });
});

test('full and concise in colour', async () => {
  const c = { ...ctx, color: true };
  await expect(visible(formatters.full(inputs, c))).toMatchFileSnapshot('__snapshots__/fixture.full.color.txt');
  await expect(visible(formatters.concise(inputs, c))).toMatchFileSnapshot('__snapshots__/fixture.concise.color.txt');
});

test('summary of the fixture', () => {
  expect(formatSummary(summarize(inputs), ctx)).toBe('✖ 4 errors, 5 warnings, 3 infos in 5 inputs (1 fixable)\n');
  expect(visible(formatSummary(summarize(inputs), { color: true }))).toBe(
    '<31>✖<39> <31>4 errors<39>, <33>5 warnings<39>, <34>3 infos<39> in 5 inputs (1 fixable)\n',
  );
});
