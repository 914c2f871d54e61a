/**
 * Scrape facts: plain data about the HTTP exchange that `@omkit/lint` turns into `OM3xx`
 * diagnostics. They are observations, not verdicts; `prometheus` says what Prometheus 3 would do
 * where that matters. Every fact is JSON-serialisable and contains no secret.
 *
 * | kind                  | when                                                                         |
 * | --------------------- | ---------------------------------------------------------------------------- |
 * | `status`              | the final status is not 200 (Prometheus fails the scrape)                    |
 * | `content-type`        | Content-Type missing, unparsable or not one Prometheus 3 recognises          |
 * | `format-negotiation`  | OpenMetrics was preferred in Accept, but the answer is another format        |
 * | `content-encoding`    | a Content-Encoding other than gzip (Prometheus does not decode it), or gzip when not asked |
 * | `body-size`           | the decoded body is at or above 80 % of the limit (`near-limit`); over it, the scrape throws `too-large` |
 * | `empty-body`          | a 200 with an empty body (Prometheus: a successful empty scrape)             |
 * | `unrequested-version` | the answer is OpenMetrics 2.x though Accept did not ask for that version (OM 2.0: an exposer MUST answer 1.0.0 unless a newer version is requested) |
 * | `missing-eof`         | the format is OpenMetrics but the body does not end with `# EOF`             |
 * | `invalid-utf8`        | the body is not valid UTF-8                                                  |
 * | `redirect`            | a redirect was followed (one fact per hop)                                   |
 * | `insecure-tls`        | certificate verification is off (`insecure_skip_verify`)                     |
 * | `credentials-over-http` | credentials were sent over plain http to a non-loopback host              |
 * | `auth-retry`          | the target answered 401, the OAuth2 token was dropped and the request retried |
 * | `secret-echoed`       | the target sent back a credential om sent it; om replaced it with `<secret>` (headers, and the text body of `scrape()`) |
 * | `scrape-job`          | the target was scraped for a prometheus.yml job (`scrapeJob`): its name and `honor_labels` |
 */
export type ScrapeFact =
  | { kind: 'status'; status: number; statusText: string; prometheus: 'fails' }
  | {
      kind: 'content-type';
      problem: 'missing' | 'unparsable' | 'unsupported';
      contentType: string | null;
      /** The fallback protocol used, if one was configured. */
      fallback: string | null;
      prometheus: 'fails' | 'uses-fallback';
    }
  | { kind: 'format-negotiation'; preferred: 'openmetrics'; received: 'prometheus' | 'protobuf' | null; contentType: string | null }
  | { kind: 'content-encoding'; encoding: string; problem: 'not-gzip' | 'not-requested'; prometheus: 'fails' | 'ok' }
  | { kind: 'body-size'; bytes: number; limit: number; problem: 'near-limit'; prometheus: 'ok' }
  | { kind: 'empty-body' }
  | { kind: 'unrequested-version'; version: string; contentType: string }
  | { kind: 'missing-eof'; tail: string }
  | { kind: 'invalid-utf8' }
  | { kind: 'redirect'; status: number; from: string; to: string; crossOrigin: boolean; credentialsDropped: boolean }
  | { kind: 'insecure-tls' }
  | { kind: 'credentials-over-http'; host: string }
  | { kind: 'auth-retry'; status: 401 }
  | { kind: 'secret-echoed'; where: 'headers' | 'body' }
  | { kind: 'scrape-job'; job: string; honorLabels: boolean };

export type ScrapeFactKind = ScrapeFact['kind'];
