// A target that answers in protobuf: om reads the text formats only, and says so in one line
// instead of reporting syntax errors about binary bytes.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const PROTOBUF = 'application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited';
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': PROTOBUF });
    res.end(Buffer.from([0x0a, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x12, 0x03, 0x01, 0x02, 0xff, 0x0a]));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
});
afterAll(() => void server.close());

describe('a protobuf body', () => {
  it.each([[['lint']], [['lint', '--stream']], [['stats']], [['parse']]])('om %j: one line, exit 2, no syntax noise', async (argv) => {
    const r = await run([...argv, url]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).not.toMatch(/OM0\d\d/);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^om: cannot read .*: the body is in the protobuf format .*which om does not read/)]);
  });
});
