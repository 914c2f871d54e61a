// Round-trip properties of OpenMetrics 2.0: a generated 2.0 model serializes to text that parses
// without error to the same model; generated 1.0 and 0.0.4 expositions convert to 2.0 text that
// parses without error, and back to an equivalent 1.0 model; 2.0 converts to 1.0 and 0.0.4
// validly or is refused (native-only histograms), never written invalid.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, convertText, parse, serialize, type Format, type MetricFamily } from '../src/index.js';
import { exposition } from './support/arbitraries.js';
import { conformanceCases } from './support/conformance.js';
import { exposition2, project2 } from './support/om2-arbitraries.js';

const errors = (text: string, format: Format) =>
  parse(text, { format })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.span?.start.line}: ${d.code} ${d.message}`);

describe('OpenMetrics 2.0 round trips', () => {
  it('generated 2.0 families → serialize → parse gives no error and the same model', () => {
    fc.assert(
      fc.property(exposition2(), (spec) => {
        const families = spec as unknown as MetricFamily[];
        const text = serialize(families, { format: 'openmetrics-2.0' });
        const back = parse(text, { format: 'openmetrics-2.0' });
        expect(back.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`), text).toEqual([]);
        expect(project2(back.families), text).toEqual(project2(families));
        // And the written text is a fixed point.
        expect(serialize(back.families, { format: 'openmetrics-2.0' })).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  for (const from of ['openmetrics', 'prometheus'] as const)
    it(`generated ${from} → 2.0 parses without error, and converts back to the same ${from} model`, () => {
      let written = 0;
      fc.assert(
        fc.property(exposition(from), (spec) => {
          const text = serialize(spec as unknown as MetricFamily[], { format: from });
          const input = parse(text, { format: from });
          const c = convertText(input.families, from, 'openmetrics-2.0', { escaping: 'allow-utf-8' });
          if (c.text === undefined) {
            // Only a summary without `_count` and `_sum` has no 2.0 form.
            expect(c.problems.map((p) => p.message).every((m) => m.includes('a summary without `_count` and `_sum`')), JSON.stringify(c.problems)).toBe(true);
            return;
          }
          written++;
          expect(errors(c.text, 'openmetrics-2.0'), c.text).toEqual([]);
          const two = parse(c.text, { format: 'openmetrics-2.0' });
          const back = convertText(two.families, 'openmetrics-2.0', from, { escaping: 'allow-utf-8' });
          expect(back.problems, c.text).toEqual([]);
          expect(normalized(parse(back.text!, { format: from }).families), `${text}\n---\n${c.text}\n---\n${back.text}`).toEqual(normalized(input.families));
        }),
        { numRuns: 150 },
      );
      expect(written).toBeGreaterThan(50);
    });

  it('generated 2.0 → 1.0 and 0.0.4: written text parses without error, or the conversion is refused for native-only histograms', () => {
    let written = 0;
    fc.assert(
      fc.property(exposition2(), fc.constantFrom('openmetrics', 'prometheus') as fc.Arbitrary<Format>, (spec, to) => {
        const text = serialize(spec as unknown as MetricFamily[], { format: 'openmetrics-2.0' });
        const input = parse(text, { format: 'openmetrics-2.0' });
        const c = convertText(input.families, 'openmetrics-2.0', to, { escaping: 'underscores' });
        if (c.text === undefined) {
          expect(c.problems.length).toBeGreaterThan(0);
          for (const p of c.problems) expect(['native', 'clash'], p.message).toContain(p.kind);
          return;
        }
        written++;
        expect(errors(c.text, to), c.text).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect(written).toBeGreaterThan(30);
  });
});

// The valid 2.0 conformance cases and the spec's text-format examples (those that parse).
const dir2 = fileURLToPath(new URL('./conformance/openmetrics-2.0/', import.meta.url));
const written2: [string, string][] = [
  ...conformanceCases('2.0').flatMap((c): [string, string][] => (c.shouldParse ? [[c.name, c.text]] : [])),
  ...readdirSync(`${dir2}spec-examples`)
    .filter((f) => f.endsWith('.om'))
    .sort()
    .map((f): [string, string] => [f, readFileSync(`${dir2}spec-examples/${f}`, 'utf8')])
    .filter(([, text]) => errors(text, 'openmetrics-2.0').length === 0),
];

describe('written OpenMetrics 2.0', () => {
  it('is more than the valid cases', () => expect(written2.length).toBeGreaterThan(65));

  it.each(written2)('%s: parse → serialize → parse gives the same model, and the text is a fixed point', (_, text) => {
    const first = parse(text, { format: 'openmetrics-2.0' });
    const out = serialize(first.families, { format: 'openmetrics-2.0' });
    const again = parse(out, { format: 'openmetrics-2.0' });
    expect(errors(out, 'openmetrics-2.0'), out).toEqual([]);
    expect(project2(again.families), out).toEqual(project2(first.families));
    expect(serialize(again.families, { format: 'openmetrics-2.0' })).toBe(out);
  });
});

/**
 * A model as 1.0 → 2.0 → 1.0 keeps it: samples sorted within each metric, `le` and `quantile`
 * read as numbers; exemplars without a timestamp (2.0 has none) and bucket exemplars (placed
 * again by value) aside.
 */
function normalized(families: readonly MetricFamily[]): unknown {
  return convert(families, 'openmetrics', 'openmetrics').families.map((f) => ({
    name: f.name,
    type: f.type,
    help: f.help,
    unit: f.unit,
    samples: f.metrics.flatMap((m) =>
      m.samples
        .map((s) => ({
          name: s.name,
          labels: s.labels.map((l) => (l.name === 'le' || l.name === 'quantile' ? { name: l.name, value: Number(l.value.replace('Inf', 'Infinity')) } : l)),
          value: s.value,
          timestamp: s.timestamp,
          exemplar: s.exemplar?.timestamp !== undefined && !s.name.endsWith('_bucket') ? { labels: s.exemplar.labels, value: s.exemplar.value, timestamp: s.exemplar.timestamp } : undefined,
        }))
        .sort((a, b) => (JSON.stringify([a.name, a.labels]) < JSON.stringify([b.name, b.labels]) ? -1 : 1)),
    ),
  }));
}
