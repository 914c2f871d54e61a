// Hand-made model objects for engine tests that do not go through the parser.
import * as v from 'valibot';
import { runRules } from '../src/engine.js';
import type { AnyRule } from '../src/rule.js';
import type { Label, MetricFamily, MetricType, ParseResult, Sample, Span } from '@omkit/parser';

export function span(line: number, column = 1, length = 1, offset = (line - 1) * 100 + column - 1): Span {
  return { start: { line, column, offset }, end: { line, column: column + length, offset: offset + length } };
}

export function sample(name: string, labels: Record<string, string>, value: number, line: number): Sample {
  return { name, labels: Object.entries(labels).map(([n, v]): Label => ({ name: n, value: v })), value, span: span(line, 1, name.length) };
}

export function family(name: string, type: MetricType, samples: Sample[], line = samples[0]?.span.start.line ?? 1): MetricFamily {
  const byKey = new Map<string, Sample[]>();
  for (const s of samples) {
    const key = JSON.stringify(s.labels.filter((l) => l.name !== 'le' && l.name !== 'quantile'));
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  return {
    name,
    type,
    typeDeclared: type !== 'unknown',
    descriptors: [],
    metrics: [...byKey.values()].map((ss) => ({ labels: ss[0]!.labels.filter((l) => l.name !== 'le' && l.name !== 'quantile'), samples: ss })),
    span: span(line, 1, name.length),
  };
}

export function result(families: MetricFamily[], diagnostics: ParseResult['diagnostics'] = []): ParseResult {
  return { format: 'openmetrics', families, diagnostics };
}

/** Runs one rule over a one-family hand-made model; returns the message ids it reported. */
export function runRuleOnModel(rule: AnyRule, overrides: Partial<MetricFamily>): string[] {
  const f: MetricFamily = { ...family('x_total', 'gauge', [sample('x_total', {}, 1, 2)]), ...overrides };
  const ids: string[] = [];
  const spy: AnyRule = {
    ...rule,
    create: (ctx) =>
      rule.create(Object.create(ctx, { report: { value: (d: { messageId: string }) => ids.push(d.messageId) } }) as typeof ctx),
  };
  runRules(result([f]), [{ rule: spy, severity: rule.severity, severityConfigured: false, options: v.parse(rule.options, {}) }], { source: '-' });
  return ids;
}
