#!/usr/bin/env node
// Regenerates the files listed from the rule registry (run after `tsc -b`; `pnpm generate` does both):
//   schema/config.schema.json   the config file's JSON schema
//   README.md                    the rules table between the markers
// The catalog test fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchema, replaceRulesTable } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
writeFileSync(`${root}schema/config.schema.json`, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
const readme = readFileSync(`${root}README.md`, 'utf8');
writeFileSync(`${root}README.md`, replaceRulesTable(readme));
process.stdout.write('wrote schema/config.schema.json and the README rules table\n');
