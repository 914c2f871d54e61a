// Real exporters' /metrics (test/fixtures/exporters, made by scripts/capture-exporters.sh): each is
// parsed in the format its extension names and linted with the default config and with the strict
// preset. A valid real exposition gets no error; its warnings are snapshotted, one line each, and
// reviewed by hand (a warning there is one a maintainer of that exporter would agree with).
import { readdirSync, readFileSync } from 'node:fs';
import { parse, type Diagnostic } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine.js';

const dir = new URL('fixtures/exporters/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.prom') || f.endsWith('.om')).sort();

const line = (d: Diagnostic) =>
  `${d.span ? `${d.span.start.line}:${d.span.start.column}` : '-'} ${d.severity} ${d.code}/${d.name} ${d.message}`;

describe.each(fixtures)('%s', (file) => {
  const text = readFileSync(new URL(file, dir), 'utf8');
  const format = file.endsWith('.om') ? 'openmetrics' : 'prometheus';
  const result = parse(text, { format });
  const runs = {
    default: lint(result, { source: file, text }),
    strict: lint(result, { config: { extends: 'strict' }, source: file, text }),
  };

  it('is read in the format its extension names, with no syntax finding', () => {
    expect(result.format).toBe(format);
    expect(result.diagnostics.map(line)).toEqual([]);
  });

  it('gets no error, with the default config or the strict preset', () => {
    expect(runs.default.filter((d) => d.severity === 'error').map(line)).toEqual([]);
    expect(runs.strict.filter((d) => d.severity === 'error').map(line)).toEqual([]);
  });

  it('gets the reviewed findings', async () => {
    const body = Object.entries(runs)
      .map(([config, ds]) => [`# ${config}: ${ds.length} finding${ds.length === 1 ? '' : 's'}`, ...ds.map(line)].join('\n'))
      .join('\n\n');
    await expect(`${body}\n`).toMatchFileSnapshot(`__snapshots__/exporters/${file}.txt`);
  });
});

it('has a fixture of every exporter the capture script runs', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(15);
});

// The findings issue 11 named, stated on their own so that a snapshot update cannot hide them.
describe('named findings', () => {
  const findings = (file: string, config?: { extends: 'strict' }) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const ds = lint(parse(text, { format: file.endsWith('.om') ? 'openmetrics' : 'prometheus' }), { source: file, text, ...(config ? { config } : {}) });
    return ds.map((d) => `${d.code} ${d.metric ?? ''}`);
  };

  it("Prometheus' counter of duplicate-timestamp samples is not a timestamp (OM216)", () => {
    expect(readFileSync(new URL('prometheus.prom', dir), 'utf8')).toContain('prometheus_target_scrapes_sample_duplicate_timestamp_total');
    expect(findings('prometheus.prom', { extends: 'strict' })).not.toContain('OM216 prometheus_target_scrapes_sample_duplicate_timestamp_total');
  });

  it("the Pushgateway's job and instance labels are kept (OM223)", () => {
    expect(readFileSync(new URL('pushgateway.prom', dir), 'utf8')).toMatch(/push_time_seconds\{instance="db1",job="backup"\}/);
    expect(findings('pushgateway.prom', { extends: 'strict' }).filter((f) => f.startsWith('OM223'))).toEqual([]);
  });

  it("process-exporter's gauge namedprocess_namegroup_thread_count is reported, as promtool does (OM203)", () => {
    expect(findings('process-exporter.prom')).toContain('OM203 namedprocess_namegroup_thread_count');
  });
});
