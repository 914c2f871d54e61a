// Peer: npm parse-prometheus-text-format (Prometheus text only), whole file as one string.
//   node ppt.mjs FILE
import { readFileSync } from 'node:fs';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { report } from './report.mjs';

const families = parsePrometheusTextFormat(readFileSync(process.argv[2], 'utf8'));
let samples = 0;
for (const f of families) samples += f.metrics.length;
report({ families: families.length, samples });
