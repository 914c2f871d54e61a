import rule from '../../src/rules/openmetrics-eof.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT, PROM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: PROM_TEXT },
    { name: 'ends with # EOF', code: OM_TEXT, scrape: [] },
    { name: 'an empty body is an empty scrape, not a truncated one', code: '', scrape: [{ kind: 'empty-body' }, { kind: 'missing-eof', tail: '' }] },
  ],
  invalid: [
    {
      name: 'served as OpenMetrics without # EOF',
      code: PROM_TEXT,
      format: 'prometheus',
      scrape: [{ kind: 'missing-eof', tail: 'up 1\n' }],
      errors: [{ messageId: 'missingEof', severity: 'error' }],
    },
    {
      name: 'reported once',
      code: OM_TEXT,
      scrape: [{ kind: 'missing-eof', tail: 'a' }, { kind: 'missing-eof', tail: 'b' }],
      errors: [{ messageId: 'missingEof' }],
    },
  ],
});
