// Words for a scrape, for programs that print one (om fetch): its facts, its timings, a file name
// for its body, and why Prometheus 3 would refuse its Content-Type. Plain functions of the result;
// no HTTP code is loaded (exported from `@omkit/fetch/light` too).
import type { ScrapeFact } from './facts.js';
import type { ScrapeResult } from './options.js';

/** A fact as one line: its kind, then its fields (`redirect (status=301 from=… to=…)`). */
export function describeFact(f: ScrapeFact): string {
  const { kind, ...rest } = f;
  const details = Object.entries(rest)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${kind}${details ? ` (${details})` : ''}`;
}

const ms = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(1)} ms`);

/** The timings and size of a scrape as one line (`dns 0.3 ms  connect … total 4.2 ms  1234 bytes`). */
export function describeTimings(r: Pick<ScrapeResult, 'timings' | 'bytes' | 'compressedBytes'>): string {
  const t = r.timings;
  const size = r.compressedBytes === undefined ? `${r.bytes} bytes` : `${r.bytes} bytes (${r.compressedBytes} gzip)`;
  return `dns ${ms(t.dns)}  connect ${ms(t.connect)}  tls ${ms(t.tls)}  first byte ${ms(t.firstByte)}  total ${ms(t.total)}  ${size}`;
}

/**
 * A file name for a target's body: host, port, path and query of the URL (characters other than
 * letters, digits, `.`, `-` and `_` become `_`), and `.om`, `.pb` or `.prom` after the format the
 * body is read as (from its Content-Type, or the fallback protocol).
 */
export function targetFileName(url: string, format: ScrapeResult['format']): string {
  const u = new URL(url);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  const stem = `${u.hostname}_${port}${u.pathname}${u.search}`.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[_.]+|_+$/g, '');
  return `${stem || 'metrics'}${format === 'openmetrics' ? '.om' : format === 'protobuf' ? '.pb' : '.prom'}`;
}

/**
 * What the target did that makes Prometheus 3 fail the scrape for its Content-Type (`sent no
 * Content-Type`, …), from the `content-type` fact; undefined when Prometheus reads the body.
 */
export function refusedContentType(facts: readonly ScrapeFact[]): string | undefined {
  const fact = facts.find((f) => f.kind === 'content-type' && f.prometheus === 'fails');
  if (fact === undefined || fact.kind !== 'content-type') return undefined;
  return fact.problem === 'missing'
    ? 'sent no Content-Type'
    : fact.problem === 'unparsable'
      ? `sent a Content-Type that cannot be parsed (\`${fact.contentType}\`)`
      : `sent the Content-Type \`${fact.contentType}\`, which Prometheus 3 does not read`;
}
