import rule from '../../src/rules/no-target-label.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE queue_length gauge
      # HELP queue_length Queue.
      queue_length{worker="w1"} 1
      # EOF
    `,
    { format: 'prometheus', code: 'target_info{job="api",instance="a:1"} 1\n' },
  ],
  invalid: [
    {
      code: dedent`
        # TYPE queue_length gauge
        # HELP queue_length Queue.
        queue_length{instance="w1"} 1
        queue_length{instance="w2",job="x"} 1
        # EOF
      `,
      errors: [
        { messageId: 'targetLabel', line: 3, column: 14, endColumn: 22, metric: 'queue_length' },
        { messageId: 'targetLabel', line: 4, column: 28, endColumn: 31, metric: 'queue_length' },
      ],
    },
    {
      options: { labels: ['cluster'] },
      code: dedent`
        # TYPE queue_length gauge
        # HELP queue_length Queue.
        queue_length{cluster="c1",job="x"} 1
        # EOF
      `,
      errors: [{ messageId: 'targetLabel', line: 3, column: 14 }],
    },
  ],
});
