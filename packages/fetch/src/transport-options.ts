import type { SecretString } from './secret.js';

// The options of one connection (TLS, proxy) and of an OAuth2 token source. A module of its own so
// that the dispatcher and the token source need not import `options.ts`, which names the token
// source (no import cycle, type-only imports included).

/** `tls_config`. PEM contents or file paths; files are read once per scrape. */
export interface TlsOptions {
  ca?: string;
  caFile?: string;
  cert?: string;
  certFile?: string;
  key?: SecretString;
  keyFile?: string;
  /** SNI and the name the certificate is checked against. */
  serverName?: string;
  /** Turns certificate verification off. Reported as an `insecure-tls` fact on every scrape. */
  insecureSkipVerify?: boolean;
  minVersion?: TlsVersion;
  maxVersion?: TlsVersion;
}

export type TlsVersion = 'TLS10' | 'TLS11' | 'TLS12' | 'TLS13';

/** `proxy_url`, `no_proxy`, `proxy_from_environment`, `proxy_connect_header`. */
export interface ProxyOptions {
  url?: string;
  /** Comma-separated hosts, domains or CIDRs not to proxy (needs `url`). */
  noProxy?: string;
  /** Use HTTP_PROXY / HTTPS_PROXY / NO_PROXY (and lowercase forms). Not with `url`. */
  fromEnvironment?: boolean;
  /** Headers sent with CONNECT to the proxy. */
  connectHeaders?: Record<string, SecretString>;
}

/** OAuth2 client credentials, as Prometheus' `oauth2` block. */
export interface OAuth2Options {
  clientId: string;
  clientSecret?: SecretString;
  /** Read before each token request, whitespace trimmed; a changed secret drops the cached token. */
  clientSecretFile?: string;
  scopes?: string[];
  tokenUrl: string;
  endpointParams?: Record<string, string>;
  /**
   * Client authentication. `auto` (Prometheus' behaviour, golang.org/x/oauth2 AuthStyleAutoDetect):
   * HTTP Basic first, then the client id and secret in the form body; the style that worked is kept.
   */
  authStyle?: 'auto' | 'basic' | 'post';
  tls?: TlsOptions;
  proxy?: ProxyOptions;
  /** Timeout of one token request (default 10 s; Prometheus has none). */
  timeoutMs?: number;
  /** Renew this long before expiry (default 10 s, golang.org/x/oauth2's `defaultExpiryDelta`). */
  expiryMarginMs?: number;
}
