// Regenerates docs/diagnostics.md from the code catalog (run after `tsc -b`); a test keeps it fresh.
import { writeFileSync } from 'node:fs';
import { codes } from '../dist/codes.js';

export const diagnosticsDoc = () => {
  let out = '<!-- Generated from src/codes.ts by scripts/generate-docs.mjs. Do not edit by hand. -->\n';
  out += '# Parser diagnostics\n\n';
  out += 'Every problem the parser finds is a `Diagnostic` with one of these codes. `OM0xx` are syntax\n';
  out += 'errors; `OM1xx` are the OpenMetrics MUSTs checked while families are assembled. Codes are never\n';
  out += 'renumbered or reused. Severities are the defaults; for Prometheus text a few are warnings instead\n';
  out += '(a BOM, interleaved families or metrics), because Prometheus accepts them there.\n\n';
  out += '| code | name | category | severity | source |\n| --- | --- | --- | --- | --- |\n';
  for (const [code, info] of Object.entries(codes)) {
    out += `| <a id="${code.toLowerCase()}"></a>${code} | \`${info.name}\` | ${info.category} | ${info.severity} | ${info.source.replace(/\|/g, '\\|')} |\n`;
  }
  return out;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), diagnosticsDoc());
}
