// Every code om can report: the parser's OM0xx/OM1xx catalog and the lint rules' registry.
import { codes, codeUrl, type Code, type CodeInfo } from '@omkit/parser';
import { rules, type RuleSummary } from '@omkit/lint';

export interface CatalogEntry extends RuleSummary {
  fixable: boolean;
  /** `parser` codes cannot be turned off. */
  origin: 'parser' | 'lint';
  requiresScrape: boolean;
  presets: readonly string[];
}

let cache: CatalogEntry[] | undefined;

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
    });
  }
  entries.sort((a, b) => a.code.localeCompare(b.code));
  return (cache = entries);
}

/** By code or name, in any case. */
export function findEntry(key: string): CatalogEntry | undefined {
  const k = key.trim().toLowerCase();
  return catalog().find((e) => e.code.toLowerCase() === k || e.name === k);
}

export const isParserCode = (code: string): boolean => Object.hasOwn(codes, code);
