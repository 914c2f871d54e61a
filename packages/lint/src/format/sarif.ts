// `sarif`: SARIF 2.1.0, one run, built by hand on @types/sarif (validated against the OASIS schema
// in the tests).
//
// - `columnKind` is set to `utf16CodeUnits` explicitly: our columns count UTF-16 code units, and
//   stating it removes any doubt about what a consumer assumes when the property is absent.
// - Relative paths get `uriBaseId: '%SRCROOT%'` (the directory om ran in); URLs are absolute URIs
//   and stand alone; stdin (`-`) has no URI, only a description.
// - `region.endColumn` is exclusive in SARIF, like our span's end. `charOffset`/`charLength` are
//   left out: their unit would need the same UTF-16 caveat and line/column suffice.
// - `partialFingerprints['omFingerprint/v1']` hashes the code, source, metric, message and the
//   occurrence number of that combination, not the line, so results survive edits above them.
import type * as Sarif from 'sarif';
import type { Diagnostic } from '@omkit/parser';
import { firedRules } from './rules.js';
import { isUrl, ordered } from './text.js';
import type { Formatter, LintedInput, RuleSummary } from './types.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

const level = { error: 'error', warning: 'warning', info: 'note' } as const satisfies Record<string, Sarif.ReportingConfiguration.level>;

export const formatSarif: Formatter = (inputs, ctx) => {
  const rules = [...firedRules(inputs, ctx).values()];
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const results: Sarif.Result[] = [];
  for (const input of inputs) {
    const seen = new Map<string, number>();
    for (const d of ordered(input.diagnostics)) {
      const key = [d.code, input.source, d.metric ?? '', d.message].join('\u0000');
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      results.push(result(input, d, index.get(d.code)!, `${fingerprint(key)}:${n}`));
    }
  }
  const driver: Sarif.ToolComponent = {
    name: ctx.toolName ?? 'om',
    ...(ctx.toolVersion !== undefined && { version: ctx.toolVersion, semanticVersion: ctx.toolVersion }),
    ...(ctx.toolInformationUri !== undefined && { informationUri: ctx.toolInformationUri }),
    rules: rules.map(descriptor),
  };
  const usesRoot = inputs.some((i) => i.source !== '-' && !isUrl(i.source));
  const run: Sarif.Run = {
    tool: { driver },
    ...(usesRoot && {
      originalUriBaseIds: { [SRCROOT]: { description: { text: 'The working directory om was run in' } } },
    }),
    columnKind: 'utf16CodeUnits',
    results,
  };
  const log: Sarif.Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function descriptor(r: RuleSummary): Sarif.ReportingDescriptor {
  return {
    id: r.code,
    name: r.name,
    shortDescription: { text: r.description },
    helpUri: r.url,
    help: { text: `${r.description}: ${r.url}`, markdown: `${r.description}. [${r.code}/${r.name}](${r.url})` },
    defaultConfiguration: { level: level[r.severity] },
    properties: { category: r.category, tags: [r.category], ...(r.fixable !== undefined && { fixable: r.fixable }) },
  };
}

function result(input: LintedInput, d: Diagnostic, ruleIndex: number, fp: string): Sarif.Result {
  const s = d.span;
  const region: Sarif.Region | undefined = s && {
    startLine: s.start.line,
    startColumn: s.start.column,
    endLine: Math.max(s.end.line, s.start.line),
    endColumn: s.end.line > s.start.line ? Math.max(s.end.column, 1) : Math.max(s.end.column, s.start.column),
  };
  return {
    ruleId: d.code,
    ruleIndex,
    level: level[d.severity],
    message: { text: d.help ? `${d.message}. Help: ${d.help}` : d.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(input.source), ...(region && { region }) } }],
    partialFingerprints: { 'omFingerprint/v1': fp },
    ...(d.metric !== undefined && { properties: { metric: d.metric } }),
  };
}

function artifact(source: string): Sarif.ArtifactLocation {
  if (source === '-') return { description: { text: 'standard input' } };
  if (isUrl(source)) return { uri: source };
  const path = source.replace(/\\/g, '/').replace(/^\.\//, '');
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** FNV-1a, 2 × 32 bits over UTF-16 code units, as 16 hex digits. Stable across platforms. */
function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 13);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
