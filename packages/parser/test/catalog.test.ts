// The parser's diagnostic table (src/spec.ts) is complete and honest, as lint's rule catalog is
// (STYLE.md §4): every code has a name, category, severity, source, messages and help; every
// message is made by some hand-written input (test/support/diagnostic-cases.ts); and every
// diagnostic the readers make is a message of the table, never a free string.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codes, parse, type Code, type Diagnostic, type Format } from '../src/index.js';
import { cases, notEmitted } from './support/diagnostic-cases.js';

const entries = Object.entries(codes) as [Code, (typeof codes)[Code]][];

/** A template as a pattern: `{{key}}` is any text. */
function pattern(template: string): RegExp {
  const parts = template.split(/\{\{\w+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`);
}

/** The message ids of `code` whose message and help templates match the diagnostic. */
function idsOf(d: Diagnostic): string[] {
  const info = codes[d.code as Code];
  if (info === undefined) return [];
  const messages = info.messages as Record<string, string>;
  const help = info.help as Record<string, string>;
  return Object.keys(messages).filter(
    (id) => pattern(messages[id]!).test(d.message) && (help[id] === undefined ? d.help === undefined : d.help !== undefined && pattern(help[id]!).test(d.help)),
  );
}

/** Message ids no string input can make, with the reason. */
const notMade: Record<string, string> = {
  'OM001/unreadable': 'the grammar throwing on a line (the regex engine out of stack): a guard, not a reachable input',
  'OM020/invalidUtf8': 'only bytes can be invalid UTF-8 (diagnostics.test.ts reads them through parseStream)',
};

// Every input the tests give the parser by hand, and the conformance suite's.
const conformanceDir = new URL('./conformance/openmetrics/cases/', import.meta.url);
const conformance = readdirSync(conformanceDir).map((name) => ({
  text: readFileSync(new URL(`${name}/metrics`, conformanceDir), 'utf8'),
  format: 'openmetrics' as const,
}));
const inputs = [...cases.map((c) => ({ text: c.text, format: c.format ?? 'openmetrics' })), ...conformance];
const made = inputs.flatMap((input) => parse(input.text, { format: input.format }).diagnostics);

// The 2.0 conformance set's inputs, read as 2.0.
const conformance2Dir = new URL('./conformance/openmetrics-2.0/cases/', import.meta.url);
const conformance2 = readdirSync(conformance2Dir).map((name) => ({
  text: readFileSync(new URL(`${name}/metrics`, conformance2Dir), 'utf8'),
  format: 'openmetrics-2.0' as const,
}));
const FORMATS: readonly Format[] = ['openmetrics', 'openmetrics-2.0', 'prometheus'];

/** Formats a code lists that no string input makes it in, with the reason. */
const notMadeIn: Record<string, string> = {
  'OM020/openmetrics': 'only bytes can be invalid UTF-8 (diagnostics.test.ts reads them through parseStream)',
  'OM020/openmetrics-2.0': 'only bytes can be invalid UTF-8',
  'OM020/prometheus': 'only bytes can be invalid UTF-8',
};

describe('the diagnostic table', () => {
  it.each(entries)('%s has a name, category, severity, source, messages and help for each', (code, info) => {
    expect(code).toMatch(/^OM\d{3}$/);
    expect(info.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    // The range is a mnemonic of the category (STYLE.md §3).
    expect(info.category).toBe(code < 'OM100' ? 'syntax' : 'conformance');
    expect(['error', 'warning', 'info']).toContain(info.severity);
    expect(info.source.length).toBeGreaterThan(0);
    expect(info.source).toMatch(/OM 1\.0|OM 2\.0|Prometheus/);
    const ids = Object.keys(info.messages);
    expect(ids.length).toBeGreaterThan(0);
    expect(Object.keys(info.help).sort()).toEqual(ids.sort());
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      const message = (info.messages as Record<string, string>)[id]!;
      const help = (info.help as Record<string, string>)[id]!;
      // One sentence, no trailing period (STYLE.md §3 Messages).
      for (const text of [message, help]) {
        expect(text, `${code}/${id}`).not.toMatch(/\.$/);
        expect(text, `${code}/${id}`).not.toMatch(/\.\s+[A-Z]/);
      }
    }
  });

  it('every code lists the formats it can be reported in, each once', () => {
    for (const [code, info] of entries) {
      expect(info.formats.length, code).toBeGreaterThan(0);
      expect(new Set(info.formats).size, code).toBe(info.formats.length);
      for (const format of info.formats) expect(FORMATS, code).toContain(format);
    }
  });

  it('every diagnostic of an input read in its format has a code that lists that format', () => {
    const wrong = [...inputs, ...conformance2].flatMap((input) =>
      parse(input.text, { format: input.format })
        .diagnostics.filter((d) => !(codes[d.code as Code].formats as readonly Format[]).includes(input.format))
        .map((d) => `${d.code} in ${input.format}: ${d.message}`),
    );
    expect(wrong).toEqual([]);
  });

  it('read in every format, the inputs make each code in exactly the formats it lists (or those are listed as not makeable)', () => {
    const seen = new Set<string>();
    for (const input of [...inputs, ...conformance2]) {
      for (const format of FORMATS) for (const d of parse(input.text, { format }).diagnostics) seen.add(`${d.code}/${format}`);
    }
    const listed = entries.flatMap(([code, info]) => info.formats.map((format) => `${code}/${format}`));
    expect([...seen].filter((key) => !listed.includes(key)).sort(), 'reported in a format the code does not list').toEqual([]);
    expect(listed.filter((key) => !seen.has(key)).sort(), 'listed but never reported').toEqual(Object.keys(notMadeIn).sort());
  });

  it('names are unique', () => {
    const names = entries.map(([, info]) => info.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('every message of the table is made by a hand-written input (or is listed, with its reason, as not makeable)', () => {
    const seen = new Set(made.flatMap((d) => idsOf(d).map((id) => `${d.code}/${id}`)));
    const missing = entries.flatMap(([code, info]) => Object.keys(info.messages).map((id) => `${code}/${id}`)).filter((key) => !seen.has(key));
    expect(missing.sort()).toEqual(Object.keys(notMade).sort());
    // Codes: the same honesty as diagnostics.test.ts's list.
    expect(entries.map(([code]) => code).filter((code) => !made.some((d) => d.code === code))).toEqual(notEmitted);
  });

  it('every diagnostic the readers make is a code of the table with one of its messages and that message\'s help', () => {
    const free = made.filter((d) => idsOf(d).length === 0).map((d) => `${d.code}: ${d.message} (${d.help})`);
    expect(free).toEqual([]);
    for (const d of made) {
      const info = codes[d.code as Code];
      expect(d.name).toBe(info.name);
      expect(d.category).toBe(info.category);
    }
  });
});
