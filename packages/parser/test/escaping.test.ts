// The escaping schemes of the UTF-8 names guide (Prometheus docs "UTF-8 escaping schemes"):
// the examples the documents give, legacy names left alone, and the round trips they promise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeName, escapingSchemes, isLegacyLabelName, isLegacyMetricName, unescapeName } from '../src/index.js';

describe('the documents\' examples', () => {
  it.each([
    // Prometheus docs, "Underscore Escaping": `metric.name/with/slashes` becomes `metric_name_with_slashes`.
    ['underscores', 'metric.name/with/slashes', 'metric_name_with_slashes'],
    // "Dots Escaping": `metric.name.with.dots` becomes `metric_dot_name_dot_with_dot_dots`.
    ['dots', 'metric.name.with.dots', 'metric_dot_name_dot_with_dot_dots'],
    // "Value Encoding Escaping": `metric.name` becomes `U__metric_2E_name` (written in lowercase
    // hex here, as prometheus/common writes it; both read back the same, below).
    ['values', 'metric.name', 'U__metric_2e_name'],
    // The guide's own names (`{"my.metric"}`, `"my.label.name"`).
    ['underscores', 'my.metric', 'my_metric'],
    ['dots', 'my.metric', 'my_dot_metric'],
    ['values', 'my.metric', 'U__my_2e_metric'],
    ['allow-utf-8', 'my.metric', 'my.metric'],
    // Pre-existing underscores: doubled by dots and values.
    ['dots', 'my.label_name', 'my_dot_label__name'],
    ['values', 'my.label_name', 'U__my_2e_label__name'],
    // Other characters: `_` (underscores, dots), the code point (values; astral ones whole).
    ['underscores', 'temp °C', 'temp__C'],
    ['dots', 'a-b.c', 'a_b_dot_c'],
    ['values', 'temp °C 😀', 'U__temp_20__b0_C_20__1f600_'],
    // A leading digit is outside the set; a later one is not.
    ['underscores', '0abc.def', '_abc_def'],
    ['values', '9lives', 'U___39_lives'],
  ] as const)('%s: `%s` → `%s`', (scheme, name, escaped) => {
    expect(escapeName(name, scheme)).toBe(escaped);
    expect(isLegacyMetricName(escaped) || scheme === 'allow-utf-8').toBe(true);
  });

  it('reads the documented uppercase hex of `values` too', () => {
    expect(unescapeName('U__metric_2E_name', 'values')).toBe('metric.name');
    expect(unescapeName('U__metric_2e_name', 'values')).toBe('metric.name');
    expect(unescapeName('metric_dot_name_dot_with_dot_dots', 'dots')).toBe('metric.name.with.dots');
  });

  it('returns a `values` name it cannot decode as it is', () => {
    for (const bad of ['U__a_zz_b', 'U__a_', 'U__a_1234567_', 'U__a_d800_', 'not_prefixed']) expect(unescapeName(bad, 'values')).toBe(bad);
  });
});

describe('legacy names', () => {
  it('are never changed, by any scheme (as EscapeMetricFamily leaves them)', () => {
    for (const scheme of escapingSchemes)
      for (const name of ['go_memstats_alloc_bytes_total', 'a:b', '_x', 'A1']) expect(escapeName(name, scheme)).toBe(name);
  });

  it('differ for labels: no colon', () => {
    expect(isLegacyMetricName('a:b')).toBe(true);
    expect(isLegacyLabelName('a:b')).toBe(false);
    expect(escapeName('a:b', 'underscores', 'label')).toBe('a_b');
    expect(escapeName('a:b', 'values', 'label')).toBe('U__a_3a_b');
    expect(escapeName('a:b', 'underscores', 'metric')).toBe('a:b');
  });
});

describe('properties', () => {
  const anyName = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });

  it('every scheme but allow-utf-8 gives a legacy metric / label name', () => {
    fc.assert(
      fc.property(anyName, fc.constantFrom('underscores', 'dots', 'values') as fc.Arbitrary<'underscores' | 'dots' | 'values'>, (name, scheme) => {
        expect(isLegacyMetricName(escapeName(name, scheme))).toBe(true);
        expect(isLegacyLabelName(escapeName(name, scheme, 'label'))).toBe(true);
      }),
    );
  });

  it('values round-trips every name (the guide: "allows for full round-tripping")', () => {
    fc.assert(
      fc.property(anyName, (name) => {
        expect(unescapeName(escapeName(name, 'values'), 'values')).toBe(name);
        expect(unescapeName(escapeName(name, 'values', 'label'), 'values')).toBe(name);
      }),
    );
  });

  it('dots round-trips simple names with dots (the guide: "round-tripping of simple metric names that also contain dots")', () => {
    const simple = fc
      .string({ unit: fc.constantFrom('a', 'b', 'x', '_', '.', '1'), minLength: 1, maxLength: 10 })
      .map((s) => `m${s}`)
      .filter((s) => s.includes('.') && !s.includes('dot'));
    fc.assert(
      fc.property(simple, (name) => {
        expect(unescapeName(escapeName(name, 'dots'), 'dots')).toBe(name);
      }),
    );
  });
});
