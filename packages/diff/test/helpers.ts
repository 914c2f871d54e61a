import { parse, type ParseResult } from '@omkit/parser';

/** Parses a template literal, removing the common indentation. */
export function om(strings: TemplateStringsArray, ...values: unknown[]): ParseResult {
  return parse(dedent(String.raw(strings, ...values)), { format: 'openmetrics' });
}

export function prom(strings: TemplateStringsArray, ...values: unknown[]): ParseResult {
  return parse(dedent(String.raw(strings, ...values)), { format: 'prometheus' });
}

export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
