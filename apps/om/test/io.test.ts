import { describe, expect, it } from 'vitest';
import { wantsColor } from '../src/io.js';
import { parseDuration, parseSize } from '../src/units.js';

describe('wantsColor', () => {
  it('honours FORCE_COLOR, NO_COLOR, TERM=dumb and the TTY', () => {
    expect(wantsColor({}, true)).toBe(true);
    expect(wantsColor({}, false)).toBe(false);
    expect(wantsColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColor({ NO_COLOR: '' }, true)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(wantsColor({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor({ TERM: 'dumb' }, true)).toBe(false);
    expect(wantsColor({}, true, false)).toBe(false);
  });
});

describe('units', () => {
  it('durations and sizes', () => {
    expect(parseDuration('--timeout', '10s')).toBe(10_000);
    expect(parseDuration('--timeout', '250ms')).toBe(250);
    expect(parseDuration('--timeout', '1.5')).toBe(1500);
    expect(parseDuration('--timeout', '2m')).toBe(120_000);
    expect(parseSize('--body-size-limit', '50MiB')).toBe(50 * 1024 * 1024);
    expect(parseSize('--body-size-limit', '10MB')).toBe(10_000_000);
    expect(parseSize('--body-size-limit', '0')).toBe(0);
    expect(() => parseSize('--body-size-limit', '5 parsecs')).toThrow(/--body-size-limit expects a size/);
  });
});
