import { describe, expect, it } from 'vitest';
import { TextWindow } from '../src/text-window.js';

async function fed(window: TextWindow, chunks: (Uint8Array | string)[]): Promise<void> {
  for await (const _ of window.tee(chunks)) void _;
}

describe('TextWindow', () => {
  it('answers slices by absolute offset across chunks, a character split between chunks included', async () => {
    const bytes = new TextEncoder().encode('a{x="é"} 1\nb 2\n');
    const window = new TextWindow();
    await fed(window, [bytes.subarray(0, 6), bytes.subarray(6, 12), bytes.subarray(12)]);
    expect(window.slice(0, 10)).toBe('a{x="é"} 1');
    expect(window.slice(11, 14)).toBe('b 2');
    expect(window.slice(5, 6)).toBe('é');
    expect(window.slice(0, 99)).toBeUndefined();
  });

  it('forgets whole pieces before a released offset, and says so', async () => {
    const window = new TextWindow();
    await fed(window, ['# TYPE a gauge\n', 'a 1\n', 'b 2\n']);
    window.release(17);
    expect(window.slice(0, 5)).toBeUndefined();
    expect(window.slice(15, 18)).toBe('a 1');
    window.release(19);
    expect(window.slice(15, 18)).toBeUndefined();
    expect(window.slice(19, 22)).toBe('b 2');
  });

  it('keeps a byte order mark, as the parser does, so that offsets agree', async () => {
    const window = new TextWindow();
    await fed(window, [Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])]);
    expect(window.slice(0, 2)).toBe('\ufeffa');
  });
});
