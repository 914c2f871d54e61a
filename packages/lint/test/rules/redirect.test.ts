import rule from '../../src/rules/redirect.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

const hop = (crossOrigin: boolean, credentialsDropped: boolean, to = 'https://a.example/metrics') => ({
  kind: 'redirect',
  status: 301,
  from: 'http://a.example/metrics',
  to,
  crossOrigin,
  credentialsDropped,
});

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: OM_TEXT },
    { name: 'no redirect', code: OM_TEXT, scrape: [] },
  ],
  invalid: [
    { name: 'same origin', code: OM_TEXT, scrape: [hop(false, false)], errors: [{ messageId: 'redirected', severity: 'info' }] },
    {
      name: 'one finding per hop; another origin that dropped credentials is a warning',
      code: OM_TEXT,
      scrape: [hop(false, false), hop(true, true, 'https://b.example/metrics')],
      errors: [{ messageId: 'redirected', severity: 'info' }, { messageId: 'credentialsDropped', severity: 'warning' }],
    },
    { name: 'another origin, no credentials', code: OM_TEXT, scrape: [hop(true, false)], errors: [{ messageId: 'redirected' }] },
  ],
});
