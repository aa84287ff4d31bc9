import { checkProjects, type ProjectPlan } from '../../core/analyze.js';
import { CheckedFile } from '../../core/checked-file.js';
import type { DocSummary } from '../../core/group.js';
import type { SourceFile } from '../../core/model.js';
import type { Finding } from '../../core/types.js';

/** A file with its place in the list the caller gave: doc ids are (file index, doc index in loadFile's result). */
export interface IndexedFile {
  index: number;
  file: SourceFile;
}

/** The docs of one file, summarised for grouping, in loadFile's order. */
export interface FileSummaries {
  index: number;
  docs: DocSummary[];
}

/** A project to check, with its place in the whole check's list of projects. */
export interface ProjectWork extends ProjectPlan {
  id: number;
}

export interface ProjectFindings {
  id: number;
  findings: Finding[];
}

/**
 * One thread's share of a check, as analyze() does it: the files it is
 * given are read and summarised for grouping, then it checks projects over
 * them. A project may name docs of files another thread read; those files
 * are handed over too and read here on first use, so that each file has one
 * set of docs in a session (the rules compare docs by identity).
 */
export class CheckSession {
  private readonly sources = new Map<number, SourceFile>();
  private readonly files = new Map<number, CheckedFile>();
  private readonly tree: ReadonlySet<string>;

  constructor(tree: Iterable<string>) {
    this.tree = new Set(tree);
  }

  /** Files that projects of this session may need, read only if they do. */
  add(files: readonly IndexedFile[]): void {
    for (const f of files) this.sources.set(f.index, f.file);
  }

  parse(files: readonly IndexedFile[]): FileSummaries[] {
    this.add(files);
    return files.map((f) => ({ index: f.index, docs: this.file(f.index).summaries }));
  }

  /** Checks projects in the order given, which is their order in the whole check. */
  check(projects: readonly ProjectWork[], now: Date): ProjectFindings[] {
    const found = checkProjects({ projects, file: (i) => this.file(i), tree: this.tree, now });
    return projects.map((p, i) => ({ id: p.id, findings: found[i] }));
  }

  private file(index: number): CheckedFile {
    let f = this.files.get(index);
    if (!f) {
      const source = this.sources.get(index);
      if (!source) throw new Error(`file #${index} was not handed to this thread`);
      f = new CheckedFile(source);
      this.files.set(index, f);
    }
    return f;
  }
}
