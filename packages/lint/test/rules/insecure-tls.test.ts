import rule from '../../src/rules/insecure-tls.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: OM_TEXT },
    { name: 'verified', code: OM_TEXT, scrape: [] },
  ],
  invalid: [{ name: 'insecure_skip_verify', code: OM_TEXT, scrape: [{ kind: 'insecure-tls' }], errors: [{ messageId: 'insecure', severity: 'warning' }] }],
});
