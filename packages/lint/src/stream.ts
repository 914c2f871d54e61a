// Streaming lint: parseStream → TextWindow → lintSession, in bounded memory. Browser-safe.
import { detach, parseStream, type ChunkSource, type Diagnostic, type FormatHints } from '@omkit/parser';
import type { Baseline } from './baseline.js';
import { Finding } from './finding.js';
import type { ResolvedConfig } from './config.js';
import { lintSession } from './engine.js';
import type { LintedInput } from './format/types.js';
import type { ScrapeFacts } from './rule.js';
import { TextWindow } from './text-window.js';

export interface LintStreamOptions {
  config?: ResolvedConfig;
  /** Names the input in findings (default `-`). */
  source?: string;
  baseline?: Baseline;
  /** The evidence of the input's format (flag, Content-Type, file name, how it ends). */
  hints?: FormatHints;
  /** The scrape's transport facts, asked for once the chunks were read to the end. */
  facts?: () => Promise<ScrapeFacts>;
  /** Findings as `Finding`s (see LintOptions.compact). */
  compact?: boolean;
}

/**
 * Lints an input too large to hold: parsed as a stream, each family goes to one lint session as
 * it completes and is dropped. Checks across families (`target_info` first, a label on every
 * series, a suffix clashing with another family) see the whole input; memory stays bounded by one
 * family and the findings. Only the open family's text is kept, so there are no fixes, and the
 * result has no `text` (the `full` format prints no code frame). Errors reading `chunks` propagate.
 */
export async function lintStream(chunks: ChunkSource, options: LintStreamOptions = {}): Promise<LintedInput> {
  const source = options.source ?? '-';
  // The text of the family being linted, so that findings inside a line point where they do for a whole text.
  const lines = new TextWindow();
  const session = lintSession({
    ...(options.config ? { config: options.config } : {}),
    source,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    keep: detached,
    lines,
    ...(options.compact ? { compact: true } : {}),
  });
  for await (const item of parseStream(lines.tee(chunks), { ...options.hints, model: true })) {
    session.add(item);
    if (item.family) lines.release(item.family.span.end.offset);
  }
  const diagnostics = session.finish(options.facts ? await options.facts() : undefined);
  return { source, diagnostics };
}

/**
 * A finding kept until the end of a streamed input, as a copy that shares no memory with the
 * input: strings cut from a chunk (a family name in a message) would keep the whole chunk alive.
 * Findings are plain data; absent fields stay absent, as in their JSON.
 */
export function detached(d: Diagnostic): Diagnostic {
  return d instanceof Finding ? d.detached(copied as <T>(value: T) => T) : (copied(d) as Diagnostic);
}

function copied(value: unknown): unknown {
  if (typeof value === 'string') return detach(value);
  if (Array.isArray(value)) return value.map(copied);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) copy[key] = copied(field);
  return copy;
}
