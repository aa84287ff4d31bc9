import type { Doc, Project } from '../model.js';
import type { FileKind, Range, Severity } from '../types.js';

/** A snippet for docs/rules.md: a file name and its text. */
export interface Example {
  file: string;
  text: string;
}

export interface RuleDocs {
  /** What is checked, one or two sentences. */
  what: string;
  /** Why it matters: what fails at deploy time, and the source. */
  why: string;
  bad: Example[];
  good: Example[];
}

export interface Report {
  doc: Doc;
  range: Range;
  message: string;
  /** Only where the catalogue gives this case another severity than the rule's. */
  severity?: Severity;
}

export interface RuleContext {
  project: Project;
  /** The day of the check, for rules about dates (end of life); handed in so that the core reads no clock. */
  now: Date;
  report(r: Report): void;
}

export interface Rule {
  /** Stable id from the catalogue: `TD-05`. */
  id: string;
  /** A few words: "Fargate cpu/memory pair". */
  title: string;
  severity: Severity;
  /** The kinds of file it reads; several for cross-file rules. */
  files: FileKind[];
  docs: RuleDocs;
  check(ctx: RuleContext): void;
}
