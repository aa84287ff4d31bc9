import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { analyze } from '../../core/analyze.js';
import { errorText } from '../../core/error-text.js';
import type { SourceFile } from '../../core/model.js';
import type { Finding } from '../../core/types.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { localExecutor, runParallel, type Executor } from './run-parallel.js';

export interface ThreadOptions {
  /** Threads in all, this one included (default: threadCount's choice for the machine and the tree). */
  threads?: number;
  /** The worker script (default: check-worker.js where build/ and dist/ put it). */
  workerUrl?: URL;
}

export interface CheckInput {
  files: SourceFile[];
  /** Every path in the checked tree, as for analyze(). */
  tree?: string[];
  now?: Date;
}

export interface ParallelCheck {
  findings: Finding[];
  /** Threads that did the work, this one included. */
  threads: number;
  /** Why the work was done in this thread after all, when a worker failed. */
  fallback?: string;
}

/** analyze(), in worker threads when there are enough files: findings the same either way. */
export interface Checker {
  check(input: CheckInput): Promise<ParallelCheck>;
  /** Stops workers that were started but will not be used (check() stops them itself). */
  close(): void;
}

/**
 * Below this, a worker (a second copy of the checker to load and warm up)
 * costs more than it saves; the seed example and ordinary repositories never
 * start one.
 */
export const MIN_FILES = 1000;
/** A thread per this many files at most, so that a medium tree does not start threads it cannot keep busy. */
const FILES_PER_THREAD = 1000;
const MAX_THREADS = 8;
/**
 * A checking thread keeps about two CPUs busy while it warms up: its own and
 * V8's compiler and garbage collector threads. Measured on 2 CPUs, two
 * checking threads were slower than one (docs/performance.md), so a thread
 * per two CPUs.
 */
const CPUS_PER_THREAD = 2;

/** The number of threads for `files` files on `cpus` CPUs, or the number asked for. */
export function threadCount(files: number, cpus: number, asked?: number): number {
  if (asked !== undefined) return files >= asked ? asked : 1;
  if (files < MIN_FILES) return 1;
  return Math.max(1, Math.min(Math.floor(cpus / CPUS_PER_THREAD), MAX_THREADS, Math.ceil(files / FILES_PER_THREAD)));
}

export const THREADS_VARIABLE = 'ECS_CODEPIPELINE_THREADS';

/**
 * The number of threads set in ECS_CODEPIPELINE_THREADS (for a runner whose
 * CPU quota is smaller than the CPUs it reports, or to force threads), or why
 * the value is not one.
 */
export function threadsSetting(env: Record<string, string | undefined>): { threads?: number; error?: string } {
  const raw = env[THREADS_VARIABLE]?.trim();
  if (!raw) return {};
  const n = /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= 64)) return { error: `${THREADS_VARIABLE} is '${env[THREADS_VARIABLE]}': give a whole number of threads from 1 to 64 (1 checks in one thread), or leave it unset to use one thread per two CPUs` };
  return { threads: n };
}

/**
 * In build/ the worker is compiled beside this module; in dist/ this code is
 * inside dist/check.js or dist/cli/index.js and the worker is
 * dist/check-worker.js. Names in a list, not literals in `new URL()`, so that
 * the bundler leaves them alone.
 */
const WORKER_PATHS = ['./check-worker.js', '../check-worker.js'];

export function defaultWorkerUrl(from: string = import.meta.url): URL | undefined {
  for (const p of WORKER_PATHS) {
    const url = new URL(p, from);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/**
 * A checker for about `files` files. Workers, when the tree is large enough,
 * start now: a caller that knows the size before reading (listTree) lets them
 * load while it reads the files.
 */
export async function startChecker(files: number, o: ThreadOptions = {}): Promise<Checker> {
  const threads = threadCount(files, availableParallelism(), o.threads);
  const url = threads >= 2 ? (o.workerUrl ?? defaultWorkerUrl()) : undefined;
  // Loaded only for a large tree: importing it costs a small check a few milliseconds of start-up.
  const Worker = url ? (await import(/* webpackIgnore: true */ 'node:worker_threads')).Worker : undefined;
  // Listening from the start: a worker that fails while this thread reads must not be an unhandled error.
  let channels = url && Worker ? Array.from({ length: threads - 1 }, () => new Channel(new Worker(url))) : [];
  const close = () => {
    for (const c of channels) c.close();
    channels = [];
  };
  return {
    close,
    async check(input) {
      const now = input.now ?? new Date();
      const single = (fallback?: string): ParallelCheck => ({ findings: analyze({ files: input.files, tree: input.tree, now }), threads: 1, fallback });
      if (channels.length === 0) return single();
      try {
        // This thread is one of the executors; a worker each for the others.
        const executors: Executor[] = [localExecutor(), ...channels.map(workerExecutor)];
        const findings = await runParallel({ files: input.files, tree: input.tree ?? input.files.map((f) => f.path), now, executors });
        return { findings, threads: executors.length };
      } catch (e) {
        return single(errorText(e));
      } finally {
        close();
      }
    },
  };
}

/**
 * analyze() spread over worker threads (runParallel): the threads read and
 * check shares of the files, this thread groups them into projects. The
 * findings are exactly those of analyze(). Small trees, few CPUs or a missing
 * worker script mean one thread; a worker that fails (a bug) means the check
 * is done again here.
 */
export async function checkInThreads(o: CheckInput & ThreadOptions): Promise<ParallelCheck> {
  return (await startChecker(o.files.length, o)).check(o);
}

function workerExecutor(channel: Channel): Executor {
  return {
    depth: 2,
    init: (tree) => channel.send({ type: 'init', tree }),
    parse: async (files) => (await channel.ask({ type: 'parse', files }, 'parsed')).files,
    check: async (now, projects, files) => (await channel.ask({ type: 'check', now: now.getTime(), projects, files }, 'checked')).projects,
  };
}

/**
 * Requests to one worker and their answers, which come in the order sent; a
 * crash, an exit or a failure message rejects what is waiting.
 */
class Channel {
  private readonly waiting: Array<{ expect: FromWorker['type']; resolve: (m: FromWorker) => void; reject: (e: Error) => void }> = [];
  private failed: Error | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: FromWorker) => {
      const w = this.waiting.shift();
      if (!w) return;
      if (m.type === w.expect) w.resolve(m);
      else w.reject(new Error(m.type === 'failed' ? m.message : `unexpected ${m.type} from the check worker`));
    });
    worker.on('error', (e: Error) => this.failAll(e));
    worker.on('exit', (code: number) => this.failAll(new Error(`the check worker exited (${code})`)));
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  ask<T extends FromWorker['type']>(message: ToWorker, expect: T): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.waiting.push({ expect, resolve: resolve as (m: FromWorker) => void, reject });
      this.worker.postMessage(message);
    });
  }

  close(): void {
    this.failed ??= new Error('the check worker was stopped');
    void this.worker.terminate();
  }

  private failAll(e: Error): void {
    this.failed ??= e;
    for (const w of this.waiting.splice(0)) w.reject(e);
  }
}
