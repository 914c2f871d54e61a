// The Worker: parses, lints and converts, off the page's thread. A text up to WHOLE_TEXT_LIMIT is
// parsed whole and linted with its fixes (`om lint`); a larger text or any opened file is read as a
// stream, family by family (`parseStream` + `lintSession`, as `om lint --stream` does), with progress.
import {
  applyFlags,
  catalog,
  detached,
  fixText,
  lint,
  lintSession,
  PRESET_DESCRIPTIONS,
  PRESETS,
  resolveConfig,
  TextWindow,
  type ResolvedConfig,
} from '@omkit/lint';
import { convertText, parse, parseStream, samplesOf, type Diagnostic, type Format, type MetricFamily, type ParseResult } from '@omkit/parser';
import { SHOWN_FINDINGS, WHOLE_TEXT_LIMIT, type Analysis, type Counts, type Reply, type Request, type TreeFamily, type TreeSample } from './protocol.js';
import type { Settings } from './settings.js';

const post = (reply: Reply) => (self as unknown as Worker).postMessage(reply);

const lintCodes = new Set(catalog().filter((e) => e.origin === 'lint').map((e) => e.code));

const configs = new Map<string, ResolvedConfig>();
/** The lint config of the settings, as `om lint --preset … --rule CODE=severity …` makes it. */
function configOf(settings: Settings): ResolvedConfig {
  const key = JSON.stringify([settings.presets, settings.rules]);
  let config = configs.get(key);
  if (config === undefined) {
    const rules = Object.entries(settings.rules)
      .filter(([code]) => lintCodes.has(code))
      .map(([code, level]) => `${code}=${level}`);
    config = resolveConfig(applyFlags({}, { presets: settings.presets, rules }));
    configs.set(key, config);
  }
  return config;
}

/**
 * A finding as plain data, to post to the page: every field read by name, since a structured clone
 * keeps only an object's own properties (and not a prototype's getters).
 */
function plain(d: Diagnostic): Diagnostic {
  const out: Diagnostic = { code: d.code, name: d.name, category: d.category, severity: d.severity, message: d.message, url: d.url };
  if (d.detail !== undefined) out.detail = { ...d.detail };
  if (d.help !== undefined) out.help = d.help;
  if (d.source !== undefined) out.source = d.source;
  if (d.span !== undefined) out.span = { start: { ...d.span.start }, end: { ...d.span.end } };
  if (d.metric !== undefined) out.metric = d.metric;
  if (d.fix !== undefined)
    out.fix = {
      description: d.fix.description,
      applicability: d.fix.applicability,
      edits: d.fix.edits.map((e) => ({ span: { start: { ...e.span.start }, end: { ...e.span.end } }, text: e.text })),
    };
  return out;
}

// --- the model tree, bounded so that a large input does not make a huge page -------------------

const TREE_FAMILIES = 2000;
const TREE_SAMPLES = 20_000;
const SAMPLES_PER_METRIC = 50;
const METRICS_PER_FAMILY = 200;

const num = (v: number) => (Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v));
const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
const labelText = (labels: readonly { name: string; value: string }[]) =>
  labels.length === 0 ? '' : `{${labels.map((l) => `${l.name}=${quote(l.value)}`).join(',')}}`;

/** Counts and (within its budget) the tree, built from the families as they come. */
class Model {
  readonly counts: Counts = { families: 0, metrics: 0, samples: 0, errors: 0, warnings: 0, infos: 0 };
  readonly tree: TreeFamily[] = [];
  treeMore = 0;
  #budget = TREE_SAMPLES;

  add(family: MetricFamily): void {
    const counts = this.counts;
    counts.families++;
    counts.metrics += family.metrics.length;
    const show = this.tree.length < TREE_FAMILIES && this.#budget > 0;
    let sampleCount = 0;
    const node: TreeFamily = {
      name: family.name,
      type: family.type,
      ...(family.help !== undefined ? { help: family.help } : {}),
      ...(family.unit !== undefined ? { unit: family.unit } : {}),
      line: family.span.start.line,
      metricCount: family.metrics.length,
      sampleCount: 0,
      metrics: [],
      more: 0,
    };
    for (const metric of family.metrics) {
      const c = samplesOf(metric);
      sampleCount += c.count;
      if (!show) continue;
      if (node.metrics.length >= METRICS_PER_FAMILY || this.#budget <= 0) {
        node.more++;
        continue;
      }
      const samples: TreeSample[] = [];
      while (samples.length < SAMPLES_PER_METRIC && this.#budget > 0 && c.next()) {
        this.#budget--;
        let text = `${c.name}${labelText(c.labels)} ${c.composite ? '{…}' : num(c.value)}`;
        if (c.timestamp !== undefined) text += ` ${num(c.timestamp)}`;
        if (c.startTimestamp !== undefined) text += ` st@${num(c.startTimestamp)}`;
        for (const e of c.exemplars ?? (c.exemplar ? [c.exemplar] : []))
          text += ` # ${labelText(e.labels) || '{}'} ${num(e.value)}${e.timestamp !== undefined ? ` ${num(e.timestamp)}` : ''}`;
        const sample: TreeSample = { text, line: c.span.start.line };
        if (c.composite) sample.composite = compositeParts(c.composite);
        samples.push(sample);
      }
      node.metrics.push({ labels: labelText(metric.labels) || '(no labels)', samples, more: c.count - samples.length });
    }
    counts.samples += sampleCount;
    node.sampleCount = sampleCount;
    if (show) this.tree.push(node);
    else this.treeMore++;
  }

  count(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      if (d.severity === 'error') this.counts.errors++;
      else if (d.severity === 'warning') this.counts.warnings++;
      else this.counts.infos++;
    }
  }
}

function compositeParts(value: NonNullable<MetricFamily['metrics'][number]['samples'][number]['composite']>): string[] {
  const parts = [`${value.kind}: count ${num(value.count)}, sum ${num(value.sum)}`];
  if (value.kind === 'summary') {
    for (const q of value.quantiles) parts.push(`quantile ${num(q.quantile)}: ${num(q.value)}`);
    return parts;
  }
  for (const b of value.buckets ?? []) parts.push(`le ${num(b.le)}: ${num(b.count)}`);
  const n = value.native;
  if (n) {
    parts.push(`native: schema ${n.schema}, zero threshold ${num(n.zeroThreshold)}, zero count ${num(n.zeroCount)}`);
    const spans = (s: readonly { offset: number; length: number }[]) => s.map((x) => `${x.offset}:${x.length}`).join(', ') || 'none';
    parts.push(`negative spans ${spans(n.negativeSpans)}; buckets ${n.negativeBuckets.map(num).join(', ') || 'none'}`);
    parts.push(`positive spans ${spans(n.positiveSpans)}; buckets ${n.positiveBuckets.map(num).join(', ') || 'none'}`);
  }
  return parts;
}

// --- analysis ----------------------------------------------------------------------------------

function finish(model: Model, format: Format, settings: Settings, diagnostics: Diagnostic[], fixes: boolean, streamed: boolean, started: number): Analysis {
  model.count(diagnostics);
  return {
    format,
    detected: settings.format === 'auto',
    counts: model.counts,
    diagnostics: (diagnostics.length > SHOWN_FINDINGS ? diagnostics.slice(0, SHOWN_FINDINGS) : diagnostics).map(plain),
    fixes,
    streamed,
    tree: model.tree,
    treeMore: model.treeMore,
    millis: Math.round(performance.now() - started),
  };
}

/** A text held whole: `om lint`, fixes included. */
function analyzeWhole(text: string, settings: Settings): Analysis {
  const started = performance.now();
  const result: ParseResult = parse(text, { format: settings.format });
  const diagnostics = lint(result, { config: configOf(settings), text });
  const model = new Model();
  for (const family of result.families) model.add(family);
  return finish(model, result.format, settings, diagnostics, true, false, started);
}

/** Byte or text chunks read family by family: `om lint --stream`. */
async function analyzeStream(chunks: AsyncIterable<Uint8Array | string>, settings: Settings, fileName?: string): Promise<Analysis> {
  const started = performance.now();
  const lines = new TextWindow();
  // Kept as copies that share no memory with the input's chunks.
  const session = lintSession({ config: configOf(settings), keep: (d) => detached(plain(d)), lines });
  const model = new Model();
  let format: Format = 'prometheus';
  for await (const item of parseStream(lines.tee(chunks), { format: settings.format, ...(fileName ? { fileName } : {}), model: true })) {
    format = item.format;
    session.add(item);
    if (item.family) {
      model.add(item.family);
      lines.release(item.family.span.end.offset);
    }
  }
  return finish(model, format, settings, session.finish(), false, true, started);
}

const PROGRESS_EVERY = 1 << 19;

/** A text's chunks, with progress. */
async function* textChunks(id: number, text: string): AsyncGenerator<string> {
  const size = 1 << 16;
  let reported = 0;
  for (let at = 0; at < text.length; at += size) {
    yield text.slice(at, at + size);
    if (at - reported >= PROGRESS_EVERY) {
      reported = at;
      post({ type: 'progress', id, done: at, total: text.length });
    }
  }
}

/**
 * A file's bytes, gunzipped when they start as gzip does (whatever its name), with progress in
 * bytes of the file read; the text is kept for the editor.
 */
async function* fileChunks(id: number, file: File, keep: string[]): AsyncGenerator<Uint8Array> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  let done = 0;
  let reported = 0;
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        done += chunk.length;
        if (done - reported >= PROGRESS_EVERY || done === file.size) {
          reported = done;
          post({ type: 'progress', id, done, total: file.size });
        }
        controller.enqueue(chunk);
      },
    }),
  );
  const bytes = gzip ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : counted;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const reader = bytes.getReader();
  try {
    for (;;) {
      const { done: end, value } = await reader.read().catch((error: unknown) => {
        throw new Error(gzip ? `cannot read it as gzip: ${error instanceof Error ? error.message : String(error)}` : `cannot read it: ${String(error)}`);
      });
      if (end) break;
      keep.push(decoder.decode(value, { stream: true }));
      yield value;
    }
    keep.push(decoder.decode());
  } finally {
    reader.releaseLock();
  }
}

/** The last streamed analysis, for the editor's next request about the same text. */
let last: { text: string; key: string; analysis: Analysis } | undefined;
const keyOf = (settings: Settings) => JSON.stringify([settings.format, settings.presets, settings.rules]);

async function analyze(request: Extract<Request, { type: 'analyze' }>): Promise<void> {
  const { id, input, settings } = request;
  const key = keyOf(settings);
  if ('file' in input) {
    const kept: string[] = [];
    const name = input.file.name.replace(/\.gz$/i, '');
    const analysis = await analyzeStream(fileChunks(id, input.file, kept), settings, name);
    const text = kept.join('');
    last = { text, key, analysis };
    post({ type: 'analysis', id, analysis: text.length <= WHOLE_TEXT_LIMIT ? analyzeWhole(text, settings) : analysis, text });
    return;
  }
  const text = input.text;
  if (text.length <= WHOLE_TEXT_LIMIT) {
    post({ type: 'analysis', id, analysis: analyzeWhole(text, settings) });
    return;
  }
  if (last !== undefined && last.key === key && last.text === text) {
    post({ type: 'analysis', id, analysis: last.analysis, cached: true });
    return;
  }
  const analysis = await analyzeStream(textChunks(id, text), settings);
  last = { text, key, analysis };
  post({ type: 'analysis', id, analysis });
}

/** `om lint --fix`: the safe fixes applied until none is left. */
function fix(request: Extract<Request, { type: 'fix' }>): void {
  const { id, text, settings } = request;
  const result = fixText(text, { config: configOf(settings), format: settings.format });
  post({ type: 'fixed', id, text: result.text, fixed: result.fixed.length });
}

function convert(request: Extract<Request, { type: 'convert' }>): void {
  const { id, text, settings } = request;
  const result = parse(text, { format: settings.format });
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const options = settings.escaping === 'none' ? {} : { escaping: settings.escaping };
  // Input with errors converts what was read; the written text is checked only for valid input.
  const converted = convertText(result.families, result.format, settings.target, { ...options, check: errors === 0 });
  post({
    type: 'converted',
    id,
    from: result.format,
    to: settings.target,
    ...(converted.text !== undefined ? { text: converted.text } : {}),
    problems: converted.problems.map((p) => p.message),
    dropped: converted.dropped.map((p) => p.message),
    parseErrors: errors,
  });
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const request = event.data;
  try {
    if (request.type === 'analyze') await analyze(request);
    else if (request.type === 'fix') fix(request);
    else convert(request);
  } catch (error) {
    post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
};

post({
  type: 'ready',
  catalog: catalog().map(({ code, name, description, url, origin, fixable, requiresScrape, presets, severity, category }) => ({
    code,
    name,
    description,
    url,
    origin,
    fixable,
    requiresScrape,
    presets,
    severity,
    category,
  })),
  presets: PRESETS.map((name) => ({ name, description: PRESET_DESCRIPTIONS[name] })),
});
