// The README's diff and live-endpoint walkthrough print what it shows: each shown command is run
// in-process from the repository root and its stdout + stderr compared with the block after it.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { fakeIo } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const fences = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]! }));

/** The sh block containing `marker` and the plain block after it (its output). */
function example(marker: string): { lines: string[]; output: string } {
  const i = fences.findIndex((f) => f.lang === 'sh' && f.body.includes(marker));
  if (i === -1 || fences[i + 1]?.lang !== '') throw new Error(`no sh block with ${JSON.stringify(marker)} and its output in README.md`);
  return { lines: fences[i]!.body.split('\n').filter((l) => l.trim() !== ''), output: fences[i + 1]!.body };
}

/** A command line of a block as argv, without `om`, its comment and quotes (the examples need no more). */
function argv(line: string): { args: string[]; exit: number } {
  const exit = Number(/#.*\bexit (\d+)\b/.exec(line)?.[1] ?? 0);
  const words = line.replace(/\s#.*$/, '').trim().split(/\s+/);
  expect(words[0]).toBe('om');
  return { args: words.slice(1), exit };
}

async function om(args: string[], stdin?: string): Promise<{ exitCode: number; stdout: string; output: string }> {
  const { io, out } = fakeIo({ cwd: root, ...(stdin !== undefined ? { stdin } : {}) });
  const exitCode = await main(args, io);
  return { exitCode, stdout: out.stdout, output: out.stdout + out.stderr };
}

describe('README: diff two scrapes', () => {
  it('prints the diff shown, with one name per family across formats', async () => {
    const { lines, output } = example('examples/after.prom --interval');
    expect(lines).toHaveLength(1);
    const { args, exit } = argv(lines[0]!);
    const result = await om(args);
    expect(result.output).toBe(output);
    expect(result.exitCode).toBe(exit);
    expect(output).toMatch(/^13 changes in 4 families/m);
  });

  it('lists the same changes for the after side in either format', async () => {
    const base = ['diff', 'packages/diff/examples/before.om', '--interval', '15s'];
    const prom = await om([...base, 'packages/diff/examples/after.prom']);
    const open = await om([...base, 'packages/diff/examples/after.om']);
    expect(prom.output.replace('after.prom', 'after.om')).toBe(open.output);
  });
});

describe('README: lint a live endpoint', () => {
  // As Python's http.server serves it: the file, sent as application/octet-stream.
  const body = readFileSync(new URL('../examples/sample.prom', import.meta.url));
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
      res.end(body);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('fails on the Content-Type, then reads the body with --fallback-scrape-protocol, as shown', async () => {
    const { lines, output } = example('--fallback-scrape-protocol PrometheusText0.0.4');
    const atPort = (line: string) => line.replace(/127\.0\.0\.1:8000/g, `127.0.0.1:${port}`);
    let printed = '';
    for (const line of lines) {
      const command = line.replace(/\s#.*$/, '').trim();
      if (!command.startsWith('om ')) continue; // the server, the wait, kill
      const stages = atPort(command).split(' | ');
      let stdin: string | undefined;
      for (const [n, stage] of stages.entries()) {
        const result = await om(argv(stage).args, stdin);
        if (n < stages.length - 1) {
          // A stage piped on: its stdout is the next one's stdin, its stderr goes to the terminal.
          expect(result.exitCode, command).toBe(0);
          printed += result.output.slice(result.stdout.length);
          stdin = result.stdout;
        } else {
          printed += result.output;
          expect(result.exitCode, command).toBe(argv(line).exit);
        }
      }
    }
    expect(printed.replace(new RegExp(`127\\.0\\.0\\.1:${port}`, 'g'), '127.0.0.1:8000')).toBe(output);
    expect(output).toMatch(/error OM301\/content-type/);
    expect(output).toMatch(/warning OM301\/content-type/);
  });
});
