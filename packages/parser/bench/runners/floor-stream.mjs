// The streaming floor: fs.createReadStream chunks, decoded with TextDecoder (as a streaming parser
// must), split into lines with the partial last line carried to the next chunk.
//   node floor-stream.mjs FILE
import { createReadStream } from 'node:fs';
import { report } from './report.mjs';

const decoder = new TextDecoder();
let carry = '';
let lines = 0;
for await (const chunk of createReadStream(process.argv[2])) {
  const parts = (carry + decoder.decode(chunk, { stream: true })).split('\n');
  carry = parts.pop();
  for (let i = 0; i < parts.length; i++) if (parts[i].length !== 0) lines++;
}
carry += decoder.decode();
if (carry.length !== 0) lines++;
report({ lines });
