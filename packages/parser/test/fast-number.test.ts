// The fast path computes sample values itself; they must be exactly what Number() gives for the
// same text, which is what the grammar's reading uses (a number beyond a float64 is none: the
// grammar reports it, OM 1.0 §Numbers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanSample } from '../src/scan/fast-line.js';

const REAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

function fastValue(text: string): number | undefined {
  const line = `a ${text}`;
  return scanSample(line, 0, line.length, true, 0)?.value;
}

describe('fast-path numbers', () => {
  it('equal Number() on every realnumber shape, and refuse every other text', () => {
    const shaped = fc.stringMatching(/^[+-]?[0-9]{0,20}(\.[0-9]{0,20})?([eE][+-]?[0-9]{1,4})?$/);
    const noise = fc.string({ unit: fc.constantFrom(...'0123456789.eE+-'), maxLength: 24 });
    fc.assert(
      fc.property(fc.oneof(shaped, noise), (text) => {
        const expected = REAL.test(text) && Number.isFinite(Number(text)) ? Number(text) : undefined;
        expect(fastValue(text)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('equal Number() on doubles written with any precision', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 21 }), (x, digits) => {
        for (const text of [String(x), x.toPrecision(digits), x.toExponential(Math.min(digits, 20))]) {
          const n = Number(text);
          expect(Object.is(fastValue(text), Number.isFinite(n) ? n : undefined)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
