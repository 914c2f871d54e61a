// fixText, as `om lint --fix` uses it: fixes that overlap are applied in later passes (at most
// `maxPasses`), the format found first is kept, and what remains is the lint of the fixed text.
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/engine.js';

describe('fixText passes', () => {
  // A blank line ending in CR LF: OM003 removes the CR, OM006 the whole line; the two overlap.
  const text = '# TYPE a gauge\n# HELP a A.\na 1\n\r\n# EOF\n';

  it('applies an overlapping fix in a later pass', () => {
    const one = fixText(text, { format: 'openmetrics', maxPasses: 1 });
    expect(one.diagnostics.filter((d) => d.fix).length).toBeGreaterThan(0);
    const all = fixText(text, { format: 'openmetrics' });
    expect(all.text).toBe('# TYPE a gauge\n# HELP a A.\na 1\n# EOF\n');
    expect(all.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(all.fixed.map((d) => d.code).sort()).toEqual(['OM003', 'OM006']);
  });

  it('stops after maxPasses', () => {
    expect(fixText(text, { format: 'openmetrics', maxPasses: 0 }).text).toBe(text);
  });
});
