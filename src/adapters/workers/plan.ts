import type { ProjectPlan } from '../../core/analyze.js';

/** [start, end) ranges of file indices. */
export type Shard = [number, number];

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/**
 * Cuts the file list into `n` contiguous shards of about equal size, moving
 * each cut to a folder boundary nearby: most projects are one folder, and a
 * project whose files were read by two threads costs a second reading.
 */
export function splitShards(paths: readonly string[], n: number, slack = 64): Shard[] {
  const shards: Shard[] = [];
  let start = 0;
  for (let k = 1; k <= n; k++) {
    let end = k === n ? paths.length : Math.round((paths.length * k) / n);
    if (k < n) {
      for (let d = 0; d <= slack; d++) {
        if (end + d < paths.length && end + d > start && dirOf(paths[end + d - 1]) !== dirOf(paths[end + d])) {
          end += d;
          break;
        }
        if (end - d > start && dirOf(paths[end - d - 1]) !== dirOf(paths[end - d])) {
          end -= d;
          break;
        }
      }
    }
    shards.push([start, Math.max(start, end)]);
    start = Math.max(start, end);
  }
  return shards;
}

/**
 * Projects that share a file (a Dockerfile two buildspecs build, a CodeBuild
 * project two pipelines name, a buildspec and the files its heredocs write)
 * form a cluster: one thread checks a cluster, in the original order, so that
 * the docs of a file, and what the rules cache about them, are seen as in a
 * check in one thread. Returns each project's cluster (the index of its
 * cluster's first project).
 */
export function clusterProjects(projects: readonly ProjectPlan[]): number[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    // Path compression keeps chains short on big trees.
    while (x !== r) {
      const next = parent.get(x) ?? r;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  // Files are keyed by index, projects by -(index + 1), in one forest.
  projects.forEach((p, i) => {
    for (const [file] of p.members) union(-(i + 1), file);
  });
  const first = new Map<number, number>();
  return projects.map((_, i) => {
    const root = find(-(i + 1));
    if (!first.has(root)) first.set(root, i);
    return first.get(root)!;
  });
}
