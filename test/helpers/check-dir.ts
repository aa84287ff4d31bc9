import { readTree } from '../../src/adapters/fs/read-tree.js';
import { analyze } from '../../src/core/analyze.js';
import type { Finding } from '../../src/core/types.js';

/** Checks a fixture folder as `ecs-codepipeline check` run inside it would. */
export function checkDir(dir: string, now?: Date): Finding[] {
  const read = readTree(['.'], dir);
  return analyze({ files: read.files, tree: read.tree, now });
}
