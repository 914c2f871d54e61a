// The fast readers (src/scan/) and their contract (README "How it reads"):
// - fast-line.ts reads one line of a plain shape from a string and returns the record the grammar
//   (ast/build.ts) would, or undefined: it defers that line to the grammar, never reports.
// - certify.ts reads undecoded bytes and vouches for whole families, or stops at the start of the
//   family it cannot vouch for and hands the full reader what earlier families left (Carried).
// - The grammar is the reference: test/properties.test.ts ("fast path ≡ grammar") and
//   test/certify.test.ts hold the fast readers to it. Facts (types, suffixes, part labels) come from
//   spec.ts; a number is what Number() gives its text, as number.ts reads it. The digit loop is
//   written twice, over a string and over bytes, for speed (a shared loop over an accessor costs a
//   call per digit); exactValue below and number.ts's fitsInt64 are shared, and
//   test/fast-number.test.ts holds both loops equal to number.ts.
//
// This module: what both fast readers know about characters and numbers (an ASCII character is the
// same code in a string and in bytes).
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34;
export const HASH = 35;
export const COMMA = 44;
export const EQUALS = 61;
export const BACKSLASH = 92;
export const LBRACE = 123;
export const RBRACE = 125;

// Character classes of OM 1.0 ABNF `metricname` and `label-name`, as one table lookup (a byte
// indexes it directly; a string's character code must be below 128 first).
export const LABEL_START = 1;
export const LABEL_CHAR = 2;
export const NAME_START = 4;
export const NAME_CHAR = 8;
export const CLASSES = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  const digit = c >= 48 && c <= 57;
  CLASSES[c] =
    (letter ? LABEL_START | NAME_START : 0) |
    (letter || digit ? LABEL_CHAR | NAME_CHAR : 0) |
    (c === 58 ? NAME_START | NAME_CHAR : 0);
}

/** Exact powers of ten (10^22 is the largest a double holds exactly). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * `mantissa × 10^scale` when one correctly rounded multiplication or division gives it exactly
 * (at most 15 significant digits, a power of ten up to 22: Clinger's fast path); else undefined,
 * and the caller reads the digits with Number().
 */
export function exactValue(mantissa: number, significant: number, scale: number): number | undefined {
  if (significant > 15 || scale < -22 || scale > 22) return undefined;
  return scale >= 0 ? mantissa * POW10[scale]! : mantissa / POW10[-scale]!;
}
