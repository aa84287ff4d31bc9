import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTree } from '../../../src/adapters/fs/read-tree.js';
import { checkInThreads, MIN_FILES, threadCount, threadsSetting } from '../../../src/adapters/workers/parallel-check.js';
import { readForCheck } from '../../../src/adapters/workers/read-for-check.js';
import { analyze } from '../../../src/core/analyze.js';
import type { SourceFile } from '../../../src/core/model.js';
import { bigTree } from '../../helpers/big-tree.js';

/**
 * Real worker threads run JavaScript: the worker is the tsc output in build/
 * (`npm test` builds it before jest runs; alone, run `npm run build` first).
 */
const WORKER = resolve('build/adapters/workers/check-worker.js');
const NOW = new Date('2026-11-27T00:00:00Z');
const files: SourceFile[] = bigTree(120).map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.text) }));
const tree = files.map((f) => f.path);
const expected = JSON.stringify(analyze({ files, tree, now: NOW }));

let tmp: string;
beforeAll(() => {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} not found: run \`npm run build\` before this test`);
  tmp = mkdtempSync(join(tmpdir(), 'ecs-cp-workers-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('checkInThreads with worker threads', () => {
  it.each([2, 3])('finds exactly what analyze() finds with %i threads', async (threads) => {
    const r = await checkInThreads({ files, tree, now: NOW, threads, workerUrl: pathToFileURL(WORKER) });
    expect(r.fallback).toBeUndefined();
    expect(r.threads).toBe(threads);
    expect(JSON.stringify(r.findings)).toBe(expected);
  });

  it('checks a small tree in this thread, without starting a worker', async () => {
    const few = files.slice(0, MIN_FILES - 1);
    // A worker script that cannot load: had it been started, the result would say so.
    const broken = join(tmp, 'never.mjs');
    writeFileSync(broken, 'throw new Error("started");\n');
    const r = await checkInThreads({ files: few, now: NOW, workerUrl: pathToFileURL(broken) });
    expect(r).toEqual({ findings: analyze({ files: few, now: NOW }), threads: 1, fallback: undefined });
  });

  it('checks in this thread when a worker cannot start, with the same findings', async () => {
    const broken = join(tmp, 'broken.mjs');
    writeFileSync(broken, 'throw new Error("cannot start");\n');
    const r = await checkInThreads({ files, tree, now: NOW, threads: 2, workerUrl: pathToFileURL(broken) });
    expect(r.fallback).toMatch(/cannot start/);
    expect(r.threads).toBe(1);
    expect(JSON.stringify(r.findings)).toBe(expected);
  });

  it('checks in this thread when a worker exits halfway, with the same findings', async () => {
    const exits = join(tmp, 'exits.mjs');
    // Answers read requests with nothing useful, then exits on the first check request.
    writeFileSync(exits, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => { if (m.type === 'parse') parentPort.postMessage({ type: 'parsed', files: [] }); else if (m.type === 'check') process.exit(3); });\n");
    const r = await checkInThreads({ files, tree, now: NOW, threads: 2, workerUrl: pathToFileURL(exits) });
    expect(r.fallback).toBeDefined();
    expect(JSON.stringify(r.findings)).toBe(expected);
  });
});

describe('readForCheck', () => {
  let dir: string;
  beforeAll(() => {
    dir = join(tmp, 'tree');
    for (const f of bigTree(120)) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.text);
    }
  });

  it('reads what readTree reads, while the workers start, and checks it with the same findings', async () => {
    const { read, checker } = await readForCheck(['.'], dir, { workerUrl: pathToFileURL(WORKER), threads: 2 });
    const plain = readTree(['.'], dir);
    expect(read.tree).toEqual(plain.tree);
    expect(read.files.map((f) => f.path)).toEqual(plain.files.map((f) => f.path));
    const r = await checker.check({ files: read.files, tree: read.tree, now: NOW });
    expect(r.threads).toBe(2);
    expect(r.findings).toEqual(analyze({ files: plain.files, tree: plain.tree, now: NOW }));
  });

  it('starts no thread when a path is missing', async () => {
    const broken = join(tmp, 'never2.mjs');
    writeFileSync(broken, 'throw new Error("started");\n');
    const { read, checker } = await readForCheck(['.', 'nope'], dir, { workerUrl: pathToFileURL(broken), threads: 2 });
    expect(read.missing).toEqual(['nope']);
    expect((await checker.check({ files: [], now: NOW })).fallback).toBeUndefined();
  });

  it('survives a worker that fails while this thread is still reading', async () => {
    const broken = join(tmp, 'early.mjs');
    writeFileSync(broken, 'throw new Error("failed early");\n');
    const { read, checker } = await readForCheck(['.'], dir, { workerUrl: pathToFileURL(broken), threads: 2 });
    // Let the worker fail before the check starts.
    await new Promise((r) => setTimeout(r, 300));
    const r = await checker.check({ files: read.files, tree: read.tree, now: NOW });
    expect(r.fallback).toMatch(/failed early/);
    expect(r.findings).toEqual(analyze({ files: read.files, tree: read.tree, now: NOW }));
  });
});

describe('how many threads', () => {
  it('is one below MIN_FILES files or on two CPUs, and one per two CPUs and per 1,000 files above', () => {
    expect(threadCount(MIN_FILES - 1, 16)).toBe(1);
    expect(threadCount(8000, 2)).toBe(1);
    expect(threadCount(8000, 4)).toBe(2);
    expect(threadCount(8000, 64)).toBe(8);
    expect(threadCount(2500, 16)).toBe(3);
    // Asked for: as many, when there is a file for each.
    expect(threadCount(10, 2, 3)).toBe(3);
    expect(threadCount(2, 2, 3)).toBe(1);
  });

  it('can be set with ECS_CODEPIPELINE_THREADS, and says what is wrong with a bad value', () => {
    expect(threadsSetting({})).toEqual({});
    expect(threadsSetting({ ECS_CODEPIPELINE_THREADS: ' 4 ' })).toEqual({ threads: 4 });
    for (const bad of ['0', '65', '2.5', 'two', '-1']) expect(threadsSetting({ ECS_CODEPIPELINE_THREADS: bad }).error).toMatch(/ECS_CODEPIPELINE_THREADS is '.*': give a whole number of threads from 1 to 64/);
  });
});
