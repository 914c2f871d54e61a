import rule from '../../src/rules/no-reserved-metric-name.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    // OpenMetrics 2.0: the parser reports it (OM135), once.
    { format: 'openmetrics-2.0', parseErrors: true, code: dedent`
      # TYPE _x gauge
      _x 1
      # EOF
    ` },
    dedent`
      # TYPE app_jobs gauge
      # HELP app_jobs Jobs.
      app_jobs 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE _jobs gauge
        # HELP _jobs Jobs.
        _jobs 1
        # EOF
      `,
      errors: [{ messageId: 'reserved', line: 1, column: 1, metric: '_jobs' }],
    },
  ],
});
