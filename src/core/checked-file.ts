import { parseSource, readSource } from './config/load.js';
import { summarize, type DocSummary } from './group.js';
import type { Doc, SourceFile } from './model.js';
import type { FileKind } from './types.js';

/** Kinds whose content grouping reads (template paths, base directory, heredocs, project names): parsed at once. */
const READ_TO_GROUP = new Set<FileKind>(['pipeline', 'buildspec', 'codebuild-project']);

/**
 * A file of a check: decoded and its kind detected at once, parsed when a
 * project first needs it, and dropped after the last project that does. On a
 * large tree, keeping every parsed file alive to the end made the garbage
 * collector copy it all (about a fifth of the time); docs that die young cost
 * almost nothing. Within a check a file has one set of docs, as the rules
 * compare docs by identity.
 */
export class CheckedFile {
  /** What grouping needs of each doc, in loadFile's order. */
  readonly summaries: DocSummary[];
  private parsed: Doc[] | undefined;
  private pending: { kind: FileKind; text: string } | undefined;

  constructor(private readonly file: SourceFile) {
    const source = readSource(file);
    if ('docs' in source) this.parsed = source.docs;
    else if (READ_TO_GROUP.has(source.kind)) this.parsed = parseSource(file.path, source);
    else {
      this.pending = source;
      // Other kinds are summarised by their kind and name alone, as summarize() would.
      this.summaries = [{ kind: source.kind, path: file.path, name: file.path, embedded: false }];
      return;
    }
    this.summaries = this.parsed.map(summarize);
  }

  /** loadFile's docs for this file. */
  docs(): Doc[] {
    if (!this.parsed) {
      if (!this.pending) throw new Error(`${this.file.path} was needed after it was released`);
      this.parsed = parseSource(this.file.path, this.pending);
      this.pending = undefined;
    }
    return this.parsed;
  }

  /** After the last project that reads it. */
  release(): void {
    this.parsed = undefined;
    this.pending = undefined;
  }
}
