// om lint hands the input text to lint() for every input kind: label findings point at the label.
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

const TEXT = '# HELP app_up Up.\n# TYPE app_up gauge\napp_up{zone=""} 1\n';
type Report = { results: { diagnostics: { code: string; span?: { start: { line: number; column: number } }; fix?: unknown }[] }[] };
const om222 = (stdout: string) =>
  (JSON.parse(stdout) as Report).results.flatMap((r) => r.diagnostics.filter((d) => d.code === 'OM222').map((d) => ({ line: d.span!.start.line, column: d.span!.start.column, fix: d.fix !== undefined })));

describe('om lint passes the text', () => {
  it('for a file', async () => {
    const tmp = tempDir({ 'm.prom': TEXT });
    try {
      const r = await run(['lint', '--preset', 'strict', '--format', 'json', 'm.prom'], { cwd: tmp.dir });
      expect(om222(r.stdout)).toEqual([{ line: 3, column: 8, fix: true }]);
    } finally {
      tmp.cleanup();
    }
  });

  it('for stdin', async () => {
    const r = await run(['lint', '--preset', 'strict', '--format', 'json', '-'], { stdin: TEXT });
    expect(om222(r.stdout)).toEqual([{ line: 3, column: 8, fix: true }]);
  });
});
