/** Shared vocabulary of the core: positions, findings, file kinds, parsed nodes. */

export type Severity = 'error' | 'warning' | 'notice';

/** 1-based line and column, as editors and GitHub annotations count them. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Relative to the working directory, with `/` separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export type FileKind =
  | 'dockerfile'
  | 'buildspec'
  | 'taskdef'
  | 'appspec'
  | 'pipeline'
  | 'imagedetail'
  | 'imagedefinitions'
  | 'codebuild-project';

export type NodeType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/**
 * One value of a JSON or YAML document, whichever parser produced it, so that
 * rules are written once for both syntaxes.
 */
export interface Node {
  type: NodeType;
  /** Scalars only: the parsed value. */
  value?: string | number | boolean | null;
  /** Where the value stands in the reported file. */
  range: Range;
  /** Objects only, in document order; duplicates are kept (and reported). */
  entries?: Entry[];
  /** Arrays only. */
  items?: Node[];
  /** YAML only: the scalar was written in quotes. */
  quoted?: boolean;
  /** YAML only: an explicit tag such as `!Ref`. */
  tag?: string;
  /** The source text of a scalar as written (YAML plain/quoted source, JSON raw token). */
  source?: string;
}

export interface Entry {
  key: string;
  keyRange: Range;
  value: Node;
}
