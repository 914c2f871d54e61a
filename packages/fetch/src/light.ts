// The parts of @omkit/fetch that load no HTTP or YAML code: its errors, secrets and protocol names, for programs
// that scrape only sometimes (the om CLI linting a file) and import the rest when they do.
export { FetchError, ConfigError } from './errors.js';
export type { FetchErrorCode, FetchErrorDetails, HttpErrorResponse } from './errors.js';
export { Secret } from './secret.js';
export { describeFact, describeTimings, refusedContentType, targetFileName } from './report.js';
export { isScrapeProtocol, SCRAPE_PROTOCOLS } from './protocols.js';
export type { SecretString } from './secret.js';
