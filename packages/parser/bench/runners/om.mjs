// om (@omkit/parser, the built bundle that the package exports) on one file.
//   node om.mjs validate|validate-bytes|parse|stream|stream-validate prometheus|openmetrics FILE
//   node om.mjs parse-both prometheus|openmetrics FILE_A FILE_B
// validate:        validate(text, { format })                  (every diagnostic, no model)
// validate-bytes:  validate(bytes, { format })                 (the file as read, not decoded first)
// parse:           parse(text, { format })                     (the whole model)
// stream:          parseStream(createReadStream(FILE), { format })                  (families as they complete)
// stream-validate: parseStream(createReadStream(FILE), { format, model: false })    (diagnostics only)
// parse-both:      parse() of two files in one process, both models kept (what `om diff A B` must do first)
import { createReadStream, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { report, t0 } from './report.mjs';

const [mode, format, file, fileB] = process.argv.slice(2);
// OM_BENCH_DIST: another build of the package to measure (e.g. a baseline checkout); default: this one.
const dist = process.env.OM_BENCH_DIST ? pathToFileURL(process.env.OM_BENCH_DIST).href : new URL('../../dist/om-parser.js', import.meta.url).href;
const om = await import(dist);
const importMs = Math.round(performance.now() - t0);

const fn = { validate: 'validate', 'validate-bytes': 'validate', parse: 'parse', 'parse-both': 'parse', stream: 'parseStream', 'stream-validate': 'parseStream' }[mode];
if (!fn) throw new Error('unknown mode ' + mode);
if (typeof om[fn] !== 'function') {
  report({ skip: `@omkit/parser does not export ${fn}()` });
  process.exit(0);
}

let families = 0;
let diagnostics = 0;
let errors = 0;
const firstErrors = [];
const count = (diags) => {
  if (!diags) return;
  diagnostics += diags.length;
  for (const d of diags) {
    if (d.severity !== 'error') continue;
    errors++;
    if (firstErrors.length < 3) firstErrors.push(`${d.code}@${d.span?.start?.line ?? '?'}`);
  }
};

if (mode === 'parse-both') {
  const a = om.parse(readFileSync(file, 'utf8'), { format });
  const b = om.parse(readFileSync(fileB, 'utf8'), { format });
  families = a.families.length + b.families.length;
  count(a.diagnostics);
  count(b.diagnostics);
} else if (mode === 'validate' || mode === 'validate-bytes' || mode === 'parse') {
  const text = mode === 'validate-bytes' ? readFileSync(file) : readFileSync(file, 'utf8');
  const result = om[fn](text, { format });
  families = result.families?.length ?? 0;
  count(result.diagnostics);
} else {
  const options = mode === 'stream' ? { format } : { format, model: false };
  for await (const event of om.parseStream(createReadStream(file), options)) {
    if (event.family) families++;
    count(event.diagnostics);
  }
}
report({ families, diagnostics, errors, firstErrors, importMs });
