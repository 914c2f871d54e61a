// A report or a file om cannot write is one line and exit 2, never an internal error.
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('an output file that cannot be written', () => {
  it.each([
    [['parse', 'sample.om', '-o', '/nonexistent-dir/out.om']],
    [['lint', 'sample.om', '-o', '/nonexistent-dir/report.txt']],
    [['diff', '/nonexistent-dir/golden.om', 'sample.om', '--write-golden']],
  ])('om %j', async (argv) => {
    const r = await run(argv);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^om: cannot write .*nonexistent-dir/);
  });
});
