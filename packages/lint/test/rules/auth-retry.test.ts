import rule from '../../src/rules/auth-retry.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: OM_TEXT },
    { name: 'first token accepted', code: OM_TEXT, scrape: [] },
  ],
  invalid: [{ name: '401 then retried', code: OM_TEXT, scrape: [{ kind: 'auth-retry', status: 401 }], errors: [{ messageId: 'retried', severity: 'info' }] }],
});
