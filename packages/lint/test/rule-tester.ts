// RuleTester, shaped like typescript-eslint's: valid and invalid cases parsed from real text,
// asserting message ids and positions (never message text).
import * as parser from '@omkit/parser';
import type { Diagnostic, ParseResult } from '@omkit/parser';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fixText, runRules } from '../src/engine.js';
import type { AnyRule, ReportDescriptor, RuleContext, ScrapeFacts } from '../src/rule.js';

/** Strips the common indentation and the first/last empty lines of a template literal. */
export function dedent(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings.raw.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  text = text.replace(/\\`/g, '`').replace(/\\\$/g, '$').replace(/\\\\/g, '\\');
  const lines = text.split('\n');
  if (lines[0]!.trim() === '') lines.shift();
  if (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

type Format = parser.Format | 'auto';

export interface ValidCase {
  code: string;
  options?: Record<string, unknown>;
  format?: Format;
  /** Allow parser errors in the input (default: the input must parse cleanly). */
  parseErrors?: boolean;
  name?: string;
  /** Transport facts of the scrape (rules with `requiresScrape` run only when given). */
  scrape?: ScrapeFacts;
}
export interface ExpectedError {
  messageId: string;
  /** Omitted for whole-input findings (no span), such as scrape facts. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  metric?: string;
  severity?: Diagnostic['severity'];
}
export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The text after applying this rule's fixes (until none is left); omit for no fix. */
  output?: string;
}

/** Applies only `rule`'s fixes to `code`. */
export function fixWith(rule: AnyRule, code: string, options: Record<string, unknown> = {}, format: Format = 'auto') {
  return fixText(code, { format, config: { extends: [], rules: { [rule.code]: ['error', options] } } });
}

export function parseText(code: string, format: Format = 'auto'): ParseResult {
  const parse = (parser as unknown as { parse?: (t: string, o?: { format?: Format }) => ParseResult }).parse;
  if (!parse) throw new Error('@omkit/parser has no parse() yet');
  return parse(code, { format });
}

/** Runs one rule (and only it) over a text; returns its findings with their message ids. */
export function runRule(rule: AnyRule, code: string, options: Record<string, unknown> = {}, format: Format = 'auto', scrape?: ScrapeFacts) {
  const result = parseText(code, format);
  const ids: string[] = [];
  const spy: AnyRule = {
    ...rule,
    create(ctx: RuleContext<unknown>) {
      const wrapped = Object.create(ctx, {
        report: {
          value(d: ReportDescriptor) {
            ids.push(d.messageId);
            ctx.report(d);
          },
        },
      }) as RuleContext<unknown>;
      return rule.create(wrapped);
    },
  };
  const parsedOptions = v.parse(rule.options, options);
  const diagnostics = runRules(result, [{ rule: spy, severity: rule.severity, severityConfigured: false, options: parsedOptions }], {
    source: '-',
    text: code,
    ...(scrape ? { scrape } : {}),
  });
  return { result, found: diagnostics.map((d, i) => ({ ...d, messageId: ids[i]! })) };
}

export function ruleTester(rule: AnyRule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(`${rule.code}/${rule.name}`, () => {
    describe('valid', () => {
      for (const [i, c] of cases.valid.entries()) {
        const k: ValidCase = typeof c === 'string' ? { code: c } : c;
        it(k.name ?? `valid #${i + 1}`, () => {
          const { result, found } = runRule(rule, k.code, k.options, k.format, k.scrape);
          if (!k.parseErrors) expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(found.map((d) => `${d.messageId}@${d.span?.start.line}:${d.span?.start.column}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const [i, k] of cases.invalid.entries()) {
        it(k.name ?? `invalid #${i + 1}`, () => {
          const { result, found } = runRule(rule, k.code, k.options, k.format, k.scrape);
          if (!k.parseErrors) expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          found.sort((a, b) => (a.span?.start.offset ?? -1) - (b.span?.start.offset ?? -1));
          const actual = found.map((d, j) => {
            const e = k.errors[j];
            return {
              messageId: d.messageId,
              line: d.span?.start.line,
              column: d.span?.start.column,
              ...(e?.endLine !== undefined ? { endLine: d.span?.end.line } : {}),
              ...(e?.endColumn !== undefined ? { endColumn: d.span?.end.column } : {}),
              ...(e?.metric !== undefined ? { metric: d.metric } : {}),
              ...(e?.severity !== undefined ? { severity: d.severity } : {}),
            };
          });
          expect(actual).toEqual(k.errors);
          for (const d of found) {
            expect(d.code).toBe(rule.code);
            expect(d.message).not.toMatch(/\{\{|\.$/);
            if (d.fix) expect(rule.fixable).toBe(true);
          }
          const fixed = fixWith(rule, k.code, k.options, k.format);
          expect(fixed.text).toBe(k.output ?? k.code);
          if (k.output !== undefined) {
            // Fixing the output again changes nothing, and the fix introduced no parse error.
            expect(fixWith(rule, fixed.text, k.options, k.format).text).toBe(fixed.text);
            expect(fixed.diagnostics.filter((d) => d.severity === 'error' && d.code !== rule.code)).toEqual([]);
          }
        });
      }
    });
  });
}
