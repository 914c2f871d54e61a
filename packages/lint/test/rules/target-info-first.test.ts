import rule from '../../src/rules/target-info-first.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE target info
      # HELP target Target.
      target_info{service_name="api"} 1
      # TYPE jobs gauge
      # HELP jobs Jobs.
      jobs 1
      # EOF
    `,
  ],
  invalid: [
    // OpenMetrics 2.0 names the family `target_info` (§Supporting target metadata, §Info).
    {
      format: 'openmetrics-2.0',
      code: dedent`
        # TYPE up gauge
        up 1
        # TYPE target_info info
        target_info{env="prod"} 1
        # EOF
      `,
      errors: [{ messageId: 'notFirst', line: 3, column: 1 }],
      output: dedent`
        # TYPE target_info info
        target_info{env="prod"} 1
        # TYPE up gauge
        up 1
        # EOF
      `,
    },
    {
      code: dedent`
        # TYPE jobs gauge
        # HELP jobs Jobs.
        jobs 1
        # TYPE target info
        # HELP target Target.
        target_info{service_name="api"} 1
        # EOF
      `,
      errors: [{ messageId: 'notFirst', line: 4, column: 1, metric: 'target' }],
      output: dedent`
        # TYPE target info
        # HELP target Target.
        target_info{service_name="api"} 1
        # TYPE jobs gauge
        # HELP jobs Jobs.
        jobs 1
        # EOF
      `,
    },
    {
      format: 'prometheus',
      code: dedent`
        # TYPE jobs gauge
        jobs 1
        # TYPE target_info gauge
        target_info{service_name="api"} 1
      `,
      errors: [{ messageId: 'notFirst', line: 3, column: 1, metric: 'target_info' }],
      output: dedent`
        # TYPE target_info gauge
        target_info{service_name="api"} 1
        # TYPE jobs gauge
        jobs 1
      `,
    },
  ],
});
