// The OM3xx rules through lint(): they run only with facts, per preset, without spans.
import { parse } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine.js';
import { factsOf, type AnyRule, type ScrapeFacts } from '../src/rule.js';
import { rules } from '../src/rules/index.js';
import { OM_TEXT, PROM_TEXT } from './scrape-text.js';

/** One fact of every kind @omkit/fetch records, each a problem. */
const everyFact: ScrapeFacts = [
  { kind: 'status', status: 500, statusText: 'Internal Server Error', prometheus: 'fails' },
  { kind: 'content-type', problem: 'missing', contentType: null, fallback: null, prometheus: 'fails' },
  { kind: 'format-negotiation', preferred: 'openmetrics', received: 'prometheus', contentType: 'text/plain; version=0.0.4' },
  { kind: 'content-encoding', encoding: 'br', problem: 'not-gzip', prometheus: 'fails' },
  { kind: 'body-size', bytes: 900, limit: 1000, problem: 'near-limit', prometheus: 'ok' },
  { kind: 'empty-body' },
  { kind: 'missing-eof', tail: 'up 1\n' },
  { kind: 'invalid-utf8' },
  { kind: 'redirect', status: 302, from: 'http://a/metrics', to: 'http://a/m', crossOrigin: false, credentialsDropped: false },
  { kind: 'insecure-tls' },
  { kind: 'credentials-over-http', host: 'a.example' },
  { kind: 'auth-retry', status: 401 },
  { kind: 'secret-echoed', where: 'headers' },
  { kind: 'unrequested-version', version: '2.0.0', contentType: 'application/openmetrics-text; version=2.0.0' },
];
const scrapeRules = Object.values(rules as Record<string, AnyRule>).filter((r) => r.requiresScrape);
const om3 = (list: { code: string }[]) => [...new Set(list.map((d) => d.code).filter((c) => c.startsWith('OM3')))].sort();

describe('scrape rules in lint()', () => {
  it('never run without facts', () => {
    for (const preset of ['recommended', 'strict', 'otel'] as const)
      expect(om3(lint(parse(OM_TEXT), { config: { extends: preset }, text: OM_TEXT }))).toEqual([]);
  });

  it('run with facts, as the preset says, with no span', () => {
    // Each fact alone (OM306 leaves an empty body to OM305, so the facts are not linted together).
    const codes = (preset: 'recommended' | 'strict' | 'otel') =>
      [...new Set(everyFact.flatMap((f) => om3(lint(parse(PROM_TEXT), { config: { extends: preset }, scrape: [f], text: PROM_TEXT }))))].sort();
    const inPreset = (p: string) => scrapeRules.filter((r) => r.presets.includes(p as 'strict')).map((r) => r.code).sort();
    expect(codes('recommended')).toEqual(inPreset('recommended'));
    expect(codes('strict')).toEqual(scrapeRules.map((r) => r.code).sort());
    expect(codes('otel')).toEqual(inPreset('otel'));
    for (const d of lint(parse(PROM_TEXT), { config: { extends: 'strict' }, scrape: everyFact })) if (d.code.startsWith('OM3')) expect(d.span).toBeUndefined();
  });

  it('every fact kind has a rule of strict that reads it', () => {
    for (const f of everyFact)
      expect(lint(parse(PROM_TEXT), { config: { extends: 'strict' }, scrape: [f] }).filter((d) => d.category === 'scrape').length, f.kind).toBeGreaterThan(0);
  });

  it('a configured severity wins over the graded one', () => {
    const facts: ScrapeFacts = [{ kind: 'content-type', problem: 'unsupported', contentType: 'text/html', fallback: 'PrometheusText0.0.4', prometheus: 'uses-fallback' }];
    const graded = lint(parse(OM_TEXT), { scrape: facts }).find((d) => d.code === 'OM301')!;
    expect(graded.severity).toBe('warning');
    const configured = lint(parse(OM_TEXT), { scrape: facts, config: { rules: { 'content-type': 'error' } } }).find((d) => d.code === 'OM301')!;
    expect(configured.severity).toBe('error');
  });

  it('facts of unknown kinds are ignored; factsOf narrows by kind', () => {
    const facts: ScrapeFacts = [{ kind: 'future-fact', x: 1 }, { kind: 'insecure-tls' }];
    expect(om3(lint(parse(OM_TEXT), { scrape: facts }))).toEqual(['OM309']);
    expect(factsOf(facts, 'insecure-tls')).toEqual([{ kind: 'insecure-tls' }]);
    expect(factsOf(undefined, 'status')).toEqual([]);
  });
});
