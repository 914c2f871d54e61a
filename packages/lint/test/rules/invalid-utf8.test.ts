import rule from '../../src/rules/invalid-utf8.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: OM_TEXT },
    { name: 'valid UTF-8', code: OM_TEXT, scrape: [{ kind: 'redirect', status: 301, from: 'a', to: 'b', crossOrigin: false, credentialsDropped: false }] },
  ],
  invalid: [{ name: 'invalid bytes', code: OM_TEXT, scrape: [{ kind: 'invalid-utf8' }], errors: [{ messageId: 'invalidUtf8', severity: 'error' }] }],
});
