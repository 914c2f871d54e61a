import rule from '../../src/rules/no-unrequested-version.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: OM_TEXT },
    { name: 'a negotiated answer', code: OM_TEXT, scrape: [] },
  ],
  invalid: [
    {
      name: 'OpenMetrics 2.0 to a scrape that asked for 1.0.0',
      code: OM_TEXT,
      scrape: [{ kind: 'unrequested-version', version: '2.0.0', contentType: 'application/openmetrics-text; version=2.0.0; charset=utf-8' }],
      errors: [{ messageId: 'unrequested', severity: 'warning' }],
    },
  ],
});
