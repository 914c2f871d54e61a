// The parsed model as a collapsible tree: families → metrics → samples. A family's children are
// made when it is first opened, so that a large input makes a small page.
import type { TreeFamily, TreeMetric } from './protocol.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export function renderTree(root: HTMLElement, families: readonly TreeFamily[], goTo: (line: number) => void): void {
  root.replaceChildren(
    ...families.map((family) => {
      const node = el('details', { className: 'family' });
      node.dataset.name = family.name;
      const summary = el(
        'summary',
        {},
        el('code', { className: 'name', textContent: family.name }),
        el('span', { className: `type type-${family.type}`, textContent: family.type }),
        el('span', { className: 'count', textContent: `${plural(family.metricCount, 'metric')}, ${plural(family.sampleCount, 'sample')}` }),
        line(family.line, goTo),
      );
      node.append(summary);
      node.addEventListener(
        'toggle',
        () => {
          if (!node.open || node.childElementCount > 1) return;
          const meta: HTMLElement[] = [];
          if (family.help !== undefined) meta.push(el('div', { className: 'meta' }, el('b', { textContent: 'HELP ' }), family.help));
          if (family.unit !== undefined) meta.push(el('div', { className: 'meta' }, el('b', { textContent: 'UNIT ' }), family.unit));
          node.append(...meta, ...family.metrics.map((m) => metric(m, goTo)));
          if (family.more) node.append(el('div', { className: 'more', textContent: `${plural(family.more, 'more metric')} not shown` }));
        },
      );
      return node;
    }),
  );
}

function metric(m: TreeMetric, goTo: (line: number) => void): HTMLElement {
  const node = el('details', { className: 'metric', open: m.samples.length <= 12 });
  node.append(el('summary', {}, el('code', { textContent: m.labels }), el('span', { className: 'count', textContent: plural(m.samples.length + m.more, 'sample') })));
  for (const s of m.samples) {
    const row = el('div', { className: 'sample' }, el('code', { textContent: s.text }), line(s.line, goTo));
    if (s.composite) row.append(el('ul', { className: 'composite' }, ...s.composite.map((part) => el('li', { textContent: part }))));
    node.append(row);
  }
  if (m.more) node.append(el('div', { className: 'more', textContent: `${plural(m.more, 'more sample')} not shown` }));
  return node;
}

function line(n: number, goTo: (line: number) => void): HTMLButtonElement {
  return el('button', {
    type: 'button',
    className: 'line',
    textContent: `line ${n}`,
    title: 'Show in the text',
    onclick: (e: MouseEvent) => {
      e.preventDefault();
      goTo(n);
    },
  });
}
