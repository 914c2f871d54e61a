// Regenerates docs/diagnostics.md from the diagnostic table in src/spec.ts (run after `tsc -b`); a
// test keeps it fresh.
import { writeFileSync } from 'node:fs';
import { codes } from '../dist/spec.js';

const cell = (text) => text.replace(/\|/g, '\\|');

/** The input formats, in the order `om rules` lists them. */
const FORMATS = ['prometheus', 'openmetrics', 'openmetrics-2.0'];
/** A code's formats as `om rules` prints them: `all`, or their names (as `--format-in` spells them). */
const formatsLabel = (formats) => (FORMATS.every((f) => formats.includes(f)) ? 'all' : FORMATS.filter((f) => formats.includes(f)).map((f) => `\`${f}\``).join(', '));

export const diagnosticsDoc = () => {
  let out = '<!-- Generated from src/spec.ts by scripts/generate-docs.mjs. Do not edit by hand. -->\n';
  out += '# Parser diagnostics\n\n';
  out += 'Every problem the parser finds is a `Diagnostic` with one of these codes. `OM0xx` are syntax\n';
  out += 'errors; `OM1xx` are the OpenMetrics MUSTs checked while families are assembled. Codes are never\n';
  out += 'renumbered or reused. Severities are the defaults; for Prometheus text a few are warnings instead\n';
  out += '(a BOM, interleaved families or metrics), because Prometheus accepts them there.\n\n';
  out += 'Each code\'s messages and their help come from one table (`src/spec.ts`); `{{key}}` stands for\n';
  out += 'what the diagnostic fills in (a name, a value, a label).\n\n';
  out += 'Formats are the input formats a code can be reported in: `prometheus` (text 0.0.4), `openmetrics`\n';
  out += '(1.0) and `openmetrics-2.0` (2.0.0-rc0), or `all` of them.\n\n';
  out += '| code | name | category | severity | formats | source |\n| --- | --- | --- | --- | --- | --- |\n';
  for (const [code, info] of Object.entries(codes)) {
    out += `| [${code}](#${code.toLowerCase()}) | \`${info.name}\` | ${info.category} | ${info.severity} | ${formatsLabel(info.formats)} | ${cell(info.source)} |\n`;
  }
  for (const [code, info] of Object.entries(codes)) {
    out += `\n## <a id="${code.toLowerCase()}"></a>${code} ${info.name}\n\n`;
    out += `${info.category} · ${info.severity}${info.fixable ? ' · fixable' : ''} · formats: ${formatsLabel(info.formats)} · ${info.source}\n\n`;
    out += '| message | help |\n| --- | --- |\n';
    for (const [id, message] of Object.entries(info.messages)) {
      out += `| ${cell(message)} | ${cell(info.help[id] ?? '')} |\n`;
    }
  }
  return out;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), diagnosticsDoc());
}
