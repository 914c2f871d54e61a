import rule from '../../src/rules/series-cardinality.js';
import { dedent, ruleTester } from '../rule-tester.js';

function series(n: number): string {
  const lines = ['# TYPE jobs gauge', '# HELP jobs Jobs.'];
  for (let i = 0; i < n; i++) lines.push(`jobs{id="${i}"} 1`);
  return `${lines.join('\n')}\n# EOF\n`;
}

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE jobs gauge
      # HELP jobs Jobs.
      jobs{q="a"} 1
      jobs{q="b"} 1
      # EOF
    `,
    { code: series(100) },
  ],
  invalid: [
    { code: series(101), errors: [{ messageId: 'tooManySeries', line: 1, column: 1, metric: 'jobs', severity: 'info' }] },
    { code: series(1001), errors: [{ messageId: 'tooManySeries', line: 1, column: 1, severity: 'warning' }] },
    { options: { info: 2, warning: 3 }, code: series(3), errors: [{ messageId: 'tooManySeries', line: 1, column: 1, severity: 'info' }] },
    { options: { info: 2, warning: 3 }, code: series(4), errors: [{ messageId: 'tooManySeries', line: 1, column: 1, severity: 'warning' }] },
  ],
});
