// @omkit/diff visits samples through the parser's cursor (`samplesOf`), which reads a parsed
// metric's compact storage without making an object per sample; `metric.samples` would build them
// all. No module of the package reads a metric's `samples`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('sample access', () => {
  it('no module reads `.samples` of a metric (Points and Store name their own sample indexes)', () => {
    const offenders: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const [i, line] of text.split('\n').entries()) {
        if (/^\s*(\/\/|\*)/.test(line)) continue;
        const reads = line.match(/[\w\]\)!]+\.samples\b/g) ?? [];
        for (const read of reads) if (!/^(this|points|store)\.samples$/.test(read)) offenders.push(`${file.slice(SRC.length)}:${i + 1}: ${read}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
