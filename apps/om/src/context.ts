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
