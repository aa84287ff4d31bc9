import type { Range } from '../types.js';

/** Something wrong with a file's syntax, found while parsing it. */
export interface ParseProblem {
  kind: 'syntax' | 'duplicate-key' | 'unreadable';
  range: Range;
  message: string;
}

export interface ParseResult<T> {
  root?: T;
  problems: ParseProblem[];
}
