import type { SourceFile } from '../../src/core/model.js';
import { KIND_NAMES, mutate, Rng } from './mutate.js';
import { checkSafely } from './sanity.js';
import { seedGroups, type SeedGroup } from './seeds.js';

/**
 * Seeded mutations of the example, the rule fixtures and the corpus: analyze()
 * must never throw, never report an internal error, and give sane positions.
 * Deterministic: FUZZ_SEED and FUZZ_CASES change the run, FUZZ_CASE=n replays one case.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed2);
const CASES = Number(process.env.FUZZ_CASES ?? 6000);
const ONLY = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
const CHUNK = 500;
/** Far above any sane time for a few small files, so that it only catches hangs, never a slow machine. */
const HANG_MS = 10_000;

const groups = seedGroups();
const donors = groups.flatMap((g) => g.files.map((f) => f.bytes));

interface Case {
  index: number;
  group: SeedGroup;
  files: SourceFile[];
  target: number;
  steps: string[];
}

/** Case n depends only on SEED and n, so that it can be replayed alone. */
function makeCase(index: number): Case {
  const rng = new Rng((SEED ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const group = rng.pick(groups);
  const target = rng.int(group.files.length);
  const { bytes, steps } = mutate(rng, group.files[target].bytes, donors);
  const files: SourceFile[] = group.files.map((f) => ({ path: f.path, bytes: f.bytes }));
  let path = files[target].path;
  if (rng.chance(0.15)) {
    // One kind's content under another kind's name: the file may be anything.
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
    const renamed = dir + rng.pick(KIND_NAMES);
    if (!files.some((f, i) => i !== target && f.path === renamed)) {
      steps.push(`renamed to ${renamed}`);
      path = renamed;
    }
  }
  // Some adapters (the GitHub contents API) hand over decoded text instead of bytes.
  files[target] = rng.chance(0.1) ? { path, text: new TextDecoder().decode(bytes) } : { path, bytes };
  return { index, group, files, target, steps };
}

function bytesOf(f: SourceFile): Uint8Array {
  return f.bytes ?? new TextEncoder().encode(f.text ?? '');
}

/** Cuts the mutated file (and its companions) down to what still fails, for a readable report. */
function minimize(c: Case): SourceFile[] {
  const fails = (files: SourceFile[]) => checkSafely(files).problems.length > 0;
  let files = c.files;
  const alone = [{ ...files[c.target] }];
  let target = c.target;
  if (fails(alone)) {
    files = alone;
    target = 0;
  }
  let cur = bytesOf(files[target]);
  const withBytes = (b: Uint8Array) => files.map((f, i) => (i === target ? { path: f.path, bytes: b } : f));
  let chunk = Math.max(1, Math.floor(cur.length / 2));
  for (let attempts = 0; chunk >= 1 && attempts < 2000; ) {
    let progress = false;
    for (let at = 0; at < cur.length && attempts < 2000; attempts++) {
      const cand = new Uint8Array([...cur.subarray(0, at), ...cur.subarray(at + chunk)]);
      if (fails(withBytes(cand))) {
        cur = cand;
        progress = true;
      } else at += chunk;
    }
    if (!progress) {
      if (chunk === 1) break;
      chunk = Math.max(1, Math.floor(chunk / 2));
    }
  }
  return withBytes(cur);
}

function describeInput(files: SourceFile[]): string {
  return files
    .map((f) => {
      const b = bytesOf(f);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(b);
      return `  ${f.path} (${b.length} bytes): ${JSON.stringify(text.length > 2000 ? text.slice(0, 2000) + '…' : text)}`;
    })
    .join('\n');
}

const stats = { cases: 0, ms: 0, slowest: { ms: 0, index: -1, group: '' } };

describe(`fuzz (seed ${SEED}, ${ONLY === undefined ? CASES : 1} cases over ${groups.length} seed groups)`, () => {
  it('has seed files', () => {
    expect(donors.length).toBeGreaterThan(0);
  });

  const indexes = ONLY !== undefined ? [ONLY] : Array.from({ length: CASES }, (_, i) => i);
  for (let from = 0; from < indexes.length; from += CHUNK) {
    const chunk = indexes.slice(from, from + CHUNK);
    it(`cases ${chunk[0]}–${chunk[chunk.length - 1]}: no exception, no internal error, sane positions`, () => {
      const failures: string[] = [];
      for (const index of chunk) {
        const c = makeCase(index);
        const out = checkSafely(c.files);
        stats.cases++;
        stats.ms += out.ms;
        if (out.ms > stats.slowest.ms) stats.slowest = { ms: out.ms, index, group: c.group.name };
        const problems = [...out.problems, ...(out.ms > HANG_MS ? [`took ${out.ms.toFixed(0)} ms`] : [])];
        if (problems.length === 0) continue;
        const head = `case ${index} (${c.group.name}, ${c.files[c.target].path}: ${c.steps.join(' + ')}; replay with FUZZ_SEED=${SEED} FUZZ_CASE=${index})`;
        // Only the first few are minimized: each costs up to a few thousand runs.
        const input = failures.length < 3 ? `\n minimal input:\n${describeInput(minimize(c))}` : '';
        failures.push(`${head}\n  ${problems.join('\n  ')}${input}`);
      }
      expect(failures).toEqual([]);
    });
  }

  afterAll(() => {
    const s = stats.slowest;
    console.log(`fuzz: ${stats.cases} cases, ${(stats.ms / 1000).toFixed(1)} s in analyze(), slowest ${s.ms.toFixed(0)} ms (case ${s.index}, ${s.group})`);
  });
});
