// Findings kept compactly (lint's `compact` option, which the CLI uses): the same diagnostics as
// plain objects, field for field and in their JSON, without an interpolated message per finding.
import { parse } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine.js';
import { Finding, plainDiagnostic } from '../src/finding.js';
import { detached } from '../src/stream.js';
import { formatters } from '../src/format/index.js';

const text = [
  '# TYPE http_requests counter',
  'http_requests{job="a",code="200"} 3',
  'http_requests{job="a",code="500"} 1',
  'app_latency_ms{path="/x/1234567890abcdef1234"} 7',
  'app_ratio 150',
  '',
].join('\n');

describe('compact findings', () => {
  const plain = lint(parse(text), { source: 'm.prom', text, config: { extends: ['strict'] } });
  const compact = lint(parse(text), { source: 'm.prom', text, config: { extends: ['strict'] }, compact: true });

  it('are Findings that read as the plain diagnostics', () => {
    expect(compact.length).toBe(plain.length);
    expect(compact.filter((d) => d instanceof Finding).length).toBeGreaterThan(3);
    for (const [i, d] of compact.entries()) {
      const p = plain[i]!;
      for (const key of ['code', 'name', 'category', 'severity', 'message', 'help', 'source', 'span', 'metric', 'detail', 'fix', 'url'] as const)
        expect(d[key], `${p.code} ${key}`).toEqual(p[key]);
      expect(plainDiagnostic(d)).toEqual(p);
    }
  });

  it('give the same JSON, key order included, and the same reports', () => {
    expect(JSON.stringify(compact)).toBe(JSON.stringify(plain));
    for (const format of ['json', 'concise', 'sarif', 'github', 'junit', 'full'] as const) {
      const a = formatters[format]([{ source: 'm.prom', text, diagnostics: compact }], { color: false });
      const b = formatters[format]([{ source: 'm.prom', text, diagnostics: plain }], { color: false });
      expect(a, format).toBe(b);
    }
  });

  it('hold no message, help, url or span object of their own (they are made when read)', () => {
    for (const d of compact.filter((x) => x instanceof Finding)) {
      const own = Object.values(d);
      expect(own).not.toContain(d.message);
      expect(own.some((v) => typeof v === 'object' && v !== null && 'start' in v)).toBe(false);
      expect(Object.keys(d)).not.toContain('url');
    }
  });

  it('stay Findings when detached from the input', () => {
    for (const d of compact) {
      const copy = detached(d);
      expect(copy instanceof Finding).toBe(d instanceof Finding);
      expect(JSON.stringify(copy)).toBe(JSON.stringify(d));
    }
  });
});
