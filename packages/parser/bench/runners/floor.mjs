// The floor for any JS parser of a whole text: read the file as one string, find the newlines, split the lines.
//   node floor.mjs FILE
import { readFileSync } from 'node:fs';
import { report } from './report.mjs';

const text = readFileSync(process.argv[2], 'utf8');
const lines = text.split('\n');
let nonEmpty = 0;
for (let i = 0; i < lines.length; i++) if (lines[i].length !== 0) nonEmpty++;
report({ lines: nonEmpty });
