// The auth, TLS, proxy and header flags of @omkit/fetch, defined once and shared by
// `om fetch`, `om lint` and `om diff`. Secrets come only from files or the environment.
import type { Command } from '@commander-js/extra-typings';
import { Option } from '@commander-js/extra-typings';
import type { AuthOptions, ScrapeOptions, ScrapeProtocol } from '@omkit/fetch';
import { isScrapeProtocol, Secret, SCRAPE_PROTOCOLS } from '@omkit/fetch/light';
import { resolve } from 'node:path';
import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { parseDuration, parseSize } from './units.js';

export interface ScrapeFlags {
  bearerTokenFile?: string;
  basicUser?: string;
  basicPasswordFile?: string;
  oauth2ClientId?: string;
  oauth2ClientSecretFile?: string;
  oauth2TokenUrl?: string;
  oauth2Scope?: string[];
  oauth2EndpointParam?: string[];
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  serverName?: string;
  insecureSkipVerify?: boolean;
  proxyUrl?: string;
  header?: string[];
  timeout?: string;
  bodySizeLimit?: string;
  prometheusConfig?: string;
  job?: string;
  concurrency?: string;
  scrapeProtocols?: string;
  fallbackScrapeProtocol?: string;
}

/** Environment variables that may hold a secret instead of a file. */
export const SECRET_ENV = {
  bearer: 'OM_BEARER_TOKEN',
  basicPassword: 'OM_BASIC_PASSWORD',
  oauth2ClientSecret: 'OM_OAUTH2_CLIENT_SECRET',
} as const;

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/**
 * Adds the shared scrape flags (in their own help group) to a command. `job: false` leaves out
 * `--prometheus-config`, `--job` and `--concurrency`, for a command that reads a fixed number of
 * inputs (`om parse` one, `om diff` two) where a job's N targets have no place.
 */
export function addScrapeFlags<C extends Command<any, any, any>>(cmd: C, { job = true }: { job?: boolean } = {}): C {
  const jobOpts = [
    new Option('--prometheus-config <file>', 'read targets and their scrape options from a prometheus.yml (with --job)'),
    new Option('--job <name>', 'the scrape_configs job whose static targets are scraped'),
    new Option('--concurrency <n>', 'targets of the job scraped at once (default 16)'),
  ];
  const opts: Option<any, any, any, any, any, any>[] = [
    ...(job ? jobOpts : []),
    new Option('--bearer-token-file <file>', `bearer token read from a file (or env ${SECRET_ENV.bearer})`),
    new Option('--basic-user <name>', 'HTTP basic auth user name'),
    new Option('--basic-password-file <file>', `HTTP basic auth password file (or env ${SECRET_ENV.basicPassword})`),
    new Option('--oauth2-client-id <id>', 'OAuth2 client-credentials client id'),
    new Option('--oauth2-client-secret-file <file>', `OAuth2 client secret file (or env ${SECRET_ENV.oauth2ClientSecret})`),
    new Option('--oauth2-token-url <url>', 'OAuth2 token endpoint'),
    new Option('--oauth2-scope <scope>', 'OAuth2 scope (repeatable)').argParser(collect),
    new Option('--oauth2-endpoint-param <k=v>', 'extra token request parameter (repeatable)').argParser(collect),
    new Option('--ca-file <file>', 'CA certificates (PEM) to verify the server'),
    new Option('--cert-file <file>', 'client certificate (PEM)'),
    new Option('--key-file <file>', 'client key (PEM)'),
    new Option('--server-name <name>', 'TLS server name (SNI and verification)'),
    new Option('--insecure-skip-verify', 'do not verify the server certificate (dangerous)'),
    new Option('--proxy-url <url>', 'HTTP proxy'),
    new Option('--header <"K: V">', 'extra request header (repeatable)').argParser(collect),
    new Option('--timeout <duration>', 'whole-scrape timeout, e.g. 10s, 500ms'),
    new Option('--body-size-limit <size>', 'largest decoded body, e.g. 50MiB (0 = none)'),
    new Option('--scrape-protocols <list>', 'protocols to ask for, in order (Accept header), e.g. PrometheusText0.0.4,OpenMetricsText1.0.0 (text formats only: PrometheusProto is not supported)'),
    new Option('--fallback-scrape-protocol <protocol>', 'how to read a body whose Content-Type is missing or unknown, e.g. PrometheusText0.0.4'),
  ];
  cmd.optionsGroup('Scrape options (URLs):');
  for (const o of opts) cmd.addOption(o);
  cmd.optionsGroup('Options:');
  return cmd;
}

function keyValue(flag: string, text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  if (i <= 0) throw new UsageError(`${flag} expects ${sep === ':' ? '"Name: value"' : 'key=value'} (received ${JSON.stringify(text)})`);
  return [text.slice(0, i).trim(), text.slice(i + 1).trim()];
}

/** The protocols om can read: Prometheus' names without `PrometheusProto` (protobuf is not supported). */
const TEXT_PROTOCOLS = SCRAPE_PROTOCOLS.filter((p) => p !== 'PrometheusProto');

/** A `scrape_protocols` name, as Prometheus spells it; protobuf is refused, as om cannot read it. */
function protocol(flag: string, text: string): ScrapeProtocol {
  if (text === 'PrometheusProto') throw new UsageError(`${flag}: PrometheusProto (protobuf) is not supported, om reads only the text formats (${TEXT_PROTOCOLS.join(', ')})`);
  if (!isScrapeProtocol(text)) throw new UsageError(`${flag}: unknown protocol ${JSON.stringify(text)} (one of ${TEXT_PROTOCOLS.join(', ')})`);
  return text;
}

/** Turns the flags into @omkit/fetch options. Relative paths resolve against cwd. */
export function scrapeOptions(flags: ScrapeFlags, io: Io, debug?: (line: string) => void): ScrapeOptions {
  const path = (p: string) => resolve(io.cwd, p);
  const options: ScrapeOptions = {};
  if (flags.timeout !== undefined) options.timeoutMs = parseDuration('--timeout', flags.timeout);
  if (flags.bodySizeLimit !== undefined) options.bodySizeLimit = parseSize('--body-size-limit', flags.bodySizeLimit);
  if (flags.header?.length) {
    const headers: Record<string, string[]> = {};
    for (const h of flags.header) {
      const [k, v] = keyValue('--header', h, ':');
      (headers[k] ??= []).push(v);
    }
    options.headers = headers;
  }

  const auths: AuthOptions[] = [];
  const env = io.env;
  if (flags.bearerTokenFile !== undefined) auths.push({ bearer: { tokenFile: path(flags.bearerTokenFile) } });
  else if (env[SECRET_ENV.bearer]) auths.push({ bearer: { token: new Secret(env[SECRET_ENV.bearer]!) } });
  if (flags.basicUser !== undefined || flags.basicPasswordFile !== undefined) {
    const basic: { username?: string; password?: Secret; passwordFile?: string } = {};
    if (flags.basicUser !== undefined) basic.username = flags.basicUser;
    if (flags.basicPasswordFile !== undefined) basic.passwordFile = path(flags.basicPasswordFile);
    else if (env[SECRET_ENV.basicPassword]) basic.password = new Secret(env[SECRET_ENV.basicPassword]!);
    auths.push({ basic });
  }
  if (flags.oauth2ClientId !== undefined || flags.oauth2TokenUrl !== undefined || flags.oauth2ClientSecretFile !== undefined) {
    if (flags.oauth2ClientId === undefined || flags.oauth2TokenUrl === undefined)
      throw new UsageError('OAuth2 needs both --oauth2-client-id and --oauth2-token-url');
    const oauth2: NonNullable<Extract<AuthOptions, { oauth2: unknown }>['oauth2']> = { clientId: flags.oauth2ClientId, tokenUrl: flags.oauth2TokenUrl };
    if (flags.oauth2ClientSecretFile !== undefined) oauth2.clientSecretFile = path(flags.oauth2ClientSecretFile);
    else if (env[SECRET_ENV.oauth2ClientSecret]) oauth2.clientSecret = new Secret(env[SECRET_ENV.oauth2ClientSecret]!);
    else throw new UsageError(`OAuth2 needs --oauth2-client-secret-file or env ${SECRET_ENV.oauth2ClientSecret}`);
    if (flags.oauth2Scope?.length) oauth2.scopes = flags.oauth2Scope;
    if (flags.oauth2EndpointParam?.length)
      oauth2.endpointParams = Object.fromEntries(flags.oauth2EndpointParam.map((p) => keyValue('--oauth2-endpoint-param', p, '=')));
    auths.push({ oauth2 });
  }
  if (auths.length > 1) throw new UsageError('use only one of bearer, basic and OAuth2 authentication');
  if (auths[0]) options.auth = auths[0];

  const tls: NonNullable<ScrapeOptions['tls']> = {};
  if (flags.caFile !== undefined) tls.caFile = path(flags.caFile);
  if (flags.certFile !== undefined) tls.certFile = path(flags.certFile);
  if (flags.keyFile !== undefined) tls.keyFile = path(flags.keyFile);
  if (flags.serverName !== undefined) tls.serverName = flags.serverName;
  if (flags.insecureSkipVerify) tls.insecureSkipVerify = true;
  if (Object.keys(tls).length) options.tls = tls;
  if (flags.proxyUrl !== undefined) options.proxy = { url: flags.proxyUrl };
  if (flags.scrapeProtocols !== undefined) {
    const list = flags.scrapeProtocols.split(',').map((p) => protocol('--scrape-protocols', p.trim()));
    const twice = list.find((p, i) => list.indexOf(p) !== i);
    if (twice !== undefined) throw new UsageError(`--scrape-protocols lists ${twice} twice`);
    options.scrapeProtocols = list;
  }
  if (flags.fallbackScrapeProtocol !== undefined) options.fallbackProtocol = protocol('--fallback-scrape-protocol', flags.fallbackScrapeProtocol.trim());
  if (debug) options.debug = debug;
  return options;
}

/** Whether any URL-only flag was given (used to warn when there is no URL to apply them to). */
export function warnInsecure(flags: ScrapeFlags, io: Io): void {
  if (flags.insecureSkipVerify)
    io.stderr.write('om: warning: --insecure-skip-verify: TLS certificates are NOT verified; anyone on the path can read and change this scrape\n');
}

/** @omkit/fetch option paths → the flags that set them, for error messages. */
const FLAG_OF_PATH: Record<string, string> = {
  'auth.bearer.tokenFile': '--bearer-token-file',
  'auth.basic.passwordFile': '--basic-password-file',
  'auth.oauth2.clientSecretFile': '--oauth2-client-secret-file',
  'auth.oauth2.tokenUrl': '--oauth2-token-url',
  'tls.caFile': '--ca-file',
  'tls.certFile': '--cert-file',
  'tls.keyFile': '--key-file',
  'proxy.url': '--proxy-url',
  headers: '--header',
  scrapeProtocols: '--scrape-protocols',
  fallbackProtocol: '--fallback-scrape-protocol',
};

/** Names the flag instead of the option path, and prints paths relative to cwd. */
export function explainFetchConfigError(message: string, cwd: string): string {
  let m = message.replace(/^\./, '');
  if (m.startsWith('headers.')) m = `--header ${m.slice('headers.'.length)}`;
  for (const [path, flag] of Object.entries(FLAG_OF_PATH)) if (m.startsWith(`${path}:`) || m.startsWith(`${path}.`)) m = `${flag}${m.slice(path.length)}`;
  const prefix = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return m.split(prefix).join('');
}
