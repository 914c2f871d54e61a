import rule from '../../src/rules/help-text.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE up gauge
      # HELP up Whether the target is up.
      up 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE up gauge
        up 1
        # TYPE down gauge
        # HELP down${' '}
        down 0
        # EOF
      `,
      errors: [
        { messageId: 'missingHelp', line: 1, column: 1, metric: 'up' },
        { messageId: 'missingHelp', line: 3, column: 1, metric: 'down' },
      ],
    },
    {
      name: 'a family without any metadata is reported at its first sample',
      code: dedent`
        # TYPE a gauge
        # HELP a A.
        a 1
        b 2
        # EOF
      `,
      errors: [{ messageId: 'missingHelp', line: 4, column: 1, metric: 'b' }],
    },
  ],
});
