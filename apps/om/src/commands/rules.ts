// om rules: the catalog of codes, or one rule's documentation.
import { Command, Option } from '@commander-js/extra-typings';
import { catalog, findEntry, formatsLabel, PARSER_CODE_RANGE, parseRuleDoc, type CatalogEntry } from '@omkit/lint';
import { readRuleDoc } from '@omkit/lint/node';
import { UsageError } from '../errors.js';
import { paint, type Io } from '../io.js';
import type { Context } from '../context.js';

export function rulesCommand(ctx: Context): Command<any, any, any> {
  const cmd = new Command('rules')
    .description('list every diagnostic code, or print the documentation of one')
    .argument('[rule]', 'a code (OM201) or a name (counter-total-suffix)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json'] as const).default('text' as const));
  cmd.addHelpText(
    'after',
    `
Examples:
  $ om rules
  $ om rules OM201
  $ om rules counter-total-suffix
  $ om rules --format json`,
  );
  return cmd.action(async (rule, opts) => {
    ctx.exitCode = rule === undefined ? listRules(ctx.io, opts.format) : await showRule(ctx.io, rule, opts.format);
  });
}

function listRules(io: Io, format: 'text' | 'json'): number {
  const entries = catalog();
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    return 0;
  }
  const rows = [['CODE', 'NAME', 'CATEGORY', 'SEVERITY', 'FORMATS', 'FIXABLE'], ...entries.map((e) => [e.code, e.name, e.category, e.severity, formatsLabel(e.formats), e.fixable ? 'yes' : 'no'])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const out = io.stdout;
  rows.forEach((r, n) => {
    const line = r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
    out.write(`${n === 0 ? paint(out, 'bold', line) : line}\n`);
  });
  out.write(`\n${entries.length} codes. Parser codes (${PARSER_CODE_RANGE}) cannot be turned off; FORMATS are the input formats a code is reported in. \`om rules CODE\` prints one rule's documentation.\n`);
  return 0;
}

async function showRule(io: Io, key: string, format: 'text' | 'json'): Promise<number> {
  const entry = findEntry(key);
  if (!entry) throw new UsageError(`unknown rule ${JSON.stringify(key)} (see \`om rules\`)`);
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
    return 0;
  }
  const doc = entry.origin === 'lint' ? await readRuleDoc(entry.name) : undefined;
  if (doc !== undefined) {
    io.stdout.write(renderRuleDoc(doc, entry, io.stdout));
    return 0;
  }
  // A code without a doc (the parser's): the same shape, its spec source as the description.
  io.stdout.write(
    `${paint(io.stdout, 'bold', `${entry.code}/${entry.name}`)}\n${entry.origin === 'parser' ? `Source: ${entry.description}` : entry.description}\n\n` +
      `Category: ${entry.category} · Default severity: ${entry.severity} · Fixable: ${entry.fixable ? 'yes' : 'no'} · Formats: ${formatsLabel(entry.formats)}` +
      `${entry.origin === 'parser' ? ' · Reported by the parser, cannot be turned off' : ''}\n\n${entry.url}\n`,
  );
  return 0;
}

/**
 * A rule's Markdown doc for the terminal: the front matter (`code`, `name`, `description`) becomes a
 * title line `OM201/counter-total-suffix` and the description under it, then the body after its
 * own `# OM201 counter-total-suffix` heading. No YAML block is printed.
 */
export function renderRuleDoc(doc: string, entry: Pick<CatalogEntry, 'code' | 'name' | 'description'> & Partial<Pick<CatalogEntry, 'formats'>>, out: Pick<Io['stdout'], 'color'> = { color: false }): string {
  const { fields, body } = parseRuleDoc(doc);
  const title = `${fields.code ?? entry.code}/${fields.name ?? entry.name}`;
  // The formats under the doc's `Category: …` line, unless the doc names them itself.
  const shown = entry.formats && !/^Formats: /m.test(body) ? body.replace(/^(Category: [^\n]*\n)/, `$1\nFormats: ${formatsLabel(entry.formats)}\n`) : body;
  return `${paint(out, 'bold', title)}\n${fields.description ?? entry.description}\n\n${shown}\n`;
}
