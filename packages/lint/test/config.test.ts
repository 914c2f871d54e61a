import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { resolveConfig, findRule } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import { defineRule, type AnyRule } from '../src/rule.js';

const base = {
  category: 'practice', severity: 'warning', description: 'd', since: '0.1.0', sources: [{ kind: 'spec', ref: 'x' }],
  fixable: false, requiresScrape: false, messages: { m: 'm' }, create: () => ({}),
} as const;
const alpha = defineRule({ ...base, code: 'OM290', name: 'alpha', presets: ['recommended', 'strict', 'otel'],
  options: v.optional(v.strictObject({ limit: v.optional(v.number(), 5), strictMode: v.optional(v.boolean(), false) }), {}),
  presetOptions: { strict: { strictMode: true } } });
const beta = defineRule({ ...base, code: 'OM291', name: 'beta', severity: 'error', presets: ['strict'] });
const gamma = defineRule({ ...base, code: 'OM292', name: 'gamma', severity: 'info', presets: ['otel'] });
const registry: Record<string, AnyRule> = { alpha, beta, gamma };

const enabled = (config: unknown) =>
  Object.fromEntries(resolveConfig(config, registry).rules.map((r) => [r.rule.name, [r.severity, r.options]]));

function configError(config: unknown): ConfigError {
  try {
    resolveConfig(config, registry);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveConfig', () => {
  it('defaults to recommended with default options', () => {
    expect(enabled({})).toEqual({ alpha: ['warning', { limit: 5, strictMode: false }] });
  });

  it('applies presets and their options', () => {
    expect(enabled({ extends: 'strict' })).toEqual({ alpha: ['warning', { limit: 5, strictMode: true }], beta: ['error', {}] });
    expect(Object.keys(enabled({ extends: ['recommended', 'otel'] }))).toEqual(['alpha', 'gamma']);
  });

  it('turns rules off, raises severity and sets options by code or name in any case', () => {
    expect(enabled({ rules: { ALPHA: 'off', om291: 'error' } })).toEqual({ beta: ['error', {}] });
    expect(enabled({ rules: { Om290: ['error', { limit: 9 }] } })).toEqual({ alpha: ['error', { limit: 9, strictMode: false }] });
    expect(enabled({ rules: { alpha: { options: { limit: 1 } } } })).toEqual({ alpha: ['warning', { limit: 1, strictMode: false }] });
  });

  it('marks only user-set severities as configured', () => {
    const rules = resolveConfig({ rules: { beta: 'warning' } }, registry).rules;
    expect(rules.map((r) => [r.rule.name, r.severityConfigured])).toEqual([['alpha', false], ['beta', true]]);
  });

  it.each([
    [{ extends: 'lax' }, 'extends'],
    [{ rulez: {} }, 'rulez'],
    [{ rules: { nope: 'error' } }, 'rules.nope'],
    [{ rules: { alpha: 'loud' } }, 'rules.alpha'],
    [{ rules: { alpha: ['loud'] } }, 'rules.alpha.0'],
    [{ rules: { alpha: ['error', { limit: 'x' }] } }, 'rules.alpha.options.limit'],
    [{ rules: { alpha: ['error', { limt: 1 }] } }, 'rules.alpha.options.limt'],
    [{ rules: { alpha: { severity: 'loud' } } }, 'rules.alpha.severity'],
    [{ rules: { alpha: { level: 'error' } } }, 'rules.alpha.level'],
    [{ rules: { alpha: 'error', OM290: 'off' } }, 'rules.OM290'],
    [{ ignore: [{ rule: 'alpha', metric: 'x' }, { rule: 'zzz' }] }, 'ignore.1.rule'],
    [{ ignore: [{ metric: 'x' }] }, 'ignore.0.rule'],
    [{ baseline: 3 }, 'baseline'],
  ])('rejects %j naming %s', (config, path) => {
    const error = configError(config);
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
  });

  it('compiles ignore globs', () => {
    const [ig] = resolveConfig({ ignore: [{ rule: 'OM290', metric: 'legacy_{a,b}*', source: '**/*.prom' }] }, registry).ignore;
    expect(ig!.code).toBe('OM290');
    expect(ig!.metric!('legacy_a_total')).toBe(true);
    expect(ig!.metric!('legacy_c')).toBe(false);
    expect(ig!.source!('x/y.prom')).toBe(true);
  });

  it('finds rules by code or name', () => {
    expect(findRule(' om291 ', registry)).toBe(beta);
    expect(findRule('BETA', registry)).toBe(beta);
    expect(findRule('OM999', registry)).toBeUndefined();
  });
});
