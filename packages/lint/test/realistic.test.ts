// Real-world-shaped expositions must not produce false errors (warnings are fine where the guide says so).
import { readFileSync } from 'node:fs';
import { parse } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const summary = (ds: { code: string; name: string; metric?: string; severity: string }[]) =>
  ds.map((d) => `${d.severity} ${d.code}/${d.name} ${d.metric ?? ''}`);

describe.each(['node-exporter.prom', 'kube-state-metrics.prom', 'otel-collector.om'])('%s', (name) => {
  const result = parse(fixture(name));

  it('parses cleanly', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it.each(['recommended', 'strict', 'otel'] as const)('has no errors with %s', (preset) => {
    const ds = lint(result, { config: { extends: preset }, source: name });
    expect(summary(ds.filter((d) => d.severity === 'error'))).toEqual([]);
  });
});

describe('expected findings on real expositions', () => {
  it('node_exporter: only the known camelCase /proc/meminfo names', () => {
    const ds = lint(parse(fixture('node-exporter.prom')), { source: 'n' });
    expect(summary(ds)).toEqual([
      'warning OM208/snake-case-name node_memory_MemAvailable_bytes',
      'warning OM208/snake-case-name node_memory_MemTotal_bytes',
    ]);
  });

  it('node_exporter with `allow` for node_memory_* is clean', () => {
    const ds = lint(parse(fixture('node-exporter.prom')), { config: { rules: { 'snake-case-name': ['warning', { allow: ['node_memory_*'] }] } } });
    expect(summary(ds)).toEqual([]);
  });

  it('kube-state-metrics: pod UID labels are reported, not the info metrics or `_created` gauges', () => {
    const ds = lint(parse(fixture('kube-state-metrics.prom')), { source: 'k' });
    expect(summary(ds)).toEqual([
      'warning OM221/no-id-label-value kube_pod_container_resource_requests',
      'warning OM221/no-id-label-value kube_pod_status_phase',
      'warning OM221/no-id-label-value kube_pod_container_status_restarts_total',
    ]);
  });

  it('otel: scope labels on every series are expected in the otel preset', () => {
    const result = parse(fixture('otel-collector.om'));
    expect(summary(lint(result, { config: { extends: 'otel' } }))).toEqual([]);
    expect(summary(lint(result)).filter((s) => s.includes('OM152'))).toHaveLength(2);
  });
});
