/**
 * Accept negotiation and Content-Type interpretation, as Prometheus 3 (>= 3.4) does it
 * (scrape/scrape.go `acceptHeader`, config/config.go `ScrapeProtocolsHeaders`, textparse.New).
 */

/** Prometheus' `scrape_protocols` values (config.go `ScrapeProtocolsHeaders`). */
const PROMETHEUS_PROTOCOLS = [
  'PrometheusProto',
  'OpenMetricsText0.0.1',
  'OpenMetricsText1.0.0',
  'PrometheusText0.0.4',
  'PrometheusText1.0.0',
] as const;

/**
 * OpenMetrics 2.0 text (2.0.0-rc0 §"Overall structure": `application/openmetrics-text;
 * version=2.0.0`), om's addition to Prometheus' protocols: asked for only when a list names it,
 * never by default (an exposer MUST answer 1.0.0 unless 2.0.0 is asked for).
 */
export const OPENMETRICS_2 = 'OpenMetricsText2.0.0';

/** Every `scrape_protocols` value om knows: Prometheus' and `OpenMetricsText2.0.0`. */
export const SCRAPE_PROTOCOLS = [...PROMETHEUS_PROTOCOLS, OPENMETRICS_2] as const;

/** A `scrape_protocols` value (case-sensitive, as in Prometheus). */
export type ScrapeProtocol = (typeof SCRAPE_PROTOCOLS)[number];

/** `metric_name_escaping_scheme` values; `allow-utf-8` is the Prometheus 3 default. */
export type EscapingScheme = 'allow-utf-8' | 'underscores' | 'dots' | 'values';

/** The format a response is parsed as. */
export type ScrapeFormat = 'openmetrics' | 'prometheus' | 'protobuf';

const MEDIA_TYPES: Record<ScrapeProtocol, string> = {
  PrometheusProto: 'application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited',
  'OpenMetricsText0.0.1': 'application/openmetrics-text;version=0.0.1',
  'OpenMetricsText1.0.0': 'application/openmetrics-text;version=1.0.0',
  'PrometheusText0.0.4': 'text/plain;version=0.0.4',
  'PrometheusText1.0.0': 'text/plain;version=1.0.0',
  'OpenMetricsText2.0.0': 'application/openmetrics-text;version=2.0.0',
};

/** The protocols whose media type carries `;escaping=<scheme>`. */
const ESCAPING: readonly ScrapeProtocol[] = ['PrometheusText1.0.0', 'OpenMetricsText1.0.0', 'OpenMetricsText2.0.0'];

/** Prometheus' `DefaultScrapeProtocols`: OpenMetrics first. */
export const DEFAULT_SCRAPE_PROTOCOLS: readonly ScrapeProtocol[] = [
  'OpenMetricsText1.0.0',
  'OpenMetricsText0.0.1',
  'PrometheusText1.0.0',
  'PrometheusText0.0.4',
];

export function isScrapeProtocol(value: unknown): value is ScrapeProtocol {
  return typeof value === 'string' && (SCRAPE_PROTOCOLS as readonly string[]).includes(value);
}

/**
 * The Accept header Prometheus sends for these protocols, byte for byte. With the defaults:
 * `application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,text/plain;version=0.0.4;q=0.3,*\/*;q=0.2`
 *
 * Prometheus starts the weights at its number of protocols + 1 (6). A list that names
 * `OpenMetricsText2.0.0` counts it as one more protocol (weights from 7), so that every weight
 * stays above `*\/*`'s; a list that does not is sent exactly as Prometheus sends it. Like the
 * other 1.0.0 text versions, 2.0.0 says which escaping the scraper wants (`;escaping=<scheme>`):
 * 2.0 names may be UTF-8, which a scraper validating legacy names must have escaped.
 */
export function acceptHeader(
  protocols: readonly ScrapeProtocol[] = DEFAULT_SCRAPE_PROTOCOLS,
  escaping: EscapingScheme = 'allow-utf-8',
): string {
  if (protocols.length === 0) throw new TypeError('scrape protocols must not be empty');
  if (new Set(protocols).size !== protocols.length) throw new TypeError('scrape protocols must not repeat');
  let weight = PROMETHEUS_PROTOCOLS.length + 1 + (protocols.includes(OPENMETRICS_2) ? 1 : 0);
  const parts: string[] = [];
  for (const protocol of protocols) {
    let part = MEDIA_TYPES[protocol];
    if (part === undefined) throw new TypeError(`unknown scrape protocol ${JSON.stringify(protocol)}`);
    if (ESCAPING.includes(protocol)) part += `;escaping=${escaping}`;
    parts.push(`${part};q=0.${weight}`);
    weight--;
  }
  parts.push(`*/*;q=0.${weight}`);
  return parts.join(',');
}

export function protocolFormat(protocol: ScrapeProtocol): ScrapeFormat {
  if (protocol === 'PrometheusProto') return 'protobuf';
  return protocol.startsWith('OpenMetrics') ? 'openmetrics' : 'prometheus';
}

export interface MediaType {
  /** Lower-cased `type/subtype`. */
  type: string;
  /** Parameters with lower-cased names. */
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Parses a Content-Type like Go's `mime.ParseMediaType` (RFC 2045/7231 tokens, quoted-string
 * values, no duplicate parameters). Returns undefined when it cannot be parsed.
 */
export function parseMediaType(value: string): MediaType | undefined {
  const semi = value.indexOf(';');
  const base = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  const slash = base.indexOf('/');
  if (slash <= 0 || slash === base.length - 1) return undefined;
  if (!TOKEN.test(base.slice(0, slash)) || !TOKEN.test(base.slice(slash + 1))) return undefined;
  const params: Record<string, string> = {};
  let rest = semi === -1 ? '' : value.slice(semi + 1);
  while (rest.trim() !== '') {
    const m = /^\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*=\s*("(?:[^"\\]|\\.)*"|[!#$%&'*+\-.^_`|~0-9A-Za-z]+)\s*(;|$)/.exec(rest);
    if (!m) {
      // Go tolerates a trailing ';' only.
      if (/^\s*;?\s*$/.test(rest)) break;
      return undefined;
    }
    const name = m[1]!.toLowerCase();
    if (name in params) return undefined;
    const raw = m[2]!;
    params[name] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    rest = rest.slice(m[0].length);
  }
  return { type: base, params };
}

export type ContentTypeProblem = 'missing' | 'unparsable' | 'unsupported';

export interface ContentTypeVerdict {
  /** The format the body will be read as, or null when Prometheus 3 would fail the scrape. */
  format: ScrapeFormat | null;
  /** Where `format` came from. */
  source: 'content-type' | 'fallback' | null;
  mediaType: MediaType | undefined;
  problem: ContentTypeProblem | undefined;
}

/**
 * What Prometheus 3 does with a Content-Type: only `application/openmetrics-text`,
 * `application/vnd.google.protobuf` and `text/plain` are recognised (version is not used to pick the
 * parser). Otherwise `fallbackProtocol` is used if given, else the scrape fails.
 */
export function classifyContentType(contentType: string | null | undefined, fallbackProtocol?: ScrapeProtocol): ContentTypeVerdict {
  let problem: ContentTypeProblem | undefined;
  let mediaType: MediaType | undefined;
  if (contentType === null || contentType === undefined || contentType === '') {
    problem = 'missing';
  } else {
    mediaType = parseMediaType(contentType);
    if (mediaType === undefined) problem = 'unparsable';
    else if (mediaType.type === 'application/openmetrics-text') return { format: 'openmetrics', source: 'content-type', mediaType, problem };
    else if (mediaType.type === 'application/vnd.google.protobuf') return { format: 'protobuf', source: 'content-type', mediaType, problem };
    else if (mediaType.type === 'text/plain') return { format: 'prometheus', source: 'content-type', mediaType, problem };
    else problem = 'unsupported';
  }
  if (fallbackProtocol !== undefined) return { format: protocolFormat(fallbackProtocol), source: 'fallback', mediaType, problem };
  return { format: null, source: null, mediaType, problem };
}

/**
 * Whether an Accept header asks for OpenMetrics text of `version` (an
 * `application/openmetrics-text` entry with that `version` parameter and a q-value above 0). An
 * entry without a version, or `*\/*`, asks for none: OM 2.0 §"Overall structure" has an exposer
 * answer 1.0.0 unless a newer version is requested.
 */
export function acceptsOpenMetricsVersion(accept: string, version: string): boolean {
  for (const entry of accept.split(',')) {
    const media = parseMediaType(entry);
    if (media?.type !== 'application/openmetrics-text' || media.params.version !== version) continue;
    const q = media.params.q === undefined ? 1 : Number(media.params.q);
    if (q > 0) return true;
  }
  return false;
}
