import { describe, expect, it } from 'vitest';
import { changeKinds, diff, OptionError, parseChangeKinds, parseRelabel, parseTolerance } from '../src/index.js';
import { prom } from './helpers.js';

describe('parseRelabel', () => {
  it('reads label=/regex/replacement/ with any delimiter', () => {
    expect(parseRelabel('pod=/-[a-z0-9]+$//')).toEqual({ label: 'pod', pattern: /-[a-z0-9]+$/g, replacement: '' });
    const r = parseRelabel('path=|/api/v\\d+|/api/vN|');
    expect(r.label).toBe('path');
    expect(r.replacement).toBe('/api/vN');
    expect('/api/v2/x'.replace(r.pattern, r.replacement)).toBe('/api/vN/x');
  });

  it('refuses a text without a label, a delimiter, three parts or a closing delimiter', () => {
    for (const text of ['=/a/b/', 'pod', 'pod=', 'pod=/a/b', 'pod=/a/b/c/', 'pod=/a/b/x']) {
      expect(() => parseRelabel(text)).toThrow(OptionError);
      expect(() => parseRelabel(text)).toThrow(`--relabel expects label=/regex/replacement/ (received ${JSON.stringify(text)})`);
    }
  });

  it('names the text and the reason when the regex does not compile; the option name is the caller\'s', () => {
    expect(() => parseRelabel('pod=/(/x/')).toThrow(/^--relabel "pod=\/\(\/x\/": Invalid regular expression/);
    expect(() => parseRelabel('pod', 'relabel')).toThrow('relabel expects label=/regex/replacement/ (received "pod")');
  });

  it('is what diff applies: series that differ only in the rewritten part are one series', () => {
    const a = prom`
      # TYPE up gauge
      up{pod="web-1a2b"} 1
    `;
    const b = prom`
      # TYPE up gauge
      up{pod="web-9z8y"} 1
    `;
    expect(diff(a, b).length).toBeGreaterThan(0);
    expect(diff(a, b, { relabel: [parseRelabel('pod=/-[a-z0-9]+$//')] })).toEqual([]);
  });
});

describe('parseTolerance', () => {
  it('a number is absolute, a percentage relative; the last of each kind wins', () => {
    expect(parseTolerance([])).toEqual({});
    expect(parseTolerance(['0.5'])).toEqual({ absolute: 0.5 });
    expect(parseTolerance(['1%'])).toEqual({ relative: 0.01 });
    expect(parseTolerance([' 2 ', '1e-3', '50%', '10%'])).toEqual({ absolute: 0.001, relative: 0.1 });
  });

  it('refuses anything else, naming the text', () => {
    for (const text of ['', '-1', 'abc', '1%%', '0.5s', '%']) {
      expect(() => parseTolerance([text])).toThrow(OptionError);
      expect(() => parseTolerance([text])).toThrow(`--tolerance expects a number or a percentage such as 0.5 or 1% (received ${JSON.stringify(text)})`);
    }
  });
});

describe('parseChangeKinds', () => {
  it('takes the names of kinds of change, and refuses any other naming the option', () => {
    expect(parseChangeKinds(['family-added', 'type-changed'])).toEqual(['family-added', 'type-changed']);
    expect(parseChangeKinds([...changeKinds])).toEqual([...changeKinds]);
    expect(() => parseChangeKinds(['family-added', 'nope'], '--fail-on')).toThrow(OptionError);
    expect(() => parseChangeKinds(['nope'], '--fail-on')).toThrow(`--fail-on: unknown kind "nope" (expected ${changeKinds.join(', ')})`);
  });
});
