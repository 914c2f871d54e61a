import rule from '../../src/rules/body-size.js';
import { ruleTester } from '../rule-tester.js';
import { OM_TEXT } from '../scrape-text.js';

const MiB = 1024 * 1024;
const size = (bytes: number, limit = 50 * MiB) => ({ kind: 'body-size', bytes, limit, problem: 'near-limit', prometheus: 'ok' });

ruleTester(rule, {
  valid: [
    { name: 'no facts', code: OM_TEXT },
    { name: 'below the ratio', code: OM_TEXT, scrape: [size(30 * MiB)] },
    { name: 'below a raised ratio', code: OM_TEXT, scrape: [size(42 * MiB)], options: { ratio: 0.9 } },
    { name: 'no limit', code: OM_TEXT, scrape: [size(42 * MiB, 0)] },
  ],
  invalid: [
    { name: 'at 80 %', code: OM_TEXT, scrape: [size(40 * MiB)], errors: [{ messageId: 'nearLimit', severity: 'warning' }] },
    { name: 'at a lowered ratio', code: OM_TEXT, scrape: [size(30 * MiB)], options: { ratio: 0.5 }, errors: [{ messageId: 'nearLimit' }] },
    {
      name: 'at the limit (Prometheus fails at >=)',
      code: OM_TEXT,
      scrape: [{ kind: 'body-size', bytes: 50 * MiB, limit: 50 * MiB, problem: 'too-large', prometheus: 'fails' }],
      errors: [{ messageId: 'overLimit', severity: 'error' }],
    },
  ],
});
