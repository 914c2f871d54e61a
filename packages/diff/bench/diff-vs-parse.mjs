// Rough timing, never a CI gate: parse two generated scrapes, then diff them.
// Usage: pnpm build && node bench/diff-vs-parse.mjs [megabytes per side, default 10]
import { parse } from '@omkit/parser';
import { diff, summarize } from '../dist/index.js';

const megabytes = Number(process.argv[2] ?? 10);

function scrape(seed, size) {
  let out = '';
  let family = 0;
  while (out.length < size) {
    const name = `app_requests_${family++}`;
    out += `# TYPE ${name} counter\n# HELP ${name} Requests handled by the app.\n`;
    for (let i = 0; i < 200; i++) {
      const value = i * 10 + (seed === 1 && i % 7 === 0 ? 5 : 0) - (seed === 1 && i % 101 === 0 ? 3 : 0);
      const instance = seed === 1 && i === 199 ? 'new' : 'a';
      out += `${name}_total{method="GET",code="${200 + (i % 5)}",path="/api/v1/resource/${i}",instance="${instance}"} ${value}\n`;
    }
  }
  return `${out}# EOF\n`;
}

const time = (fn) => {
  const t = performance.now();
  const result = fn();
  return [result, performance.now() - t];
};

const textA = scrape(0, megabytes * 1e6);
const textB = scrape(1, megabytes * 1e6);
const [a, parseA] = time(() => parse(textA, { format: 'openmetrics' }));
const [b, parseB] = time(() => parse(textB, { format: 'openmetrics' }));
const [changes, diffMs] = time(() => diff(a, b, { intervalSeconds: 15 }));
const summary = summarize(changes);
process.stdout.write(
  `${megabytes} MB per side: parse ${Math.round(parseA + parseB)} ms (both), diff ${Math.round(diffMs)} ms ` +
    `(${(diffMs / (parseA + parseB)).toFixed(2)}× parsing), ${summary.total} changes\n`,
);
if (process.env.TWICE) {
  const [, again] = time(() => diff(a, b, { intervalSeconds: 15 }));
  process.stdout.write(`diff again: ${Math.round(again)} ms\n`);
}
