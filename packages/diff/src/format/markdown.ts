// A PR-comment rendering: a summary table, then one section per family with a ```diff block.
import { summarize } from '../summary.js';
import type { Change } from '../types.js';
import { byFamily, lineOf } from './lines.js';

export interface MarkdownOptions {
  /** Heading of the comment. Default `Metrics diff`. */
  title?: string;
  /** Lines shown per family before `… N more`. Default 50. */
  maxLinesPerFamily?: number;
}

export function formatMarkdown(changes: readonly Change[], options: MarkdownOptions = {}): string {
  const max = options.maxLinesPerFamily ?? 50;
  const summary = summarize(changes);
  let out = `## ${options.title ?? 'Metrics diff'}\n\n`;
  if (summary.total === 0) return `${out}No changes.\n`;
  const count = summary.total === 1 ? '1 change' : `${summary.total} changes`;
  out += `**${count}** in ${summary.families === 1 ? '1 family' : `${summary.families} families`}.\n`;
  out += '\n| Change | Count |\n| --- | ---: |\n';
  for (const [kind, n] of Object.entries(summary.kinds)) if (n > 0) out += `| \`${kind}\` | ${n} |\n`;
  for (const [family, group] of byFamily(changes)) {
    out += `\n### ${code(family)}\n\n\`\`\`diff\n`;
    for (const change of group.slice(0, max)) {
      const line = lineOf(change);
      out += `${line.marker === '~' ? '!' : line.marker} ${line.text}\n`;
    }
    out += '```\n';
    if (group.length > max) out += `\n… ${group.length - max} more\n`;
  }
  return out;
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}
