import rule from '../../src/rules/format-negotiation.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT, PROM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: PROM_TEXT },
    { name: 'OpenMetrics negotiated', code: OM_TEXT, scrape: [] },
    {
      name: 'no format at all is the content-type rule\'s finding',
      code: PROM_TEXT,
      scrape: [{ kind: 'format-negotiation', preferred: 'openmetrics', received: null, contentType: 'text/html' }],
    },
  ],
  invalid: [
    {
      name: 'node_exporter answers text 0.0.4',
      code: PROM_TEXT,
      scrape: [{ kind: 'format-negotiation', preferred: 'openmetrics', received: 'prometheus', contentType: 'text/plain; version=0.0.4; charset=utf-8' }],
      errors: [{ messageId: 'notOpenMetrics', severity: 'info' }],
    },
    {
      name: 'protobuf',
      code: PROM_TEXT,
      scrape: [{ kind: 'format-negotiation', preferred: 'openmetrics', received: 'protobuf', contentType: 'application/vnd.google.protobuf' }],
      errors: [{ messageId: 'notOpenMetrics' }],
    },
  ],
});
