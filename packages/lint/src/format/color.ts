// A tiny ANSI SGR helper. Whether to colour is decided by the caller (TTY, NO_COLOR, FORCE_COLOR)
// and passed in; one style per call, like node:util styleText.

const codes = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
} as const;

export type Style = keyof typeof codes;

export function paint(color: boolean, style: Style, text: string): string {
  if (!color || text === '') return text;
  const [open, close] = codes[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

export const severityStyle = { error: 'red', warning: 'yellow', info: 'blue' } as const satisfies Record<
  string,
  Style
>;
