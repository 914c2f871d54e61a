// lintStream: a streamed lint finds what the whole-text lint finds, and keeps copies of its findings.
import { parse, type Diagnostic } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { createBaseline } from '../src/baseline.js';
import { isParserCode } from '../src/catalog.js';
import { resolveConfig } from '../src/config.js';
import { lint } from '../src/engine.js';
import { detached, lintStream } from '../src/stream.js';

const text = [
  '# TYPE http_requests counter',
  'http_requests_total{code="200"} 1',
  '# TYPE process_cpu_seconds_total counter',
  'process_cpu_seconds_total 1.5',
  '# TYPE temp gauge',
  '# HELP temp Temperature in percent.',
  'temp{Room="kitchen",le="1"} 20',
  'bad{ 1',
  '# EOF',
  '',
].join('\n');

const chunked = (s: string, size: number) => {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += size) out.push(s.slice(i, i + size));
  return out;
};
const bytes = async function* (s: string, size: number) {
  const all = new TextEncoder().encode(s);
  for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
};

describe('lintStream', () => {
  const config = resolveConfig({ extends: 'strict' });
  const whole = lint(parse(text, { format: 'openmetrics' }), { config, source: 'm.om', text });

  it.each([1, 7, 64, 4096])('finds what lint() finds, in chunks of %i', async (size) => {
    const streamed = await lintStream(chunked(text, size), { config, source: 'm.om', hints: { format: 'openmetrics' } });
    expect(whole.length).toBeGreaterThan(3);
    expect(streamed).toEqual({ source: 'm.om', diagnostics: whole.map((d) => ({ ...d, fix: undefined })).map(detached) });
  });

  it('reads bytes, takes the format from the hints, and names the input `-` by default', async () => {
    const streamed = await lintStream(bytes(text, 10), { config, hints: { fileName: 'metrics.om' } });
    expect(streamed.source).toBe('-');
    expect(streamed.diagnostics.map((d) => d.code)).toEqual(lint(parse(text, { fileName: 'metrics.om' }), { config, text }).map((d) => d.code));
  });

  it('applies a baseline and passes the scrape facts once the chunks are read', async () => {
    const baseline = createBaseline(whole);
    const streamed = await lintStream(chunked(text, 16), { config, source: 'm.om', baseline, hints: { format: 'openmetrics' } });
    expect(streamed.diagnostics.filter((d) => !isParserCode(d.code))).toEqual([]);
    expect(streamed.diagnostics.length).toBeGreaterThan(0);
    let asked = 0;
    const facts = async () => {
      asked++;
      return [];
    };
    await lintStream(chunked(text, 16), { config, source: 'm.om', hints: { format: 'openmetrics' }, facts });
    expect(asked).toBe(1);
  });

  it('a read error propagates', async () => {
    const failing = async function* () {
      yield 'up 1\n';
      throw new Error('read failed');
    };
    await expect(lintStream(failing(), { config })).rejects.toThrow('read failed');
  });
});

describe('detached', () => {
  it('is an equal copy sharing no object, absent fields left out', () => {
    const d: Diagnostic = {
      code: 'OM201',
      name: 'counter-total-suffix',
      category: 'practice',
      severity: 'warning',
      message: 'Counter `x`',
      source: 'm',
      url: 'u',
      detail: { expected: 'x_total' },
      span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } },
      metric: undefined,
    };
    const copy = detached(d);
    const { metric: _, ...present } = d;
    expect(copy).toEqual(present);
    expect('metric' in copy).toBe(false);
    expect(copy.span).not.toBe(d.span);
    expect(copy.detail).not.toBe(d.detail);
  });
});
