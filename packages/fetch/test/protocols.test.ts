import { describe, expect, it } from 'vitest';
import { acceptHeader, classifyContentType, parseMediaType } from '../src/index.js';

describe('acceptHeader', () => {
  it('is Prometheus 3.4+ default byte for byte', () => {
    expect(acceptHeader()).toBe(
      'application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2',
    );
  });

  it('uses the escaping scheme of legacy validation', () => {
    expect(acceptHeader(undefined, 'underscores')).toBe(
      'application/openmetrics-text;version=1.0.0;escaping=underscores;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=underscores;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2',
    );
  });

  it('puts protobuf first when asked', () => {
    expect(acceptHeader(['PrometheusProto', 'OpenMetricsText1.0.0', 'OpenMetricsText0.0.1', 'PrometheusText1.0.0', 'PrometheusText0.0.4'])).toBe(
      'application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.6,application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1',
    );
  });

  it('asks for OpenMetrics 2.0 only when listed, above 1.0.0 when listed first, with its escaping', () => {
    expect(acceptHeader()).not.toContain('version=2.0.0');
    expect(acceptHeader(['OpenMetricsText2.0.0', 'OpenMetricsText1.0.0', 'OpenMetricsText0.0.1', 'PrometheusText1.0.0', 'PrometheusText0.0.4'])).toBe(
      'application/openmetrics-text;version=2.0.0;escaping=allow-utf-8;q=0.7,application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2',
    );
    expect(acceptHeader(['OpenMetricsText2.0.0'], 'underscores')).toBe('application/openmetrics-text;version=2.0.0;escaping=underscores;q=0.7,*/*;q=0.6');
    // Every protocol listed: each weight stays above */*'s.
    expect(acceptHeader(['OpenMetricsText2.0.0', 'PrometheusProto', 'OpenMetricsText1.0.0', 'OpenMetricsText0.0.1', 'PrometheusText1.0.0', 'PrometheusText0.0.4'])).toMatch(/;q=0\.2,\*\/\*;q=0\.1$/);
  });

  it('follows the order given and rejects empty or repeated lists', () => {
    expect(acceptHeader(['PrometheusText0.0.4'])).toBe('text/plain;version=0.0.4;q=0.6,*/*;q=0.5');
    expect(() => acceptHeader([])).toThrow(/empty/);
    expect(() => acceptHeader(['PrometheusText0.0.4', 'PrometheusText0.0.4'])).toThrow(/repeat/);
  });
});

describe('Content-Type', () => {
  it('parses media types like mime.ParseMediaType', () => {
    expect(parseMediaType('Application/OpenMetrics-Text; version=1.0.0; charset="utf-8"')).toEqual({
      type: 'application/openmetrics-text',
      params: { version: '1.0.0', charset: 'utf-8' },
    });
    expect(parseMediaType('text/plain;')).toEqual({ type: 'text/plain', params: {} });
    expect(parseMediaType('text')).toBeUndefined();
    expect(parseMediaType('text/plain; version')).toBeUndefined();
    expect(parseMediaType('text/plain; a=1; a=2')).toBeUndefined();
  });

  it('maps to a format as Prometheus 3 does, with and without a fallback', () => {
    expect(classifyContentType('application/openmetrics-text; version=0.0.1').format).toBe('openmetrics');
    expect(classifyContentType('application/openmetrics-text; version=2.0.0; charset=utf-8')).toMatchObject({ format: 'openmetrics', mediaType: { params: { version: '2.0.0' } } });
    expect(classifyContentType('text/plain; version=0.0.4').format).toBe('prometheus');
    expect(classifyContentType('application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily').format).toBe('protobuf');
    expect(classifyContentType(null)).toMatchObject({ format: null, problem: 'missing', source: null });
    expect(classifyContentType('text/html; charset=utf-8')).toMatchObject({ format: null, problem: 'unsupported' });
    expect(classifyContentType('what is this')).toMatchObject({ format: null, problem: 'unparsable' });
    expect(classifyContentType('', 'PrometheusText0.0.4')).toMatchObject({ format: 'prometheus', source: 'fallback', problem: 'missing' });
    expect(classifyContentType('application/json', 'OpenMetricsText1.0.0')).toMatchObject({ format: 'openmetrics', source: 'fallback', problem: 'unsupported' });
  });
});
