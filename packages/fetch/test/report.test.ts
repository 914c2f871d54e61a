import { describe, expect, it } from 'vitest';
import { describeFact, describeTimings, refusedContentType, targetFileName } from '../src/light.js';

describe('words for a scrape', () => {
  it('describeFact: the kind, then its fields', () => {
    expect(describeFact({ kind: 'empty-body' })).toBe('empty-body');
    expect(describeFact({ kind: 'redirect', status: 301, from: 'http://a/', to: 'http://b/', crossOrigin: true, credentialsDropped: false })).toBe(
      'redirect (status=301 from=http://a/ to=http://b/ crossOrigin=true credentialsDropped=false)',
    );
  });

  it('describeTimings: every phase, a dash for one that did not happen, the gzip size when compressed', () => {
    const timings = { dns: 0.25, connect: 1, tls: undefined, firstByte: 3.04, total: 4 };
    expect(describeTimings({ timings, bytes: 10, compressedBytes: undefined })).toBe('dns 0.3 ms  connect 1.0 ms  tls -  first byte 3.0 ms  total 4.0 ms  10 bytes');
    expect(describeTimings({ timings, bytes: 10, compressedBytes: 4 })).toMatch(/ 10 bytes \(4 gzip\)$/);
  });

  it('targetFileName: host, port, path and query, with the extension of the format', () => {
    expect(targetFileName('http://10.0.0.1:9100/metrics', 'prometheus')).toBe('10.0.0.1_9100_metrics.prom');
    expect(targetFileName('https://app.example.com/x/metrics?a=b', 'openmetrics')).toBe('app.example.com_443_x_metrics_a_b.om');
    expect(targetFileName('http://h/', 'protobuf')).toBe('h_80.pb');
  });

  it('refusedContentType: only what makes Prometheus 3 fail the scrape', () => {
    const fact = (problem: 'missing' | 'unparsable' | 'unsupported', contentType: string | null, prometheus: 'fails' | 'uses-fallback' = 'fails') =>
      ({ kind: 'content-type', problem, contentType, fallback: null, prometheus }) as const;
    expect(refusedContentType([])).toBeUndefined();
    expect(refusedContentType([fact('missing', null)])).toBe('sent no Content-Type');
    expect(refusedContentType([fact('unparsable', 'a/b;;')])).toBe('sent a Content-Type that cannot be parsed (`a/b;;`)');
    expect(refusedContentType([fact('unsupported', 'text/html')])).toBe('sent the Content-Type `text/html`, which Prometheus 3 does not read');
    expect(refusedContentType([fact('unsupported', 'text/html', 'uses-fallback')])).toBeUndefined();
  });
});
