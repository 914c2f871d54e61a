import fc from 'fast-check';
import { parse, type ParseResult } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { diff } from '../src/index.js';

// diff() compares families whose series line up by position without building series keys. These
// properties hold that shortcut to the keyed comparison, which an ignoreLabels entry matching no
// label forces without changing anything else.
const KEYED = { ignoreLabels: ['never_a_label'] };

interface Series {
  labels: string;
  values: number[];
}
interface Family {
  name: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary';
  series: Series[];
  /** A second spelling of a bucket or quantile (`1.0` beside `1`): one series to the keyed comparison. */
  respelled: boolean;
}

const value = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(0.5, Number.NaN));
const series = fc.record({
  labels: fc.constantFrom('', 'a="x"', 'a="y"', 'a="x",b="y"', 'b="z",a="x"'),
  values: fc.array(value, { minLength: 6, maxLength: 6 }),
});
const family = fc.record({
  name: fc.constantFrom('f', 'g', 'h'),
  type: fc.constantFrom('counter', 'gauge', 'histogram', 'summary'),
  series: fc.array(series, { maxLength: 3 }),
  respelled: fc.boolean(),
});
const scrape = fc.uniqueArray(family, { selector: (f) => f.name, maxLength: 3 });

/** Renders families; `om` adds `_created` samples and `# EOF`. Repeated label sets are kept. */
function render(families: Family[], om: boolean): string {
  let text = '';
  for (const f of families) {
    text += `# TYPE ${f.name} ${f.type}\n`;
    for (const s of f.series) {
      const v = s.values.map((x) => (Number.isNaN(x) ? 'NaN' : String(Math.abs(x))));
      const set = (extra = '') => {
        const all = [s.labels, extra].filter((p) => p !== '').join(',');
        return all === '' ? '' : `{${all}}`;
      };
      if (f.type === 'counter') {
        text += `${f.name}${om ? '_total' : ''}${set()} ${v[0]}\n`;
        if (om) text += `${f.name}_created${set()} ${s.values[1]! > 2 ? 20 : 10}\n`;
      } else if (f.type === 'gauge') {
        text += `${f.name}${set()} ${v[0]}\n`;
      } else if (f.type === 'histogram') {
        text += `${f.name}_bucket${set('le="1"')} ${v[0]}\n`;
        if (f.respelled) text += `${f.name}_bucket${set('le="1.0"')} ${v[0]}\n`;
        text += `${f.name}_bucket${set('le="+Inf"')} ${v[1]}\n`;
        text += `${f.name}_count${set()} ${v[1]}\n${f.name}_sum${set()} ${v[2]}\n`;
      } else {
        text += `${f.name}${set('quantile="0.5"')} ${v[0]}\n`;
        if (f.respelled) text += `${f.name}${set('quantile="5e-1"')} ${v[1]}\n`;
        text += `${f.name}_count${set()} ${v[1]}\n${f.name}_sum${set()} ${v[2]}\n`;
      }
    }
  }
  return om ? `${text}# EOF\n` : text;
}

/** The second scrape: the same families with some values moved and maybe one shape change. */
const pair = fc
  .tuple(
    scrape,
    fc.boolean(),
    fc.array(value, { minLength: 6, maxLength: 6 }),
    fc.constantFrom('none', 'drop', 'swap', 'repeat', 'repeat-line'),
    fc.nat(),
  )
  .map(([families, om, moved, shape, at]) => {
    const second: Family[] = families.map((f, i) => ({
      ...f,
      series: f.series.map((s, j) => (i + j) % 2 === 0 ? { ...s, values: moved } : s),
    }));
    const target = second[at % Math.max(1, second.length)];
    if (target !== undefined && target.series.length > 0) {
      const k = at % target.series.length;
      if (shape === 'drop') target.series.splice(k, 1);
      if (shape === 'swap') target.series.reverse();
      if (shape === 'repeat') target.series.push(target.series[k]!);
    }
    const format = om ? 'openmetrics' : 'prometheus';
    let [x, y] = [render(families, om), render(second, om)];
    if (shape === 'repeat-line') {
      // The same sample line twice in a row on both sides: a series repeated within its metric.
      const [lx, ly] = [x.split('\n'), y.split('\n')];
      const samples = lx.flatMap((line, i) => (line === '' || line.startsWith('#') ? [] : [i]));
      if (samples.length > 0) {
        const i = samples[at % samples.length]!;
        lx.splice(i, 0, lx[i]!);
        ly.splice(i, 0, ly[i]!);
        [x, y] = [lx.join('\n'), ly.join('\n')];
      }
    }
    return [parse(x, { format }), parse(y, { format })] as [ParseResult, ParseResult];
  });

describe('families compared in written order', () => {
  it('report exactly what the keyed comparison reports', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(diff(a, b)).toEqual(diff(a, b, KEYED));
        expect(diff(b, a)).toEqual(diff(b, a, KEYED));
      }),
      { numRuns: 400 },
    );
  });

  it('report value changes, resets and NaN as the keyed comparison does on a fixed pair', () => {
    const a = parse('# TYPE c counter\nc_total{a="x"} 5\nc_created{a="x"} 10\n# TYPE g gauge\ng NaN\n# EOF\n', { format: 'openmetrics' });
    const b = parse('# TYPE c counter\nc_total{a="x"} 2\nc_created{a="x"} 20\n# TYPE g gauge\ng NaN\n# EOF\n', { format: 'openmetrics' });
    const changes = diff(a, b);
    expect(changes.map((c) => c.kind)).toEqual(['counter-reset']);
    expect(changes).toEqual(diff(a, b, KEYED));
  });
});
