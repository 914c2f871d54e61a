// `om lint --diff`: what `--fix` would change, as a unified diff (`diff -u`, `git apply` and
// `patch -p0` read it). Lines are compared with Myers' O((N+M)·D) algorithm; when the edit script
// would be longer than `MAX_EDITS` lines the changed middle is written as one hunk, still exact.

export interface PatchOptions {
  /** Names on the `---` / `+++` lines. */
  from: string;
  to: string;
  /** Unchanged lines around each change (default 3). */
  context?: number;
}

/** Above this many differing lines, the part between the common head and tail is one replacement. */
const MAX_EDITS = 2000;

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Splits after each `\n`, so a last line without one stays visible as such. */
function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n').map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l));
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/** The edit script between a and b: Myers' greedy algorithm with a saved frontier per step. */
function script(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d > MAX_EDITS) return undefined;
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return undefined;
}

function backtrack(a: readonly string[], b: readonly string[], trace: Int32Array[], last: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d > 0; d--) {
    const saved = trace[d]!; // v before step d, indices k + d + 1
    const at = (k: number) => saved[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) ops.push({ kind: ' ', line: a[--x]! }), y--;
    if (down) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) ops.push({ kind: ' ', line: a[--x]! }), y--;
  return ops.reverse();
}

function coarse(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [
    ...a.slice(0, head).map((line) => ({ kind: ' ' as const, line })),
    ...a.slice(head, a.length - tail).map((line) => ({ kind: '-' as const, line })),
    ...b.slice(head, b.length - tail).map((line) => ({ kind: '+' as const, line })),
    ...a.slice(a.length - tail).map((line) => ({ kind: ' ' as const, line })),
  ];
}

/** One printed line: a line without its `\n` gets `\ No newline at end of file` after it. */
function out(op: Op): string {
  return op.line.endsWith('\n') ? `${op.kind}${op.line}` : `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** A unified diff from `before` to `after`; empty when they are equal. */
export function formatPatch(before: string, after: string, options: PatchOptions): string {
  if (before === after) return '';
  const a = lines(before);
  const b = lines(after);
  const ops = script(a, b) ?? coarse(a, b);
  const context = options.context ?? 3;
  // Group changes whose context touches into hunks.
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  let text = `--- ${options.from}\n+++ ${options.to}\n`;
  let i = 0;
  while (i < changed.length) {
    let j = i;
    while (j + 1 < changed.length && changed[j + 1]! - changed[j]! <= 2 * context + 1) j++;
    const start = Math.max(0, changed[i]! - context);
    const end = Math.min(ops.length, changed[j]! + context + 1);
    // Line numbers: count the lines of each side before `start`.
    let aLine = 1;
    let bLine = 1;
    for (let k = 0; k < start; k++) {
      if (ops[k]!.kind !== '+') aLine++;
      if (ops[k]!.kind !== '-') bLine++;
    }
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((op) => op.kind !== '+').length;
    const bCount = hunk.filter((op) => op.kind !== '-').length;
    const range = (line: number, count: number) => `${count === 0 ? line - 1 : line}${count === 1 ? '' : `,${count}`}`;
    text += `@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@\n`;
    for (const op of hunk) text += out(op);
    i = j + 1;
  }
  return text;
}
