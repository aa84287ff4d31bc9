import { listTree, readListed, type TreeRead } from '../fs/read-tree.js';
import { startChecker, type Checker, type ThreadOptions } from './parallel-check.js';

/**
 * readTree for a check, with the checker for what it read: when the tree is
 * large, worker threads start loading as soon as the walk has counted the
 * files, while this thread reads them. No thread starts when a path is
 * missing (the caller stops there).
 */
export async function readForCheck(paths: string[], cwd: string, o: ThreadOptions = {}): Promise<{ read: TreeRead; checker: Checker }> {
  const list = listTree(paths, cwd);
  const checker = await startChecker(list.missing.length > 0 ? 0 : list.files.length, o);
  return { read: readListed(list), checker };
}
