import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

/** This package's version, read from its package.json. */
export const VERSION: string = pkg.version;

/** The default User-Agent: `om/<version>`. */
export const USER_AGENT = `om/${VERSION}`;
