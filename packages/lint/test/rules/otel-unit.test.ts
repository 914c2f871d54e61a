import rule from '../../src/rules/otel-unit.js';
import { dedent, ruleTester } from '../rule-tester.js';

import { describe, expect, it } from 'vitest';
import { runRuleOnModel } from '../model.js';

describe('annotations', () => {
  it('reports a UCUM annotation unit (unparseable in text, possible from other sources)', () => {
    expect(runRuleOnModel(rule, { unit: '{packets}' }).map((messageId) => ({ messageId }))).toEqual([{ messageId: 'annotation' }]);
  });
});

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE rpc_duration_seconds gauge
      # UNIT rpc_duration_seconds seconds
      # HELP rpc_duration_seconds Duration.
      rpc_duration_seconds 1
      # EOF
    `,
  ],
  invalid: [
    {
      code: dedent`
        # TYPE rpc_duration_ms gauge
        # UNIT rpc_duration_ms ms
        # HELP rpc_duration_ms Duration.
        rpc_duration_ms 1
        # TYPE heap_By gauge
        # UNIT heap_By By
        # HELP heap_By Heap.
        heap_By 1
        # EOF
      `,
      errors: [
        { messageId: 'otelUnit', line: 2, column: 1, metric: 'rpc_duration_ms' },
        { messageId: 'otelUnit', line: 6, column: 1, metric: 'heap_By' },
      ],
    },
  ],
});
