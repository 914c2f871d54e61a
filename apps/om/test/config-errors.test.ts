// A config with every kind of mistake, for `om lint --config` and `om lint --prometheus-config
// --job`: exit 2 with exactly one line on stderr, naming the file (relative) and the place, no stack
// trace, nothing on stdout, and no secret of the config echoed back.
import { afterAll, describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

const SECRET = 'inline-s3cret-value-42';

const target = 'static_configs: [{targets: ["127.0.0.1:1"]}]';
const job = (body: string) => `scrape_configs:\n  - job_name: a\n${body
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}\n    ${target}\n`;

const promConfigs: Record<string, [string, RegExp]> = {
  'an unknown key': [job('scrape_intervall: 5s'), /prometheus\.yml:3:\d+: .*scrape_intervall.*unknown key/],
  'a wrong type (list expected)': ['scrape_configs: 5\n', /prometheus\.yml:1:\d+: scrape_configs: expected a list/],
  'a wrong type (boolean expected)': [job('tls_config: {insecure_skip_verify: "yes"}'), /insecure_skip_verify: expected a boolean/],
  'a wrong type in a key om ignores': [job('honor_labels: "maybe"'), /honor_labels: expected a boolean/],
  'a wrong type in a limit om ignores': [job('sample_limit: many'), /sample_limit: expected a non-negative integer/],
  'a missing bearer token file': [job('authorization: {credentials_file: missing-token.txt}'), /credentials_file: file not found/],
  'a missing password file': [job('basic_auth: {username: u, password_file: missing.txt}'), /password_file: file not found/],
  'a missing OAuth2 secret file': [
    job('oauth2: {client_id: c, client_secret_file: missing.txt, token_url: "http://127.0.0.1:1/t"}'),
    /client_secret_file: file not found/,
  ],
  'bad YAML': ['scrape_configs:\n  - job_name: a\n   static_configs: [{targets: ["127.0.0.1:1"]\n', /prometheus\.yml:\d+:\d+: invalid YAML/],
  'tabs in YAML': ['scrape_configs:\n\t- job_name: a\n', /invalid YAML/],
  'a bad duration': [job('scrape_timeout: 5x'), /scrape_timeout: not a valid duration string: "5x"/],
  'a bare number as a duration': [job('scrape_timeout: 5'), /scrape_timeout: not a valid duration/],
  'a timeout over the interval': [job('scrape_interval: 1s\nscrape_timeout: 5s'), /scrape timeout greater than scrape interval/],
  'a bad size': [job('body_size_limit: 10XB'), /body_size_limit: not a valid size/],
  'a bad target': ['scrape_configs:\n  - job_name: a\n    static_configs: [{targets: ["http://x:1/"]}]\n', /not a valid target address/],
  'two kinds of auth, with an inline secret': [job(`bearer_token: ${SECRET}\nbasic_auth: {username: u, password: ${SECRET}}`), /at most one of/],
  'an inline secret next to a bad duration': [job(`basic_auth: {username: u, password: ${SECRET}}\nscrape_timeout: 5x`), /not a valid duration/],
  'no such job': ['scrape_configs:\n  - job_name: b\n    ' + target + '\n', /no job named "a"/],
  'an empty file': ['', /no job named "a"/],
};

const lintConfigs: Record<string, [string, RegExp]> = {
  'an unknown key': ['{"rulez": {}}', /om\.json: Invalid config at `rulez`: unknown key$/],
  'a wrong type': ['{"rules": {"OM201": 5}}', /om\.json: Invalid config at `rules\.OM201`/],
  'an unknown rule': ['{"rules": {"OM999": "error"}}', /`rules\.OM999`: unknown rule/],
  'an unknown preset': ['{"extends": "nope"}', /`extends`/],
  'a wrong type in ignore': ['{"ignore": [{"rule": "OM201", "metric": ["x"]}]}', /`ignore\.0\.metric`/],
  'bad JSON': ['{"rules": ', /om\.json is not valid JSON/],
  'YAML instead of JSON (a multi-line quote)': ['rules:\n  OM201: off\n', /om\.json is not valid JSON/],
};

const files: Record<string, string> = { 'm.prom': '# HELP up Up.\n# TYPE up gauge\nup 1\n' };
for (const [i, [text]] of Object.values(promConfigs).entries()) files[`p${i}/prometheus.yml`] = text;
for (const [i, [text]] of Object.values(lintConfigs).entries()) files[`l${i}/om.json`] = text;
const tmp = tempDir(files);
afterAll(() => tmp.cleanup());

function expectOneCleanLine(r: { exitCode: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^om: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at |\[TMP\]|^\/|\s\/tmp\//);
  expect(r.stderr + r.stdout).not.toContain(SECRET);
}

describe('om lint --prometheus-config with a mistake', () => {
  for (const [i, [name, [, pattern]]] of Object.entries(promConfigs).entries()) {
    it(name, async () => {
      const r = await run(['lint', '--prometheus-config', `p${i}/prometheus.yml`, '--job', 'a'], { cwd: tmp.dir });
      expectOneCleanLine(r, pattern);
      // --debug adds the stack trace, and still no secret.
      const debug = await run(['--debug', 'lint', '--prometheus-config', `p${i}/prometheus.yml`, '--job', 'a'], { cwd: tmp.dir });
      expect(debug.exitCode).toBe(2);
      expect(debug.stderr).not.toContain(SECRET);
    });
  }

  it('a config file that does not exist', async () => {
    expectOneCleanLine(await run(['lint', '--prometheus-config', 'nope.yml', '--job', 'a'], { cwd: tmp.dir }), /nope\.yml: file not found/);
  });

  it('--job without --prometheus-config', async () => {
    expectOneCleanLine(await run(['lint', '--job', 'a'], { cwd: tmp.dir }), /go together/);
  });
});

describe('om lint --config with a mistake', () => {
  for (const [i, [name, [, pattern]]] of Object.entries(lintConfigs).entries()) {
    it(name, async () => {
      expectOneCleanLine(await run(['lint', '--config', `l${i}/om.json`, 'm.prom'], { cwd: tmp.dir }), pattern);
    });
  }

  it('a config file that does not exist', async () => {
    expectOneCleanLine(await run(['lint', '--config', 'missing.json', 'm.prom'], { cwd: tmp.dir }), /missing\.json not found/);
  });

  it('a bad --rule and a bad --max-warnings', async () => {
    expectOneCleanLine(await run(['lint', '--rule', 'OM201=loud', 'm.prom'], { cwd: tmp.dir }), /--rule expects/);
    expectOneCleanLine(await run(['lint', '--max-warnings', 'x', 'm.prom'], { cwd: tmp.dir }), /--max-warnings/);
  });
});
