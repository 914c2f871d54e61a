import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, Secret, findJob, loadPrometheusConfig, parsePrometheusConfig } from '../src/index.js';
import { tempDir } from './helpers/servers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// examples/config/operator/metrics/prometheus.yml from working-group-two/docs.wgtwo.com, verbatim.
const WGTWO = `global:
  scrape_interval:     30s
  evaluation_interval: 30s

scrape_configs:
  - job_name: cisco

    metrics_path: /metrics/v1

    scheme: https
    oauth2:
        client_id: "CLIENT_ID"
        client_secret: "CLIENT_SECRET"
        scopes:
          - metrics.read
        token_url: "https://id.wgtwo.com/oauth2/token"

    static_configs:
      - targets:
          - "api.wgtwo.com:443" # Dublin
          - "api.sakura.wgtwo.com:443" # Tokyo
          - "api.oak.wgtwo.com:443" # Oregon
`;

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const job = (body: string) => `scrape_configs:\n  - job_name: j\n${body.replace(/^/gm, '    ')}\n`;

describe('prometheus.yml', () => {
  it('reads the wgtwo example: URLs, timeout, oauth2 (secrets kept as Secret)', () => {
    const config = parsePrometheusConfig(WGTWO, { file: '/etc/prometheus/prometheus.yml' });
    const cisco = findJob(config, 'cisco');
    expect(cisco.targets.map((t) => t.url)).toEqual([
      'https://api.wgtwo.com:443/metrics/v1',
      'https://api.sakura.wgtwo.com:443/metrics/v1',
      'https://api.oak.wgtwo.com:443/metrics/v1',
    ]);
    expect(cisco.targets[1]!.labels).toEqual({ job: 'cisco', instance: 'api.sakura.wgtwo.com:443' });
    expect(cisco.scrapeIntervalMs).toBe(30_000);
    expect(cisco.options.timeoutMs).toBe(10_000);
    const auth = cisco.options.auth as { oauth2: { clientId: string; clientSecret: Secret; scopes: string[]; tokenUrl: string } };
    expect(auth.oauth2).toMatchObject({ clientId: 'CLIENT_ID', scopes: ['metrics.read'], tokenUrl: 'https://id.wgtwo.com/oauth2/token' });
    expect(auth.oauth2.clientSecret).toBeInstanceOf(Secret);
    expect(auth.oauth2.clientSecret.reveal()).toBe('CLIENT_SECRET');
    for (const text of [inspect(config, { depth: 20 }), JSON.stringify(config), String(auth.oauth2.clientSecret)]) expect(text).not.toContain('CLIENT_SECRET');
    expect(config.warnings).toEqual([]);
  });

  it('uses YAML 1.1 booleans, like go-yaml v2', () => {
    const c = parsePrometheusConfig(job('honor_labels: yes\nenable_compression: no\nfollow_redirects: off\nstatic_configs: [{targets: ["127.0.0.1:9100"]}]'));
    expect(c.jobs[0]!.options).toMatchObject({ enableCompression: false, followRedirects: false });
  });

  it('rejects unknown keys and names them with their position', () => {
    const err = configError(() => parsePrometheusConfig(job('honour_labels: true'), { file: 'prom.yml' }));
    expect(err.path).toBe('scrape_configs[0].honour_labels');
    expect(err.message).toMatch(/^prom\.yml:3:20: scrape_configs\[0\]\.honour_labels: field honour_labels not found/);
    expect(configError(() => parsePrometheusConfig('scrape_config: []')).path).toBe('scrape_config');
    expect(configError(() => parsePrometheusConfig(job('oauth2: {client_id: a, token_url: "http://x", scope: [a]}'))).path).toBe('scrape_configs[0].oauth2.scope');
    expect(configError(() => parsePrometheusConfig(job('tls_config: {ca_fil: x}'))).path).toBe('scrape_configs[0].tls_config.ca_fil');
  });

  it('resolves *_file against the config file and requires it to exist', async () => {
    tmp.write('secret.txt', 'abc\n');
    const file = tmp.write('prometheus.yml', job('oauth2: {client_id: a, client_secret_file: secret.txt, token_url: "http://127.0.0.1/token"}'));
    const c = await loadPrometheusConfig(file);
    expect((c.jobs[0]!.options.auth as { oauth2: { clientSecretFile: string } }).oauth2.clientSecretFile).toBe(`${tmp.dir}/secret.txt`);
    const missing = tmp.write('missing.yml', job('oauth2: {client_id: a, client_secret_file: nope.txt, token_url: "http://127.0.0.1/token"}'));
    const err = await loadPrometheusConfig(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain(`scrape_configs[0].oauth2.client_secret_file: file not found: ${tmp.dir}/nope.txt`);
    await expect(loadPrometheusConfig(`${tmp.dir}/none.yml`)).rejects.toThrow(/file not found/);
  });

  it('builds URLs from scheme, metrics_path and sorted params', () => {
    const c = parsePrometheusConfig(job(`metrics_path: /federate\nparams:\n  match[]: ['{__name__=~".+"}', up]\n  a: [b c]\nstatic_configs: [{targets: ["h:1"], labels: {region: eu}}]`));
    expect(c.jobs[0]!.targets).toEqual([
      { url: 'http://h:1/federate?a=b+c&match%5B%5D=%7B__name__%3D~%22.%2B%22%7D&match%5B%5D=up', labels: { job: 'j', instance: 'h:1', region: 'eu' } },
    ]);
  });

  it('maps scrape fields to options', () => {
    const c = parsePrometheusConfig(
      `global: {scrape_interval: 15s, scrape_timeout: 5s, body_size_limit: 10MB, metric_name_validation_scheme: legacy}\n` +
        `scrape_configs:\n  - job_name: j\n    scrape_timeout: 1s500ms\n    scrape_protocols: [PrometheusText0.0.4, OpenMetricsText1.0.0]\n    fallback_scrape_protocol: PrometheusText0.0.4\n` +
        `    basic_auth: {username: u, password: p}\n    tls_config: {insecure_skip_verify: true, min_version: TLS13, server_name: x}\n    proxy_url: http://127.0.0.1:3128\n    no_proxy: localhost\n` +
        `    http_headers: {X-Tenant: {values: [a], secrets: [s]}}\n  - job_name: k\n`,
    );
    const [j, k] = c.jobs;
    expect(j!.options).toMatchObject({
      timeoutMs: 1500,
      bodySizeLimit: 10 * 1024 * 1024,
      scrapeProtocols: ['PrometheusText0.0.4', 'OpenMetricsText1.0.0'],
      fallbackProtocol: 'PrometheusText0.0.4',
      escaping: 'underscores',
      tls: { insecureSkipVerify: true, minVersion: 'TLS13', serverName: 'x' },
      proxy: { url: 'http://127.0.0.1:3128', noProxy: 'localhost' },
    });
    expect((j!.options.auth as { basic: { password: Secret } }).basic.password.reveal()).toBe('p');
    expect((j!.options.headers!['X-Tenant'] as unknown[])[0]).toBe('a');
    expect(k!.options.timeoutMs).toBe(5000);
    expect(k!.scrapeIntervalMs).toBe(15_000);
  });

  it('refuses what Prometheus refuses', () => {
    const cases: [string, RegExp][] = [
      [job('scrape_interval: 5s\nscrape_timeout: 10s'), /scrape timeout greater than scrape interval/],
      [job('basic_auth: {username: a}\noauth2: {client_id: a, token_url: "http://x"}'), /at most one of basic_auth, oauth2/],
      [job('authorization: {type: Basic, credentials: x}'), /use "basic_auth" instead/],
      [job('basic_auth: {username: a, password_ref: vault}'), /secret references need a secret manager/],
      [job('oauth2: {client_id: a}'), /oauth2 token_url must be configured/],
      [job('body_size_limit: 10M'), /not a valid size/],
      [job('scrape_timeout: 10 seconds'), /not a valid duration/],
      [job('scrape_protocols: [OpenMetricsText3.0.0]'), /unknown scrape protocol/],
      [job('scheme: ftp'), /unknown scrape config scheme/],
      [job('http_headers: {User-Agent: {values: [x]}}'), /not allowed/],
      [job('static_configs: [{targets: ["http://h:1/metrics"]}]'), /not a valid target address/],
      [`${job('')}  - job_name: j\n`, /multiple scrape configs with job name "j"/],
      ['scrape_configs:\n  - job_name: a\n    job_name: b\n', /invalid YAML/],
      [job('proxy_from_environment: true\nproxy_url: http://127.0.0.1:1'), /proxy_from_environment/],
    ];
    for (const [text, message] of cases) expect(() => parsePrometheusConfig(text), String(message)).toThrow(message);
  });

  it('never asks for protobuf, which om cannot read, and says so', () => {
    const c = parsePrometheusConfig(
      `global: {scrape_protocols: [PrometheusProto]}\nscrape_configs:\n` +
        `  - job_name: native\n    scrape_protocols: [PrometheusProto, OpenMetricsText1.0.0, PrometheusText0.0.4]\n    fallback_scrape_protocol: PrometheusProto\n` +
        `  - job_name: inherits\n`,
    );
    const [native, inherits] = c.jobs;
    expect(native!.options.scrapeProtocols).toEqual(['OpenMetricsText1.0.0', 'PrometheusText0.0.4']);
    expect(native!.options.fallbackProtocol).toBeUndefined();
    expect(inherits!.options.scrapeProtocols).toBeUndefined(); // the default text protocols
    expect(c.warnings).toEqual([
      'job "native": PrometheusProto is not requested (om reads only the text formats)',
      'job "native": fallback_scrape_protocol PrometheusProto is ignored (om reads only the text formats)',
      'job "inherits": PrometheusProto is not requested (om reads only the text formats); the default text protocols are asked for instead',
    ]);
  });

  it('says clearly that service discovery is not supported', () => {
    const c = parsePrometheusConfig(job('kubernetes_sd_configs: [{role: pod}]\nrelabel_configs: [{action: keep}]'));
    expect(c.jobs[0]!.unsupportedDiscovery).toEqual(['kubernetes_sd_configs']);
    expect(c.warnings.join('\n')).toMatch(/kubernetes_sd_configs is not supported by om/);
    expect(c.warnings.join('\n')).toMatch(/relabel_configs are not applied/);
    expect(configError(() => findJob(c, 'nope')).message).toContain('no job named "nope" (jobs: j)');
  });
});
