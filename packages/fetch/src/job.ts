import { findJob, type PrometheusConfig, type ScrapeJobConfig } from './config.js';
import { ConfigError, FetchError } from './errors.js';
import { leaseTokenSource } from './oauth2/token-source.js';
import type { ScrapeOptions, ScrapeResult } from './options.js';
import { scrape, type ScrapeTarget } from './scrape.js';
import { displayUrl } from './secret.js';
import { USER_AGENT } from './version.js';

/** One target's outcome: a result, or the error that ended its scrape. Never both. */
export type JobScrapeOutcome =
  | { target: ScrapeTarget; url: string; ok: true; result: ScrapeResult; error?: undefined }
  | { target: ScrapeTarget; url: string; ok: false; error: FetchError | ConfigError; result?: undefined };

export interface ScrapeJobOptions {
  /** Targets scraped at once (default 16). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Overrides merged over the job's options (e.g. `debug`, `userAgent`, `bodySizeLimit`). */
  overrides?: ScrapeOptions;
}

/**
 * Scrapes every static target of a job, at most `concurrency` at a time, and yields each outcome
 * as it finishes (so the order is completion order). A failing target yields `{ ok: false, error }`
 * and does not stop the others. All targets share one OAuth2 token source, as in Prometheus
 * (one HTTP client per scrape pool). Throws `ConfigError` when the job does not exist, or when it
 * only has service discovery om cannot run.
 */
export async function* scrapeJob(config: PrometheusConfig | ScrapeJobConfig, jobName?: string, options: ScrapeJobOptions = {}): AsyncGenerator<JobScrapeOutcome> {
  const job = 'jobs' in config ? findJob(config, jobName ?? '') : config;
  if (job.targets.length === 0 && job.unsupportedDiscovery.length > 0) {
    throw new ConfigError(`${job.keyPath}.${job.unsupportedDiscovery[0]}`, `job ${JSON.stringify(job.name)} has no static_configs targets and uses ${job.unsupportedDiscovery.join(', ')}, which om does not support`);
  }
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 16));
  const scrapeOptions: ScrapeOptions = { ...job.options, ...options.overrides };
  if (options.signal !== undefined) scrapeOptions.signal = options.signal;
  const auth = scrapeOptions.auth;
  // One token source for the whole job (and for other scrapes given the same oauth2 options).
  const lease = auth !== undefined && 'oauth2' in auth
    ? leaseTokenSource(auth.oauth2, { userAgent: scrapeOptions.userAgent ?? USER_AGENT, debug: scrapeOptions.debug, keyPath: `${job.keyPath}.oauth2` })
    : undefined;
  if (lease !== undefined) scrapeOptions.auth = { oauth2: lease.source };

  const done: JobScrapeOutcome[] = [];
  let wake: (() => void) | undefined;
  let next = 0;
  let running = 0;
  const run = (target: ScrapeTarget) => {
    running++;
    const url = displayUrl(target.url);
    scrape(target, scrapeOptions)
      .then(
        (result): JobScrapeOutcome => {
          // What the job says about how Prometheus reads the body (lint's OM223 reads honor_labels).
          result.facts.push({ kind: 'scrape-job', job: job.name, honorLabels: job.honorLabels });
          return { target, url, ok: true, result };
        },
        (err: unknown): JobScrapeOutcome => ({
          target,
          url,
          ok: false,
          error: err instanceof FetchError || err instanceof ConfigError ? err : new FetchError('network', `scrape of ${url} failed`, { cause: err, url }),
        }),
      )
      .then((outcome) => {
        running--;
        done.push(outcome);
        wake?.();
      });
  };
  try {
    while (next < job.targets.length || running > 0 || done.length > 0) {
      while (running < concurrency && next < job.targets.length) run(job.targets[next++]!);
      if (done.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      while (done.length > 0) yield done.shift()!;
    }
  } finally {
    await lease?.release(false);
  }
}
