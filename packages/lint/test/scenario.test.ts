// The "must show": a config that turns a rule off, raises another to error, ignores a
// name glob, and a baseline that hides known problems while a new one still fails.
import { parse } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { createBaseline } from '../src/baseline.js';
import { lint } from '../src/engine.js';
import type { Config } from '../src/config.js';
import { dedent } from './rule-tester.js';

const today = dedent`
  # HELP legacy_requests Requests.
  # TYPE legacy_requests counter
  legacy_requests 3
  # TYPE api_latency_ms gauge
  api_latency_ms 12
  # HELP api_cpu_percent CPU.
  # TYPE api_cpu_percent gauge
  api_cpu_percent 40
`;
const codes = (text: string, config?: Config, baseline?: ReturnType<typeof createBaseline>) =>
  lint(parse(text), { source: 'metrics.prom', ...(config ? { config } : {}), ...(baseline ? { baseline } : {}) }).map(
    (d) => `${d.span?.start.line}:${d.severity}:${d.code}:${d.metric}`,
  );

describe('config and baseline', () => {
  it('recommended reports everything as warnings', () => {
    expect(codes(today)).toEqual([
      '3:warning:OM201:legacy_requests',
      '4:warning:OM200:api_latency_ms',
      '4:warning:OM210:api_latency_ms',
      '6:warning:OM213:api_cpu_percent',
    ]);
  });

  const config: Config = {
    rules: { 'help-text': 'off', om213: 'error' },
    ignore: [{ rule: 'counter-total-suffix', metric: 'legacy_*' }],
  };

  it('turns a rule off, raises another to error and ignores a name glob', () => {
    expect(codes(today, config)).toEqual(['4:warning:OM210:api_latency_ms', '6:error:OM213:api_cpu_percent']);
  });

  it('a baseline hides known problems, wherever they move, while a new one still fails', () => {
    const baseline = createBaseline(lint(parse(today), { source: 'metrics.prom', config }));
    const tomorrow = dedent`
      # HELP api_cpu_percent CPU.
      # TYPE api_cpu_percent gauge
      api_cpu_percent 41
      # TYPE api_latency_ms gauge
      api_latency_ms 13
      # HELP api_mem_percent Memory.
      # TYPE api_mem_percent gauge
      api_mem_percent 40
    `;
    expect(codes(tomorrow, config, baseline)).toEqual(['6:error:OM213:api_mem_percent']);
  });

  it('parser diagnostics are never hidden by ignores or baselines', () => {
    const broken = `${today}bad line here\n`;
    const baseline = createBaseline(lint(parse(broken), { source: 'metrics.prom' }));
    const ds = lint(parse(broken), { source: 'metrics.prom', config: { ignore: [{ rule: '*' }] }, baseline });
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => Number(d.code.slice(2)) < 150)).toBe(true);
  });
});
