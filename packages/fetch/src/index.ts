export { scrape, scrapeStream, redactEchoedSecrets, DEFAULT_BODY_SIZE_LIMIT, DEFAULT_TIMEOUT_MS, RESERVED_HEADERS } from './scrape.js';
export type { ScrapeTarget, ScrapeStream, ScrapeSummary } from './scrape.js';
export { DEFAULT_MAX_RESPONSE_HEADER_BYTES } from './dispatcher.js';
export type {
  ScrapeOptions,
  ScrapeResult,
  ScrapeResponseInfo,
  ScrapeTimings,
  Redirect,
  AuthOptions,
  OAuth2Options,
  TlsOptions,
  TlsVersion,
  ProxyOptions,
} from './options.js';
export type { ScrapeFact, ScrapeFactKind } from './facts.js';
export {
  acceptHeader,
  classifyContentType,
  parseMediaType,
  DEFAULT_SCRAPE_PROTOCOLS,
  SCRAPE_PROTOCOLS,
} from './protocols.js';
export type { ScrapeProtocol, ScrapeFormat, EscapingScheme, MediaType, ContentTypeVerdict, ContentTypeProblem } from './protocols.js';
export { OAuth2TokenSource, OAuth2Token } from './oauth2/token-source.js';
export type { OAuth2TokenSourceInit, OAuth2Stats } from './oauth2/token-source.js';
export { loadPrometheusConfig, parsePrometheusConfig, findJob } from './config.js';
export type { PrometheusConfig, ScrapeJobConfig } from './config.js';
export { scrapeJob } from './job.js';
export type { JobScrapeOutcome, ScrapeJobOptions } from './job.js';
export { FetchError, ConfigError } from './errors.js';
export type { FetchErrorCode, FetchErrorDetails, HttpErrorResponse } from './errors.js';
export { Secret } from './secret.js';
export { describeFact, describeTimings, refusedContentType, targetFileName } from './report.js';
export type { SecretString } from './secret.js';
export { VERSION, USER_AGENT } from './version.js';
