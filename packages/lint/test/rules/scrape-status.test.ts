import rule from '../../src/rules/scrape-status.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

ruleTester(rule, {
  valid: [
    { name: 'no facts: the rule does not run', code: OM_TEXT },
    { name: 'no status fact', code: OM_TEXT, scrape: [{ kind: 'insecure-tls' }] },
    { name: 'a status fact of 200', code: OM_TEXT, scrape: [{ kind: 'status', status: 200, statusText: 'OK' }] },
  ],
  invalid: [
    {
      name: '404',
      code: OM_TEXT,
      scrape: [{ kind: 'status', status: 404, statusText: 'Not Found', prometheus: 'fails' }],
      errors: [{ messageId: 'notOk', severity: 'error' }],
    },
    {
      name: '503 with other facts',
      code: '',
      scrape: [{ kind: 'redirect', status: 302, from: 'a', to: 'b', crossOrigin: false, credentialsDropped: false }, { kind: 'status', status: 503, statusText: 'Service Unavailable', prometheus: 'fails' }],
      errors: [{ messageId: 'notOk' }],
    },
  ],
});
