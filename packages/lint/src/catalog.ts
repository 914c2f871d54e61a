// Every code om can report: the parser's codes and the lint rules' registry, and the one boundary
// between them. Browser-safe.
import { codes, codeUrl, type Code, type CodeInfo, type Format } from '@omkit/parser';
import type { RuleSummary } from './format/types.js';
import { rules } from './rules/index.js';

/**
 * The code-range boundary between the parser and the linter (STYLE.md §3). Codes below
 * `OM${FIRST_RULE_CODE}` belong to @omkit/parser: OM0xx are syntax errors and OM100–OM149 the MUSTs
 * it checks while assembling families. Its diagnostics cannot be turned off, configured or accepted
 * in a baseline. Lint rules take codes from here up. Every other statement of the boundary (messages,
 * tests) derives from this constant.
 */
export const FIRST_RULE_CODE = 150;

/** The parser's code range as messages write it: `OM0xx, OM100–OM149`. */
export const PARSER_CODE_RANGE = `OM0xx, OM100–OM${FIRST_RULE_CODE - 1}`;

/** Whether `code` (any case) is one the parser reports. */
export function isParserCode(code: string): boolean {
  return Object.hasOwn(codes, code.toUpperCase());
}

export interface CatalogEntry extends RuleSummary {
  fixable: boolean;
  /** `parser` codes cannot be turned off. */
  origin: 'parser' | 'lint';
  requiresScrape: boolean;
  presets: readonly string[];
  /**
   * The input formats a lint rule judges (its `formats`, else every format), or those a parser code
   * can be reported in (its `formats` in the parser's table), in the order of `FORMATS`.
   */
  formats: readonly Format[];
}

/** Every input format, in the order `om rules` lists them. */
export const FORMATS: readonly Format[] = ['prometheus', 'openmetrics', 'openmetrics-2.0'];

/** The formats of an entry as `om rules` prints them: `all`, or their names joined by commas. */
export function formatsLabel(formats: readonly Format[]): string {
  return FORMATS.every((f) => formats.includes(f)) ? 'all' : FORMATS.filter((f) => formats.includes(f)).join(',');
}

let cache: CatalogEntry[] | undefined;

/** Every code, parser's and rules', sorted by code. */
export function catalog(): CatalogEntry[] {
  if (cache) return cache;
  const entries: CatalogEntry[] = [];
  for (const [code, info] of Object.entries(codes)) {
    entries.push({
      code,
      name: info.name,
      category: info.category,
      severity: info.severity,
      description: info.source,
      url: codeUrl(code as Code),
      fixable: (info as CodeInfo).fixable === true,
      origin: 'parser',
      requiresScrape: false,
      presets: [],
      formats: FORMATS.filter((f) => (info as CodeInfo).formats.includes(f)),
    });
  }
  for (const rule of Object.values(rules)) {
    entries.push({
      code: rule.code,
      name: rule.name,
      category: rule.category,
      severity: rule.severity,
      description: rule.description,
      url: rule.url,
      fixable: rule.fixable,
      origin: 'lint',
      requiresScrape: rule.requiresScrape,
      presets: rule.presets,
      formats: rule.formats ?? FORMATS,
    });
  }
  entries.sort((a, b) => a.code.localeCompare(b.code));
  return (cache = entries);
}

/** A catalog entry by code or name, in any case. */
export function findEntry(key: string): CatalogEntry | undefined {
  const k = key.trim().toLowerCase();
  return catalog().find((e) => e.code.toLowerCase() === k || e.name === k);
}

/**
 * A rule's Markdown doc (`docs/rules/<name>.md`) split for display: the front matter's fields
 * (`code`, `name`, `description`, unquoted) and the body after its own `# CODE name` heading.
 */
export function parseRuleDoc(doc: string): { fields: Record<string, string>; body: string } {
  let body = doc.replace(/\r\n/g, '\n');
  const fields: Record<string, string> = {};
  const front = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (front) {
    for (const line of front[1]!.split('\n')) {
      const m = /^([A-Za-z]+):\s*(.*)$/.exec(line);
      if (m) fields[m[1]!] = unquote(m[2]!.trim());
    }
    body = body.slice(front[0].length);
  }
  body = body.replace(/^\s*#[ \t][^\n]*\n/, '').replace(/^\n+/, '').replace(/\s+$/, '');
  return { fields, body };
}

/** A YAML scalar as written in the docs' front matter: plain, or in single or double quotes. */
function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  return value;
}
