import rule from '../../src/rules/credentials-over-http.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: OM_TEXT },
    { name: 'https', code: OM_TEXT, scrape: [] },
  ],
  invalid: [
    {
      name: 'bearer token over http',
      code: OM_TEXT,
      scrape: [{ kind: 'credentials-over-http', host: 'app.example.com:8080' }],
      errors: [{ messageId: 'plainHttp', severity: 'warning' }],
    },
  ],
});
