// om's lint library on one file: @omkit/lint's built bundle (what the package exports) on the parser bundle's parse().
//   node lint.mjs prometheus|openmetrics FILE
// lint(parse(text, { format }), { config: { extends: 'strict' } }): every rule of the strict preset.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { report, t0 } from './report.mjs';

const [format, file] = process.argv.slice(2);
const dist = process.env.OM_BENCH_DIST ? pathToFileURL(process.env.OM_BENCH_DIST).href : new URL('../../dist/om-parser.js', import.meta.url).href;
const om = await import(dist);
const { lint } = await import(new URL('../../../lint/dist/bundle/om-lint.js', import.meta.url).href);
const importMs = Math.round(performance.now() - t0);

const text = readFileSync(file, 'utf8');
const result = om.parse(text, { format });
const diagnostics = lint(result, { config: { extends: 'strict' } });
let errors = 0;
const firstErrors = [];
for (const d of result.diagnostics) {
  if (d.severity !== 'error') continue;
  errors++;
  if (firstErrors.length < 3) firstErrors.push(`${d.code}@${d.span?.start?.line ?? '?'}`);
}
report({ families: result.families.length, diagnostics: diagnostics.length, findings: diagnostics.length - result.diagnostics.length, errors, firstErrors, importMs });
