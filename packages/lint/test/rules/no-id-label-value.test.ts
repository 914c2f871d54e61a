import rule from '../../src/rules/no-id-label-value.js';
import { dedent, ruleTester } from '../rule-tester.js';

import { describe, expect, it } from 'vitest';
import { idKind } from '../../src/rules/no-id-label-value.js';

describe('idKind', () => {
  it.each([
    ['3f2b8c1e-9d4a-4b7e-8f1a-2c3d4e5f6a7b', 'a UUID'],
    ['deadbeefcafebabe0123', 'a hex ID'],
    ['someone@example.com', 'an email address'],
    ['/users/12345/orders', 'a path with an ID'],
    ['https://api.example/v2/items/42?x=1', 'a path with an ID'],
    ['/api/v1/users', undefined],
    ['GET', undefined],
    ['aaaaaaaaaaaaaaaaaaaa', undefined],
    ['1234567890123456', undefined],
  ])('%s → %s', (value, kind) => expect(idKind(value)).toBe(kind));
});

ruleTester(rule, {
  valid: [
    dedent`
      # TYPE http_requests gauge
      # HELP http_requests Requests.
      http_requests{path="/users/:id",method="GET",code="200"} 1
      http_requests{path="/api/v1/users",method="GET",code="200"} 1
      # TYPE build info
      # HELP build Build.
      build_info{revision="0123456789abcdef0123456789abcdef01234567"} 1
      # TYPE go_build_info gauge
      # HELP go_build_info Build.
      go_build_info{checksum="0123456789abcdef0123456789abcdef01234567"} 1
      # EOF
    `,
    {
      options: { ignoreLabels: ['session*'] },
      code: dedent`
        # TYPE sessions gauge
        # HELP sessions Sessions.
        sessions{session_id="3f2b8c1e-9d4a-4b7e-8f1a-2c3d4e5f6a7b"} 1
        # EOF
      `,
    },
  ],
  invalid: [
    {
      code: dedent`
        # TYPE http_requests gauge
        # HELP http_requests Requests.
        http_requests{path="/users/12345",user="a@example.com"} 1
        http_requests{path="/users/67890",user="b@example.com"} 1
        http_requests{path="/",user="c",trace="3f2b8c1e-9d4a-4b7e-8f1a-2c3d4e5f6a7b"} 1
        http_requests{path="/",user="c",trace="deadbeefcafebabe0123"} 1
        http_requests{path="/",user="c",url="https://x.example/orders/0a1b2c3d4e5f6a7b"} 1
        # EOF
      `,
      errors: [
        { messageId: 'idValue', line: 3, column: 20, endColumn: 34, metric: 'http_requests' },
        { messageId: 'idValue', line: 3, column: 40, metric: 'http_requests' },
        { messageId: 'idValue', line: 5, column: 39, metric: 'http_requests' },
        { messageId: 'idValue', line: 7, column: 37, metric: 'http_requests' },
      ],
    },
  ],
});
