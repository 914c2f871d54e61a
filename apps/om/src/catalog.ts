// The catalog of every code om can report is @omkit/lint's (`catalog()`); the commands import it from
// there. This name stays for the CLI tests that read the catalog through it.
export { catalog, findEntry, isParserCode, type CatalogEntry } from '@omkit/lint';
