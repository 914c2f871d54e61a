// `om lint --format-in openmetrics-2.0` on every example exposition of the OpenMetrics 2.0.0-rc0 text-format section,
// extracted into packages/parser/test/conformance/openmetrics-2.0/spec-examples/ by the script beside it: the valid
// ones lint with no error (warnings allowed: some examples carry a Sum their buckets cannot produce, and a
// plausibility check may warn, never error); the ones the spec calls non-compliant are listed in its index.json
// with what they break. The conformance cases beside them lint as they parse: no error on a valid one, an error on
// an invalid one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { conformanceCases } from '../../../packages/parser/test/support/conformance.js';
import { run } from './helpers.js';

const dir = fileURLToPath(new URL('../../../packages/parser/test/conformance/openmetrics-2.0/spec-examples/', import.meta.url));

interface Example {
  file: string;
  section: string;
  specLine: number;
  intro: string;
  addedEof: boolean;
  /** valid: no error; discouraged: breaks a SHOULD only, no error; invalid: breaks a MUST, an error; unclear: see reason */
  expect: 'valid' | 'discouraged' | 'invalid' | 'unclear';
  reason?: string;
}

const cases = conformanceCases('2.0');

const examples = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Example[];

/**
 * Examples om does not lint as expected yet, each with the reason the expectation is right. The test asserts that
 * each still disagrees, so it fails once om is fixed: then remove the entry.
 */
const knownGaps: Record<string, string> = {};

interface Finding {
  code: string;
  severity: string;
  message: string;
  span?: { start: { line: number } };
}

async function lint(path: string): Promise<{ exitCode: number; errors: string[]; stderr: string }> {
  const r = await run(['lint', '--format', 'json', '--format-in', 'openmetrics-2.0', path]);
  const report = r.stdout === '' ? { results: [] } : (JSON.parse(r.stdout) as { results: { diagnostics: Finding[] }[] });
  const errors = report.results
    .flatMap((x) => x.diagnostics)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.span?.start.line ?? '?'}: ${d.code} ${d.message}`);
  return { exitCode: r.exitCode, errors, stderr: r.stderr };
}

describe('the examples of the OpenMetrics 2.0 text-format section', () => {
  it('are 45: 42 valid, 1 breaking only a SHOULD, 1 breaking a MUST, 1 the spec calls incorrect without a rule broken', () => {
    expect(examples).toHaveLength(45);
    const count = (e: Example['expect']) => examples.filter((x) => x.expect === e).length;
    expect([count('valid'), count('discouraged'), count('invalid'), count('unclear')]).toEqual([42, 1, 1, 1]);
    for (const x of examples) if (x.expect !== 'valid') expect(x.reason, x.file).toMatch(/\S/);
  });

  it('are all in the index, and the index names no missing file', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.om'));
    expect(files.sort()).toEqual(examples.map((x) => x.file).sort());
  });

  it('end with `# EOF`, added where the spec leaves it out', () => {
    for (const x of examples) expect(readFileSync(join(dir, x.file), 'utf8').endsWith('# EOF\n'), x.file).toBe(true);
  });

  it('lists as known gaps only examples that exist', () => {
    expect(Object.keys(knownGaps).filter((f) => !examples.some((x) => x.file === f))).toEqual([]);
  });
});

describe.each(examples.filter((x) => !(x.file in knownGaps)))('$file ($section, spec line $specLine)', (x) => {
  if (x.expect === 'valid' || x.expect === 'discouraged')
    it('lints with no error', async () => {
      const { exitCode, errors } = await lint(join(dir, x.file));
      expect(errors).toEqual([]);
      expect(exitCode).toBe(0);
    });
  else if (x.expect === 'invalid')
    it(`lints with an error (${x.reason})`, async () => {
      const { exitCode, errors } = await lint(join(dir, x.file));
      expect(errors.length).toBeGreaterThan(0);
      expect(exitCode).toBe(1);
    });
  else
    it(`is linted without a tool failure (${x.reason})`, async () => {
      const { exitCode, stderr } = await lint(join(dir, x.file));
      // 2 would be a tool failure (one line on stderr); 0 or 1 is a judgement either way.
      expect([0, 1], stderr).toContain(exitCode);
    });
});

describe.each(examples.filter((x) => x.file in knownGaps))('known gap: $file', (x) => {
  it(`is still linted wrongly (${knownGaps[x.file]})`, async () => {
    const { errors } = await lint(join(dir, x.file));
    // Fails once om lints the example as expected: remove it from `knownGaps`.
    expect(errors.length > 0, 'om now lints it as expected: remove it from knownGaps').toBe(x.expect !== 'invalid');
  });
});

describe('the OpenMetrics 2.0 conformance cases', () => {
  it('are all linted (188)', () => expect(cases).toHaveLength(188));

  it.each(cases)('$name: om lint finds an error exactly when the case is invalid', async ({ path, shouldParse }) => {
    const { exitCode, errors } = await lint(path);
    if (shouldParse) expect(errors).toEqual([]);
    else expect(errors.length).toBeGreaterThan(0);
    expect(exitCode).toBe(shouldParse ? 0 : 1);
  });
});
