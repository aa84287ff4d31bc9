import { readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
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

/**
 * Reads the files to check under the given paths: every file of a directory
 * tree whose name or extension may hold pipeline configuration, and every
 * file named explicitly. Files over the size limit are not read, only sized.
 */
export function readTree(paths: string[], cwd: string): TreeRead {
  const out: TreeRead = { files: [], tree: [], missing: [], explicit: [], unreadable: [] };
  const seen = new Set<string>();
  const add = (abs: string, size: number, force: boolean) => {
    const path = rel(cwd, abs);
    if (seen.has(path)) return;
    seen.add(path);
    out.tree.push(path);
    if (!force && !mayHoldConfig(path)) return;
    if (size > MAX_BYTES) {
      out.files.push({ path, size });
      return;
    }
    try {
      out.files.push({ path, bytes: readFileSync(abs) });
    } catch (e) {
      out.unreadable.push({ path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
  };
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name)) walk(abs);
      } else if (e.isFile() || e.isSymbolicLink()) {
        let st;
        try {
          st = statSync(abs);
        } catch {
          // A file that vanished between listing and reading, or a dangling link, is simply not checked.
          continue;
        }
        // Linked files are read; linked folders are not followed, so that a link loop cannot hang the walk.
        if (st.isFile()) add(abs, st.size, false);
      }
    }
  };
  for (const p of paths.length ? paths : ['.']) {
    const abs = isAbsolute(p) ? p : resolve(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      out.missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(abs);
    else {
      out.explicit.push(rel(cwd, abs));
      add(abs, st.size, true);
    }
  }
  return out;
}
