// Every code om can report: @omkit/lint's catalog (the parser's codes and the rules' registry).
export { catalog, findEntry, isParserCode, type CatalogEntry } from '@omkit/lint';
