import fc from 'fast-check';
import { parse } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { diff, type Change } from '../src/index.js';

// Random expositions: a few gauge and counter families over a small label alphabet, so that two
// draws share some series and differ in others.
const labelSet = fc.uniqueArray(fc.record({ name: fc.constantFrom('a', 'b', 'c'), value: fc.constantFrom('x', 'y') }), {
  selector: (l) => l.name,
  maxLength: 3,
});
const family = fc.record({
  name: fc.constantFrom('f', 'g', 'h', 'k'),
  type: fc.constantFrom('gauge', 'counter'),
  series: fc.array(fc.record({ labels: labelSet, value: fc.integer({ min: 0, max: 3 }) }), { maxLength: 4 }),
});
const exposition = fc.uniqueArray(family, { selector: (f) => f.name, maxLength: 4 }).map((families) => {
  let text = '';
  for (const f of families) {
    text += `# TYPE ${f.name} ${f.type}\n`;
    const seen = new Set<string>();
    for (const s of f.series) {
      const labels = s.labels.map((l) => `${l.name}="${l.value}"`).join(',');
      const key = [...s.labels].sort((x, y) => x.name.localeCompare(y.name)).map((l) => `${l.name}=${l.value}`).join();
      if (seen.has(key)) continue;
      seen.add(key);
      text += `${f.name}${f.type === 'counter' ? '_total' : ''}${labels === '' ? '' : `{${labels}}`} ${s.value}\n`;
    }
  }
  return parse(`${text}# EOF\n`, { format: 'openmetrics' });
});

function seriesSet(result: ReturnType<typeof parse>): Set<string> {
  const empty = { format: result.format, families: [], diagnostics: [] };
  return new Set(diff(empty, result).flatMap((c) => (c.kind === 'series-added' ? [`${c.family} ${c.series}`] : [])));
}

const mirrorKind: Partial<Record<Change['kind'], Change['kind']>> = {
  'family-added': 'family-removed',
  'family-removed': 'family-added',
  'series-added': 'series-removed',
  'series-removed': 'series-added',
};

function signature(c: Change, mirrored: boolean): string {
  const kind = mirrored ? (mirrorKind[c.kind] ?? c.kind) : c.kind;
  const series = 'series' in c ? String(c.series) : '';
  let from = 'from' in c ? JSON.stringify(c.from) : '';
  let to = 'to' in c ? JSON.stringify(c.to) : '';
  if (mirrored) [from, to] = [to, from];
  return `${c.family} ${kind} ${series} ${from} ${to}`;
}

describe('properties', () => {
  it('diff(a, a) is empty', () => {
    fc.assert(fc.property(exposition, (a) => a.diagnostics.length === 0 && diff(a, a).length === 0));
  });

  it('diff(a, b) and diff(b, a) mirror each other (counter resets aside)', () => {
    fc.assert(
      fc.property(exposition, exposition, (a, b) => {
        const resetFree = (c: Change) => c.kind !== 'counter-reset' && c.kind !== 'value-changed';
        const forward = diff(a, b).filter(resetFree).map((c) => signature(c, true)).sort();
        const backward = diff(b, a).filter(resetFree).map((c) => signature(c, false)).sort();
        expect(forward).toEqual(backward);
        // Every value-changed or counter-reset one way is a value-changed or counter-reset the other way.
        const moved = (changes: Change[]) =>
          changes.filter((c) => !resetFree(c)).map((c) => ('series' in c ? String(c.series) : '')).sort();
        expect(moved(diff(a, b))).toEqual(moved(diff(b, a)));
      }),
    );
  });

  it('applying the series changes of diff(a, b) to a gives the series of b', () => {
    fc.assert(
      fc.property(exposition, exposition, (a, b) => {
        const set = seriesSet(a);
        for (const c of diff(a, b)) {
          if (c.kind === 'series-added') set.add(`${c.family} ${c.series}`);
          if (c.kind === 'series-removed') set.delete(`${c.family} ${c.series}`);
        }
        expect([...set].sort()).toEqual([...seriesSet(b)].sort());
      }),
    );
  });
});
