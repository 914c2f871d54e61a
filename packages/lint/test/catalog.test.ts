// The registry, the rule files, their tests and their docs agree (STYLE.md §4), and every
// generated listing is fresh.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FIRST_RULE_CODE } from '../src/catalog.js';
import { configJsonSchema, resolveConfig } from '../src/config.js';
import { replaceRulesTable } from '../src/docs.js';
import { PRESETS } from '../src/presets.js';
import type { AnyRule, ScrapeFacts } from '../src/rule.js';
import { retiredCodes, rules } from '../src/rules/index.js';
import { VERSION } from '../src/version.js';
import { runRule } from './rule-tester.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const stems = (dir: string, ext: string) =>
  readdirSync(`${root}${dir}`)
    .filter((f) => f.endsWith(ext) && f !== `index${ext}`)
    .map((f) => f.slice(0, -ext.length))
    .sort();
const all = Object.entries(rules as Record<string, AnyRule>);
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };

const SCRAPE_TEXT = '# TYPE up gauge\n# HELP up Whether the target is up.\nup 1\n# EOF\n';

interface DocBlock {
  kind: string;
  code: string;
  scrape?: ScrapeFacts;
  format?: 'openmetrics-2.0';
}

function doc(name: string): { text: string; front: Record<string, string>; blocks: DocBlock[] } {
  const text = readFileSync(`${root}docs/rules/${name}.md`, 'utf8');
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const front = Object.fromEntries(
    (fm?.[1] ?? '').split('\n').map((line) => {
      const i = line.indexOf(':');
      return [line.slice(0, i).trim(), line.slice(i + 1).trim()];
    }),
  );
  // ```openmetrics valid|invalid: read as its format is detected; ```openmetrics-2.0 …: read as OpenMetrics 2.0.
  const blocks: DocBlock[] = [...text.matchAll(/```openmetrics(-2\.0)? (valid|invalid)\n([\s\S]*?)```/g)].map((m) => ({
    kind: m[2]!,
    code: m[3]!,
    ...(m[1] ? { format: 'openmetrics-2.0' as const } : {}),
  }));
  // Scrape rules show facts: ```json scrape valid|invalid with `{ "facts": [...], "text"?: "..." }`
  // (the exposition defaults to a clean one-gauge OpenMetrics text).
  for (const m of text.matchAll(/```json scrape (valid|invalid)\n([\s\S]*?)```/g)) {
    const example = JSON.parse(m[2]!) as { facts: ScrapeFacts; text?: string };
    blocks.push({ kind: m[1]!, code: example.text ?? SCRAPE_TEXT, scrape: example.facts });
  }
  return { text, front, blocks };
}

describe('rule catalog', () => {
  it('registry keys = rule files = test files = doc files', () => {
    const keys = Object.keys(rules).sort();
    expect(stems('src/rules', '.ts')).toEqual(keys);
    expect(stems('test/rules', '.test.ts')).toEqual(keys);
    expect(stems('docs/rules', '.md')).toEqual(keys);
  });

  it('has at least 30 rules', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
  });

  it('codes are unique, well-formed, in the lint range and not retired', () => {
    const codes = all.map(([, r]) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^OM\d{3}$/);
      expect(Number(code.slice(2))).toBeGreaterThanOrEqual(FIRST_RULE_CODE);
      expect(retiredCodes).not.toContain(code);
    }
  });

  it('keeps the package version in one constant', () => {
    expect(VERSION).toBe(pkg.version);
  });

  describe.each(all)('%s', (key, rule) => {
    it('is the default export of its file, named like it, kebab-case', async () => {
      const mod = (await import(`../src/rules/${key}.ts`)) as { default: AnyRule };
      expect(mod.default).toBe(rule);
      expect(rule.name).toBe(key);
      expect(rule.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(rule.url).toBe(`https://github.com/omkit/om/blob/v${VERSION}/packages/lint/docs/rules/${key}.md`);
    });

    it('has complete metadata', () => {
      expect(rule.sources.length).toBeGreaterThan(0);
      expect(rule.since).toMatch(/^\d+\.\d+\.\d+$/);
      expect(rule.description).not.toMatch(/\.$/);
      for (const m of Object.values(rule.messages) as string[]) expect(m).not.toMatch(/\.$/);
      for (const id of Object.keys(rule.help ?? {})) expect(Object.keys(rule.messages)).toContain(id);
      for (const id of Object.keys(rule.messages)) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(['conformance', 'practice', 'scrape']).toContain(rule.category);
      // Scrape rules read transport facts and nothing else does; the OM3xx range is theirs.
      expect(rule.category === 'scrape').toBe(rule.requiresScrape);
      expect(rule.category === 'scrape').toBe(rule.code.startsWith('OM3'));
      // Every rule of `recommended` is in `strict` and `otel` too.
      if (rule.presets.includes('recommended')) expect([...rule.presets].sort()).toEqual(['otel', 'recommended', 'strict']);
      for (const p of rule.presets) expect(PRESETS).toContain(p);
    });

    it('has an options schema that compiles and defaults from {}', () => {
      const schema = toJsonSchema(rule.options, { errorMode: 'throw' });
      expect(() => new Ajv({ strict: false }).compile(schema)).not.toThrow();
      expect(v.safeParse(rule.options, {}).success).toBe(true);
      for (const options of Object.values(rule.presetOptions ?? {})) expect(v.safeParse(rule.options, options).success).toBe(true);
    });

    it('has a doc with matching front matter, title and sections', () => {
      const { text, front, blocks } = doc(key);
      expect(front).toMatchObject({ code: rule.code, name: rule.name, description: rule.description });
      expect(text).toContain(`\n# ${rule.code} ${rule.name}\n`);
      expect(text).toContain(`Default severity: ${rule.severity} · Fixable: ${rule.fixable ? 'yes' : 'no'}`);
      for (const h of ['## What it checks', '## Why', '## Examples', '## Options', '## When not to use it']) expect(text).toContain(h);
      expect(blocks.some((b) => b.kind === 'invalid')).toBe(true);
      expect(blocks.some((b) => b.kind === 'valid')).toBe(true);
      // A rule for some input formats only says which (`om rules` lists them from the metadata).
      if (rule.formats) expect(text).toContain(`Formats: ${rule.formats.join(', ')}`);
    });

    it('uses every message id in its tests', () => {
      const test = readFileSync(`${root}test/rules/${key}.test.ts`, 'utf8');
      for (const id of Object.keys(rule.messages)) expect(test).toContain(`messageId: '${id}'`);
      // A fixable rule shows its fix in at least one case (and the tester checks every case's output).
      if (rule.fixable) expect(test).toContain('output:');
    });

    it('doc examples: every invalid block is reported, every valid block is not', () => {
      if (rule.requiresScrape) expect(doc(key).blocks.every((b) => b.scrape !== undefined), 'scrape rules show facts').toBe(true);
      for (const b of doc(key).blocks) {
        const { found } = runRule(rule, b.code, rule.presetOptions?.recommended ?? {}, b.format ?? 'auto', b.scrape);
        if (b.kind === 'invalid') expect(found.length, b.code).toBeGreaterThan(0);
        else expect(found, b.code).toEqual([]);
      }
    });
  });
});

describe('generated files', () => {
  it('schema/config.schema.json is fresh (run `pnpm generate`)', () => {
    const file = JSON.parse(readFileSync(`${root}schema/config.schema.json`, 'utf8')) as unknown;
    expect(file).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
  });

  it('the README rules table is fresh (run `pnpm generate`)', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    expect(replaceRulesTable(readme)).toBe(readme);
  });

  it('the config schema accepts what resolveConfig accepts, and rejects unknown rules', () => {
    const validate = new Ajv({ strict: false }).compile(configJsonSchema());
    const good = {
      extends: ['recommended', 'otel'],
      rules: { OM201: 'off', 'help-text': 'error', 'series-cardinality': ['warning', { info: 50, warning: 500 }], OM208: { options: { allow: ['node_*'] } } },
      ignore: [{ rule: 'OM211', metric: 'legacy_*' }],
      baseline: 'om-baseline.json',
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(() => resolveConfig(good)).not.toThrow();
    expect(validate({ rules: { OM999: 'off' } })).toBe(false);
    expect(validate({ rules: { OM220: ['warning', { info: 'x' }] } })).toBe(false);
  });
});

describe('README', () => {
  it('its example config validates against the schema and resolves', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const config = JSON.parse(json) as Record<string, unknown>;
    const validate = new Ajv({ strict: false }).compile(configJsonSchema());
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(() => resolveConfig(config)).not.toThrow();
  });
});
