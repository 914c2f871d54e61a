import rule from '../../src/rules/content-encoding.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: OM_TEXT },
    { name: 'gzip or identity records no fact', code: OM_TEXT, scrape: [{ kind: 'empty-body' }] },
  ],
  invalid: [
    {
      name: 'brotli: Prometheus fails',
      code: OM_TEXT,
      scrape: [{ kind: 'content-encoding', encoding: 'br', problem: 'not-gzip', prometheus: 'fails' }],
      errors: [{ messageId: 'notGzip', severity: 'error' }],
    },
    {
      name: 'gzip although identity was asked: info',
      code: OM_TEXT,
      scrape: [{ kind: 'content-encoding', encoding: 'gzip', problem: 'not-requested', prometheus: 'ok' }],
      errors: [{ messageId: 'notRequested', severity: 'info' }],
    },
  ],
});
