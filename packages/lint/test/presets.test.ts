import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { presetRules, PRESETS } from '../src/presets.js';
import type { AnyRule } from '../src/rule.js';
import { rules } from '../src/rules/index.js';

const all = Object.values(rules as Record<string, AnyRule>);
const names = (list: AnyRule[]) => list.map((r) => r.name).sort();

describe('presets', () => {
  it('strict has every rule except the OpenTelemetry-only ones', () => {
    expect(names(presetRules('strict'))).toEqual(names(all.filter((r) => !(r.presets.length === 1 && r.presets[0] === 'otel'))));
  });

  it('otel is recommended plus the otel rules', () => {
    const otel = names(presetRules('otel'));
    for (const r of presetRules('recommended')) expect(otel).toContain(r.name);
    expect(otel.filter((n) => n.startsWith('otel-'))).toEqual(['otel-scope-labels', 'otel-target-info', 'otel-unit']);
  });

  it('resolveConfig enables exactly the preset rules, with their preset options', () => {
    for (const p of PRESETS) expect(resolveConfig({ extends: p }).rules.map((r) => r.rule.name).sort()).toEqual(names(presetRules(p)));
    const strict = resolveConfig({ extends: 'strict' }).rules.find((r) => r.rule.name === 'series-cardinality')!;
    expect(strict.options).toEqual({ info: 10, warning: 100 });
    const otel = resolveConfig({ extends: 'otel' }).rules.find((r) => r.rule.name === 'no-constant-label')!;
    expect(otel.options).toMatchObject({ ignoreLabels: ['otel_scope_*'] });
  });

  it('conformance rules default to error only for MUSTs, practice rules never to error', () => {
    for (const r of all) if (r.category === 'practice') expect(r.severity).not.toBe('error');
    expect(all.filter((r) => r.category !== 'scrape' && r.severity === 'error').map((r) => r.code).sort()).toEqual(['OM151', 'OM153', 'OM154']);
  });

  it('scrape rules default to error only where Prometheus fails the scrape or a secret leaks', () => {
    const scrape = all.filter((r) => r.category === 'scrape');
    expect(scrape.filter((r) => r.severity === 'error').map((r) => r.name).sort()).toEqual(
      ['content-encoding', 'content-type', 'invalid-utf8', 'openmetrics-eof', 'scrape-status', 'secret-echoed'],
    );
    expect(scrape.filter((r) => !r.presets.includes('recommended')).map((r) => r.name).sort()).toEqual(['auth-retry', 'format-negotiation']);
  });
});
