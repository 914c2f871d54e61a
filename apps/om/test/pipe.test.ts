// The built binary writing into a pipe whose reader has gone, and the colour decision on a real
// terminal's check. Spawns `bash -c '… | head -1'` (run `pnpm build` first; built when dist is missing).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { WriteStream } from 'node:tty';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSED_PIPE_EXIT, onWriteError, terminalHasColors } from '../src/io.js';
import { tempDir } from './helpers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

beforeAll(() => {
  if (!existsSync(bin)) execFileSync('pnpm', ['exec', 'tsc', '-b'], { cwd: root });
});

// Many findings and a long JSON document: far more than a pipe's 64 KiB buffer.
const families = Array.from({ length: 3_000 }, (_, i) => `# TYPE m${i} gauge\nm${i}{a="${i}"} ${i}\n`).join('');
const files = tempDir({ 'big.prom': families, 'small.prom': '# TYPE c counter\nc 1\n' });
afterAll(() => files.cleanup());

/** `om ARGS | head -1`: om's exit status (PIPESTATUS), what head printed, what om wrote on stderr. */
function intoHead(args: string[]) {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const r = spawnSync('bash', ['-c', `"$NODE" "$BIN" ${quoted} 2>"$ERR" | head -1; echo "status=\${PIPESTATUS[0]}"; cat "$ERR"`], {
    cwd: files.dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NODE: process.execPath, BIN: bin, ERR: `${files.dir}/stderr.txt` },
  });
  const [first = '', status = '', ...stderr] = r.stdout.split('\n');
  return { first, status: status.replace('status=', ''), stderr: stderr.join('\n').trim() };
}

describe('a closed pipe', () => {
  it.each([
    [['rules'], /^CODE\s+NAME/],
    [['parse', 'big.prom', '--to', 'json'], /^\[/],
    [['lint', 'big.prom', '--format', 'concise'], /^big\.prom:\d+:\d+: warning OM200/],
    [['lint', 'big.prom', '--format', 'json'], /^[[{]/],
  ])('om %j | head -1 ends quietly with 141', (args, first) => {
    const r = intoHead(args);
    expect(r.first).toMatch(first);
    // No stack trace (a machine format's summary line may have gone to stderr before the pipe closed).
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    if (args.includes('json') && args[0] === 'lint') expect(r.stderr).toMatch(/^(⚠ .*)?$/);
    else expect(r.stderr).toBe('');
    expect(r.status).toBe(String(CLOSED_PIPE_EXIT));
  }, 60_000);

  it('other write errors end with one line and 2', () => {
    const codes: number[] = [];
    const stderr = process.stderr.write;
    let said = '';
    process.stderr.write = ((s: string) => ((said += s), true)) as typeof process.stderr.write;
    try {
      onWriteError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), (c) => void codes.push(c));
      onWriteError(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }), (c) => void codes.push(c));
    } finally {
      process.stderr.write = stderr;
    }
    expect(codes).toEqual([141, 2]);
    expect(said).toBe('om: cannot write the output: no space left on device\n');
  });
});

describe('colour on a terminal', () => {
  // Node's own check (tty.WriteStream#hasColors → getColorDepth), as on a real terminal.
  const terminal = { hasColors: WriteStream.prototype.hasColors, getColorDepth: WriteStream.prototype.getColorDepth } as unknown as WriteStream;

  it('an empty NO_COLOR leaves colour on (no-color.org: non-empty only)', () => {
    expect(terminalHasColors(terminal, { TERM: 'xterm-256color', NO_COLOR: '' })).toBe(true);
    expect(terminalHasColors(terminal, { TERM: 'xterm-256color' })).toBe(true);
  });

  it('a non-empty NO_COLOR and TERM=dumb turn it off', () => {
    expect(terminalHasColors(terminal, { TERM: 'xterm-256color', NO_COLOR: '1' })).toBe(false);
    expect(terminalHasColors(terminal, { TERM: 'dumb' })).toBe(false);
  });

  it('the binary on a pseudo-terminal colours with NO_COLOR= and not with NO_COLOR=1', () => {
    const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (script.status !== 0) return; // util-linux `script` gives the pseudo-terminal
    const onPty = (noColor: string) =>
      spawnSync('script', ['-qec', `"$NODE" "$BIN" lint small.prom`, '/dev/null'], {
        cwd: files.dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NODE: process.execPath, BIN: bin, TERM: 'xterm-256color', NO_COLOR: noColor },
      }).stdout;
    expect(onPty('')).toContain('\u001b[');
    expect(onPty('1')).not.toContain('\u001b[');
  }, 60_000);
});
