import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/content-type.js';
import { dedent, ruleTester, runRule } from '../rule-tester.js';
import { OM_TEXT, PROM_TEXT } from '../scrape-text.js';

const fails = (problem: string, contentType: string | null) => ({ kind: 'content-type', problem, contentType, fallback: null, prometheus: 'fails' });
const textPlain = { kind: 'format-negotiation', preferred: 'openmetrics', received: 'prometheus', contentType: 'text/plain; version=0.0.4' };
const OM_WITH_UNIT = dedent`
  # TYPE request_seconds gauge
  # UNIT request_seconds seconds
  request_seconds 0.5
`;

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: OM_TEXT },
    { name: 'OpenMetrics as OpenMetrics', code: OM_TEXT, scrape: [] },
    { name: 'Prometheus text as text/plain', code: PROM_TEXT, scrape: [textPlain] },
    // Without `# EOF` a body is not OpenMetrics, whatever its markers: the parser reads it as Prometheus text too.
    { name: 'text/plain over a counter `_total` body without `# EOF`', code: '# TYPE shop_orders counter\nshop_orders_total 1\n', format: 'prometheus', scrape: [textPlain] },
    { name: 'text/plain over a body with `# UNIT` and no `# EOF`', code: OM_WITH_UNIT, format: 'prometheus', scrape: [textPlain] },
    { name: 'missing-eof on an OpenMetrics-looking body is no mismatch', code: OM_TEXT.replace('# EOF\n', '# EOF\n\n'), scrape: [{ kind: 'missing-eof', tail: '# EOF\n\n' }], parseErrors: true },
  ],
  invalid: [
    { name: 'missing', code: PROM_TEXT, scrape: [fails('missing', null)], errors: [{ messageId: 'missing', severity: 'error' }] },
    { name: 'unparsable', code: PROM_TEXT, scrape: [fails('unparsable', 'text/plain; =')], errors: [{ messageId: 'unparsable', severity: 'error' }] },
    { name: 'unsupported', code: PROM_TEXT, scrape: [fails('unsupported', 'text/html')], errors: [{ messageId: 'unsupported', severity: 'error' }] },
    {
      name: 'unsupported, read with the fallback protocol: a warning',
      code: OM_TEXT,
      scrape: [{ kind: 'content-type', problem: 'unsupported', contentType: 'application/json', fallback: 'OpenMetricsText1.0.0', prometheus: 'uses-fallback' }],
      errors: [{ messageId: 'unsupported', severity: 'warning' }],
    },
    {
      name: 'text/plain with an OpenMetrics body',
      code: `${OM_WITH_UNIT}# EOF\n`,
      scrape: [textPlain],
      errors: [{ messageId: 'textButOpenMetrics', severity: 'warning' }],
    },
    {
      name: 'OpenMetrics with a Prometheus text body (parsed as text here: the rule reads the facts and the text)',
      code: PROM_TEXT,
      format: 'prometheus',
      scrape: [{ kind: 'missing-eof', tail: 'up 1\n' }],
      errors: [{ messageId: 'openMetricsButText', severity: 'error' }],
    },
  ],
});

describe('content-type', () => {
  it('reports a header problem, not a mismatch as well, and hints at the fallback', () => {
    const { found } = runRule(rule, OM_WITH_UNIT, {}, 'openmetrics', [textPlain, fails('missing', null)]);
    expect(found.map((d) => d.messageId)).toEqual(['missing']);
    expect(found[0]!.help).toContain('fallback_scrape_protocol');
  });
});
