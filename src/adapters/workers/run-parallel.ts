import { mergeFindings, type DocId } from '../../core/analyze.js';
import { planProjects, type DocSummary } from '../../core/group.js';
import type { SourceFile } from '../../core/model.js';
import type { Finding } from '../../core/types.js';
import { clusterProjects, splitShards } from './plan.js';
import { CheckSession, type FileSummaries, type IndexedFile, type ProjectFindings, type ProjectWork } from './session.js';

/** One thread's side of a parallel check: a worker (through messages) or this thread (a CheckSession). */
export interface Executor {
  init(tree: string[]): void;
  parse(files: IndexedFile[]): Promise<FileSummaries[]>;
  check(now: Date, projects: ProjectWork[], files: IndexedFile[]): Promise<ProjectFindings[]>;
  /**
   * Requests kept waiting for it: a worker gets 2, so that it never idles
   * while this thread is busy with its own share; this thread works when
   * called, 1 at a time.
   */
  depth: number;
}

/** This thread as an executor: it does the work when called. */
export function localExecutor(): Executor {
  let session: CheckSession | undefined;
  const ready = () => {
    if (!session) throw new Error('not initialised');
    return session;
  };
  return {
    depth: 1,
    init: (tree) => {
      session = new CheckSession(tree);
    },
    parse: (files) => Promise.resolve(ready().parse(files)),
    check: (now, projects, files) => {
      ready().add(files);
      return Promise.resolve(ready().check(projects, now));
    },
  };
}

export interface ParallelRun {
  files: SourceFile[];
  tree: string[];
  now: Date;
  executors: Executor[];
  /** Files per reading chunk and projects per checking chunk (defaults scale with the tree). */
  fileChunk?: number;
  projectChunk?: number;
}

interface Chunk<T> {
  items: T[];
  /** Other executors may take it when theirs are done. */
  stealable: boolean;
}

/**
 * analyze() over several executors, in two rounds, each a queue of chunks per
 * executor from which an idle one steals: round one reads the files and
 * summarises their docs, which are grouped here exactly as analyze() groups
 * them (planProjects); round two checks the projects, mostly where their
 * files were read. Projects that share a file stay together (clusterProjects).
 * The findings are merged in project order (mergeFindings): those of
 * analyze(), byte for byte, whoever checked what.
 */
export async function runParallel(r: ParallelRun): Promise<Finding[]> {
  const { executors } = r;
  const n = executors.length;
  for (const e of executors) e.init(r.tree);

  // Round one: contiguous chunks of files, cut at folders, dealt out in blocks.
  const fileChunk = r.fileChunk ?? Math.max(50, Math.ceil(r.files.length / (n * 8)));
  const ranges = splitShards(
    r.files.map((f) => f.path),
    Math.max(1, Math.ceil(r.files.length / fileChunk)),
  );
  const readBy = new Array<number>(r.files.length).fill(-1);
  const has = executors.map(() => new Set<number>());
  const parsed: FileSummaries[] = [];
  const indexed = (files: Iterable<number>): IndexedFile[] => [...files].map((index) => ({ index, file: r.files[index] }));
  await drain(
    executors,
    deal(ranges.map(([start, end]) => ({ items: Array.from({ length: end - start }, (_, k) => start + k), stealable: true }))),
    async (k, chunk) => {
      for (const i of chunk.items) {
        readBy[i] = k;
        has[k].add(i);
      }
      parsed.push(...(await executors[k].parse(indexed(chunk.items))));
    },
  );
  parsed.sort((a, b) => a.index - b.index);
  if (parsed.length !== r.files.length || parsed.some((f, i) => f.index !== i)) throw new Error('a thread did not read all of its files');

  // Doc ids in the order analyze() loads them: file by file, then loadFile's order.
  const ids: DocId[] = [];
  const summaries: DocSummary[] = [];
  for (const f of parsed) {
    f.docs.forEach((s, k) => {
      ids.push([f.index, k]);
      summaries.push(s);
    });
  }
  const projects: ProjectWork[] = planProjects(summaries, new Set(r.tree)).map((p, id) => ({ id, root: p.root, members: p.members.map((d) => ids[d]) }));

  // Round two: a project goes where its first file was read; a cluster of projects sharing files as one chunk.
  const cluster = clusterProjects(projects);
  const size = new Map<number, number>();
  for (const c of cluster) size.set(c, (size.get(c) ?? 0) + 1);
  const ownerOf = (p: ProjectWork) => Math.max(0, readBy[p.members[0][0]]);
  const together: ProjectWork[][] = executors.map(() => []);
  const alone: ProjectWork[][] = executors.map(() => []);
  for (const p of projects) {
    if (size.get(cluster[p.id])! > 1) together[ownerOf(projects[cluster[p.id]])].push(p);
    else alone[ownerOf(p)].push(p);
  }
  const projectChunk = r.projectChunk ?? Math.max(8, Math.ceil(projects.length / (n * 16)));
  const queues: Array<Array<Chunk<ProjectWork>>> = executors.map((_, k) => [
    ...(together[k].length > 0 ? [{ items: together[k], stealable: false }] : []),
    ...chunked(alone[k], projectChunk).map((items) => ({ items, stealable: true })),
  ]);
  const results = new Map<number, Finding[]>();
  await drain(executors, queues, async (k, chunk) => {
    const missing = new Set<number>();
    for (const p of chunk.items) for (const [file] of p.members) if (!has[k].has(file)) missing.add(file);
    for (const file of missing) has[k].add(file);
    for (const p of await executors[k].check(r.now, chunk.items, indexed(missing))) results.set(p.id, p.findings);
  });
  return mergeFindings(
    projects.map((p) => {
      const found = results.get(p.id);
      if (!found) throw new Error(`project #${p.id} was not checked`);
      return found;
    }),
  );
}

function chunked<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Chunks dealt out in contiguous blocks, one block per executor. */
function deal<T>(chunks: Array<Chunk<T>>): (n: number) => Array<Array<Chunk<T>>> {
  return (n) => Array.from({ length: n }, (_, k) => chunks.slice(Math.floor((chunks.length * k) / n), Math.floor((chunks.length * (k + 1)) / n)));
}

/**
 * Runs every chunk once: each executor takes from the front of its own
 * queue, then steals from the back of the longest other one. Workers are
 * given their requests before this thread starts on its own (its work is
 * synchronous), and this thread lets their answers in between its chunks.
 */
async function drain<T>(executors: Executor[], queues: Array<Array<Chunk<T>>> | ((n: number) => Array<Array<Chunk<T>>>), run: (k: number, chunk: Chunk<T>) => Promise<void>): Promise<void> {
  const q = typeof queues === 'function' ? queues(executors.length) : queues;
  let failed = false;
  const take = (k: number): Chunk<T> | undefined => {
    if (q[k].length > 0) return q[k].shift();
    let from = -1;
    for (let j = 0; j < q.length; j++) if (q[j].length > 0 && q[j][q[j].length - 1].stealable && (from < 0 || q[j].length > q[from].length)) from = j;
    return from < 0 ? undefined : q[from].pop();
  };
  const lane = async (k: number) => {
    for (let chunk = take(k); chunk && !failed; chunk = take(k)) {
      await run(k, chunk);
      if (executors[k].depth === 1) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const order = executors.map((_, k) => k).sort((a, b) => executors[b].depth - executors[a].depth);
  const lanes = order.flatMap((k) => Array.from({ length: executors[k].depth }, () => lane(k)));
  try {
    await Promise.all(lanes);
  } catch (e) {
    failed = true;
    throw e;
  }
}
