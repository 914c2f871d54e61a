import { describe, expect, it } from 'vitest';
import { diff, formatJson, formatMarkdown, formatText, type JsonReport } from '../src/index.js';
import { om } from './helpers.js';

// One pair that shows every kind of change.
const a = om`
  # TYPE http_requests counter
  # HELP http_requests Requests served.
  http_requests_total{code="200",method="GET"} 100 1700000000
  http_requests_total{code="404",method="GET"} 4 1700000000
  # TYPE jobs counter
  jobs_total 50
  # TYPE latency_seconds histogram
  latency_seconds_bucket{le="0.1"} 5
  latency_seconds_bucket{le="1.0"} 8
  latency_seconds_bucket{le="+Inf"} 9
  latency_seconds_count 9
  latency_seconds_sum 3.5
  # TYPE old_metric gauge
  old_metric 1
  # TYPE queue_length gauge
  # UNIT queue_length_bytes bytes
  queue_length_bytes NaN
  # TYPE temperature gauge
  temperature{room="a"} 21.5
  # EOF
`;
const b = om`
  # TYPE http_requests counter
  # HELP http_requests Requests served, all of them.
  http_requests_total{method="GET",code="200"} 130 1700000015
  http_requests_total{code="500",method="GET",handler="/"} 1 1700000015
  http_requests_total{code="503",method="GET",handler="/"} 2 1700000015
  # TYPE jobs counter
  jobs_total 3
  # TYPE latency_seconds histogram
  latency_seconds_bucket{le="0.1"} 6
  latency_seconds_bucket{le="0.5"} 8
  latency_seconds_bucket{le="+Inf"} 10
  latency_seconds_count 10
  latency_seconds_sum 3.75
  # TYPE new_metric info
  new_metric_info{version="2"} 1
  # TYPE queue_length gauge
  queue_length_bytes +Inf
  # TYPE temperature unknown
  temperature{room="a"} 19
  # EOF
`;
const changes = diff(a, b, { intervalSeconds: 10 });

describe('formats', () => {
  it('covers every kind of change', () => {
    expect(a.diagnostics).toEqual([]);
    expect(b.diagnostics).toEqual([]);
    expect(new Set(changes.map((c) => c.kind)).size).toBe(12);
  });

  it('text', () => {
    expect(formatText(changes, { before: 'a.txt', after: 'b.txt' })).toMatchSnapshot();
  });

  it('text in colour only when asked', () => {
    const plain = formatText(changes);
    const coloured = formatText(changes, { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[32m+ ');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('text of no changes', () => {
    expect(formatText([])).toBe('No changes\n');
  });

  it('json', () => {
    const text = formatJson(changes);
    expect(text).toMatchSnapshot();
    const report = JSON.parse(text) as JsonReport;
    expect(report.version).toBe(1);
    expect(report.summary.total).toBe(changes.length);
    expect(text).toContain('"from": "NaN"');
    expect(text).toContain('"to": "+Inf"');
  });

  it('markdown', () => {
    expect(formatMarkdown(changes)).toMatchSnapshot();
  });

  it('markdown cuts long families', () => {
    const md = formatMarkdown(changes, { maxLinesPerFamily: 2, title: 'Scrape diff' });
    expect(md).toMatch(/^## Scrape diff\n/);
    expect(md).toContain('… 5 more');
  });

  it('markdown of no changes', () => {
    expect(formatMarkdown([])).toBe('## Metrics diff\n\nNo changes.\n');
  });
});
