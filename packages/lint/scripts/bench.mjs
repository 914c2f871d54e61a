#!/usr/bin/env node
// Quick throughput check of lint (parse + every rule of `strict`) against the line-split floor, on the
// parser bench's generated corpora. Not a test. `pnpm build` first. Usage:
//   node scripts/bench.mjs [--size 10] [--format prometheus|openmetrics] [--runs 5]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureCorpus } from '../../parser/bench/corpus.mjs';
import { parse } from '@omkit/parser';
import { lint, resolveConfig } from '../dist/index.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: '10' }, format: { type: 'string', default: 'prometheus' }, runs: { type: 'string', default: '5' } } });
const { file } = ensureCorpus(values.format, Number(values.size));
const text = readFileSync(file, 'utf8');
const mb = Buffer.byteLength(text) / 1e6;
const config = resolveConfig({ extends: ['strict', 'otel'] });

function median(fn) {
  const times = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
const floor = median(() => text.split('\n').length);
const parsed = median(() => parse(text));
let findings = 0;
const linted = median(() => (findings = lint(parse(text), { config }).length));
const row = (name, ms) => `${name.padEnd(24)} ${(mb / (ms / 1000)).toFixed(1).padStart(8)} MB/s  ${(floor / ms).toFixed(3)} of floor`;
process.stdout.write(
  [`${values.format} corpus ${mb.toFixed(1)} MB, ${config.rules.length} rules, ${findings} findings`, row('floor (split)', floor), row('parse', parsed), row('parse + lint (strict)', linted)].join('\n') + '\n',
);
