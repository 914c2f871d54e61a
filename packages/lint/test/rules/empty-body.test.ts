import rule from '../../src/rules/empty-body.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: '' },
    { name: 'a body', code: OM_TEXT, scrape: [] },
  ],
  invalid: [{ name: 'empty 200', code: '', format: 'prometheus', scrape: [{ kind: 'empty-body' }], errors: [{ messageId: 'empty', severity: 'warning' }] }],
});
