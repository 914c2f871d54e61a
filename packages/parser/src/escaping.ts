// Metric and label names outside the legacy character set, and the escaping schemes that make them
// legacy names (UTF-8 names guide, "Scrape Content Negotiation for UTF-8 escaping"; Prometheus
// docs "UTF-8 escaping schemes"). OpenMetrics 1.0's ABNF (`metricname`, `label-name`) and
// Prometheus text 0.0.4 have only legacy names; quoted names are the Prometheus 3 extension that
// `escaping=allow-utf-8` negotiates.

import type { Label } from './ast/types.js';
import { isOpenMetrics, type Format } from './spec.js';

/**
 * How names outside the legacy character set are written: `allow-utf-8` keeps them (quoted);
 * `underscores`, `dots` and `values` replace them with legacy names, as an exposer does when a
 * scraper asks for `escaping=<scheme>`.
 */
export type EscapingScheme = 'allow-utf-8' | 'underscores' | 'dots' | 'values';

/** Every scheme, in the guide's order. */
export const escapingSchemes: readonly EscapingScheme[] = ['allow-utf-8', 'underscores', 'dots', 'values'];

const LEGACY_METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** OM 1.0 ABNF `metricname`; Prometheus text 0.0.4 `[a-zA-Z_:][a-zA-Z0-9_:]*`. */
export function isLegacyMetricName(name: string): boolean {
  return LEGACY_METRIC_NAME.test(name);
}

/** OM 1.0 ABNF `label-name`; Prometheus text 0.0.4 `[a-zA-Z_][a-zA-Z0-9_]*` (no colon). */
export function isLegacyLabelName(name: string): boolean {
  return LEGACY_LABEL_NAME.test(name);
}

/** What a name is: metric names may contain `:`, label names may not. */
export type NameKind = 'metric' | 'label';

function legacyChar(code: number, first: boolean, kind: NameKind): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a-z
    (code >= 0x41 && code <= 0x5a) || // A-Z
    code === 0x5f || // _
    (code === 0x3a && kind === 'metric') || // :
    (code >= 0x30 && code <= 0x39 && !first) // 0-9, not first
  );
}

/**
 * A name as the scheme writes it. A name already in the legacy set is returned unchanged by every
 * scheme (as prometheus/common's `EscapeMetricFamily` leaves it), so escaping only ever touches the
 * names that need it:
 *
 * - `underscores`: each character outside the set becomes `_` (`metric.name/with/slashes` →
 *   `metric_name_with_slashes`);
 * - `dots`: `.` becomes `_dot_`, `_` becomes `__`, any other character outside the set `_`
 *   (`metric.name.with.dots` → `metric_dot_name_dot_with_dot_dots`);
 * - `values`: `U__`, then `_` as `__` and each character outside the set as its code point in
 *   lowercase hexadecimal between underscores (`metric.name` → `U__metric_2e_name`; readers take
 *   either case), a lone surrogate as `_FFFD_`;
 * - `allow-utf-8`: unchanged.
 *
 * A digit is outside the set as a name's first character; `:` is outside it in label names.
 */
export function escapeName(name: string, scheme: EscapingScheme, kind: NameKind = 'metric'): string {
  if (scheme === 'allow-utf-8' || name === '' || (kind === 'metric' ? isLegacyMetricName(name) : isLegacyLabelName(name))) return name;
  let out = scheme === 'values' ? 'U__' : '';
  let first = true;
  for (const char of name) {
    const code = char.codePointAt(0)!;
    const legacy = legacyChar(code, first, kind);
    first = false;
    switch (scheme) {
      case 'underscores':
        out += legacy ? char : '_';
        break;
      case 'dots':
        out += char === '_' ? '__' : char === '.' ? '_dot_' : legacy ? char : '_';
        break;
      case 'values':
        if (char === '_') out += '__';
        else if (legacy) out += char;
        else if (code >= 0xd800 && code <= 0xdfff) out += '_FFFD_';
        else out += `_${code.toString(16)}_`;
        break;
    }
  }
  return out;
}

/**
 * The name a scheme's reader recovers (prometheus/common `UnescapeName`): `dots` turns `_dot_`
 * into `.` and `__` into `_`; `values` decodes a `U__` name (and returns a name it cannot decode
 * as it is); `underscores` cannot be undone, and `allow-utf-8` did nothing.
 */
export function unescapeName(name: string, scheme: EscapingScheme): string {
  if (scheme === 'dots') return name.replaceAll('_dot_', '.').replaceAll('__', '_');
  if (scheme !== 'values' || !name.startsWith('U__')) return name;
  const body = name.slice(3);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '_') {
      out += body[i];
      continue;
    }
    i++;
    if (i >= body.length) return name;
    if (body[i] === '_') {
      out += '_';
      continue;
    }
    const end = body.indexOf('_', i);
    const hex = end < 0 ? '' : body.slice(i, end);
    if (!/^[0-9a-fA-F]{1,6}$/.test(hex)) return name;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return name;
    out += String.fromCodePoint(code);
    i = end;
  }
  return out;
}

// ---- writing names, labels and help text (the serializer's and the assembler's fixes) ----

/** A `# TYPE` / `# HELP` / `# UNIT` line as the format writes it (without its line feed). */
export function descriptorLine(
  descriptor: { keyword: 'TYPE' | 'HELP' | 'UNIT'; name: string; value: string },
  format: Format,
): string {
  const value = descriptor.keyword === 'HELP' ? escapeHelp(descriptor.value, isOpenMetrics(format)) : descriptor.value;
  return `# ${descriptor.keyword} ${quoteName(descriptor.name, isLegacyMetricName)} ${value}`;
}

/** `name="value"` as the text formats write a label (a name outside the legacy charset quoted). */
export function labelPair(label: Label): string {
  return `${quoteName(label.name, isLegacyLabelName)}="${escapeLabelValue(label.value)}"`;
}

export function quoteName(name: string, legacy: (name: string) => boolean): string {
  return legacy(name) ? name : `"${escapeLabelValue(name)}"`;
}

export function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

export function escapeHelp(help: string, om: boolean): string {
  return help.replace(om ? /[\\"\n]/g : /[\\\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}
