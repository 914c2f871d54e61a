#!/usr/bin/env node
// Extracts every example exposition of the "Text Format" section of the OpenMetrics 2.0.0-rc0 specification
// (its ```openmetrics and ```openmetrics-add-eof blocks; `# EOF` is added to the latter) into spec-examples/,
// with spec-examples/index.json naming each example's heading, source line and what linting it must show.
//
//   node packages/parser/test/conformance/openmetrics-2.0/extract-spec-examples.mjs path/to/spec-2.0-rc0.md
//
// The tests read the committed copy (the repository cannot read the spec at test time); re-run this script when
// the spec revision followed changes, and review the expectations below.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const specPath = process.argv[2];
if (specPath === undefined) {
  process.stderr.write('usage: extract-spec-examples.mjs SPEC.md\n');
  process.exit(2);
}
const outDir = join(dirname(fileURLToPath(import.meta.url)), 'spec-examples');

/**
 * Examples the spec itself calls non-compliant, found by the sentence that introduces them. `invalid`: a MUST is
 * broken, linting must report an error. `discouraged`: only a SHOULD is broken, linting reports no error.
 * `unclear`: the spec calls the example incorrect but no rule as written is broken by it; linting must not fail
 * as a tool (exit 0 or 1), nothing more is asserted.
 */
const expectations = [
  {
    intro: 'An example that would violate this:',
    expect: 'discouraged',
    reason:
      'the family is quoted in TYPE and in one sample but not in HELP nor in the other sample: "The same MetricFamily\'s Name and Metric\'s Name SHOULD have the same quoting" is a SHOULD',
  },
  {
    intro: 'An incorrect example where MetricGroups are interleaved:',
    expect: 'unclear',
    reason:
      'the spec calls it incorrect, but by its own definition (a MetricGroup is the set of states sharing one label set) the groups {controller,dev}, {replica,dev} and {controller,prod} each appear once, contiguously: no MUST is broken as written',
  },
  {
    intro: 'An incorrect example where Metrics are interleaved:',
    expect: 'invalid',
    reason:
      'the StateSet MetricGroup {entity="controller",env="dev"} is split by {entity="controller",env="prod"}: "StateSet MetricGroups MUST NOT be interleaved"',
  },
];

const lines = readFileSync(specPath, 'utf8').split('\n');
const start = lines.findIndex((l) => l === '## Text Format');
const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
if (start < 0 || end < 0) throw new Error('no "## Text Format" section in the spec');

const examples = [];
let heading = 'Text Format';
for (let i = start; i < end; i++) {
  const line = lines[i];
  const h = /^(#{2,6}) (.*)$/.exec(line);
  if (h) heading = h[2];
  const fence = /^```(openmetrics|openmetrics-add-eof)$/.exec(line);
  if (!fence) continue;
  const close = lines.indexOf('```', i + 1);
  const body = lines.slice(i + 1, close);
  let intro = '';
  for (let j = i - 1; j > start && intro === ''; j--) intro = lines[j].trim();
  const addedEof = fence[1] === 'openmetrics-add-eof';
  const text = `${body.join('\n')}\n${addedEof ? '# EOF\n' : ''}`;
  const known = expectations.find((e) => e.intro === intro);
  examples.push({ heading, line: i + 2, intro, addedEof, text, known });
  i = close;
}

const unused = expectations.filter((e) => !examples.some((x) => x.known === e));
if (unused.length > 0) throw new Error(`expectations for examples not found: ${unused.map((e) => e.intro).join('; ')}`);

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const index = examples.map((x, n) => {
  const file = `${String(n + 1).padStart(2, '0')}-${slug(x.heading)}.om`;
  writeFileSync(join(outDir, file), x.text);
  return {
    file,
    section: `Text Format / ${x.heading}`,
    specLine: x.line,
    intro: x.intro,
    addedEof: x.addedEof,
    expect: x.known?.expect ?? 'valid',
    ...(x.known ? { reason: x.known.reason } : {}),
  };
});
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
process.stdout.write(`${index.length} examples written to ${outDir} (${readdirSync(outDir).length - 1} files)\n`);
