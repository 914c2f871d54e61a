// Expositions for the scrape rules' tests: their facts are what matters, the text only has to parse.
export const OM_TEXT = '# TYPE up gauge\n# HELP up Whether the target is up.\nup 1\n# EOF\n';
export const PROM_TEXT = '# HELP up Whether the target is up.\n# TYPE up gauge\nup 1\n';
