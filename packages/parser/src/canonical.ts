// The canonical rendering of `le` and `quantile` values (OM 1.0 §Numbers: "Arbitrary integer and
// floating point rendering of numbers MUST NOT be used for "quantile" and "le" label values";
// §Considerations: Canonical Numbers).

/**
 * An `le` / `quantile` value as OpenMetrics writes it: Go's `strconv.FormatFloat(n, 'g', -1, 64)`,
 * with `.0` appended when there is neither a decimal point nor an exponent (`1.0`, `0.001`,
 * `1e+06`, `+Inf`). With the shortest precision Go switches to the exponent form when the decimal
 * exponent is < -4 or >= 6 (`ftoa.go`: "if precision was the shortest possible, use precision 6
 * for this decision"); the exponent has a sign and at least two digits.
 */
export function canonicalThreshold(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const sign = n < 0 ? '-' : '';
  // The shortest round-trip digits, as Go's shortest mode computes them.
  const [mantissa, e] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(e);
  let out: string;
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    out = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  } else if (exp < 0) {
    out = `0.${'0'.repeat(-exp - 1)}${digits}`;
  } else {
    const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    out = frac ? `${int}.${frac}` : int;
  }
  out = sign + out;
  return /[.e]/.test(out) ? out : `${out}.0`;
}
