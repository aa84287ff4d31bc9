import { analyze } from '../../../src/core/analyze.js';
import type { SourceFile } from '../../../src/core/model.js';
import { clusterProjects, splitShards } from '../../../src/adapters/workers/plan.js';
import { localExecutor, runParallel, type Executor } from '../../../src/adapters/workers/run-parallel.js';
import { bigTree } from '../../helpers/big-tree.js';

const NOW = new Date('2026-11-27T00:00:00Z');
const files: SourceFile[] = bigTree(40).map((f) => ({ path: f.path, text: f.text }));
const tree = files.map((f) => f.path);
const expected = JSON.stringify(analyze({ files, tree, now: NOW }));

interface Counts {
  chunks: number;
  /** Files a check request brought that the executor had not read. */
  handedOver: number;
}

/**
 * Executors in this thread. `later` ones answer on a later turn of the event
 * loop, as a worker does, so that the others run ahead and steal from them.
 */
function executors(kinds: Array<'now' | 'later'>): { list: Executor[]; counts: Counts[] } {
  const counts = kinds.map(() => ({ chunks: 0, handedOver: 0 }));
  const list = kinds.map((kind, k): Executor => {
    const e = localExecutor();
    const defer = <T>(work: () => Promise<T>): Promise<T> => (kind === 'now' ? work() : new Promise((resolve) => setTimeout(() => resolve(work()), 2)));
    return {
      depth: kind === 'now' ? 1 : 2,
      init: e.init,
      parse: (f) => {
        counts[k].chunks++;
        return defer(() => e.parse(f));
      },
      check: (now, projects, f) => {
        counts[k].chunks++;
        counts[k].handedOver += f.length;
        return defer(() => e.check(now, projects, f));
      },
    };
  });
  return { list, counts };
}

describe('runParallel (executors in this thread)', () => {
  it('has something to compare: findings of every severity, in projects that reach across folders', () => {
    const found = JSON.parse(expected) as Array<{ severity: string; file: string; rule: string }>;
    expect(new Set(found.map((f) => f.severity))).toEqual(new Set(['error', 'warning', 'notice']));
    expect(found.some((f) => f.file === 'deploy/taskdef.json' && f.rule === 'TD-05')).toBe(true);
  });

  it.each([
    ['two', ['now', 'later']],
    ['three', ['now', 'later', 'later']],
  ] as const)('finds exactly what analyze() finds, in the same order, with %s executors', async (_n, kinds) => {
    const { list, counts } = executors([...kinds]);
    const found = await runParallel({ files, tree, now: NOW, executors: list });
    expect(JSON.stringify(found)).toBe(expected);
    for (const c of counts) expect(c.chunks).toBeGreaterThan(0);
  });

  it('gives the same findings with tiny chunks, where idle executors steal and files change hands', async () => {
    const { list, counts } = executors(['now', 'later', 'later']);
    const found = await runParallel({ files, tree, now: NOW, executors: list, fileChunk: 5, projectChunk: 2 });
    expect(JSON.stringify(found)).toBe(expected);
    expect(counts.reduce((n, c) => n + c.handedOver, 0)).toBeGreaterThan(0);
  });
});

describe('splitShards', () => {
  const paths = ['a/1', 'a/2', 'a/3', 'b/1', 'b/2', 'c/1', 'c/2', 'c/3', 'c/4', 'd/1'];

  it('covers every file once, in order', () => {
    for (const n of [1, 2, 3, 4, 10]) {
      const shards = splitShards(paths, n);
      expect(shards).toHaveLength(n);
      expect(shards[0][0]).toBe(0);
      expect(shards[n - 1][1]).toBe(paths.length);
      for (let k = 1; k < n; k++) expect(shards[k][0]).toBe(shards[k - 1][1]);
    }
  });

  it('moves a cut to the nearest folder boundary', () => {
    expect(splitShards(paths, 2)).toEqual([
      [0, 5],
      [5, 10],
    ]);
    expect(splitShards(['a/1', 'a/2', 'a/3', 'a/4', 'b/1', 'b/2'], 2)).toEqual([
      [0, 4],
      [4, 6],
    ]);
  });
});

describe('clusterProjects', () => {
  it('puts projects that share a file, directly or through others, in one cluster', () => {
    const projects = [
      { root: 'a', members: [[0, 0], [1, 0]] as Array<[number, number]> },
      { root: 'b', members: [[2, 0]] as Array<[number, number]> },
      { root: 'c', members: [[3, 0], [1, 1]] as Array<[number, number]> },
      { root: 'd', members: [[4, 0], [3, 0]] as Array<[number, number]> },
    ];
    // a and c share file 1 (two docs of it), c and d share file 3.
    expect(clusterProjects(projects)).toEqual([0, 1, 0, 0]);
  });
});
