import rule from '../../src/rules/secret-echoed.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: OM_TEXT },
    { name: 'nothing echoed', code: OM_TEXT, scrape: [] },
  ],
  invalid: [
    { name: 'in a header', code: OM_TEXT, scrape: [{ kind: 'secret-echoed', where: 'headers' }], errors: [{ messageId: 'echoed', severity: 'error' }] },
    {
      name: 'once per place',
      code: OM_TEXT,
      scrape: [{ kind: 'secret-echoed', where: 'body' }, { kind: 'secret-echoed', where: 'body' }, { kind: 'secret-echoed', where: 'headers' }],
      errors: [{ messageId: 'echoed' }, { messageId: 'echoed' }],
    },
  ],
});
