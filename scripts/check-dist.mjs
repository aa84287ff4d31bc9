#!/usr/bin/env node
/**
 * Fails when dist/ is not what the sources build to, so that the committed
 * bundle (what `uses: owner/ecs-codepipeline@v1` and `npm start` run) never
 * lags behind src/.
 *
 * 1. Content: builds into a temporary folder with scripts/package.mjs and
 *    compares every file with dist/, byte for byte. This needs no git and
 *    also catches a build that is not deterministic.
 * 2. Git: when run inside a work tree, dist/ must equal what is staged or
 *    committed. `npm test` runs `npm run package` first, which rewrites
 *    dist/; this step then shows whether that changed the committed files.
 *
 * Usage: node scripts/check-dist.mjs
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const FIX = 'run `npm run package` and commit dist/';

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Differences between two folders: names present on one side only, and files whose bytes differ. */
function compareTrees(expected, actual) {
  const want = listFiles(expected);
  const have = listFiles(actual);
  const problems = [];
  for (const f of want) if (!have.includes(f)) problems.push(`missing: dist/${f}`);
  for (const f of have) if (!want.includes(f)) problems.push(`not built from the sources (stale): dist/${f}`);
  for (const f of want) {
    if (have.includes(f) && !readFileSync(join(expected, f)).equals(readFileSync(join(actual, f)))) problems.push(`differs: dist/${f}`);
  }
  return problems;
}

function contentCheck() {
  const tmp = mkdtempSync(join(tmpdir(), 'ecs-codepipeline-dist-'));
  try {
    const out = join(tmp, 'dist');
    const r = spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', out], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) return [`the build failed:\n${r.stderr || r.stdout}`];
    return compareTrees(out, dist);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function git(args) {
  return spawnSync('git', args, { cwd: root, encoding: 'utf8' });
}

/** undefined when this is not a git work tree (a tarball): the content check then stands alone. */
function gitCheck() {
  const inside = git(['rev-parse', '--is-inside-work-tree']);
  if (inside.error || inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
  const changed = git(['diff', '--name-only', '--', 'dist']).stdout.split('\n').filter(Boolean);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '--', 'dist']).stdout.split('\n').filter(Boolean);
  return [...changed.map((f) => `changed since committed: ${f}`), ...untracked.map((f) => `not committed: ${f}`)];
}

const problems = contentCheck();
const fromGit = gitCheck();
if (fromGit) problems.push(...fromGit);
if (problems.length > 0) {
  process.stderr.write(`check-dist: dist/ is not up to date with the sources; ${FIX}.\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`check-dist: dist/ matches the sources${fromGit ? ' and what is committed' : ' (no git work tree: content check only)'}\n`);
