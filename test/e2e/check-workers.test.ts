import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readTree } from '../../src/adapters/fs/read-tree.js';
import { MIN_FILES } from '../../src/adapters/workers/parallel-check.js';
import { analyze } from '../../src/core/analyze.js';
import { bigTree } from '../helpers/big-tree.js';
import { baseEnv, node, removeTempDirs, ROOT, tempDir } from './helpers.js';

/**
 * The bundles check a tree in worker threads (dist/check-worker.js, found by
 * dist/cli/index.js and dist/check.js) with the findings of a check in one
 * thread. ECS_CODEPIPELINE_THREADS asks for threads whatever the machine, and
 * `node --cpu-prof` writes one profile per thread, which shows that the
 * workers really ran. DIST_DIR tests a package built elsewhere
 * (`node scripts/package.mjs --out DIR`).
 */
const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');

let dir: string;
let expected: ReturnType<typeof analyze>;
beforeAll(() => {
  dir = tempDir('workers');
  for (const f of bigTree(120)) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  const read = readTree(['.'], dir);
  expect(read.files.length).toBeGreaterThan(400);
  expected = analyze({ files: read.files, tree: read.tree });
});
afterAll(removeTempDirs);

const profiles = (d: string) => readdirSync(d).filter((f) => f.endsWith('.cpuprofile')).length;

describe('a large tree checked by the bundles', () => {
  it('the CLI prints the findings of a one-thread check, from three threads', () => {
    const prof = tempDir('workers-prof');
    const r = node(['--cpu-prof', `--cpu-prof-dir=${prof}`, join(DIST, 'cli/index.js'), 'check', '.', '--format', 'json'], { cwd: dir, env: baseEnv({ ECS_CODEPIPELINE_THREADS: '3' }) });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings).toEqual(expected);
    expect(profiles(prof)).toBe(3);
  });

  it('the CLI checks a tree below the threshold in one thread, and refuses a bad ECS_CODEPIPELINE_THREADS', () => {
    const prof = tempDir('workers-prof');
    const r = node(['--cpu-prof', `--cpu-prof-dir=${prof}`, join(DIST, 'cli/index.js'), 'check', '.', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).findings).toEqual(expected);
    expect(profiles(prof)).toBe(1);
    const bad = node([join(DIST, 'cli/index.js'), 'check', '.'], { cwd: dir, env: baseEnv({ ECS_CODEPIPELINE_THREADS: 'many' }) });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/ECS_CODEPIPELINE_THREADS is 'many': give a whole number/);
  });

  it("the action's mode: check gives the same counts, from two threads", () => {
    const prof = tempDir('workers-prof');
    const out = join(tempDir('workers-out'), 'output');
    writeFileSync(out, '');
    const env = baseEnv({ 'INPUT_MODE': 'check', 'INPUT_PATH': '.', 'INPUT_FAIL-ON': 'never', GITHUB_WORKSPACE: dir, GITHUB_OUTPUT: out, ECS_CODEPIPELINE_THREADS: '2' });
    const r = node(['--cpu-prof', `--cpu-prof-dir=${prof}`, join(DIST, 'index.js')], { cwd: dir, env });
    expect(r.status).toBe(0);
    const output = readFileSync(out, 'utf8');
    const value = (name: string) => new RegExp(`${name}<<(\\S+)\\n(.*)\\n\\1`).exec(output)?.[2];
    expect(value('errors')).toBe(String(expected.filter((f) => f.severity === 'error').length));
    expect(value('warnings')).toBe(String(expected.filter((f) => f.severity === 'warning').length));
    expect(r.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l))).toHaveLength(expected.length);
    expect(profiles(prof)).toBe(2);
    const bad = node([join(DIST, 'index.js')], { cwd: dir, env: { ...env, ECS_CODEPIPELINE_THREADS: '0' } });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/::error::ECS_CODEPIPELINE_THREADS is '0': give a whole number/);
  });
});
