import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '@omkit/parser';
import { formatConcise } from '../../src/format/index.js';
import { ctx, inputs } from './fixtures/inputs.js';

const d: Diagnostic = {
  code: 'OM201',
  name: 'counter-total-suffix',
  category: 'practice',
  severity: 'warning',
  message: 'Counter `http_requests` has no `_total` sample',
  url: 'https://om.example/r.md',
  span: { start: { line: 3, column: 1, offset: 0 }, end: { line: 3, column: 14, offset: 13 } },
};

describe('concise', () => {
  test('the documented line', () => {
    expect(formatConcise([{ source: 'metrics.txt', diagnostics: [d] }], ctx)).toBe(
      'metrics.txt:3:1: warning OM201/counter-total-suffix Counter `http_requests` has no `_total` sample\n',
    );
  });

  test('without span: the source alone', () => {
    expect(formatConcise([{ source: '-', diagnostics: [{ ...d, span: undefined }] }], ctx)).toBe(
      '-: warning OM201/counter-total-suffix Counter `http_requests` has no `_total` sample\n',
    );
  });

  test('one line per diagnostic', () => {
    const n = inputs.reduce((k, i) => k + i.diagnostics.length, 0);
    expect(formatConcise(inputs, ctx).trimEnd().split('\n')).toHaveLength(n);
  });

  test('newlines and escapes in a message stay on one line and are harmless', () => {
    const out = formatConcise([{ source: 'a.txt', diagnostics: [{ ...d, message: 'a\nb \u001b[2J' }] }], ctx);
    expect(out).toBe('a.txt:3:1: warning OM201/counter-total-suffix a␊b ␛[2J\n');
  });

  test('colour: location bold, severity and rule in the severity colour', () => {
    expect(formatConcise([{ source: 'a.txt', diagnostics: [{ ...d, severity: 'error' }] }], { color: true })).toBe(
      '\u001b[1ma.txt:3:1\u001b[22m: \u001b[31merror\u001b[39m \u001b[31mOM201/counter-total-suffix\u001b[39m Counter `http_requests` has no `_total` sample\n',
    );
  });
});
