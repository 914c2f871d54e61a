// What the commands of one run share. Its own module, so that a command file imports it without
// importing main.ts (which imports every command).
import type { Io } from './io.js';

/** Shared by the commands of one run. */
export interface Context {
  io: Io;
  exitCode: number;
  /** Set with --debug: fetch request/response lines go to stderr. */
  debug?: (line: string) => void;
}

/** `--format-in`: the input's format, or `auto` to let the parser's format rule decide. */
export const FORMAT_IN_CHOICES = ['auto', 'openmetrics', 'openmetrics-2.0', 'prometheus'] as const;
export type FormatIn = (typeof FORMAT_IN_CHOICES)[number];
