import type { Locator } from './config/position.js';
import type { ParseProblem } from './config/problems.js';
import type { Dockerfile } from './config/dockerfile.js';
import type { FileKind, Node, Range } from './types.js';

/** One file to check, read by an adapter: the core never touches the disk. */
export interface SourceFile {
  /** Relative to the working directory, `/` separators. */
  path: string;
  /** The raw content; absent when the adapter did not read it (too large). */
  bytes?: Uint8Array;
  /** Already decoded content (tests, the GitHub contents API). */
  text?: string;
  /** Size in bytes, when known without reading. */
  size?: number;
}

/** A checked file: parsed, with its kind and where its findings go. */
export interface Doc {
  kind: FileKind;
  /** Where findings are reported: the file itself, or the buildspec that generates it. */
  path: string;
  /** The file name the pipeline sees, relative to the group root (`taskdef.json`). */
  name: string;
  text: string;
  locator: Locator;
  /** JSON and YAML kinds: the parsed value, absent when the file does not parse. */
  root?: Node;
  /** Dockerfiles: the instructions. */
  dockerfile?: Dockerfile;
  problems: ParseProblem[];
  /** Set for files written by a shell heredoc inside a buildspec command. */
  embedded?: Embedded;
}

export interface Embedded {
  /** The buildspec doc that writes this file. */
  host: Doc;
  /** The command (a YAML scalar) holding the heredoc. */
  command: Node;
  /** Where the `cat > file` redirection stands in the buildspec. */
  redirect: Range;
  /** The buildspec phase the command runs in (`post_build` …). */
  phase: string;
  /** Variables that were substituted, and those that were left as they are. */
  substituted: string[];
  unresolved: string[];
}

/** The files that belong to one pipeline (or one folder), checked together. */
export interface Project {
  /** The folder the pipeline's paths are relative to (`` for the working directory). */
  root: string;
  docs: Doc[];
  /** Whether a file exists at a path relative to `root` (committed, not generated). */
  exists(path: string): boolean;
}

/** docsOf's answers per project: some forty rules ask each project for the same kinds. */
const byKind = new WeakMap<Project, Map<FileKind, readonly Doc[]>>();

/** The parsed docs of one kind (read-only: the same array is handed to every rule that asks). */
export function docsOf(project: Project, kind: FileKind): readonly Doc[] {
  let kinds = byKind.get(project);
  if (!kinds) byKind.set(project, (kinds = new Map()));
  let docs = kinds.get(kind);
  if (!docs) {
    docs = Object.freeze(project.docs.filter((d) => d.kind === kind && (d.root !== undefined || d.dockerfile !== undefined)));
    kinds.set(kind, docs);
  }
  return docs;
}

/** A doc's path relative to the project root (`taskdef.json`), as the pipeline names it. */
export function pathInProject(project: Project, doc: Doc): string {
  return project.root && doc.name.startsWith(project.root + '/') ? doc.name.slice(project.root.length + 1) : doc.name;
}

/** The doc (committed or generated) at a path relative to the project root. */
export function docAt(project: Project, path: string): Doc[] {
  const want = path.replace(/^\.\//, '');
  return project.docs.filter((d) => pathInProject(project, d) === want);
}
