import rule from '../../src/rules/unit-suffix.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE foo_seconds_total counter
        # UNIT foo_seconds_total seconds
        foo_seconds_total 1 st@1.0
        # TYPE bar_bytes gauge
        # UNIT bar_bytes bytes
        bar_bytes 1
        # TYPE baz gauge
        baz 1
        # EOF
      `,
    },
  ],
  invalid: [
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE foo_total counter
        # UNIT foo_total seconds
        foo_total 1 st@1.0
        # TYPE bar gauge
        # UNIT bar bytes
        bar 1
        # EOF
      `,
      errors: [
        { messageId: 'missingUnit', line: 1, column: 1 },
        { messageId: 'missingUnit', line: 4, column: 1 },
      ],
    },
  ],
});
