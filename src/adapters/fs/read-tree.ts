import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { MAX_BYTES } from '../../core/config/decode.js';
import { mayHoldConfig } from '../../core/config/detect.js';
import type { SourceFile } from '../../core/model.js';

/** Folders that never hold a pipeline's own files and can be huge. */
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', '.terraform', 'cdk.out', '.aws-sam', '.serverless']);

export interface TreeRead {
  files: SourceFile[];
  /** Every file found, for existence checks. */
  tree: string[];
  /** Paths given that do not exist. */
  missing: string[];
  /** Files given by name (not found by a walk). */
  explicit: string[];
  /** Files that exist but could not be read (permissions …), with the reason. */
  unreadable: { path: string; reason: string }[];
}

/** Paths are reported relative to `cwd` with `/` separators, as findings need them. */
function rel(cwd: string, abs: string): string {
  const r = relative(cwd, abs);
  return (r === '' ? '.' : r).split(sep).join('/');
}

/** A file found by listTree, not read yet. */
export interface ListedFile {
  path: string;
  abs: string;
}

export interface TreeList {
  /** The files to read: those whose name may hold configuration, and those named explicitly. */
  files: ListedFile[];
  tree: string[];
  missing: string[];
  explicit: string[];
}

/**
 * Reads the files to check under the given paths: every file of a directory
 * tree whose name or extension may hold pipeline configuration, and every
 * file named explicitly. Files over the size limit are not read, only sized.
 */
export function readTree(paths: string[], cwd: string): TreeRead {
  return readListed(listTree(paths, cwd));
}

/**
 * The first half of readTree: the walk, without reading. A caller that may
 * start worker threads for a large tree learns its size here, and starts them
 * while this thread reads the files (readListed).
 */
export function listTree(paths: string[], cwd: string): TreeList {
  const out: TreeList = { files: [], tree: [], missing: [], explicit: [] };
  const seen = new Set<string>();
  const add = (abs: string, path: string, force: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.tree.push(path);
    if (force || mayHoldConfig(path)) out.files.push({ path, abs });
  };
  // Relative paths are built as the walk goes down, rather than by path.relative for every file.
  const walk = (dir: string, relDir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // `dir` is already normalised and a name holds no separator: joined without path.join's normalising.
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const e of entries) {
      const abs = prefix + e.name;
      const path = relDir === '.' ? e.name : `${relDir}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) walk(abs, path);
      } else if (e.isFile()) {
        // Sized when read: a stat per file was a good part of the walk on large trees.
        add(abs, path, false);
      } else if (e.isSymbolicLink()) {
        let st;
        try {
          st = statSync(abs);
        } catch {
          // A dangling link is simply not checked.
          continue;
        }
        // Linked files are read; linked folders are not followed, so that a link loop cannot hang the walk.
        if (st.isFile()) add(abs, path, false);
      }
    }
  };
  for (const p of paths.length ? paths : ['.']) {
    // Normalised, so that the walk can join names to it directly.
    const abs = isAbsolute(p) ? resolve(p) : resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      out.missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(abs, rel(cwd, abs));
    else {
      out.explicit.push(rel(cwd, abs));
      add(abs, rel(cwd, abs), true);
    }
  }
  return out;
}

/** The second half of readTree: the files' contents (sizes only over the limit). */
export function readListed(list: TreeList): TreeRead {
  const out: TreeRead = { files: [], tree: list.tree, missing: list.missing, explicit: list.explicit, unreadable: [] };
  for (const f of list.files) {
    try {
      out.files.push(readSized(f));
    } catch (e) {
      out.unreadable.push({ path: f.path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
  }
  return out;
}

/** The file's bytes, or only its size when it is over the limit (one open, one fstat). */
function readSized(f: ListedFile): SourceFile {
  let fd: number;
  try {
    fd = openSync(f.abs, 'r');
  } catch (e) {
    // A file too large to read is reported by its size even when it cannot be opened.
    const size = sizeOf(f.abs);
    if (size !== undefined && size > MAX_BYTES) return { path: f.path, size };
    throw e;
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_BYTES) return { path: f.path, size };
    const bytes = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, bytes, got, size - got, null);
      if (n === 0) break;
      got += n;
    }
    return { path: f.path, bytes: got === size ? bytes : bytes.subarray(0, got) };
  } finally {
    closeSync(fd);
  }
}

function sizeOf(abs: string): number | undefined {
  try {
    return statSync(abs).size;
  } catch {
    return undefined;
  }
}
