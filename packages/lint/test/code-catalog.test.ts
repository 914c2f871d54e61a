// The catalog of every code (parser's and rules'), the one code-range boundary, and rule docs for display.
import { codes } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { catalog, findEntry, FIRST_RULE_CODE, isParserCode, PARSER_CODE_RANGE, parseRuleDoc } from '../src/catalog.js';
import { rules } from '../src/rules/index.js';

const number = (code: string) => Number(code.slice(2));

describe('the code-range boundary', () => {
  it('every parser code is below FIRST_RULE_CODE and every rule code at or above it', () => {
    for (const code of Object.keys(codes)) expect({ code, parser: number(code) < FIRST_RULE_CODE }).toEqual({ code, parser: true });
    for (const rule of Object.values(rules)) expect({ code: rule.code, rule: number(rule.code) >= FIRST_RULE_CODE }).toEqual({ code: rule.code, rule: true });
  });

  it('the range as messages write it comes from the constant', () => {
    expect(PARSER_CODE_RANGE).toBe(`OM0xx, OM100–OM${FIRST_RULE_CODE - 1}`);
  });

  it('isParserCode: the parser\'s codes, in any case; not rules, not unknown codes', () => {
    expect(isParserCode('OM001')).toBe(true);
    expect(isParserCode('om004')).toBe(true);
    expect(isParserCode('OM201')).toBe(false);
    expect(isParserCode('counter-total-suffix')).toBe(false);
    expect(isParserCode('OM999')).toBe(false);
  });
});

describe('catalog', () => {
  const entries = catalog();

  it('holds every parser code and every rule once, sorted by code', () => {
    expect(entries.map((e) => e.code)).toEqual([...Object.keys(codes), ...Object.values(rules).map((r) => r.code)].sort());
    expect(new Set(entries.map((e) => e.code)).size).toBe(entries.length);
  });

  it('marks the origin by the boundary, and rules carry their metadata', () => {
    for (const e of entries) expect({ code: e.code, origin: e.origin }).toEqual({ code: e.code, origin: isParserCode(e.code) ? 'parser' : 'lint' });
    const rule = rules['counter-total-suffix'];
    expect(findEntry('OM201')).toMatchObject({ name: rule.name, fixable: rule.fixable, requiresScrape: rule.requiresScrape, presets: rule.presets, url: rule.url });
  });

  it('a parser entry has its spec source as the description and no presets', () => {
    expect(findEntry('OM004')).toMatchObject({ origin: 'parser', fixable: true, description: codes.OM004.source, presets: [] });
  });

  it('findEntry takes a code or a name in any case', () => {
    expect(findEntry(' om201 ')?.name).toBe('counter-total-suffix');
    expect(findEntry('counter-total-suffix')?.code).toBe('OM201');
    expect(findEntry('no-such-rule')).toBeUndefined();
  });

  it('is computed once', () => {
    expect(catalog()).toBe(entries);
  });
});

describe('parseRuleDoc', () => {
  it('splits the front matter from the body after its heading', () => {
    const doc = ['---', 'code: OM201', 'name: counter-total-suffix', "description: 'It''s `x`'", '---', '', '# OM201 counter-total-suffix', '', 'Body.', '', ''].join('\r\n');
    expect(parseRuleDoc(doc)).toEqual({ fields: { code: 'OM201', name: 'counter-total-suffix', description: "It's `x`" }, body: 'Body.' });
  });

  it('reads double-quoted values as JSON strings, and a doc without front matter whole', () => {
    expect(parseRuleDoc('---\ndescription: "a \\"b\\""\n---\nText\n').fields).toEqual({ description: 'a "b"' });
    expect(parseRuleDoc('# T\nText\n')).toEqual({ fields: {}, body: 'Text' });
  });
});
