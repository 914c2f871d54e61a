// The fast path computes sample values itself; they must be exactly what Number() gives for the
// same text, which is what the grammar's reading uses (a number beyond a float64 is none: the
// grammar reports it, OM 1.0 §Numbers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { parseMilliseconds, parseSeconds, parseValue } from '../src/number.js';
import { certify } from '../src/scan/certify.js';
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

// The readers' contract (README "How it reads"): one number reading. The string reader
// (fast-line.ts) and the byte reader (certify.ts) each have their own digit loop, for speed; both
// must read every text as number.ts (the grammar's reading) does.
const shaped = fc.stringMatching(/^[+-]?[0-9]{0,20}(\.[0-9]{0,20})?([eE][+-]?[0-9]{1,4})?$/);
const noise = fc.string({ unit: fc.constantFrom(...'0123456789.eE+-'), maxLength: 24 });
const written = fc.oneof(
  shaped,
  noise,
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('NaN', '+Inf', '-Inf', 'Inf', 'nan', '1e400', '-0', '0x1', '1_0'),
);
const bytes = (text: string) => new TextEncoder().encode(text);
const vouched = (text: string, om: boolean) => certify(bytes(text), om, { familyTypes: new Map(), claimedNames: new Set() }).complete;

describe('one number reading: the fast readers read as number.ts does', () => {
  it('fast-line.ts: values and timestamps as parseValue, parseSeconds and parseMilliseconds', () => {
    fc.assert(
      fc.property(written, (text) => {
        const value = parseValue(text);
        const fast = fastValue(text);
        // The fast reader may defer (undefined); when it reads, it reads the same number.
        if (fast !== undefined) expect(Object.is(fast, value)).toBe(true);
        const om = `a 1 ${text}`;
        const omFast = scanSample(om, 0, om.length, true, 0);
        if (omFast !== undefined) expect(Object.is(omFast.timestamp, parseSeconds(text))).toBe(true);
        const prom = `a 1 ${text}`;
        const promFast = scanSample(prom, 0, prom.length, false, 0);
        if (promFast !== undefined) expect(Object.is(promFast.timestamp, parseMilliseconds(text))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('certify.ts: vouches only for values the grammar reads without a problem, and compares them as the grammar does', () => {
    let vouchedFor = 0;
    fc.assert(
      fc.property(written, written, fc.constantFrom('openmetrics', 'prometheus'), (x, y, format) => {
        const om = format === 'openmetrics';
        const end = om ? '# EOF\n' : '';
        // A gauge's value, and a histogram whose +Inf bucket must equal its count (OM117) and be
        // at least the bucket before it (OM116): the byte reader's values decide both.
        for (const text of [
          `# TYPE a gauge\na ${x}\n${end}`,
          `# TYPE h histogram\nh_bucket{le="1"} ${x}\nh_bucket{le="+Inf"} ${y}\nh_count ${x}\nh_sum 0\n${end}`,
        ]) {
          const clean = validate(text, { format }).diagnostics.length === 0;
          // A vouched input is clean; a clean one the byte reader may still defer (never vouch wrongly).
          if (vouched(text, om)) {
            vouchedFor++;
            expect(clean, text).toBe(true);
          }
          expect(validate(bytes(text), { format }).diagnostics, text).toEqual(validate(text, { format }).diagnostics);
        }
      }),
      { numRuns: 2000 },
    );
    // Not vacuous: the byte reader read many of them itself.
    expect(vouchedFor).toBeGreaterThan(200);
  });
});
