import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { ConfigError } from './errors.js';
import type { AuthOptions, OAuth2Options, ProxyOptions, ScrapeOptions, TlsOptions, TlsVersion } from './options.js';
import { isScrapeProtocol, SCRAPE_PROTOCOLS, type EscapingScheme, type ScrapeProtocol } from './protocols.js';
import type { ScrapeTarget } from './scrape.js';
import { Secret } from './secret.js';
import { queryEscape } from './util.js';

/** A `scrape_configs` entry, resolved into what `scrape()` needs. Secrets are `Secret`s. */
export interface ScrapeJobConfig {
  name: string;
  /** `scrape_configs[i]`, for messages. */
  keyPath: string;
  /** One per `static_configs` target: URL plus `job`, `instance` and static labels. */
  targets: ScrapeTarget[];
  /** Options shared by all targets of the job (timeout, auth, TLS, proxy, protocols, …). */
  options: ScrapeOptions;
  scrapeIntervalMs: number;
  /** `honor_labels`: Prometheus keeps the exposed `job`/`instance` (and other target labels) instead of renaming them `exported_*`. */
  honorLabels: boolean;
  /** Service-discovery blocks the job uses that om cannot run, e.g. `kubernetes_sd_configs`. */
  unsupportedDiscovery: string[];
  /** Things om ignores that could change what Prometheus scrapes (relabelling, discovery). */
  warnings: string[];
}

export interface PrometheusConfig {
  /** Absolute path of the file read (or `<inline>`). */
  file: string;
  jobs: ScrapeJobConfig[];
  warnings: string[];
}

const SD_CONFIGS = [
  'azure', 'consul', 'digitalocean', 'docker', 'dockerswarm', 'dns', 'ec2', 'eureka', 'file', 'gce', 'hetzner', 'http',
  'ionos', 'kubernetes', 'kuma', 'lightsail', 'linode', 'marathon', 'nerve', 'nomad', 'openstack', 'ovhcloud', 'puppetdb',
  'scaleway', 'serverset', 'stackit', 'triton', 'uyuni', 'vultr',
].map((n) => `${n}_sd_configs`);

const TOP_KEYS = ['global', 'runtime', 'rule_files', 'scrape_config_files', 'scrape_configs', 'storage', 'tracing', 'alerting', 'remote_write', 'remote_read', 'otlp'];

const GLOBAL_KEYS = [
  'scrape_interval', 'scrape_timeout', 'scrape_protocols', 'evaluation_interval', 'rule_query_offset', 'external_labels',
  'query_log_file', 'scrape_failure_log_file', 'body_size_limit', 'sample_limit', 'label_limit', 'label_name_length_limit',
  'label_value_length_limit', 'target_limit', 'keep_dropped_targets', 'metric_name_validation_scheme',
  'metric_name_escaping_scheme', 'convert_classic_histograms_to_nhcb', 'always_scrape_classic_histograms',
  'scrape_native_histograms', 'extra_scrape_metrics',
];

const HTTP_KEYS = [
  'basic_auth', 'authorization', 'oauth2', 'bearer_token', 'bearer_token_file', 'tls_config', 'follow_redirects',
  'enable_http2', 'proxy_url', 'no_proxy', 'proxy_from_environment', 'proxy_connect_header', 'http_headers',
];

/** Keys that only matter to storage or to Prometheus' own behaviour: accepted and ignored. */
const IGNORED_SCRAPE_KEYS = [
  'scrape_classic_histograms', 'always_scrape_classic_histograms', 'convert_classic_histograms_to_nhcb',
  'scrape_native_histograms', 'honor_labels', 'honor_timestamps', 'track_timestamps_staleness', 'sample_limit', 'label_limit',
  'label_name_length_limit', 'label_value_length_limit', 'target_limit', 'keep_dropped_targets',
  'native_histogram_bucket_limit', 'native_histogram_min_bucket_factor', 'scrape_failure_log_file', 'extra_scrape_metrics',
  'metric_relabel_configs', 'enable_http2',
];

/** The types of the ignored keys, checked as Prometheus checks them: ignored is not unchecked. */
const IGNORED_KEY_TYPES: Record<string, 'boolean' | 'integer' | 'number' | 'string' | 'list'> = {
  scrape_classic_histograms: 'boolean', always_scrape_classic_histograms: 'boolean', convert_classic_histograms_to_nhcb: 'boolean',
  scrape_native_histograms: 'boolean', honor_labels: 'boolean', honor_timestamps: 'boolean', track_timestamps_staleness: 'boolean',
  sample_limit: 'integer', label_limit: 'integer', label_name_length_limit: 'integer', label_value_length_limit: 'integer',
  target_limit: 'integer', keep_dropped_targets: 'integer', native_histogram_bucket_limit: 'integer',
  native_histogram_min_bucket_factor: 'number', scrape_failure_log_file: 'string', extra_scrape_metrics: 'boolean',
  metric_relabel_configs: 'list', enable_http2: 'boolean',
};

function checkIgnored(r: Reader, o: Record<string, unknown>, path: Path): void {
  for (const [key, type] of Object.entries(IGNORED_KEY_TYPES)) {
    const v = o[key];
    if (v === undefined || v === null) continue;
    const ok =
      type === 'boolean' ? typeof v === 'boolean'
      : type === 'integer' ? Number.isInteger(v) && (v as number) >= 0
      : type === 'number' ? typeof v === 'number'
      : type === 'string' ? typeof v === 'string'
      : Array.isArray(v);
    if (!ok) throw r.error([...path, key], type === 'integer' ? 'expected a non-negative integer' : `expected a ${type}`);
  }
}

const SCRAPE_KEYS = [
  'job_name', 'scrape_interval', 'scrape_timeout', 'scrape_protocols', 'fallback_scrape_protocol', 'metrics_path', 'scheme',
  'params', 'enable_compression', 'body_size_limit', 'metric_name_validation_scheme', 'metric_name_escaping_scheme',
  'relabel_configs', 'static_configs', ...HTTP_KEYS, ...IGNORED_SCRAPE_KEYS, ...SD_CONFIGS,
];

const TLS_KEYS = ['ca', 'ca_file', 'ca_ref', 'cert', 'cert_file', 'cert_ref', 'key', 'key_file', 'key_ref', 'server_name', 'insecure_skip_verify', 'min_version', 'max_version'];
const OAUTH2_KEYS = [
  'client_id', 'client_secret', 'client_secret_file', 'client_secret_ref', 'grant_type', 'client_certificate_key',
  'client_certificate_key_file', 'client_certificate_key_ref', 'client_certificate_key_id', 'signature_algorithm', 'iss',
  'audience', 'claims', 'scopes', 'token_url', 'endpoint_params', 'tls_config', 'proxy_url', 'no_proxy',
  'proxy_from_environment', 'proxy_connect_header',
];

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const DURATION_MS = [365 * 86400e3, 7 * 86400e3, 86400e3, 3600e3, 60e3, 1e3, 1];
const SIZE_UNITS: Record<string, number> = { B: 1, KB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40, PB: 2 ** 50, EB: 2 ** 60 };

type Path = (string | number)[];

function pathText(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

class Reader {
  readonly #doc: Document;
  readonly #lines: LineCounter;
  readonly file: string;
  readonly dir: string;

  constructor(doc: Document, lines: LineCounter, file: string, dir: string) {
    this.#doc = doc;
    this.#lines = lines;
    this.file = file;
    this.dir = dir;
  }

  error(path: Path, problem: string): ConfigError {
    let node = this.#doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    for (let cut = path.length - 1; (node === undefined || node === null || !node.range) && cut >= 0; cut--) {
      node = this.#doc.getIn(path.slice(0, cut), true) as typeof node;
    }
    const pos = node?.range ? this.#lines.linePos(node.range[0]) : undefined;
    return new ConfigError(pathText(path), problem, { file: this.file, line: pos?.line, column: pos?.col });
  }

  map(value: unknown, path: Path, keys: readonly string[] | null): Record<string, unknown> {
    if (value === null || value === undefined) return {};
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof Map) throw this.error(path, 'expected a mapping');
    const obj = value as Record<string, unknown>;
    if (keys !== null) {
      for (const key of Object.keys(obj)) {
        if (!keys.includes(key)) throw this.error([...path, key], `field ${key} not found in type ${path.length === 0 ? 'config.plain' : 'config'} (unknown key)`);
      }
    }
    return obj;
  }

  string(value: unknown, path: Path): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') throw this.error(path, 'expected a string');
    return value;
  }

  bool(value: unknown, path: Path): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw this.error(path, 'expected a boolean');
    return value;
  }

  strings(value: unknown, path: Path): string[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw this.error(path, 'expected a list');
    return value.map((v, i) => this.string(v, [...path, i]) ?? '');
  }

  duration(value: unknown, path: Path): number | undefined {
    const text = this.string(value, path);
    if (text === undefined) return undefined;
    if (text === '0') return 0;
    const m = DURATION.exec(text);
    if (!m || text === '') throw this.error(path, `not a valid duration string: ${JSON.stringify(text)}`);
    return m.slice(1).reduce((sum, part, i) => sum + (part === undefined ? 0 : Number(part) * DURATION_MS[i]!), 0);
  }

  size(value: unknown, path: Path): number | undefined {
    const text = this.string(value, path);
    if (text === undefined) return undefined;
    if (text === '0') return 0;
    const m = /^(\d+)(B|KB|MB|GB|TB|PB|EB)$/.exec(text);
    if (!m) throw this.error(path, `not a valid size (an integer with a unit B, KB, MB, GB, TB, PB or EB): ${JSON.stringify(text)}`);
    return Number(m[1]) * SIZE_UNITS[m[2]!]!;
  }

  /** A `*_file` path: resolved against the config file's directory and required to exist. */
  file_(value: unknown, path: Path): string | undefined {
    const text = this.string(value, path);
    if (text === undefined || text === '') return undefined;
    const abs = isAbsolute(text) ? text : join(this.dir, text);
    if (!existsSync(abs)) throw this.error(path, `file not found: ${abs}`);
    return abs;
  }

  noRefs(obj: Record<string, unknown>, path: Path): void {
    for (const key of Object.keys(obj)) {
      if (key.endsWith('_ref') && obj[key] !== undefined && obj[key] !== null && obj[key] !== '') {
        throw this.error([...path, key], 'secret references need a secret manager, which om does not have; use the matching *_file field');
      }
    }
  }

  exclusive(obj: Record<string, unknown>, path: Path, keys: string[]): void {
    const set = keys.filter((k) => obj[k] !== undefined && obj[k] !== null && obj[k] !== '');
    if (set.length > 1) throw this.error([...path, set[1]!], `at most one of ${keys.join(', ')} must be configured`);
  }
}

function tlsConfig(r: Reader, value: unknown, path: Path): TlsOptions | undefined {
  if (value === undefined || value === null) return undefined;
  const o = r.map(value, path, TLS_KEYS);
  r.noRefs(o, path);
  r.exclusive(o, path, ['ca', 'ca_file']);
  r.exclusive(o, path, ['cert', 'cert_file']);
  r.exclusive(o, path, ['key', 'key_file']);
  const tls: TlsOptions = {};
  const set = <K extends keyof TlsOptions>(k: K, v: TlsOptions[K] | undefined) => {
    if (v !== undefined) tls[k] = v;
  };
  set('ca', r.string(o.ca, [...path, 'ca']));
  set('caFile', r.file_(o.ca_file, [...path, 'ca_file']));
  set('cert', r.string(o.cert, [...path, 'cert']));
  set('certFile', r.file_(o.cert_file, [...path, 'cert_file']));
  const key = r.string(o.key, [...path, 'key']);
  if (key !== undefined) tls.key = new Secret(key);
  set('keyFile', r.file_(o.key_file, [...path, 'key_file']));
  if ((tls.cert !== undefined || tls.certFile !== undefined) !== (tls.key !== undefined || tls.keyFile !== undefined)) {
    throw r.error(path, 'exactly one of key or key_file must be configured when a client certificate is configured (and the reverse)');
  }
  set('serverName', r.string(o.server_name, [...path, 'server_name']));
  set('insecureSkipVerify', r.bool(o.insecure_skip_verify, [...path, 'insecure_skip_verify']));
  for (const [yamlKey, key2] of [['min_version', 'minVersion'], ['max_version', 'maxVersion']] as const) {
    const v = r.string(o[yamlKey], [...path, yamlKey]);
    if (v === undefined) continue;
    if (!['TLS10', 'TLS11', 'TLS12', 'TLS13'].includes(v)) throw r.error([...path, yamlKey], `unknown TLS version: ${v}`);
    tls[key2] = v as TlsVersion;
  }
  return tls;
}

function proxyConfig(r: Reader, o: Record<string, unknown>, path: Path): ProxyOptions | undefined {
  const url = r.string(o.proxy_url, [...path, 'proxy_url']);
  const noProxy = r.string(o.no_proxy, [...path, 'no_proxy']);
  const fromEnvironment = r.bool(o.proxy_from_environment, [...path, 'proxy_from_environment']);
  if (fromEnvironment === true && (url || noProxy)) throw r.error([...path, 'proxy_from_environment'], 'if proxy_from_environment is configured, proxy_url and no_proxy must not be configured');
  if (noProxy && !url) throw r.error([...path, 'no_proxy'], 'if no_proxy is configured, proxy_url must also be configured');
  if (url) {
    try {
      new URL(url);
    } catch {
      throw r.error([...path, 'proxy_url'], 'not a valid URL');
    }
  }
  const connect = r.map(o.proxy_connect_header, [...path, 'proxy_connect_header'], null);
  const connectHeaders: Record<string, Secret> = {};
  for (const [name, values] of Object.entries(connect)) {
    const list = r.strings(values, [...path, 'proxy_connect_header', name]) ?? [];
    connectHeaders[name] = new Secret(list.join(', '));
  }
  if (!url && fromEnvironment !== true) return undefined;
  const proxy: ProxyOptions = {};
  if (url) proxy.url = url;
  if (noProxy) proxy.noProxy = noProxy;
  if (fromEnvironment) proxy.fromEnvironment = true;
  if (Object.keys(connectHeaders).length > 0) proxy.connectHeaders = connectHeaders;
  return proxy;
}

function authConfig(r: Reader, o: Record<string, unknown>, path: Path): AuthOptions | undefined {
  const present = (k: string) => o[k] !== undefined && o[k] !== null && o[k] !== '';
  const kinds = ['basic_auth', 'oauth2', 'authorization'].filter(present);
  const bearer = present('bearer_token') || present('bearer_token_file');
  if (kinds.length + (bearer ? 1 : 0) > 1) throw r.error([...path, kinds[1] ?? kinds[0]!], 'at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured');
  if (present('bearer_token') && present('bearer_token_file')) throw r.error([...path, 'bearer_token_file'], 'at most one of bearer_token & bearer_token_file must be configured');
  if (present('bearer_token')) return { authorization: { type: 'Bearer', credentials: new Secret(r.string(o.bearer_token, [...path, 'bearer_token'])!) } };
  if (present('bearer_token_file')) return { authorization: { type: 'Bearer', credentialsFile: r.file_(o.bearer_token_file, [...path, 'bearer_token_file'])! } };
  if (present('basic_auth')) {
    const p = [...path, 'basic_auth'];
    const b = r.map(o.basic_auth, p, ['username', 'username_file', 'username_ref', 'password', 'password_file', 'password_ref']);
    r.noRefs(b, p);
    r.exclusive(b, p, ['username', 'username_file']);
    r.exclusive(b, p, ['password', 'password_file']);
    const basic: { username?: string; usernameFile?: string; password?: Secret; passwordFile?: string } = {};
    const username = r.string(b.username, [...p, 'username']);
    if (username !== undefined) basic.username = username;
    const usernameFile = r.file_(b.username_file, [...p, 'username_file']);
    if (usernameFile !== undefined) basic.usernameFile = usernameFile;
    const password = r.string(b.password, [...p, 'password']);
    if (password !== undefined) basic.password = new Secret(password);
    const passwordFile = r.file_(b.password_file, [...p, 'password_file']);
    if (passwordFile !== undefined) basic.passwordFile = passwordFile;
    return { basic };
  }
  if (present('authorization')) {
    const p = [...path, 'authorization'];
    const a = r.map(o.authorization, p, ['type', 'credentials', 'credentials_file', 'credentials_ref']);
    r.noRefs(a, p);
    r.exclusive(a, p, ['credentials', 'credentials_file']);
    const type = r.string(a.type, [...p, 'type']) ?? 'Bearer';
    if (type.toLowerCase() === 'basic') throw r.error([...p, 'type'], 'authorization type cannot be set to "basic", use "basic_auth" instead');
    const auth: { type: string; credentials?: Secret; credentialsFile?: string } = { type };
    const credentials = r.string(a.credentials, [...p, 'credentials']);
    if (credentials !== undefined) auth.credentials = new Secret(credentials);
    const file = r.file_(a.credentials_file, [...p, 'credentials_file']);
    if (file !== undefined) auth.credentialsFile = file;
    return { authorization: auth };
  }
  if (present('oauth2')) {
    const p = [...path, 'oauth2'];
    const a = r.map(o.oauth2, p, OAUTH2_KEYS);
    r.noRefs(a, p);
    const grant = r.string(a.grant_type, [...p, 'grant_type']);
    if (grant !== undefined && grant !== '' && grant !== 'client_credentials') throw r.error([...p, 'grant_type'], `grant type ${JSON.stringify(grant)} is not supported by om (only client_credentials)`);
    const clientId = r.string(a.client_id, [...p, 'client_id']);
    if (!clientId) throw r.error(p, 'oauth2 client_id must be configured');
    const tokenUrl = r.string(a.token_url, [...p, 'token_url']);
    if (!tokenUrl) throw r.error(p, 'oauth2 token_url must be configured');
    try {
      new URL(tokenUrl);
    } catch {
      throw r.error([...p, 'token_url'], 'not a valid URL');
    }
    r.exclusive(a, p, ['client_secret', 'client_secret_file']);
    const oauth: OAuth2Options = { clientId, tokenUrl };
    const secret = r.string(a.client_secret, [...p, 'client_secret']);
    if (secret !== undefined) oauth.clientSecret = new Secret(secret);
    const secretFile = r.file_(a.client_secret_file, [...p, 'client_secret_file']);
    if (secretFile !== undefined) oauth.clientSecretFile = secretFile;
    const scopes = r.strings(a.scopes, [...p, 'scopes']);
    if (scopes !== undefined) oauth.scopes = scopes;
    const params = r.map(a.endpoint_params, [...p, 'endpoint_params'], null);
    if (Object.keys(params).length > 0) {
      oauth.endpointParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, r.string(v, [...p, 'endpoint_params', k]) ?? '']));
    }
    const tls = tlsConfig(r, a.tls_config, [...p, 'tls_config']);
    if (tls !== undefined) oauth.tls = tls;
    const proxy = proxyConfig(r, a, p);
    if (proxy !== undefined) oauth.proxy = proxy;
    return { oauth2: oauth };
  }
  return undefined;
}

function headersConfig(r: Reader, value: unknown, path: Path): ScrapeOptions['headers'] {
  const obj = r.map(value, path, null);
  const out: NonNullable<ScrapeOptions['headers']> = {};
  for (const [name, spec] of Object.entries(obj)) {
    const p = [...path, name];
    const s = r.map(spec, p, ['values', 'secrets', 'files']);
    const list: (string | Secret)[] = [...(r.strings(s.values, [...p, 'values']) ?? [])];
    for (const secret of r.strings(s.secrets, [...p, 'secrets']) ?? []) list.push(new Secret(secret));
    (r.strings(s.files, [...p, 'files']) ?? []).forEach((f, i) => {
      const file = r.file_(f, [...p, 'files', i])!;
      list.push(new Secret(readFileSync(file, 'utf8').trim()));
    });
    out[name] = list;
  }
  return out;
}

interface Defaults {
  interval: number;
  timeout: number;
  bodySizeLimit: number | undefined;
  protocols: ScrapeProtocol[] | undefined;
  validation: string | undefined;
  escaping: string | undefined;
}

function protocols(r: Reader, value: unknown, path: Path): ScrapeProtocol[] | undefined {
  const list = r.strings(value, path);
  if (list === undefined) return undefined;
  if (list.length === 0) throw r.error(path, 'scrape_protocols cannot be empty');
  const seen = new Set<string>();
  list.forEach((p, i) => {
    if (!isScrapeProtocol(p)) throw r.error([...path, i], `unknown scrape protocol ${p}, supported: ${SCRAPE_PROTOCOLS.join(', ')}`);
    if (seen.has(p)) throw r.error([...path, i], `duplicated protocol in scrape_protocols, got ${p}`);
    seen.add(p);
  });
  return list as ScrapeProtocol[];
}

function escapingFor(r: Reader, validation: string | undefined, escaping: string | undefined, path: Path): EscapingScheme {
  if (validation !== undefined && validation !== '' && validation !== 'utf8' && validation !== 'legacy') throw r.error([...path, 'metric_name_validation_scheme'], `unknown metric name validation scheme ${validation}`);
  if (escaping !== undefined && escaping !== '') {
    if (!['allow-utf-8', 'underscores', 'dots', 'values'].includes(escaping)) throw r.error([...path, 'metric_name_escaping_scheme'], `unknown metric name escaping scheme ${escaping}`);
    if (validation === 'legacy' && escaping === 'allow-utf-8') throw r.error([...path, 'metric_name_escaping_scheme'], 'metric_name_escaping_scheme cannot be allow-utf-8 with legacy validation');
    return escaping as EscapingScheme;
  }
  return validation === 'legacy' ? 'underscores' : 'allow-utf-8';
}

function jobConfig(r: Reader, value: unknown, index: number, d: Defaults): ScrapeJobConfig {
  const path: Path = ['scrape_configs', index];
  const o = r.map(value, path, SCRAPE_KEYS);
  checkIgnored(r, o, path);
  const name = r.string(o.job_name, [...path, 'job_name']);
  if (!name) throw r.error(path, 'job_name is empty');
  const interval = r.duration(o.scrape_interval, [...path, 'scrape_interval']) ?? d.interval;
  let timeout = r.duration(o.scrape_timeout, [...path, 'scrape_timeout']);
  if (timeout === undefined) timeout = Math.min(d.timeout, interval);
  if (timeout > interval) throw r.error([...path, 'scrape_timeout'], `scrape timeout greater than scrape interval for scrape config with job name ${JSON.stringify(name)}`);
  const scheme = r.string(o.scheme, [...path, 'scheme']) ?? 'http';
  if (scheme !== 'http' && scheme !== 'https') throw r.error([...path, 'scheme'], `unknown scrape config scheme ${JSON.stringify(scheme)} (http or https)`);
  const metricsPath = r.string(o.metrics_path, [...path, 'metrics_path']) ?? '/metrics';
  const params = r.map(o.params, [...path, 'params'], null);
  const query = Object.keys(params)
    .sort()
    .flatMap((k) => (r.strings(params[k], [...path, 'params', k]) ?? []).map((v) => `${queryEscape(k)}=${queryEscape(v)}`))
    .join('&');
  const opts: ScrapeOptions = { timeoutMs: timeout };
  const size = r.size(o.body_size_limit, [...path, 'body_size_limit']) ?? d.bodySizeLimit;
  if (size !== undefined && size > 0) opts.bodySizeLimit = size;
  const warnings: string[] = [];
  // om reads only the text formats: protobuf is never asked for, nor used as the fallback.
  const protos = protocols(r, o.scrape_protocols, [...path, 'scrape_protocols']) ?? d.protocols;
  if (protos !== undefined) {
    const text = protos.filter((p) => p !== 'PrometheusProto');
    if (text.length < protos.length) warnings.push(`job ${JSON.stringify(name)}: PrometheusProto is not requested (om reads only the text formats)${text.length === 0 ? '; the default text protocols are asked for instead' : ''}`);
    if (text.length > 0) opts.scrapeProtocols = text;
  }
  const fallback = r.string(o.fallback_scrape_protocol, [...path, 'fallback_scrape_protocol']);
  if (fallback !== undefined && fallback !== '') {
    if (!isScrapeProtocol(fallback)) throw r.error([...path, 'fallback_scrape_protocol'], `unknown fallback_scrape_protocol ${fallback}`);
    if (fallback === 'PrometheusProto') warnings.push(`job ${JSON.stringify(name)}: fallback_scrape_protocol PrometheusProto is ignored (om reads only the text formats)`);
    else opts.fallbackProtocol = fallback;
  }
  const escaping = escapingFor(
    r,
    r.string(o.metric_name_validation_scheme, [...path, 'metric_name_validation_scheme']) ?? d.validation,
    r.string(o.metric_name_escaping_scheme, [...path, 'metric_name_escaping_scheme']) ?? d.escaping,
    path,
  );
  if (escaping !== 'allow-utf-8') opts.escaping = escaping;
  const compression = r.bool(o.enable_compression, [...path, 'enable_compression']);
  if (compression !== undefined) opts.enableCompression = compression;
  const follow = r.bool(o.follow_redirects, [...path, 'follow_redirects']);
  if (follow !== undefined) opts.followRedirects = follow;
  const auth = authConfig(r, o, path);
  if (auth !== undefined) opts.auth = auth;
  const tls = tlsConfig(r, o.tls_config, [...path, 'tls_config']);
  if (tls !== undefined) opts.tls = tls;
  const proxy = proxyConfig(r, o, path);
  if (proxy !== undefined) opts.proxy = proxy;
  if (o.http_headers !== undefined && o.http_headers !== null) {
    const headers = headersConfig(r, o.http_headers, [...path, 'http_headers']);
    for (const h of Object.keys(headers ?? {})) {
      if (['authorization', 'host', 'content-encoding', 'content-length', 'content-type', 'user-agent', 'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'www-authenticate', 'accept-encoding', 'x-prometheus-remote-write-version', 'x-prometheus-remote-read-version', 'x-prometheus-scrape-timeout-seconds', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256'].includes(h.toLowerCase())) {
        throw r.error([...path, 'http_headers', h], `setting header ${JSON.stringify(h)} is not allowed`);
      }
    }
    opts.headers = headers;
  }

  const unsupportedDiscovery = SD_CONFIGS.filter((k) => o[k] !== undefined && o[k] !== null);
  for (const sd of unsupportedDiscovery) {
    warnings.push(`job ${JSON.stringify(name)}: ${sd} is not supported by om (service discovery is not run); only static_configs targets are scraped`);
  }
  if (Array.isArray(o.relabel_configs) && o.relabel_configs.length > 0) {
    warnings.push(`job ${JSON.stringify(name)}: relabel_configs are not applied; targets are scraped at their static addresses`);
  }

  const targets: ScrapeTarget[] = [];
  const statics = o.static_configs ?? [];
  if (!Array.isArray(statics)) throw r.error([...path, 'static_configs'], 'expected a list');
  statics.forEach((group, g) => {
    const gp = [...path, 'static_configs', g];
    const gm = r.map(group, gp, ['targets', 'labels']);
    const labels = Object.fromEntries(Object.entries(r.map(gm.labels, [...gp, 'labels'], null)).map(([k, v]) => [k, r.string(v, [...gp, 'labels', k]) ?? '']));
    (r.strings(gm.targets, [...gp, 'targets']) ?? []).forEach((address, t) => {
      if (address === '' || /[/\s]/.test(address) || address.includes('://')) throw r.error([...gp, 'targets', t], `${JSON.stringify(address)} is not a valid target address (host:port)`);
      const url = `${scheme}://${address}${metricsPath.startsWith('/') ? '' : '/'}${metricsPath}${query ? `?${query}` : ''}`;
      try {
        new URL(url);
      } catch {
        throw r.error([...gp, 'targets', t], `${JSON.stringify(address)} does not make a valid URL`);
      }
      targets.push({ url, labels: { job: name, instance: address, ...labels } });
    });
  });
  return { name, keyPath: pathText(path), targets, options: opts, scrapeIntervalMs: interval, honorLabels: o.honor_labels === true, unsupportedDiscovery, warnings };
}

/**
 * Parses a Prometheus configuration (YAML 1.1, unknown keys rejected, as Prometheus'
 * `UnmarshalStrict`). `*_file` paths are resolved against `dir` and must exist.
 */
export function parsePrometheusConfig(text: string, options: { file?: string; dir?: string } = {}): PrometheusConfig {
  const file = options.file ?? '<inline>';
  const dir = options.dir ?? (options.file !== undefined ? dirname(resolve(options.file)) : process.cwd());
  const lines = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: true, lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lines.linePos(e.pos[0]);
    throw new ConfigError('', `invalid YAML: ${e.message.split('\n')[0]}`, { file, line: pos.line, column: pos.col });
  }
  const r = new Reader(doc, lines, file, dir);
  const root = r.map(doc.toJS({ maxAliasCount: 100 }), [], TOP_KEYS);
  const g = r.map(root.global, ['global'], GLOBAL_KEYS);
  const interval = r.duration(g.scrape_interval, ['global', 'scrape_interval']) ?? 60_000;
  const defaults: Defaults = {
    interval,
    timeout: r.duration(g.scrape_timeout, ['global', 'scrape_timeout']) ?? Math.min(10_000, interval),
    bodySizeLimit: r.size(g.body_size_limit, ['global', 'body_size_limit']),
    protocols: protocols(r, g.scrape_protocols, ['global', 'scrape_protocols']),
    validation: r.string(g.metric_name_validation_scheme, ['global', 'metric_name_validation_scheme']),
    escaping: r.string(g.metric_name_escaping_scheme, ['global', 'metric_name_escaping_scheme']),
  };
  if (defaults.timeout > interval) throw r.error(['global', 'scrape_timeout'], 'global scrape timeout greater than scrape interval');
  const warnings: string[] = [];
  if (root.scrape_config_files !== undefined && root.scrape_config_files !== null) warnings.push('scrape_config_files are not read by om');
  const list = root.scrape_configs ?? [];
  if (!Array.isArray(list)) throw r.error(['scrape_configs'], 'expected a list');
  const jobs = list.map((job, i) => jobConfig(r, job, i, defaults));
  const seen = new Map<string, number>();
  jobs.forEach((job, i) => {
    if (seen.has(job.name)) throw r.error(['scrape_configs', i, 'job_name'], `found multiple scrape configs with job name ${JSON.stringify(job.name)}`);
    seen.set(job.name, i);
    warnings.push(...job.warnings);
  });
  return { file, jobs, warnings };
}

/** Reads and parses a prometheus.yml; relative `*_file` paths are resolved against its directory. */
export async function loadPrometheusConfig(path: string): Promise<PrometheusConfig> {
  const abs = resolve(path);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError('', code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? 'error'})`, { file: abs });
  }
  return parsePrometheusConfig(text, { file: abs, dir: dirname(abs) });
}

/** The job named `name`, or a `ConfigError` listing the job names. */
export function findJob(config: PrometheusConfig, name: string): ScrapeJobConfig {
  const job = config.jobs.find((j) => j.name === name);
  if (job === undefined) {
    throw new ConfigError('scrape_configs', `no job named ${JSON.stringify(name)} (jobs: ${config.jobs.map((j) => j.name).join(', ') || 'none'})`, { file: config.file });
  }
  return job;
}
