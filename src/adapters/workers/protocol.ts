import type { FileSummaries, IndexedFile, ProjectFindings, ProjectWork } from './session.js';

/**
 * Messages between parallel-check.ts and check-worker.ts. After `init`, each
 * request gets one answer, in the order sent.
 */
export type ToWorker =
  /** Every file of the tree, for existence checks; no answer. */
  | { type: 'init'; tree: string[] }
  /** Read these files and summarise their docs for grouping. */
  | { type: 'parse'; files: IndexedFile[] }
  /** Check these projects; `files` are the ones of them this worker has not had yet. */
  | { type: 'check'; now: number; projects: ProjectWork[]; files: IndexedFile[] };

export type FromWorker =
  | { type: 'parsed'; files: FileSummaries[] }
  | { type: 'checked'; projects: ProjectFindings[] }
  /** A bug, not bad input (bad input gives findings): the caller checks in its own thread instead. */
  | { type: 'failed'; message: string };
