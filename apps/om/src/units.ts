// Durations (`10s`, `500ms`, `1m`) and sizes (`50MiB`, `10MB`, `4096`) from flags.
import { UsageError } from './errors.js';

const DURATION: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const SIZE: Record<string, number> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** A duration in milliseconds; a bare number means seconds. */
export function parseDuration(flag: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new UsageError(`${flag} expects a duration such as 10s, 500ms or 1m (received ${JSON.stringify(text)})`);
  return Math.round(Number(m[1]) * DURATION[m[2] ?? 's']!);
}

/** A size in bytes. */
export function parseSize(flag: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m?.[2]?.toLowerCase() ?? '';
  if (!m || SIZE[unit] === undefined) throw new UsageError(`${flag} expects a size such as 50MiB, 10MB or 4096 (received ${JSON.stringify(text)})`);
  return Math.round(Number(m[1]) * SIZE[unit]!);
}

export function parsePositiveInt(flag: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} expects a whole number (received ${JSON.stringify(text)})`);
  return Number(text);
}
