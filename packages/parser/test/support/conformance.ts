// The conformance cases kept in this repository, read once in one way: the official OpenMetrics 1.0
// cases and the OpenMetrics 2.0 set written against 2.0.0-rc0, each `cases/<name>/{test.json, <file>}`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ConformanceCase {
  name: string;
  /** The exposition file's path. */
  path: string;
  text: string;
  shouldParse: boolean;
  /** The spec section the case exercises (the 2.0 set's cases name one). */
  section: string | undefined;
}

/** The directory of each set's cases. */
export const CASES_DIRS = {
  '1.0': fileURLToPath(new URL('../conformance/openmetrics/cases/', import.meta.url)),
  '2.0': fileURLToPath(new URL('../conformance/openmetrics-2.0/cases/', import.meta.url)),
} as const;

/** Every case of a set, by name. */
export function conformanceCases(version: keyof typeof CASES_DIRS): ConformanceCase[] {
  const dir = CASES_DIRS[version];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const spec = JSON.parse(readFileSync(join(dir, name, 'test.json'), 'utf8')) as { file: string; shouldParse: boolean; section?: string };
      const path = join(dir, name, spec.file);
      return { name, path, text: readFileSync(path, 'utf8'), shouldParse: spec.shouldParse, section: spec.section };
    });
}
