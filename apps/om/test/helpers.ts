import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/main.js';
import type { Io } from '../src/io.js';

export const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface FakeIoOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdin?: string | Buffer;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  color?: boolean;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function fakeIo(options: FakeIoOptions = {}): { io: Io; out: { stdout: string; stderr: string } } {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: { write: (s) => void (out.stdout += s), isTTY: options.stdoutTTY ?? false, color: options.color ?? false },
    stderr: { write: (s) => void (out.stderr += s), isTTY: options.stderrTTY ?? false, color: options.color ?? false },
    readStdin: async () => (options.stdin === undefined ? Buffer.alloc(0) : Buffer.from(options.stdin)),
    cwd: options.cwd ?? EXAMPLES,
    env: options.env ?? {},
  };
  return { io, out };
}

const redactions: [RegExp | string, string][] = [];

/** Replaces temp paths, loopback ports and times in a result (ruff `[TMP]`, biome `<TIME>`). */
export function redact(text: string): string {
  let t = text;
  for (const [from, to] of redactions) t = typeof from === 'string' ? t.split(from).join(to) : t.replace(from, to);
  return t
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:[PORT]')
    .replace(/\d+(\.\d+)? ms/g, '[TIME]')
    .replace(/\+\d+\.\ds\)/g, '+[SECS]s)');
}

export async function run(argv: string[], options: FakeIoOptions = {}): Promise<RunResult> {
  const { io, out } = fakeIo(options);
  const exitCode = await main(argv, io);
  return { exitCode, stdout: redact(out.stdout), stderr: redact(out.stderr) };
}

/** A temp directory with the given files; removed by the returned cleanup. */
export function tempDir(files: Record<string, string | Buffer> = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'om-cli-'));
  redactions.push([dir, '[TMP]']);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
