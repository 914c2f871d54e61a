import rule from '../../src/rules/no-reserved-suffix.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE es_documents_count gauge
      # HELP es_documents_count Documents.
      es_documents_count 3
      # TYPE disk_sum gauge
      # HELP disk_sum Sum of disks.
      disk_sum 3
      # EOF
    `,
    { format: 'prometheus', code: 'queue_bucket 1\n' },
    { name: 'kube-state-metrics-style `_created` gauges are no clash', format: 'prometheus', code: '# TYPE kube_pod_created gauge\nkube_pod_created 1\n' },
    { name: 'a gauge next to a gauge is no clash', format: 'prometheus', code: '# TYPE rpc gauge\nrpc 1\n# TYPE rpc_count gauge\nrpc_count 2\n' },
  ],
  invalid: [
    {
      code: dedent`
        # TYPE queue_bucket gauge
        # HELP queue_bucket Items.
        queue_bucket 3
        # TYPE depth_gcount gauge
        # HELP depth_gcount Depth.
        depth_gcount 3
        # EOF
      `,
      errors: [
        { messageId: 'reservedSuffix', line: 1, column: 1, metric: 'queue_bucket' },
        { messageId: 'reservedSuffix', line: 4, column: 1, metric: 'depth_gcount' },
      ],
    },
    {
      name: '_count next to a family named like its stem is a collision',
      format: 'prometheus',
      code: dedent`
        # TYPE rpc summary
        rpc_count 1
        rpc_sum 1
        # TYPE rpc_count gauge
        rpc_count 2
      `,
      errors: [{ messageId: 'countSumSuffix', line: 4, column: 1, metric: 'rpc_count' }],
    },
    {
      name: 'countSum: always reports every _count/_sum name',
      options: { countSum: 'always' },
      code: dedent`
        # TYPE es_documents_count gauge
        # HELP es_documents_count Documents.
        es_documents_count 3
        # EOF
      `,
      errors: [{ messageId: 'countSumSuffix', line: 1, column: 1 }],
    },
    {
      name: '_created next to a counter of the stem',
      format: 'prometheus',
      code: dedent`
        # TYPE jobs counter
        jobs_total 1
        # TYPE jobs_created gauge
        jobs_created 2
      `,
      errors: [{ messageId: 'countSumSuffix', line: 3, column: 1, metric: 'jobs_created' }],
    },
  ],
});
