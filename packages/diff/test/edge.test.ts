import { describe, expect, it } from 'vitest';
import { diff, globToRegExp, sameValue } from '../src/index.js';
import { om, prom } from './helpers.js';

describe('edge cases', () => {
  it('a summary count going down is a reset; a gauge histogram count is not', () => {
    const a = om`
      # TYPE rpc summary
      rpc_count 10
      rpc_sum 4
      rpc{quantile="0.5"} 0.3
      # TYPE queue gaugehistogram
      queue_bucket{le="+Inf"} 7
      queue_gcount 7
      queue_gsum 3
      # EOF
    `;
    const b = om`
      # TYPE rpc summary
      rpc_count 2
      rpc_sum 1
      rpc{quantile="0.50"} 0.1
      # TYPE queue gaugehistogram
      queue_bucket{le="+Inf"} 2
      queue_gcount 2
      queue_gsum 1
      # EOF
    `;
    expect(a.diagnostics).toEqual([]);
    expect(b.diagnostics).toEqual([]);
    expect(diff(a, b).map((c) => [c.kind, 'series' in c ? c.series : ''])).toEqual([
      ['value-changed', 'queue_bucket{le="+Inf"}'],
      ['value-changed', 'queue_gcount'],
      ['value-changed', 'queue_gsum'],
      ['value-changed', 'rpc{quantile="0.5"}'],
      ['counter-reset', 'rpc_count'],
      ['counter-reset', 'rpc_sum'],
    ]);
  });

  it('escapes label values in series keys', () => {
    const a = om`
      # TYPE g gauge
      g{path="a\"b\\c\nd"} 1
      # EOF
    `;
    const b = om`
      # TYPE g gauge
      # EOF
    `;
    expect(diff(a, b)).toMatchObject([{ kind: 'label-schema-changed' }, { kind: 'cardinality-changed' }, { series: 'g{path="a\\"b\\\\c\\nd"}' }]);
  });

  it('keeps the first of series that collide after ignoreLabels', () => {
    const a = om`
      # TYPE g gauge
      g{instance="a"} 1
      g{instance="b"} 2
      # EOF
    `;
    const b = om`
      # TYPE g gauge
      g{instance="c"} 1
      # EOF
    `;
    expect(diff(a, b, { ignoreLabels: ['instance'] })).toEqual([]);
  });

  it('does not throw on invalid input', () => {
    const a = prom`
      # TYPE x counter
      x_total 1
      x_total 2
      garbage here
    `;
    expect(a.diagnostics.length).toBeGreaterThan(0);
    expect(() => diff(a, a)).not.toThrow();
  });

  it('ignoreMetrics applies to samples inside a family', () => {
    const a = om`
      # TYPE jobs counter
      jobs_total 1
      jobs_created 1700000000
      # EOF
    `;
    const b = om`
      # TYPE jobs counter
      jobs_total 2
      # EOF
    `;
    expect(diff(a, b, { ignoreMetrics: ['*_created'] }).map((c) => c.kind)).toEqual(['value-changed']);
  });

  it('globs and sameValue', () => {
    expect(globToRegExp('go_*').test('go_goroutines')).toBe(true);
    expect(globToRegExp('a.b?').test('aXbc')).toBe(false);
    expect(globToRegExp('a.b?').test('a.bc')).toBe(true);
    expect(sameValue(Infinity, Infinity)).toBe(true);
    expect(sameValue(Infinity, -Infinity, { absolute: 1e300 })).toBe(false);
    expect(sameValue(NaN, 1, { relative: 1 })).toBe(false);
  });
});
