// The page: a CodeMirror editor whose lint source is the Worker (parse + lint), the findings as a
// list, the model as a tree, conversion, the `om lint` settings and a share link. Nothing here
// parses: the page stays responsive whatever the input's size.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { forceLinting, lintGutter, linter, lintKeymap, type Action, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, StateEffect } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import type { Diagnostic } from '@omkit/parser';
import { EXAMPLE } from './example.js';
import type { Analysis, CatalogRow, Reply, Request } from './protocol.js';
import { decodeState, encodeState } from './share.js';
import {
  DEFAULT_SETTINGS,
  ESCAPING_CHOICES,
  FORMAT_CHOICES,
  FORMAT_NAMES,
  LEVEL_CHOICES,
  normaliseSettings,
  type Settings,
} from './settings.js';
import { renderTree } from './tree.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

// --- the Worker ------------------------------------------------------------------------------

type Pending = { resolve: (reply: Reply) => void; progress?: (done: number, total: number) => void };

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'om' });
const pending = new Map<number, Pending>();
let nextId = 1;
let catalog: CatalogRow[] = [];
let ready: (value: void) => void;
const workerReady = new Promise<void>((resolve) => (ready = resolve));

worker.onmessage = (event: MessageEvent<Reply>) => {
  const reply = event.data;
  if (reply.type === 'ready') {
    catalog = reply.catalog;
    buildSettings(reply.presets);
    ready();
    return;
  }
  const waiting = pending.get(reply.id);
  if (waiting === undefined) return;
  if (reply.type === 'progress') {
    waiting.progress?.(reply.done, reply.total);
    return;
  }
  pending.delete(reply.id);
  waiting.resolve(reply);
};
worker.onerror = (event) => showFailure(`The Worker stopped: ${event.message}`);

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;
function ask(body: Body<Request>, progress?: Pending['progress']): Promise<Reply> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, ...(progress ? { progress } : {}) });
    worker.postMessage({ ...body, id } as Request);
  });
}

// --- settings ----------------------------------------------------------------------------------

let settings: Settings = { ...DEFAULT_SETTINGS };
const refresh = StateEffect.define<null>();

function settingsChanged(): void {
  showSettings();
  view.dispatch({ effects: refresh.of(null) });
  forceLinting(view);
}

function buildSettings(presets: { name: string; description: string }[]): void {
  const format = $<HTMLSelectElement>('format');
  format.replaceChildren(...FORMAT_CHOICES.map((c) => el('option', { value: c.value, textContent: c.label })));
  format.onchange = () => {
    settings = { ...settings, format: format.value as Settings['format'] };
    settingsChanged();
  };
  const fieldset = $('presets');
  for (const p of presets) {
    const box = el('input', { type: 'checkbox', name: 'preset', value: p.name });
    box.onchange = () => {
      const chosen = [...fieldset.querySelectorAll<HTMLInputElement>('input[name=preset]:checked')].map((b) => b.value);
      // No preset is `recommended`, as for `om lint` without --preset: say so by keeping it ticked.
      settings = { ...settings, presets: (chosen.length ? chosen : ['recommended']) as Settings['presets'] };
      settingsChanged();
    };
    fieldset.append(el('label', { title: p.description }, box, ` ${p.name}`));
  }
  const body = $('rules').querySelector('tbody')!;
  for (const rule of catalog.filter((r) => r.origin === 'lint' && !r.requiresScrape)) {
    const select = el('select', { title: `--rule ${rule.code}=…` });
    select.dataset.code = rule.code;
    select.append(el('option', { value: '', textContent: 'preset' }), ...LEVEL_CHOICES.map((l) => el('option', { value: l, textContent: l })));
    select.onchange = () => {
      const rules = { ...settings.rules };
      if (select.value === '') delete rules[rule.code];
      else rules[rule.code] = select.value as Settings['rules'][string];
      settings = { ...settings, rules };
      settingsChanged();
    };
    body.append(
      el(
        'tr',
        {},
        el('td', {}, el('a', { href: rule.url, target: '_blank', rel: 'noopener noreferrer', textContent: rule.code })),
        el('td', { title: rule.description }, el('code', { textContent: rule.name }), el('br'), el('small', { textContent: rule.description })),
        el('td', { textContent: rule.presets.join(', ') || '—' }),
        el('td', {}, select),
      ),
    );
  }
  const target = $<HTMLSelectElement>('target');
  target.replaceChildren(...FORMAT_CHOICES.filter((c) => c.value !== 'auto').map((c) => el('option', { value: c.value, textContent: c.label })));
  target.onchange = () => (settings = { ...settings, target: target.value as Settings['target'] });
  const escaping = $<HTMLSelectElement>('escaping');
  escaping.replaceChildren(...ESCAPING_CHOICES.map((c) => el('option', { value: c, textContent: c === 'none' ? 'as they are' : c })));
  escaping.onchange = () => (settings = { ...settings, escaping: escaping.value as Settings['escaping'] });
  showSettings();
}

/** The controls show `settings`. */
function showSettings(): void {
  $<HTMLSelectElement>('format').value = settings.format;
  for (const box of $('presets').querySelectorAll<HTMLInputElement>('input[name=preset]')) box.checked = settings.presets.includes(box.value as never);
  const rules = byCode();
  for (const select of $('rules').querySelectorAll<HTMLSelectElement>('select[data-code]')) {
    select.value = settings.rules[select.dataset.code!] ?? '';
    // What the presets chosen make of the rule, as `om lint` resolves them.
    const rule = rules.get(select.dataset.code!);
    const on = rule !== undefined && rule.presets.some((p) => settings.presets.includes(p as never));
    select.options[0]!.textContent = `preset: ${on ? rule.severity : 'off'}`;
  }
  const changed = Object.keys(settings.rules).length;
  $('rules-changed').textContent = changed ? `(${changed} changed)` : '';
  $<HTMLSelectElement>('target').value = settings.target;
  $<HTMLSelectElement>('escaping').value = settings.escaping;
}

// --- the editor --------------------------------------------------------------------------------

/** The text and findings last shown, so that a fix applies to the text it was computed on. */
let shown: { doc: EditorState['doc']; text: string; analysis: Analysis; settings: Settings } | undefined;

function fixAction(d: Diagnostic): Action[] {
  if (!d.fix || d.fix.applicability !== 'safe') return [];
  return [{ name: 'Fix', apply: (v) => applyFix(v, d) }];
}

/** Applies one finding's fix: its edits' offsets are the editor's positions in the text it was found in. */
function applyFix(v: EditorView, d: Diagnostic): void {
  if (!d.fix || shown === undefined || v.state.doc !== shown.doc) return;
  const changes = [...d.fix.edits]
    .sort((a, b) => a.span.start.offset - b.span.start.offset)
    .map((e) => ({ from: e.span.start.offset, to: e.span.end.offset, insert: e.text }));
  v.dispatch({ changes, userEvent: 'input.fix' });
}

function toEditor(d: Diagnostic, length: number): EditorDiagnostic {
  const from = Math.min(d.span?.start.offset ?? 0, length);
  const to = Math.min(Math.max(d.span?.end.offset ?? from, from), length);
  return {
    from,
    to,
    severity: d.severity,
    source: `${d.code} ${d.name}`,
    message: `${d.message}${d.help ? `\n${d.help}` : ''}`,
    renderMessage: () => el('span', {}, el('span', {}, ...inlineCode(d.message)), ...(d.help ? [el('br'), el('small', {}, ...inlineCode(d.help))] : [])),
    actions: fixAction(d),
  };
}

let linting = Promise.resolve();
let lintSeq = 0;

/** The lint source: one request to the Worker at a time; a request overtaken by a newer one is not sent. */
async function lintSource(v: EditorView): Promise<readonly EditorDiagnostic[]> {
  const seq = ++lintSeq;
  const doc = v.state.doc;
  const previous = linting;
  let done!: () => void;
  linting = new Promise((resolve) => (done = resolve));
  try {
    await previous;
    await workerReady;
    if (seq !== lintSeq) return shown?.doc === doc ? editorDiagnostics(shown.analysis, doc.length) : [];
    const text = doc.toString();
    const large = text.length > 1 << 20;
    const asked = settings;
    const reply = await ask({ type: 'analyze', input: { text }, settings: asked }, large ? progress : undefined);
    hideProgress();
    if (reply.type === 'failed') {
      showFailure(reply.message);
      return [];
    }
    if (reply.type !== 'analysis') return [];
    // The text an opened file was read into: its findings are on the page already.
    if (reply.cached && shown !== undefined && shown.text === text) shown = { ...shown, doc };
    else showAnalysis(reply.analysis, doc, text, asked);
    return editorDiagnostics(reply.analysis, doc.length);
  } finally {
    done();
  }
}

const editorDiagnostics = (analysis: Analysis, length: number) => analysis.diagnostics.map((d) => toEditor(d, length));

// The editor lives in a shadow root: there CodeMirror's styles are constructed style sheets, which a
// strict Content-Security-Policy (no inline styles) allows, where a document would need a <style>.
const editorRoot = $('editor').attachShadow({ mode: 'open' });
const view = new EditorView({
  parent: editorRoot,
  root: editorRoot,
  state: EditorState.create({
    doc: '',
    extensions: [
      // Only `\n` ends a line, as in the formats: a `\r` stays in the text, so offsets agree with the parser's.
      EditorState.lineSeparator.of('\n'),
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      lintGutter(),
      linter(lintSource, { delay: 300, needsRefresh: (u) => u.transactions.some((t) => t.effects.some((e) => e.is(refresh))) }),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
      EditorView.contentAttributes.of({ 'aria-label': 'Exposition text', spellcheck: 'false' }),
      EditorView.theme({
        '&': { height: '100%', fontSize: '13px' },
        '.cm-scroller': { overflow: 'auto', fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace" },
        '.cm-diagnosticText': { whiteSpace: 'pre-wrap' },
      }),
    ],
  }),
});

function setText(text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 }, scrollIntoView: true });
}

// --- results -----------------------------------------------------------------------------------

const byCode = () => new Map(catalog.map((r) => [r.code, r]));

function showAnalysis(analysis: Analysis, doc: EditorState['doc'], text: string, used: Settings): void {
  shown = { doc, text, analysis, settings: used };
  showFailure('');
  const c = analysis.counts;
  $('count-families').textContent = String(c.families);
  $('count-metrics').textContent = String(c.metrics);
  $('count-samples').textContent = String(c.samples);
  $('count-findings').textContent = String(c.errors + c.warnings + c.infos);
  $('count-errors').textContent = String(c.errors);
  $('count-warnings').textContent = String(c.warnings);
  $('count-infos').textContent = String(c.infos);
  $('timing').textContent = `${analysis.streamed ? 'streamed' : 'read'} in ${analysis.millis} ms`;
  const detected = $('detected');
  detected.textContent = `${analysis.detected ? 'Detected' : 'Read as'}: ${FORMAT_NAMES[analysis.format]}`;
  detected.dataset.format = analysis.format;
  document.body.dataset.state = 'analyzed';

  const rules = byCode();
  const list = $('problems');
  list.replaceChildren(
    ...analysis.diagnostics.map((d) => {
      const at = d.span ? `${d.span.start.line}:${d.span.start.column}` : '—';
      const row = el('li', { className: `problem ${d.severity}` });
      row.dataset.code = d.code;
      row.dataset.line = String(d.span?.start.line ?? 0);
      const head = el(
        'div',
        { className: 'head' },
        el('span', { className: `severity ${d.severity}`, textContent: d.severity }),
        el('a', { className: 'code', href: d.url, target: '_blank', rel: 'noopener noreferrer', textContent: d.code, title: rules.get(d.code)?.description ?? d.name }),
        el('span', { className: 'name', textContent: d.name }),
        el('button', { type: 'button', className: 'at', textContent: at, title: 'Show in the text', onclick: () => reveal(d) }),
      );
      const body = el('div', { className: 'message' }, ...inlineCode(d.message));
      row.append(head, body);
      if (d.help) row.append(el('div', { className: 'help' }, ...inlineCode(d.help)));
      const action = fixAction(d)[0];
      if (action && d.fix) row.append(el('button', { type: 'button', className: 'fix', onclick: () => action.apply(view, 0, 0) }, 'Fix: ', ...inlineCode(d.fix.description)));
      return row;
    }),
  );
  const total = c.errors + c.warnings + c.infos;
  const notes: string[] = [];
  if (total > analysis.diagnostics.length) notes.push(`Showing the first ${analysis.diagnostics.length} of ${total} findings.`);
  if (!analysis.fixes && total > 0) notes.push('Large inputs are read family by family: fixes are offered for inputs up to 1 MiB.');
  if (total === 0) notes.push('No problems found.');
  $('problems-more').textContent = notes.join(' ');
  renderTree($('tree'), analysis.tree, (line) => revealLine(line));
  $('tree-more').textContent = analysis.treeMore ? `${analysis.treeMore} more families not shown.` : '';
}

/** A message's `identifiers` as code. */
function inlineCode(text: string): (Node | string)[] {
  return String(text ?? '').split(/(`[^`]*`)/).map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? el('code', { textContent: part.slice(1, -1) }) : part));
}

function reveal(d: Diagnostic): void {
  if (!d.span) return;
  const length = view.state.doc.length;
  view.dispatch({ selection: { anchor: Math.min(d.span.start.offset, length), head: Math.min(d.span.end.offset, length) }, scrollIntoView: true });
  view.focus();
}

function revealLine(line: number): void {
  if (line < 1 || line > view.state.doc.lines) return;
  const at = view.state.doc.line(line);
  view.dispatch({ selection: { anchor: at.from, head: at.to }, scrollIntoView: true });
  view.focus();
}

function showFailure(message: string): void {
  $('failure').textContent = message;
}

function progress(done: number, total: number): void {
  const bar = $<HTMLProgressElement>('progress');
  bar.hidden = false;
  bar.max = total || 1;
  bar.value = done;
  bar.title = `${Math.round((100 * done) / (total || 1))}%`;
}

function hideProgress(): void {
  $<HTMLProgressElement>('progress').hidden = true;
}

// --- files -------------------------------------------------------------------------------------

async function openFile(file: File): Promise<void> {
  await workerReady;
  document.body.dataset.state = 'reading';
  progress(0, file.size);
  const asked = settings;
  const reply = await ask({ type: 'analyze', input: { file }, settings: asked }, progress);
  hideProgress();
  if (reply.type === 'failed') {
    showFailure(`${file.name}: ${reply.message}`);
    document.body.dataset.state = 'analyzed';
    return;
  }
  if (reply.type !== 'analysis' || reply.text === undefined) return;
  setText(reply.text);
  showAnalysis(reply.analysis, view.state.doc, reply.text, asked);
}

$<HTMLInputElement>('open').onchange = (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (file) void openFile(file);
  input.value = '';
};

const overlay = $('drop-overlay');
let dragDepth = 0;
document.addEventListener('dragenter', (e) => {
  if (!e.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  overlay.hidden = false;
});
document.addEventListener('dragleave', () => {
  if (--dragDepth <= 0) {
    dragDepth = 0;
    overlay.hidden = true;
  }
});
document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener(
  'drop',
  (e) => {
    dragDepth = 0;
    overlay.hidden = true;
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    e.stopPropagation();
    void openFile(file);
  },
  true,
);

// --- buttons -----------------------------------------------------------------------------------

$('example').onclick = () => setText(EXAMPLE);

$('fix-all').onclick = async () => {
  await workerReady;
  const doc = view.state.doc;
  const reply = await ask({ type: 'fix', text: doc.toString(), settings });
  if (reply.type === 'failed') showFailure(reply.message);
  if (reply.type !== 'fixed' || view.state.doc !== doc) return;
  if (reply.fixed === 0) $('problems-more').textContent = 'Nothing to fix: no finding has a safe fix.';
  else view.dispatch({ changes: { from: 0, to: doc.length, insert: reply.text }, userEvent: 'input.fix' });
};

$('share').onclick = async () => {
  const fragment = await encodeState({ text: view.state.doc.toString(), settings });
  const box = $('share-box');
  box.hidden = false;
  const input = $<HTMLInputElement>('share-link');
  // Browsers take URLs up to about 2 MB (Chromium's limit); past that a link would not open.
  if (fragment.length > 2_000_000) {
    input.value = '';
    $('share-note').textContent = `Too large for a link (${Math.round(fragment.length / 1024).toLocaleString('en')} KB compressed): share the file instead`;
    return;
  }
  window.history.replaceState(null, '', `#${fragment}`);
  const link = location.href;
  input.value = link;
  input.select();
  let note = `${link.length.toLocaleString('en')} characters`;
  if (link.length > 8000) note += ': some chat tools cut links this long';
  try {
    await navigator.clipboard.writeText(link);
    note += ', copied';
  } catch {
    // No clipboard permission: the link is selected in the box.
  }
  $('share-note').textContent = note;
};

let converted: string | undefined;
$('convert').onclick = async () => {
  await workerReady;
  const reply = await ask({ type: 'convert', text: view.state.doc.toString(), settings });
  if (reply.type === 'failed') showFailure(reply.message);
  if (reply.type !== 'converted') return;
  converted = reply.text;
  const notes = [
    ...(reply.parseErrors ? [`The input has ${reply.parseErrors === 1 ? 'an error' : `${reply.parseErrors} errors`}: what could be read was converted.`] : []),
    ...reply.problems.map((p) => `Refused: ${p}`),
    ...reply.dropped.map((p) => `Left out: ${p}`),
  ];
  $('convert-problems').replaceChildren(...notes.map((n) => el('li', { className: n.startsWith('Refused') ? 'error' : 'warning' }, ...inlineCode(n))));
  const output = $<HTMLTextAreaElement>('output');
  output.value = converted ?? '';
  output.dataset.from = reply.from;
  output.dataset.to = reply.to;
  $<HTMLButtonElement>('copy').disabled = converted === undefined;
  $<HTMLButtonElement>('use-output').disabled = converted === undefined;
};

$('copy').onclick = async () => {
  if (converted === undefined) return;
  try {
    await navigator.clipboard.writeText(converted);
    $('copy').textContent = 'Copied';
  } catch {
    $<HTMLTextAreaElement>('output').select();
    $('copy').textContent = 'Press Ctrl+C';
  }
  setTimeout(() => ($('copy').textContent = 'Copy'), 1500);
};

$('use-output').onclick = () => {
  if (converted === undefined) return;
  settings = { ...settings, format: settings.target };
  showSettings();
  setText(converted);
};

for (const tab of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
  tab.onclick = () => {
    for (const other of document.querySelectorAll<HTMLButtonElement>('[role=tab]')) {
      const on = other === tab;
      other.setAttribute('aria-selected', String(on));
      $(`tab-${other.dataset.tab}`).hidden = !on;
    }
  };
}

// --- start: a shared link's state, else the example ---------------------------------------------

async function restore(): Promise<boolean> {
  try {
    const state = await decodeState(location.hash);
    if (state === undefined) return false;
    settings = normaliseSettings(state.settings);
    await workerReady;
    showSettings();
    setText(state.text);
    settingsChanged();
    return true;
  } catch {
    // Said beside the share link, which the findings shown later do not clear.
    $('share-box').hidden = false;
    $<HTMLInputElement>('share-link').value = location.href;
    $('share-note').textContent = 'This link cannot be read: was it cut short?';
    return false;
  }
}

window.addEventListener('hashchange', () => void restore());
if (!(await restore())) setText(EXAMPLE);

/** The settings that change the findings. */
const lintKey = (s: Settings) => JSON.stringify([s.format, s.presets, s.rules]);

// For the browser tests (and the console): the editor's text, and the text the shown findings are of.
Object.defineProperty(window, 'omPlayground', {
  value: Object.freeze({
    text: () => view.state.doc.toString(),
    /** The text the findings shown are of, when they are of the editor's text and the current settings. */
    analyzed: () => (shown !== undefined && shown.doc === view.state.doc && lintKey(shown.settings) === lintKey(settings) ? shown.text : undefined),
  }),
});
