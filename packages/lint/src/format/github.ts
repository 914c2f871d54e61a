// `github`: GitHub Actions workflow commands, which the runner turns into annotations:
//
//   ::warning file=metrics.txt,line=3,col=1,endLine=3,endColumn=4,title=OM201/counter-total-suffix::Counter …
//
// `col`/`endColumn` are dropped when the span covers several lines (GitHub ignores them there);
// `endColumn` is exclusive, like the span's end. `file=` and the position are given only for local
// files; for stdin and URLs the message starts with `source:line:col: ` instead. Severity info maps
// to `notice`. Control characters in messages are shown as control pictures (`␛`), so nothing
// reaches the runner's log that could be taken for a terminal sequence.
import type { Diagnostic } from '@omkit/parser';
import { isLocalFile, ordered, ruleRef, terminalSafe } from './text.js';
import type { Formatter } from './types.js';

const command = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const formatGithub: Formatter = (inputs) => {
  const lines: string[] = [];
  for (const input of inputs) {
    const local = isLocalFile(input.source);
    for (const d of ordered(input.diagnostics)) {
      const props: [string, string | number][] = [];
      if (local) props.push(['file', input.source]);
      const s = local ? d.span : undefined;
      if (s) {
        const multi = s.end.line !== s.start.line;
        props.push(['line', s.start.line]);
        if (!multi) props.push(['col', s.start.column]);
        // A span ending at column 1 of a later line ends with the previous line's terminator.
        const endLine = multi && s.end.column <= 1 ? s.end.line - 1 : s.end.line;
        props.push(['endLine', Math.max(endLine, s.start.line)]);
        if (!multi) props.push(['endColumn', Math.max(s.end.column, s.start.column)]);
      }
      props.push(['title', ruleRef(d)]);
      const prefix = local ? '' : `${where(input.source, d)}: `;
      const help = d.help ? `\nhelp: ${terminalSafe(d.help, false)}` : '';
      const body = `${terminalSafe(prefix + d.message, false)}${help}\n${d.url}`;
      const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      lines.push(`::${command[d.severity]} ${list}::${escapeData(body)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

function where(source: string, d: Diagnostic): string {
  return d.span ? `${source}:${d.span.start.line}:${d.span.start.column}` : source;
}

/** Escaping of a command's message (@actions/core `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values (@actions/core `escapeProperty`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
