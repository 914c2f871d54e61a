import rule from '../../src/rules/no-reserved-suffix.js';
import { dedent, ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'countSum: collision leaves `_count`/`_sum` gauges without a clash alone',
      options: { countSum: 'collision' },
      code: dedent`
        # TYPE es_documents_count gauge
        # HELP es_documents_count Documents.
        es_documents_count 3
        # TYPE disk_sum gauge
        # HELP disk_sum Sum of disks.
        disk_sum 3
        # EOF
      `,
    },
    {
      name: 'an OpenMetrics counter `x_count` is `x_count_total` in Prometheus text: no clash in either format',
      options: { countSum: 'always' },
      code: dedent`
        # TYPE queue_events_count counter
        # HELP queue_events_count Events.
        queue_events_count_total 3
        # EOF
      `,
    },
    {
      name: 'an OpenMetrics info family `x_count` is the gauge `x_count_info` in Prometheus text: no clash either',
      options: { countSum: 'always' },
      code: dedent`
        # TYPE node_cpu_count info
        # HELP node_cpu_count CPUs.
        node_cpu_count_info{model="x"} 1
        # EOF
      `,
    },
    {
      name: 'the same counter in Prometheus text',
      format: 'prometheus',
      code: '# HELP queue_events_count_total Events.\n# TYPE queue_events_count_total counter\nqueue_events_count_total 3\n',
    },
    { name: 'untyped families are not judged (promlint skips them too)', format: 'prometheus', code: 'thread_count 3\n' },
    { format: 'prometheus', code: 'queue_bucket 1\n' },
    { name: 'kube-state-metrics-style `_created` gauges are no clash', format: 'prometheus', code: '# TYPE kube_pod_created gauge\nkube_pod_created 1\n' },
    { name: 'a gauge next to a gauge is no clash', options: { countSum: 'collision' }, format: 'prometheus', code: '# TYPE rpc gauge\nrpc 1\n# TYPE rpc_count gauge\nrpc_count 2\n' },
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
      options: { countSum: 'collision' },
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
      name: 'by default every `_count`/`_sum` gauge is reported, as promlint does (process-exporter 0.7.10)',
      format: 'prometheus',
      code: dedent`
        # HELP namedprocess_namegroup_thread_count Number of threads in this group with same threadname
        # TYPE namedprocess_namegroup_thread_count gauge
        namedprocess_namegroup_thread_count{groupname="om-threads",threadname="om-threads"} 3
        # HELP disk_sum Sum of disks.
        # TYPE disk_sum gauge
        disk_sum 3
      `,
      errors: [
        { messageId: 'countSumSuffix', line: 1, column: 1, metric: 'namedprocess_namegroup_thread_count' },
        { messageId: 'countSumSuffix', line: 4, column: 1, metric: 'disk_sum' },
      ],
    },
    {
      name: 'countSum: always also in OpenMetrics',
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
      name: 'a Prometheus-text counter named `_count` without `_total` is reported, as promlint does',
      format: 'prometheus',
      code: '# TYPE queue_events_count counter\nqueue_events_count 3\n',
      errors: [{ messageId: 'countSumSuffix', line: 1, column: 1 }],
    },
    {
      name: 'created: always reports every `_created` name on another type',
      options: { created: 'always' },
      format: 'prometheus',
      code: '# TYPE kube_pod_created gauge\nkube_pod_created 1\n',
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
