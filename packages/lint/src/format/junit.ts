// `junit`: JUnit XML for CI test reporters. One <testsuite> per input (name = source); in it one
// <testcase> per rule that fired (classname = source, name = `OM201/counter-total-suffix`) whose
// <failure> lists every occurrence as `line:col severity message`. Rules whose findings are all
// `info` pass, their findings in <system-out>, so that CI does not turn red for advice. An input
// without findings gets one passing testcase named `om lint`. No timings.
import type { Diagnostic } from '@omkit/parser';
import { ordered, plural, ruleRef } from './text.js';
import type { Formatter } from './types.js';

export const formatJunit: Formatter = (inputs, ctx) => {
  const tool = `${ctx.toolName ?? 'om'} lint`;
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const input of inputs) {
    const byRule = new Map<string, Diagnostic[]>();
    for (const d of ordered(input.diagnostics)) {
      const list = byRule.get(ruleRef(d));
      if (list) list.push(d);
      else byRule.set(ruleRef(d), [d]);
    }
    const cases: string[] = [];
    let failed = 0;
    const cls = attr(input.source);
    for (const [name, list] of [...byRule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const body = list.map(occurrence).join('\n');
      const open = `    <testcase classname="${cls}" name="${attr(name)}">`;
      if (list.some((d) => d.severity !== 'info')) {
        failed++;
        const worst = list.some((d) => d.severity === 'error') ? 'error' : 'warning';
        const message = list.length === 1 ? list[0]!.message : `${plural(list.length, 'problem', 'problems')}: ${list[0]!.message}`;
        cases.push(`${open}\n      <failure message="${attr(message)}" type="${worst}">${text(body)}</failure>\n    </testcase>`);
      } else {
        cases.push(`${open}\n      <system-out>${text(body)}</system-out>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${cls}" name="${attr(tool)}"/>`);
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${cls}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const head = `<testsuites name="${attr(tool)}" tests="${tests}" failures="${failures}" errors="0">`;
  const xml = ['<?xml version="1.0" encoding="UTF-8"?>', suites.length ? `${head}\n${suites.join('\n')}\n</testsuites>` : `${head}</testsuites>`];
  return `${xml.join('\n')}\n`;
};

function occurrence(d: Diagnostic): string {
  const at = d.span ? `${d.span.start.line}:${d.span.start.column}` : '(input)';
  const help = d.help ? `\n  help: ${d.help}` : '';
  return `${at} ${d.severity} ${d.message}${help}\n  ${d.url}`;
}

/**
 * Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates)
 * cannot even be written as references: they are shown as `\u{1b}`-style text instead.
 */
function legal(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/gu, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);
}

/** Escapes element text. `\r` is kept as a reference so that parsers do not normalise it away. */
export function text(s: string): string {
  return legal(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes an attribute value (double-quoted); tab, LF and CR survive attribute normalisation as references. */
export function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
