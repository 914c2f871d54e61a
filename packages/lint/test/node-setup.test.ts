// lintSetup: the config file with a command line's settings on top, and the baseline.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, OptionError } from '../src/errors.js';
import { lintSetup } from '../src/node/index.js';

const root = mkdtempSync(join(tmpdir(), 'om-lint-setup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const level = (setup: Awaited<ReturnType<typeof lintSetup>>, code: string) => setup.config.rules.find((r) => r.rule.code === code)?.severity;

describe('lintSetup', () => {
  const dir = join(root, 'project');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'om.config.json'), JSON.stringify({ rules: { OM201: 'error' }, baseline: 'om.baseline.json' }));
  writeFileSync(join(dir, 'om.baseline.json'), JSON.stringify({ version: 1, entries: [] }));

  it('finds the config upward, applies --rule on top, and reads the baseline it names', async () => {
    const setup = await lintSetup({ cwd: join(dir, 'sub'), rules: ['OM200=off'] });
    expect(setup.configPath).toBe(join(dir, 'om.config.json'));
    expect(level(setup, 'OM201')).toBe('error');
    expect(level(setup, 'OM200')).toBeUndefined();
    expect(setup.baselinePath).toBe(join(dir, 'om.baseline.json'));
    expect(setup.baseline?.entries).toEqual([]);
  });

  it('with writeBaseline no baseline is read; without a baseline file named it is an OptionError', async () => {
    expect((await lintSetup({ cwd: dir, writeBaseline: true })).baseline).toBeUndefined();
    await expect(lintSetup({ cwd: root, writeBaseline: true })).rejects.toThrow(OptionError);
  });

  it('a --baseline that does not exist is an OptionError naming it', async () => {
    await expect(lintSetup({ cwd: dir, baseline: 'nope.json' })).rejects.toThrow('baseline file nope.json not found (create it with --write-baseline)');
  });

  it('a bad --rule is an OptionError; a bad setting in the file is a ConfigError carrying the file', async () => {
    await expect(lintSetup({ cwd: dir, rules: ['OM001=off'] })).rejects.toThrow(OptionError);
    const bad = join(root, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, '.omrc.json'), JSON.stringify({ rules: { OM201: 'loud' } }));
    const error = await lintSetup({ cwd: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe(join(bad, '.omrc.json'));
  });
});
