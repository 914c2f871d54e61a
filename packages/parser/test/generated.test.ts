// Files generated from the sources must be current (STYLE.md §1.4).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { diagnosticsDoc } from '../scripts/generate-docs.mjs';

describe('generated files', () => {
  it('docs/diagnostics.md lists every code (run scripts/generate-docs.mjs)', () => {
    const onDisk = readFileSync(new URL('../docs/diagnostics.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(diagnosticsDoc());
  });
});
