// The GitHub Action (action.yml at the repository root) runs scripts/action.sh; this runs its lint step
// locally as a runner would, with the GITHUB_* files pointed at a temporary folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(repo, 'scripts/action.sh');
const bin = join(repo, 'apps/om/dist/bin.js');
const invalid = readFileSync(new URL('./fixtures/invalid.prom', import.meta.url), 'utf8');
const valid = readFileSync(new URL('./fixtures/valid.prom', import.meta.url), 'utf8');

let dir: string;

beforeAll(() => {
  if (!existsSync(bin)) execFileSync('pnpm', ['exec', 'tsc', '-b'], { cwd: join(repo, 'apps/om') });
  dir = mkdtempSync(join(tmpdir(), 'om-action-'));
  mkdirSync(join(dir, 'metrics/nested'), { recursive: true });
  writeFileSync(join(dir, 'metrics/bad.prom'), invalid);
  writeFileSync(join(dir, 'metrics/nested/good.prom'), valid);
  writeFileSync(join(dir, 'metrics/notes.md'), 'not metrics\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function action(inputs: Record<string, string>) {
  const output = join(dir, `output-${Math.random().toString(36).slice(2)}`);
  const summary = `${output}.summary`;
  const r = spawnSync('bash', [script, 'lint'], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, ...inputs },
  });
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  return { exitCode: r.status, stdout: r.stdout, stderr: r.stderr, output: read(output), summary: read(summary) };
}

describe('scripts/action.sh lint', () => {
  it('annotates each finding at its line, writes SARIF and fails on an error', () => {
    const r = action({ OM_FILES: 'metrics/**/*.prom', OM_SARIF: 'out/om.sarif' });
    expect(r.exitCode).toBe(1);
    const annotations = r.stdout.trimEnd().split('\n');
    expect(annotations).toHaveLength(3);
    expect(annotations[1]).toMatch(/^::error file=metrics\/bad\.prom,line=3,col=28,endLine=3,endColumn=29,title=OM001\/invalid-line::/);
    expect(annotations[0]).toMatch(/^::warning file=metrics\/bad\.prom,line=1,col=1,.*title=OM200\/help-text::/);
    expect(r.stdout).not.toContain('good.prom');
    expect(r.stderr).toBe('✖ 1 error, 2 warnings in 2 inputs\n');
    expect(r.output).toBe('sarif=out/om.sarif\nexit-code=1\n');
    expect(r.summary).toContain('`om lint metrics/**/*.prom`: exit code 1');

    const sarif = JSON.parse(readFileSync(join(dir, 'out/om.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results.map((x: any) => ({
      ruleId: x.ruleId,
      level: x.level,
      uri: x.locations[0].physicalLocation.artifactLocation.uri,
      line: x.locations[0].physicalLocation.region.startLine,
    }));
    expect(results).toEqual(
      expect.arrayContaining([
        { ruleId: 'OM001', level: 'error', uri: 'metrics/bad.prom', line: 3 },
        { ruleId: 'OM200', level: 'warning', uri: 'metrics/bad.prom', line: 1 },
      ]),
    );
    expect(results).toHaveLength(3);
  });

  it('takes a directory (its exposition files only) and passes presets, fail-on and extra arguments', () => {
    const clean = action({ OM_FILES: ' metrics/nested\n', OM_PRESET: 'strict', OM_FAIL_ON: 'warning' });
    expect(clean).toMatchObject({ exitCode: 0, stdout: '', output: 'exit-code=0\n' });

    const r = action({ OM_FILES: 'metrics', OM_ARGS: '--rule OM200=off --max-warnings 0' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).not.toContain('::warning');
    expect(r.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^::error file=metrics\/bad\.prom,line=3,/)]);
    expect(r.stderr).toBe('✖ 1 error in 2 inputs\n');
  });

  it('exits 2 with one line when an input matches nothing or cannot be read', () => {
    const none = action({ OM_FILES: 'metrics/*.om' });
    expect(none).toMatchObject({ exitCode: 2, stdout: '', stderr: 'om: no files match metrics/*.om\n', output: 'exit-code=2\n' });
    const missing = action({ OM_FILES: 'metrics/missing.prom', OM_SARIF: 'out/missing.sarif' });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('om: cannot read metrics/missing.prom: no such file\n');
    expect(missing.output).toBe('exit-code=2\n');
  });

  it('action.yml passes every input to the script', () => {
    const yml = readFileSync(join(repo, 'action.yml'), 'utf8');
    expect(yml).toContain('using: composite');
    expect(yml).toContain('bash "$GITHUB_ACTION_PATH/scripts/action.sh" build');
    expect(yml).toContain('bash "$GITHUB_ACTION_PATH/scripts/action.sh" lint');
    const inputs = [...yml.split('\noutputs:')[0]!.matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]!);
    expect(inputs).toEqual(['files', 'config', 'format-in', 'preset', 'fail-on', 'sarif', 'args']);
    for (const input of inputs) {
      const variable = `OM_${input.replace('-', '_').toUpperCase()}`;
      expect(yml).toContain(`${variable}: \${{ inputs.${input} }}`);
      expect(readFileSync(script, 'utf8')).toContain(`\${${variable}`);
    }
  });
});
