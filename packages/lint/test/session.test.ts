import fc from 'fast-check';
import { parse, parseStream, type ParseResult } from '@omkit/parser';
import { describe, expect, it } from 'vitest';
import { lint, lintSession, type LintSessionOptions } from '../src/engine.js';
import { createBaseline } from '../src/baseline.js';

/** Lints `text` as a stream: cut into chunks of `size` characters, one session part per family. */
async function lintStreamed(text: string, size: number, options: LintSessionOptions = {}, format?: 'openmetrics' | 'prometheus') {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  const session = lintSession(options);
  for await (const item of parseStream(chunks, format ? { format } : {})) {
    session.add({ format: item.format, families: item.family ? [item.family] : [], diagnostics: item.diagnostics });
  }
  return session.finish();
}

const strict = { extends: 'strict' as const };
const shown = (ds: ReturnType<typeof lint>) => ds.map((d) => `${d.code} ${d.span?.start.line ?? '-'}:${d.span?.start.column ?? '-'} ${d.message}`);

describe('lintSession', () => {
  it('finds across parts what lint() finds in the whole (property)', async () => {
    // Families that exercise the checks across families: target info placement, a label on
    // every series, a `_count` gauge beside a summary of its stem, and their absence.
    const family = fc.constantFrom(
      '# TYPE target info\n# HELP target T.\ntarget_info{service_name="s"} 1\n',
      '# TYPE app_jobs gauge\n# HELP app_jobs Jobs.\napp_jobs{env="prod",q="a"} 1\napp_jobs{env="prod",q="b"} 2\n',
      '# TYPE app_rpc_seconds summary\n# HELP app_rpc_seconds RPC.\napp_rpc_seconds_count{env="prod"} 1\napp_rpc_seconds_sum{env="prod"} 2\n',
      '# TYPE app_rpc_seconds_count gauge\n# HELP app_rpc_seconds_count Count.\napp_rpc_seconds_count_x{env="prod"} 1\n',
      '# TYPE app_queue_count gauge\n# HELP app_queue_count Queue.\napp_queue_count{env="dev"} 3\n',
      '# TYPE app_queue summary\n# HELP app_queue Q.\napp_queue_sum{env="prod"} 1\napp_queue_count{env="prod"} 1\n',
      '# TYPE app_up gauge\napp_up{env="prod",Zone="a"} 1\napp_up{env="prod",Zone="a"} 1\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(family, { maxLength: 6 }), fc.boolean(), fc.integer({ min: 1, max: 200 }), async (families, om, size) => {
        const text = families.join('') + (om ? '# EOF\n' : '');
        const format = om ? 'openmetrics' : 'prometheus';
        const whole = lint(parse(text, { format }), { config: strict });
        const streamed = await lintStreamed(text, size, { config: strict }, format);
        expect(shown(streamed)).toEqual(shown(whole));
      }),
      { numRuns: 150 },
    );
  });

  it('sees a label that only looks constant within one part', async () => {
    const text =
      '# TYPE app_a gauge\n# HELP app_a A.\napp_a{env="dev"} 1\n' +
      '# TYPE app_b gauge\n# HELP app_b B.\napp_b{env="prod",q="1"} 1\napp_b{env="prod",q="2"} 2\n';
    const session = lintSession({ config: { extends: 'strict', rules: { 'no-constant-label': ['warning', { minSeries: 2 }] } } });
    const whole = parse(text, { format: 'prometheus' });
    for (const family of whole.families) session.add({ format: whole.format, families: [family], diagnostics: [] });
    const codes = session.finish().map((d) => d.code);
    expect(codes).not.toContain('OM152');
    // Run per part, as separate expositions, the second part alone would report `env`.
    const alone = lint({ format: 'prometheus', families: [whole.families[1]!], diagnostics: [] }, { config: { rules: { 'no-constant-label': ['warning', { minSeries: 2 }] } } });
    expect(alone.map((d) => d.code)).toContain('OM152');
  });

  it('judges a `_count` gauge against a summary that comes in a later part', async () => {
    const text =
      '# TYPE app_queue_count gauge\n# HELP app_queue_count Queue.\napp_queue_count 3\n' +
      '# TYPE app_queue summary\n# HELP app_queue Q.\napp_queue_sum 1\napp_queue_count 1\n';
    const result = await lintStreamed(text, 16, { config: strict });
    expect(result.filter((d) => d.code === 'OM203').map((d) => [d.metric, d.span?.start.line])).toEqual([['app_queue_count', 1]]);
  });

  it('reports target info that starts a later part but not the exposition', async () => {
    const text = '# TYPE app_up gauge\n# HELP app_up Up.\napp_up 1\n# TYPE target info\n# HELP target T.\ntarget_info{service_name="s"} 1\n# EOF\n';
    const result = await lintStreamed(text, 8, { config: strict });
    expect(result.filter((d) => d.code === 'OM158').map((d) => d.span?.start.line)).toEqual([4]);
  });

  it('applies the ignores and the baseline once, over every part', async () => {
    const text = '# TYPE a gauge\na{Zone="x"} 1\n# TYPE b gauge\nb{Zone="x"} 1\n';
    const whole = lint(parse(text, { format: 'prometheus' }), { source: 'm.prom' });
    const baseline = createBaseline(whole);
    expect(whole.length).toBeGreaterThan(2);
    expect(await lintStreamed(text, 5, { source: 'm.prom', baseline })).toEqual([]);
    const ignored = await lintStreamed(text, 5, { source: 'm.prom', config: { ignore: [{ rule: 'OM209', metric: 'b' }] } });
    expect(ignored.filter((d) => d.code === 'OM209').map((d) => d.metric)).toEqual(['a']);
  });

  it('passes every kept finding through `keep`, and returns what lint() returns for one part', () => {
    const result: ParseResult = parse('# TYPE a gauge\na{Zone="x"} 1\n', { format: 'prometheus' });
    const kept: string[] = [];
    const session = lintSession({ keep: (d) => (kept.push(d.code), d) });
    session.add(result);
    const out = session.finish();
    expect(out).toEqual(lint(result));
    expect(kept.sort()).toEqual(out.map((d) => d.code).sort());
  });
});
