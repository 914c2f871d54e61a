// The built playground (dist/) in a real browser: Debian's chromium driven by playwright-core,
// the page served from loopback by a static server of this test. Under CI=true a missing browser
// fails the tests; elsewhere they are skipped with the reason.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fixText, lint, resolveConfig } from '@omkit/lint';
import { convertText, parse, samplesOf, type Format } from '@omkit/parser';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.OM_TEST_CHROMIUM ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const app = fileURLToPath(new URL('..', import.meta.url));
const dist = join(app, 'dist');
const artifacts = join(app, 'test-output');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A folder over HTTP on 127.0.0.1, as any static host serves it. */
function serve(root: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

// A sample with known problems (line numbers as the list shows them).
const SAMPLE = [
  '# HELP http_request_duration_seconds Time to answer a request.',
  '# TYPE http_request_duration_seconds histogram',
  'http_request_duration_seconds_bucket{le="0.1"} 80',
  'http_request_duration_seconds_bucket{le="1"} 97', // 4: OM161, safe fix `1.0`
  'http_request_duration_seconds_bucket{le="+Inf"} 100',
  'http_request_duration_seconds_sum 21.5',
  'http_request_duration_seconds_count 100',
  '# TYPE memory_used_kb gauge',
  'memory_used_kb 512', // 8–9: OM200, OM210
  '# HELP queue_jobs Jobs taken.',
  '# TYPE queue_jobs counter',
  'queue_jobs_total{queue="default" shard="1"} 7', // 12: OM001
  '# EOF',
  '',
].join('\n');

/** A 5 MB exposition: counters with help, one line with a syntax error, one family without help. Self-contained (run in the page too). */
function bigExposition(): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < 5_000_000; n++) {
    let block = `# HELP app_route${n}_requests_total Requests of route ${n}.\n# TYPE app_route${n}_requests_total counter\n`;
    for (const [k, path] of ['/', '/login', '/api'].entries()) block += `app_route${n}_requests_total{path="${path}",code="${200 + k}"} ${n + k}\n`;
    parts.push(block);
    size += block.length;
  }
  parts.push('app_broken{a="1" b="2"} 1\nfree_memory_kb 12\n');
  return parts.join('');
}

/** What `om lint` finds in a text, as [code, line] pairs in its order. */
function expected(text: string, config = {}, format: Format | 'auto' = 'auto'): [string, number][] {
  return lint(parse(text, { format }), { text, config: resolveConfig(config) }).map((d) => [d.code, d.span?.start.line ?? 0]);
}

// OpenMetrics 2.0: composite values, a start timestamp.
const OM2 = [
  '# TYPE rpc_seconds histogram',
  '# HELP rpc_seconds RPC latency.',
  'rpc_seconds{method="get"} {count:3,sum:1.5,bucket:[0.5:1,1.0:2,+Inf:3]} st@1700000000',
  '# TYPE jobs summary',
  '# HELP jobs Job durations.',
  'jobs {count:2,sum:3.0,quantile:[0.5:1.0,0.9:2.0]}',
  '# EOF',
  '',
].join('\n');

describe.skipIf(!present && !inCi)(`the playground in Chromium${present ? '' : ` (skipped: ${CHROMIUM} is not installed)`}`, () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  // A copy of dist/, so that a build running meanwhile (it empties dist/ first) changes nothing here.
  const site = mkdtempSync(join(tmpdir(), 'om-playground-'));

  beforeAll(async () => {
    if (!present) throw new Error(`${CHROMIUM} is not installed (.ci/run installs Debian's chromium)`);
    if (!existsSync(join(dist, 'index.html'))) {
      const built = spawnSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'error'], { cwd: app, encoding: 'utf8' });
      if (built.status !== 0) throw new Error(`vite build failed: ${built.stderr}`);
    }
    mkdirSync(artifacts, { recursive: true });
    cpSync(dist, site, { recursive: true });
    ({ server, base } = await serve(site));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    rmSync(site, { recursive: true, force: true });
  });

  /** A fresh page on the playground; every request it makes is recorded, and every error. */
  async function open(url = base): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base.replace(/\/$/, '') });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    await page.goto(url);
    await page.waitForSelector('body[data-state=analyzed]');
    return { page, requests, errors };
  }

  /** Nothing but the page's own server was asked for anything, and the page reported no error. */
  function clean(requests: string[], errors: string[]): void {
    expect(requests.filter((u) => !u.startsWith(base))).toEqual([]);
    expect(errors).toEqual([]);
  }

  const text = (page: Page) => page.evaluate(() => (window as unknown as { omPlayground: { text(): string } }).omPlayground.text());

  /** The findings the list shows, as [code, line]. */
  const listed = (page: Page) =>
    page.$$eval('#problems li.problem', (rows) => rows.map((r) => [(r as HTMLElement).dataset.code!, Number((r as HTMLElement).dataset.line)] as [string, number]));

  /** Waits until the page shows the findings of `text` (the Worker answers after the editor's lint delay). */
  async function settled(page: Page, body: string): Promise<void> {
    await page.waitForFunction(
      (t) => (window as unknown as { omPlayground: { text(): string; analyzed(): string | undefined } }).omPlayground.analyzed() === t,
      body,
    );
  }

  /** Pastes `body` over the editor's text, as a user's Ctrl+V does (a paste event with the text). */
  async function paste(page: Page, body: string): Promise<void> {
    await page.click('.cm-content');
    await page.keyboard.press('Control+A');
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.getElementById('editor')!.shadowRoot!.querySelector('.cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, body);
    await settled(page, body);
  }

  it('shows the findings of a pasted exposition in the list and the editor, and applies a quick-fix', async () => {
    const { page, requests, errors } = await open();
    await paste(page, SAMPLE);
    expect(await text(page)).toBe(SAMPLE);
    const want = expected(SAMPLE);
    expect(want).toEqual(expect.arrayContaining([['OM161', 4], ['OM200', 8], ['OM210', 8], ['OM001', 12]]));
    expect(await listed(page)).toEqual(want);
    expect(await page.textContent('#detected')).toBe('Detected: OpenMetrics 1.0');
    // Each row: severity, code linking to its doc, message, line:col, help.
    const row = page.locator('#problems li.problem[data-code=OM161]');
    expect(await row.locator('a.code').getAttribute('href')).toMatch(/\/packages\/lint\/docs\/rules\/canonical-threshold\.md$/);
    expect(await row.locator('.at').textContent()).toBe('4:41');
    expect(await row.locator('.help').textContent()).toContain('%g');
    // In the editor: gutter markers and underlined ranges.
    expect(await page.locator('.cm-lint-marker-error').count()).toBe(1);
    expect(await page.locator('.cm-lintRange-warning').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(artifacts, 'playground.png') });

    // The quick-fix, from CodeMirror's lint panel (Ctrl+Shift+M).
    await page.click('.cm-content');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.cm-panel-lint li', { hasText: 'OM161' }).locator('button', { hasText: 'Fix' }).click();
    const fixed = SAMPLE.replace('le="1"}', 'le="1.0"}');
    await settled(page, fixed);
    expect(await text(page)).toBe(fixed);
    expect((await listed(page)).map(([code]) => code)).not.toContain('OM161');
    expect(await listed(page)).toEqual(expected(fixed));

    // Fix all: what `om lint --fix` writes.
    await paste(page, SAMPLE);
    await page.click('#fix-all');
    const all = fixText(SAMPLE).text;
    expect(all).not.toBe(SAMPLE);
    await settled(page, all);

    // The model: families → metrics → samples, each with its line.
    await page.click('[data-tab=model]');
    const family = page.locator('#tree details.family[data-name=http_request_duration_seconds]');
    expect(await family.locator('summary').textContent()).toBe('http_request_duration_secondshistogram1 metric, 5 samplesline 1');
    await family.locator('summary code.name').click();
    await family.locator('.sample').first().waitFor();
    expect(await family.locator('.sample code').allTextContents()).toEqual([
      'http_request_duration_seconds_bucket{le="0.1"} 80',
      'http_request_duration_seconds_bucket{le="1.0"} 97',
      'http_request_duration_seconds_bucket{le="+Inf"} 100',
      'http_request_duration_seconds_sum 21.5',
      'http_request_duration_seconds_count 100',
    ]);
    expect(await family.locator('.meta').textContent()).toBe('HELP Time to answer a request.');
    clean(requests, errors);
  });

  it('a share link opened in a fresh page restores the text, the settings and the findings', async () => {
    const { page, requests, errors } = await open();
    // A real 57 KB scrape fits in a link.
    const body = readFileSync(join(app, '../../packages/lint/test/fixtures/exporters/node-exporter.prom'), 'utf8');
    expect(body.length).toBeGreaterThan(50_000);
    await paste(page, body);
    await page.selectOption('#format', 'prometheus');
    await page.check('#presets input[value=strict]');
    await page.click('#rules summary');
    await page.selectOption('#rules select[data-code=OM200]', 'off');
    await settled(page, body);
    const shown = await listed(page);
    expect(shown).toEqual(expected(body, { extends: ['recommended', 'strict'], rules: { OM200: 'off' } }));
    await page.click('#share');
    const link = await page.inputValue('#share-link');
    expect(link.startsWith(`${base}#v1.`)).toBe(true);
    expect(link.length).toBeLessThan(16_000);
    clean(requests, errors);

    const again = await open(link);
    await settled(again.page, body);
    expect(await text(again.page)).toBe(body);
    expect(await again.page.inputValue('#format')).toBe('prometheus');
    expect(await again.page.isChecked('#presets input[value=strict]')).toBe(true);
    expect(await again.page.inputValue('#rules select[data-code=OM200]')).toBe('off');
    expect(await listed(again.page)).toEqual(shown);
    expect(await again.page.textContent('#detected')).toBe('Read as: Prometheus text 0.0.4');

    // A link cut short: said so, and the text stays.
    await again.page.evaluate((cut) => (location.hash = cut), new URL(link).hash.slice(0, 200));
    await again.page.waitForFunction(() => document.getElementById('share-note')!.textContent === 'This link cannot be read: was it cut short?');
    expect(await text(again.page)).toBe(body);
    clean(again.requests, again.errors);
  });

  it('a dropped 5 MB file is read in the Worker, with progress, and its counts shown', async () => {
    const { page, requests, errors } = await open();
    const body = bigExposition();
    expect(body.length).toBeGreaterThan(5_000_000);
    const result = parse(body);
    const findings = lint(result, { text: body });
    let samples = 0;
    for (const f of result.families) for (const m of f.metrics) samples += samplesOf(m).count;
    // Note when the progress bar shows.
    await page.evaluate(() => {
      const bar = document.getElementById('progress')!;
      new MutationObserver(() => {
        if (!bar.hidden) document.body.dataset.sawProgress = 'yes';
      }).observe(bar, { attributes: true });
    });
    // The same text made in the page (5 MB through the driver would take seconds).
    const drop = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([(${bigExposition.toString()})()], 'big.prom', { type: 'text/plain' }));
      return data;
    })()`);
    await page.dispatchEvent('#editor', 'drop', { dataTransfer: drop });
    await page.waitForFunction((n) => document.getElementById('count-samples')!.textContent === String(n), samples, { timeout: 30_000 });
    expect(await page.textContent('#count-families')).toBe(String(result.families.length));
    expect(await page.textContent('#count-findings')).toBe(String(findings.length));
    expect(await page.textContent('#count-errors')).toBe(String(findings.filter((d) => d.severity === 'error').length));
    expect(await page.getAttribute('body', 'data-saw-progress')).toBe('yes');
    expect(await page.textContent('#timing')).toMatch(/^streamed in \d+ ms$/);
    expect(page.workers().length).toBe(1);
    // The editor holds the text, and its findings are the same as the ones the drop showed.
    await page.waitForFunction((n) => (window as unknown as { omPlayground: { analyzed(): string | undefined } }).omPlayground.analyzed()?.length === n, body.length);
    expect(await page.evaluate(() => (window as unknown as { omPlayground: { text(): string } }).omPlayground.text().length)).toBe(body.length);
    expect(await listed(page)).toEqual(findings.map((d) => [d.code, d.span?.start.line ?? 0]));
    clean(requests, errors);
  });

  it('opens a gzipped file, switches the format (OpenMetrics 2.0 composites in the model), and converts (refusals shown, output copied)', async () => {
    const { page, requests, errors } = await open();
    const prom = '# HELP app_up Whether the app is up.\n# TYPE app_up gauge\napp_up 1\n';
    await page.setInputFiles('#open', { name: 'scrape.prom.gz', mimeType: 'application/gzip', buffer: gzipSync(prom) });
    await settled(page, prom);
    expect(await listed(page)).toEqual(expected(prom));
    expect(await page.textContent('#detected')).toBe('Detected: Prometheus text 0.0.4');

    // Read as OpenMetrics 1.0, the text lacks its `# EOF`.
    await page.selectOption('#format', 'openmetrics');
    await page.waitForSelector('#problems li.problem[data-code=OM004]');
    expect(await page.textContent('#detected')).toBe('Read as: OpenMetrics 1.0');
    // OpenMetrics 2.0 is a choice the parser is given.
    await page.selectOption('#format', 'openmetrics-2.0');
    await page.waitForFunction(() => document.getElementById('detected')!.textContent === 'Read as: OpenMetrics 2.0');
    // Read as 2.0: composite values in the model, and converted to 1.0.
    await paste(page, OM2);
    expect(await listed(page)).toEqual(expected(OM2, {}, 'openmetrics-2.0'));
    await page.click('[data-tab=model]');
    const histogram = page.locator('#tree details.family[data-name=rpc_seconds]');
    await histogram.locator('summary code.name').click();
    await histogram.locator('.composite li').first().waitFor();
    expect(await histogram.locator('.sample > code').allTextContents()).toEqual(['rpc_seconds{method="get"} {…} st@1700000000']);
    expect(await histogram.locator('.composite li').allTextContents()).toEqual(['histogram: count 3, sum 1.5', 'le 0.5: 1', 'le 1: 2', 'le +Inf: 3']);
    const summary = page.locator('#tree details.family[data-name=jobs]');
    await summary.locator('summary code.name').click();
    await summary.locator('.composite li').first().waitFor();
    expect(await summary.locator('.composite li').allTextContents()).toEqual(['summary: count 2, sum 3', 'quantile 0.5: 1', 'quantile 0.9: 2']);
    await page.click('[data-tab=convert]');
    await page.selectOption('#target', 'openmetrics');
    await page.click('#convert');
    const om1 = convertText(parse(OM2, { format: 'openmetrics-2.0' }).families, 'openmetrics-2.0', 'openmetrics').text!;
    expect(om1).toContain('rpc_seconds_bucket{method="get",le="0.5"} 1\n');
    await page.waitForFunction((t) => (document.getElementById('output') as HTMLTextAreaElement).value === t, om1);

    await paste(page, prom);
    await page.selectOption('#format', 'auto');
    await page.waitForFunction(() => document.getElementById('detected')!.textContent === 'Detected: Prometheus text 0.0.4');

    await page.click('#convert');
    await page.waitForFunction(() => (document.getElementById('output') as HTMLTextAreaElement).value.includes('app_up'));
    const converted = await page.inputValue('#output');
    expect(converted).toBe('# TYPE app_up gauge\n# HELP app_up Whether the app is up.\napp_up 1\n# EOF\n');
    await page.click('#copy');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(converted);

    // A name outside the legacy character set: refused, then written with an escaping scheme.
    await paste(page, '{"my.metric"} 1\n');
    await page.click('#convert');
    await page.waitForSelector('#convert-problems li.error');
    expect(await page.textContent('#convert-problems')).toContain('my.metric');
    expect(await page.inputValue('#output')).toBe('');
    await page.selectOption('#escaping', 'underscores');
    await page.click('#convert');
    await page.waitForFunction(() => (document.getElementById('output') as HTMLTextAreaElement).value.includes('my_metric'));

    // A file that is not what its name says: one line, and the text stays.
    await page.setInputFiles('#open', { name: 'broken.prom.gz', mimeType: 'application/gzip', buffer: Buffer.from([0x1f, 0x8b, 1, 2, 3]) });
    await page.waitForFunction(() => document.getElementById('failure')!.textContent !== '');
    expect(await page.textContent('#failure')).toMatch(/^broken\.prom\.gz: cannot read it as gzip: .+/);
    expect(await text(page)).toBe('{"my.metric"} 1\n');
    clean(requests, errors);
  });
});
