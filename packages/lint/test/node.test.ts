import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBaseline } from '../src/baseline.js';
import { ConfigError } from '../src/errors.js';
import { findConfigFile, loadConfig, readBaseline, writeBaseline } from '../src/node/index.js';

const root = mkdtempSync(join(tmpdir(), 'om-lint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 't-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('config discovery', () => {
  it('walks up from cwd and prefers om.config.json over .omrc.json in one directory', async () => {
    const dir = tree({ 'om.config.json': '{}', '.omrc.json': '{}', 'a/b/.keep': '' });
    expect(await findConfigFile(join(dir, 'a', 'b'))).toBe(join(dir, 'om.config.json'));
    const nearer = tree({ 'om.config.json': '{}', 'a/.omrc.json': '{"extends":"strict"}', 'a/b/.keep': '' });
    expect(await findConfigFile(join(nearer, 'a', 'b'))).toBe(join(nearer, 'a', '.omrc.json'));
  });

  it('returns an empty config when none is found', async () => {
    const dir = tree({ 'x/.keep': '' });
    const found = await findConfigFile(join(dir, 'x'));
    // A config above the temp dir would be a surprise on a CI machine; only assert the shape.
    if (found === undefined) expect(await loadConfig({ cwd: join(dir, 'x') })).toEqual({ config: {} });
  });

  it('loads an explicit path and the baseline it names, relative to the config file', async () => {
    const baseline = createBaseline([]);
    const dir = tree({ 'cfg/om.json': '{"extends":"strict","baseline":"base.json"}', 'cfg/base.json': JSON.stringify(baseline) });
    const loaded = await loadConfig({ cwd: dir, configPath: 'cfg/om.json' });
    expect(loaded).toEqual({ config: { extends: 'strict', baseline: 'base.json' }, path: join(dir, 'cfg/om.json'), baseline });
  });

  it('throws ConfigError for a missing explicit file, bad JSON and bad baselines', async () => {
    const dir = tree({ 'bad.json': '{ nope', 'arr.json': '[]', 'c.json': '{"baseline":"b.json"}', 'b.json': '{"version":2}' });
    await expect(loadConfig({ cwd: dir, configPath: 'missing.json' })).rejects.toBeInstanceOf(ConfigError);
    await expect(loadConfig({ cwd: dir, configPath: 'bad.json' })).rejects.toThrow(/not valid JSON/);
    await expect(loadConfig({ cwd: dir, configPath: 'arr.json' })).rejects.toThrow(/JSON object/);
    await expect(loadConfig({ cwd: dir, configPath: 'c.json' })).rejects.toThrow(/version: 1/);
  });
});

describe('baseline files', () => {
  it('round-trip and a missing file reads as undefined', async () => {
    const dir = tree({});
    const path = join(dir, 'baseline.json');
    expect(await readBaseline(path)).toBeUndefined();
    const baseline = {
      version: 1 as const,
      entries: [{ code: 'OM201', name: 'counter-total-suffix', source: 'm.prom', metric: 'x', message: 'm', count: 2 }],
    };
    await writeBaseline(path, baseline);
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
    expect(await readBaseline(path)).toEqual(baseline);
  });
});
