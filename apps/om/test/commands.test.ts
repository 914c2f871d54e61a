// om parse, om stats, om rules and om diff on files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, run, tempDir } from './helpers.js';

const before = `# HELP app_requests_total Requests served.
# TYPE app_requests_total counter
app_requests_total{path="/",code="200"} 100
app_requests_total{path="/old",code="200"} 5
# HELP app_temperature Temperature.
# TYPE app_temperature gauge
app_temperature 20
# HELP app_jobs_total Jobs.
# TYPE app_jobs_total counter
app_jobs_total 500
`;
const after = `# HELP app_requests_total Requests served, by path.
# TYPE app_requests_total counter
app_requests_total{code="200",path="/"} 160
app_requests_total{code="200",path="/new"} 1
# HELP app_temperature Temperature.
# TYPE app_temperature untyped
app_temperature 21
# HELP app_jobs_total Jobs.
# TYPE app_jobs_total counter
app_jobs_total 3
# HELP app_build_info Build.
# TYPE app_build_info gauge
app_build_info{version="2"} 1
`;

const tmp = tempDir({ 'a.prom': before, 'b.prom': after, 'same.prom': before });
afterAll(tmp.cleanup);
const cwd = tmp.dir;

describe('om parse', () => {
  it('converts OpenMetrics to Prometheus text', async () => {
    expect(await run(['parse', 'sample.om', '--to', 'prometheus'])).toMatchSnapshot();
  });

  it('canonicalises to the input format by default and converts to JSON', async () => {
    const om = await run(['parse', 'sample.om']);
    expect(om.stdout.endsWith('# EOF\n')).toBe(true);
    const json = await run(['parse', '--to', 'json', '-'], { stdin: readFileSync(join(FIXTURES, 'valid.prom')) });
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ name: 'app_requests_total', type: 'counter' });
  });

  it('prints parse errors on stderr and exits 1', async () => {
    expect(await run(['parse', join(FIXTURES, 'invalid.prom')], { cwd: FIXTURES })).toMatchSnapshot();
  });

  it('exits 2 on a missing file or a bad --to', async () => {
    expect(await run(['parse', 'nope.prom'])).toMatchSnapshot();
    expect((await run(['parse', 'sample.om', '--to', 'yaml'])).exitCode).toBe(2);
  });
});

describe('om stats', () => {
  it('text', async () => {
    expect(await run(['stats', 'sample.prom', '--top', '3'])).toMatchSnapshot();
  });

  it('json', async () => {
    const r = await run(['stats', '--format', 'json', 'sample.om']);
    expect(JSON.parse(r.stdout)).toMatchSnapshot();
  });
});

describe('om rules', () => {
  it('lists parser codes and lint rules', async () => {
    const r = await run(['rules']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^CODE\s+NAME\s+CATEGORY\s+SEVERITY\s+FORMATS\s+FIXABLE$/);
    expect(r.stdout).toMatch(/^OM001\s+invalid-line\s+syntax\s+error\s+all\s+no$/m);
    // Parser codes list the formats they can be reported in, as spec.ts's table gives them.
    expect(r.stdout).toMatch(/^OM004\s+missing-eof\s+syntax\s+error\s+openmetrics,openmetrics-2\.0\s+yes$/m);
    expect(r.stdout).toMatch(/^OM023\s+openmetrics-2-syntax\s+syntax\s+warning\s+prometheus,openmetrics\s+no$/m);
    expect(r.stdout).toMatch(/^OM104\s+clashing-name\s+conformance\s+error\s+openmetrics\s+no$/m);
    expect(r.stdout).toMatch(/^OM128\s+summary-quantile-order\s+conformance\s+error\s+prometheus,openmetrics-2\.0\s+no$/m);
    expect(r.stdout).toMatch(/^OM139\s+count-went-down\s+conformance\s+error\s+openmetrics-2\.0\s+no$/m);
    expect(r.stdout).not.toMatch(/^OM\d{3}\s+\S+\s+\S+\s+\S+\s+-\s/m);
    expect(r.stdout).toMatch(/^OM201\s+counter-total-suffix\s+practice\s+warning\s+prometheus,openmetrics-2\.0\s+no$/m);
    expect(r.stdout).toMatch(/^OM227\s+no-discouraged-suffix\s+practice\s+warning\s+openmetrics-2\.0\s+no$/m);
    const json = JSON.parse((await run(['rules', '--format', 'json'])).stdout);
    expect(json.find((e: { code: string }) => e.code === 'OM100')).toMatchObject({ origin: 'parser', category: 'conformance', formats: ['prometheus', 'openmetrics', 'openmetrics-2.0'] });
    expect(json.find((e: { code: string }) => e.code === 'OM023')).toMatchObject({ origin: 'parser', formats: ['prometheus', 'openmetrics'] });
    expect(json.find((e: { code: string }) => e.code === 'OM130')).toMatchObject({ origin: 'parser', formats: ['openmetrics-2.0'] });
    expect(json.find((e: { code: string }) => e.code === 'OM151')).toMatchObject({ formats: ['prometheus'] });
    expect(json.find((e: { code: string }) => e.code === 'OM200')).toMatchObject({ formats: ['prometheus', 'openmetrics', 'openmetrics-2.0'] });
  });

  it('prints a rule doc by code or name', async () => {
    const byCode = await run(['rules', 'OM201']);
    expect(byCode.exitCode).toBe(0);
    expect(byCode.stdout).toContain('OM201/counter-total-suffix\n');
    expect((await run(['rules', 'Counter-Total-Suffix'])).stdout).toBe(byCode.stdout);
    expect(byCode.stdout).toContain('\nFormats: prometheus, openmetrics-2.0\n');
    // A doc that does not name its formats gets them from the catalog.
    expect((await run(['rules', 'OM200'])).stdout).toMatch(/^Category: [^\n]*\n\nFormats: all\n/m);
    expect(JSON.parse((await run(['rules', 'OM228', '--format', 'json'])).stdout)).toMatchObject({ formats: ['openmetrics-2.0'] });
  });

  it('describes a parser code', async () => {
    expect(await run(['rules', 'om004'])).toMatchSnapshot();
    expect((await run(['rules', 'OM121'])).stdout).toContain(' · Formats: openmetrics · ');
    expect(JSON.parse((await run(['rules', 'OM121', '--format', 'json'])).stdout)).toMatchObject({ origin: 'parser', formats: ['openmetrics'] });
  });

  it('exits 2 on an unknown rule', async () => {
    expect(await run(['rules', 'OM999'])).toMatchSnapshot();
  });
});

describe('om diff files', () => {
  it('shows type/help changes, added and removed series, a counter reset', async () => {
    expect(await run(['diff', 'a.prom', 'b.prom'], { cwd })).toMatchSnapshot();
  });

  it('exits 0 when equal, and label order never matters', async () => {
    expect(await run(['diff', 'a.prom', 'same.prom'], { cwd })).toMatchSnapshot();
  });

  it('json and markdown', async () => {
    const json = await run(['diff', '--format', 'json', 'a.prom', 'b.prom'], { cwd });
    const report = JSON.parse(json.stdout);
    expect(report.version).toBe(1);
    expect(report.changes.map((c: { kind: string }) => c.kind)).toContain('counter-reset');
    expect(await run(['diff', '--format', 'markdown', 'a.prom', 'b.prom'], { cwd })).toMatchSnapshot();
  });

  it('--only, --fail-on, --ignore-metric, --ignore-label, --relabel, --tolerance', async () => {
    const only = await run(['diff', '--only', 'type-changed,help-changed', 'a.prom', 'b.prom'], { cwd });
    expect(only).toMatchSnapshot();
    const failOn = await run(['diff', '--fail-on', 'family-removed', 'a.prom', 'b.prom'], { cwd });
    expect(failOn.exitCode).toBe(0);
    const ignored = await run(
      ['diff', '--ignore-metric', 'app_build_*,app_jobs_total', '--ignore-label', 'code', '--relabel', 'path=#^/(old|new)$#/x#', '--tolerance', '1', '--only', 'family-added,series-added,series-removed,value-changed', 'a.prom', 'b.prom'],
      { cwd },
    );
    expect(ignored).toMatchSnapshot();
    expect((await run(['diff', '--tolerance', 'lots', 'a.prom', 'b.prom'], { cwd })).exitCode).toBe(2);
    expect((await run(['diff', '--only', 'everything', 'a.prom', 'b.prom'], { cwd })).stderr).toMatch(/^om: --only: unknown kind "everything"/);
    expect((await run(['diff', '--relabel', 'path', 'a.prom', 'b.prom'], { cwd })).exitCode).toBe(2);
  });

  it('needs two inputs, or one URL with --interval', async () => {
    expect(await run(['diff', 'a.prom'], { cwd })).toMatchSnapshot();
  });

  it('--write-golden rewrites the golden file from the other side', async () => {
    const g = tempDir({ 'golden.prom': before, 'new.prom': after });
    try {
      const w = await run(['diff', '--write-golden', 'golden.prom', 'new.prom'], { cwd: g.dir });
      expect(w.exitCode).toBe(0);
      expect(w.stderr).toBe('om: wrote golden.prom from new.prom\n');
      expect((await run(['diff', 'golden.prom', 'new.prom'], { cwd: g.dir })).exitCode).toBe(0);
      const create = await run(['diff', '--write-golden', 'fresh.prom', 'new.prom'], { cwd: g.dir });
      expect(create.exitCode).toBe(0);
      expect(readFileSync(join(g.dir, 'fresh.prom'), 'utf8')).toBe(readFileSync(join(g.dir, 'golden.prom'), 'utf8'));
      writeFileSync(join(g.dir, 'x.prom'), before);
      expect((await run(['diff', '--write-golden', '-', 'x.prom'], { cwd: g.dir, stdin: before })).exitCode).toBe(2);
    } finally {
      g.cleanup();
    }
  });
});

describe('examples', () => {
  it('the bundled samples exist where the README says', () => {
    expect(readFileSync(join(EXAMPLES, 'sample.prom'), 'utf8')).toContain('# TYPE');
  });
});
