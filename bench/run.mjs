#!/usr/bin/env node
/**
 * `npm run bench`: the speed targets of issue 2, measured side by side in one run.
 *
 *   1. start-up: bare `node -e 0`, `node dist/index.js` failing fast on an
 *      invalid input, and `node dist/index.js` in mode check on examples/seed,
 *      interleaved round by round so that machine noise hits all three alike;
 *   2. the whole real-world corpus (../shared/corpus) checked in-process with
 *      the core built by `npm run build` (build/), after one warm-up;
 *   3. generated monorepos of 500, 1,000 and 2,000 services (4 files each)
 *      read by the fs adapter and checked in-process (one thread, then two),
 *      and checked by the CLI in a fresh process as a user runs it (its own
 *      choice of threads, then two), in files per second.
 *
 * Prints a table and writes bench/results.json. Options:
 *   --runs N          repetitions of each start-up and corpus measurement (15)
 *   --sizes a,b,c     monorepo sizes in services (500,1000,2000)
 *   --out FILE        where to write the results (bench/results.json)
 *   --check           exit 1 when a target is missed
 *   --keep            keep the generated monorepos (their folder is printed)
 *   --build DIR       the tsc output to load the core from (build)
 *   --dist DIR        the packaged bundles to run (dist; `node scripts/package.mjs --out DIR` builds others)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateMonorepo } from './monorepo.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const RUNS = Number(option('--runs', '15'));
const DIST = resolve(root, option('--dist', 'dist'));
const SIZES = option('--sizes', '500,1000,2000').split(',').map(Number);
const OUT = resolve(root, option('--out', 'bench/results.json'));
const WARMUP = 2;

const TARGETS = { failFastRatio: 2, checkSeedRatio: 2.5, corpusMs: 300, filesPerSec: 5000, linearGrowth: 1.25 };

// ---------------------------------------------------------------- statistics

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  // Nearest rank: p90 of 15 samples is the 14th.
  const rank = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { runs: s.length, median: rank(50), p90: rank(90), min: s[0], max: s[s.length - 1], mean, samples: samples.map((x) => +x.toFixed(2)) };
}

/** User + system CPU time of this process, in ms: less sensitive than wall time to other processes on the machine. */
const cpuMs = (u) => (u.user + u.system) / 1000;

const round = (x, d = 1) => (x === undefined || x === null ? x : +x.toFixed(d));

// ------------------------------------------------------------------- machine

function machine() {
  let cpuModel = cpus()[0]?.model?.trim();
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1].trim();
  } catch {
    // Not Linux: os.cpus() said it.
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${release()} ${process.arch}`,
    nproc: availableParallelism(),
    cpuModel,
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    loadAverageAtStart: loadavg().map((x) => round(x, 2)),
  };
}

// ------------------------------------------------------------------ start-up

function cleanEnv() {
  // Inside a workflow the runner's own INPUT_*/GITHUB_* would change what the action does.
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)) env[k] = v;
  return env;
}

/**
 * CPU time (ms) of the children this process has waited for, from
 * /proc/self/stat (Linux; undefined elsewhere). Unlike wall time it hardly
 * moves when other processes share the machine, at a 10 ms resolution that
 * averaging over the runs makes good enough.
 */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), cutime and cstime; f[0] is field 3.
    return ((Number(f[13]) + Number(f[14])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

function startup(tmp) {
  const dist = join(DIST, 'index.js');
  const out = join(tmp, 'github_output');
  const summary = join(tmp, 'step_summary');
  const base = cleanEnv();
  const commands = [
    { key: 'bare', label: 'node -e 0', args: ['-e', '0'], env: base },
    {
      key: 'failFast',
      label: 'dist/index.js, invalid input',
      // No input of the action is required (all have defaults), so an invalid value is what fails fast.
      args: [dist],
      env: { ...base, 'INPUT_MODE': 'not-a-mode', GITHUB_WORKSPACE: root },
      expect: (r) => r.status === 1 && /::error::Input 'mode'/.test(r.stdout),
    },
    {
      key: 'checkSeed',
      label: 'dist/index.js, mode check on examples/seed',
      args: [dist],
      env: { ...base, 'INPUT_MODE': 'check', 'INPUT_PATH': 'examples/seed', 'INPUT_FAIL-ON': 'error', GITHUB_WORKSPACE: root, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary },
      expect: (r) => (r.status === 0 || r.status === 1) && /errors/.test(readFileSync(out, 'utf8')),
    },
  ];
  if (!existsSync(dist)) return { skipped: `${dist} not found: run \`npm run package\` (npm run bench does it)` };
  const samples = Object.fromEntries(commands.map((c) => [c.key, []]));
  const cpuTotal = Object.fromEntries(commands.map((c) => [c.key, 0]));
  const checks = {};
  for (let r = 0; r < WARMUP + RUNS; r++) {
    for (const c of commands) {
      writeFileSync(out, '');
      writeFileSync(summary, '');
      const cpu0 = childrenCpuMs();
      const t0 = performance.now();
      const p = spawnSync(process.execPath, c.args, { cwd: root, env: c.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const ms = performance.now() - t0;
      const cpu1 = childrenCpuMs();
      if (r >= WARMUP && cpu0 !== undefined) cpuTotal[c.key] += cpu1 - cpu0;
      if (r === 0) {
        checks[c.key] = { status: p.status, ok: c.expect ? c.expect(p) : p.status === 0, firstLine: (p.stdout.split('\n').find((l) => l.trim()) ?? '').slice(0, 160) };
        if (c.key === 'checkSeed') {
          const o = readFileSync(out, 'utf8');
          const value = (name) => new RegExp(`${name}<<(\\S+)\\n(.*)\\n\\1`).exec(o)?.[2] ?? new RegExp(`^${name}=(.*)$`, 'm').exec(o)?.[1];
          checks.checkSeed.outputs = { errors: value('errors'), warnings: value('warnings') };
          checks.checkSeed.annotations = p.stdout.split('\n').filter((l) => /^::(error|warning|notice)/.test(l)).length;
        }
      }
      if (r >= WARMUP) samples[c.key].push(ms);
    }
  }
  const hasCpu = childrenCpuMs() !== undefined;
  const result = {
    commands: Object.fromEntries(commands.map((c) => [c.key, { label: c.label, ...stats(samples[c.key]), cpuMean: hasCpu ? cpuTotal[c.key] / RUNS : undefined, check: checks[c.key] }])),
  };
  const cmd = result.commands;
  result.failFastRatio = cmd.failFast.median / cmd.bare.median;
  result.checkSeedRatio = cmd.checkSeed.median / cmd.bare.median;
  if (hasCpu) {
    result.failFastCpuRatio = cmd.failFast.cpuMean / cmd.bare.cpuMean;
    result.checkSeedCpuRatio = cmd.checkSeed.cpuMean / cmd.bare.cpuMean;
  }
  return result;
}

// -------------------------------------------------------------------- corpus

function readCorpusGroups(corpus) {
  const [header, ...lines] = readFileSync(join(corpus, 'SOURCES.tsv'), 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const cols = header.split('\t');
  const rows = lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
  const groups = new Map();
  for (const r of rows) {
    const name = (r.group ?? '').trim() || r.file;
    groups.set(name, [...(groups.get(name) ?? []), r]);
  }
  return { files: rows.length, groups: [...groups.values()] };
}

async function corpusRun(core) {
  const corpus = resolve(root, '../shared/corpus');
  if (!existsSync(join(corpus, 'SOURCES.tsv'))) return { skipped: `${corpus} not found` };
  const { files, groups } = readCorpusGroups(corpus);
  const read = () => groups.map((g) => g.map((r) => ({ path: r.path, bytes: readFileSync(join(corpus, r.file)) })));
  const inMemory = read();
  const check = (sets) => sets.reduce((n, files) => n + core.analyze({ files }).length, 0);
  let t0 = performance.now();
  const findings = check(inMemory);
  const coldMs = performance.now() - t0;
  const analyzeOnly = [];
  const analyzeCpu = [];
  const withReads = [];
  for (let r = 0; r < RUNS; r++) {
    const cpu0 = process.cpuUsage();
    t0 = performance.now();
    check(inMemory);
    analyzeOnly.push(performance.now() - t0);
    analyzeCpu.push(cpuMs(process.cpuUsage(cpu0)));
    t0 = performance.now();
    check(read());
    withReads.push(performance.now() - t0);
  }
  return { files, groups: groups.length, findings, coldMs, analyze: stats(analyzeOnly), analyzeCpu: stats(analyzeCpu), readAndAnalyze: stats(withReads) };
}

// ------------------------------------------------------------------ monorepo

/**
 * `ecs-codepipeline check` as a user runs it on a generated tree: a fresh
 * process each time (cold: start-up, reading and JIT warm-up included), wall
 * time, with the threads it chooses itself (`auto`: one per two CPUs, from
 * 1,000 files), and with two threads asked for (ECS_CODEPIPELINE_THREADS=2).
 * Each run's JSON must hold exactly the in-process findings.
 */
function cliRuns(dir, reps, expected) {
  const cli = join(DIST, 'cli/index.js');
  if (!existsSync(cli)) return { skipped: `${cli} not found: run \`npm run package\`` };
  const args = [cli, 'check', '.', '--format', 'json'];
  const variants = [
    { key: 'auto', env: cleanEnv() },
    { key: 'two', env: { ...cleanEnv(), ECS_CODEPIPELINE_THREADS: '2' } },
  ];
  const samples = Object.fromEntries(variants.map((v) => [v.key, []]));
  const cpu = Object.fromEntries(variants.map((v) => [v.key, []]));
  const checks = {};
  // Round by round, so that machine noise hits both alike; the first round warms the page cache.
  for (let r = 0; r <= reps; r++) {
    for (const v of variants) {
      const cpu0 = childrenCpuMs();
      const t0 = performance.now();
      const p = spawnSync(process.execPath, args, { cwd: dir, env: v.env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      const ms = performance.now() - t0;
      const cpu1 = childrenCpuMs();
      if (r === 0) {
        let same = false;
        try {
          same = JSON.stringify(JSON.parse(p.stdout).findings) === expected;
        } catch {
          // Not JSON: reported as a difference below.
        }
        checks[v.key] = { status: p.status, sameFindings: same, stderr: p.stderr.slice(0, 300) };
        continue;
      }
      samples[v.key].push(ms);
      if (cpu0 !== undefined) cpu[v.key].push(cpu1 - cpu0);
    }
  }
  return Object.fromEntries(variants.map((v) => [v.key, { ...stats(samples[v.key]), cpu: cpu[v.key].length ? stats(cpu[v.key]) : undefined, check: checks[v.key] }]));
}

async function monorepoRun(core, tmp) {
  const rows = [];
  for (const services of SIZES) {
    const dir = join(tmp, `monorepo-${services}`);
    const written = generateMonorepo(dir, services);
    const reps = Math.max(3, Math.min(RUNS, 7));
    const reads = [];
    const analyses = [];
    const totals = [];
    const cpu = [];
    const threaded = [];
    const threadedCpu = [];
    let findings = 0;
    let files = 0;
    let expected = '';
    // The first pass warms the page cache and the JIT; it is not counted.
    for (let r = 0; r <= reps; r++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const tree = core.readTree(['.'], dir);
      const t1 = performance.now();
      const found = core.analyze({ files: tree.files, tree: tree.tree });
      const t2 = performance.now();
      const c = cpuMs(process.cpuUsage(cpu0));
      // The same files over two threads: this one and a worker started afresh each time, as a CLI run starts it.
      const cpu1 = process.cpuUsage();
      const t3 = performance.now();
      const parallel = await core.checkInThreads({ files: tree.files, tree: tree.tree, threads: 2 });
      const t4 = performance.now();
      const c2 = cpuMs(process.cpuUsage(cpu1));
      if (r === 0) {
        findings = found.length;
        files = tree.files.length;
        expected = JSON.stringify(found);
        if (JSON.stringify(parallel.findings) !== expected || parallel.fallback || parallel.threads !== 2) throw new Error(`two threads gave other findings (${parallel.fallback ?? 'no fallback'})`);
        continue;
      }
      reads.push(t1 - t0);
      analyses.push(t2 - t1);
      totals.push(t2 - t0);
      cpu.push(c);
      threaded.push(t1 - t0 + (t4 - t3));
      threadedCpu.push(c2);
    }
    const total = stats(totals);
    const two = stats(threaded);
    const cli = cliRuns(dir, reps, expected);
    const rate = (ms) => files / (ms / 1000);
    rows.push({
      services,
      written,
      files,
      findings,
      read: stats(reads),
      analyze: stats(analyses),
      total,
      cpu: stats(cpu),
      filesPerSec: rate(total.median),
      usPerFile: (total.median * 1000) / files,
      twoThreads: { total: two, cpu: stats(threadedCpu), filesPerSec: rate(two.median) },
      cli: cli.skipped ? cli : Object.fromEntries(Object.entries(cli).map(([k, v]) => [k, { ...v, filesPerSec: rate(v.median), usPerFile: (v.median * 1000) / files }])),
    });
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  const growth = last.usPerFile / first.usPerFile;
  const cliGrowth = last.cli.auto && first.cli.auto ? last.cli.auto.usPerFile / first.cli.auto.usPerFile : undefined;
  return { rows, growth, linear: growth <= TARGETS.linearGrowth, cliGrowth, cliLinear: cliGrowth === undefined ? undefined : cliGrowth <= TARGETS.linearGrowth };
}

// ---------------------------------------------------------------------- main

async function loadCore() {
  const build = resolve(root, option('--build', 'build'));
  const need = ['core/analyze.js', 'adapters/fs/read-tree.js', 'adapters/workers/parallel-check.js'];
  for (const f of need) {
    if (!existsSync(join(build, f))) {
      console.error(`${join(build, f)} not found: run \`npm run build\` first (npm run bench does it).`);
      process.exit(2);
    }
  }
  results.build = relative(root, build);
  results.dist = relative(root, DIST);
  const { analyze } = await import(pathToFileURL(join(build, 'core/analyze.js')).href);
  const { readTree } = await import(pathToFileURL(join(build, 'adapters/fs/read-tree.js')).href);
  const { checkInThreads } = await import(pathToFileURL(join(build, 'adapters/workers/parallel-check.js')).href);
  return { analyze, readTree, checkInThreads };
}

function pad(s, n, right = false) {
  s = String(s);
  return right ? s.padStart(n) : s.padEnd(n);
}

function verdict(pass) {
  return pass === null ? '' : pass === undefined ? 'n/a' : pass ? 'met' : 'MISSED';
}

const results = { machine: machine(), runs: RUNS, targets: TARGETS };
const tmp = mkdtempSync(join(tmpdir(), 'ecs-cp-bench-'));
try {
  const core = await loadCore();
  console.log(`ecs-codepipeline bench — ${results.machine.cpuModel}, ${results.machine.nproc} CPUs, ${results.machine.memoryGiB} GiB, node ${results.machine.node}, ${RUNS} runs\n`);

  results.startup = startup(tmp);
  results.corpus = await corpusRun(core);
  results.monorepo = await monorepoRun(core, tmp);

  const s = results.startup;
  const c = results.corpus;
  const m = results.monorepo;
  const last = m.rows[m.rows.length - 1];
  results.verdicts = {
    failFast: s.skipped ? undefined : s.failFastRatio <= TARGETS.failFastRatio,
    checkSeed: s.skipped ? undefined : s.checkSeedRatio <= TARGETS.checkSeedRatio,
    corpus: c.skipped ? undefined : c.analyze.median <= TARGETS.corpusMs,
    // The measure, as before: the fs adapter and analyze() in-process, after a warm-up (the CLI's cold figure is printed beside it).
    monorepoRate: last.filesPerSec >= TARGETS.filesPerSec,
    monorepoLinear: m.linear,
  };

  console.log('start-up (wall ms per process, spawned from this script)');
  if (s.skipped) console.log(`  skipped: ${s.skipped}`);
  else {
    console.log(`  ${pad('command', 44)} ${pad('median', 8, true)} ${pad('p90', 8, true)} ${pad('min', 8, true)}  × bare  ${pad('CPU ms', 7, true)} × bare  check`);
    for (const [key, r] of Object.entries(s.commands)) {
      const ratio = r.median / s.commands.bare.median;
      const check = r.check ? `exit ${r.check.status}${r.check.ok ? '' : ' UNEXPECTED'}` : '';
      const cpu = r.cpuMean === undefined ? `${pad('n/a', 7, true)}       ` : `${pad(round(r.cpuMean), 7, true)} ${pad((r.cpuMean / s.commands.bare.cpuMean).toFixed(2), 6, true)}`;
      console.log(`  ${pad(r.label, 44)} ${pad(round(r.median), 8, true)} ${pad(round(r.p90), 8, true)} ${pad(round(r.min), 8, true)}  ${pad(ratio.toFixed(2), 6, true)}  ${cpu}  ${check}`);
      if (key === 'checkSeed' && r.check?.outputs) console.log(`  ${pad('', 44)} outputs errors=${r.check.outputs.errors} warnings=${r.check.outputs.warnings}, ${r.check.annotations} annotations`);
    }
  }
  console.log('\nwhole corpus, in-process (ms, after one warm-up)');
  if (c.skipped) console.log(`  skipped: ${c.skipped}`);
  else {
    console.log(`  ${c.files} files in ${c.groups} groups, ${c.findings} findings; first (cold) pass ${round(c.coldMs)} ms`);
    console.log(`  analyze, files in memory   median ${round(c.analyze.median)}  p90 ${round(c.analyze.p90)}  min ${round(c.analyze.min)}  (CPU median ${round(c.analyzeCpu.median)})`);
    console.log(`  read from disk + analyze   median ${round(c.readAndAnalyze.median)}  p90 ${round(c.readAndAnalyze.p90)}  min ${round(c.readAndAnalyze.min)}`);
  }
  console.log('\ngenerated monorepo, fs adapter + analyze (ms, median of the runs after a warm-up)');
  console.log(`  ${pad('services', 9)} ${pad('files', 6, true)} ${pad('findings', 9, true)} ${pad('read', 8, true)} ${pad('analyze', 8, true)} ${pad('total', 8, true)} ${pad('p90', 8, true)} ${pad('files/s', 8, true)} ${pad('µs/file', 8, true)} ${pad('CPU ms', 8, true)}`);
  for (const r of m.rows) {
    console.log(`  ${pad(r.services, 9)} ${pad(r.files, 6, true)} ${pad(r.findings, 9, true)} ${pad(round(r.read.median), 8, true)} ${pad(round(r.analyze.median), 8, true)} ${pad(round(r.total.median), 8, true)} ${pad(round(r.total.p90), 8, true)} ${pad(Math.round(r.filesPerSec), 8, true)} ${pad(round(r.usPerFile), 8, true)} ${pad(round(r.cpu.median), 8, true)}`);
  }
  console.log(`  time per file, largest ÷ smallest: ${round(m.growth, 2)} (${m.linear ? 'linear' : 'NOT linear'})`);
  console.log(`\n  in-process over two threads (checkInThreads, this thread and a worker started each run),`);
  console.log(`  and the CLI as a user runs it (\`node dist/cli/index.js check . --format json\`, a fresh process per run, wall ms, median):`);
  console.log(`  its own choice of threads (one per two CPUs), and ECS_CODEPIPELINE_THREADS=2`);
  console.log(`  ${pad('services', 9)} ${pad('2 thr.', 8, true)} ${pad('files/s', 8, true)} ${pad('CPU ms', 8, true)} ${pad('CLI', 8, true)} ${pad('p90', 8, true)} ${pad('files/s', 8, true)} ${pad('CPU ms', 8, true)} ${pad('CLI 2thr', 8, true)} ${pad('files/s', 8, true)}  same findings`);
  for (const r of m.rows) {
    const auto = r.cli.auto;
    const two = r.cli.two;
    const head = `  ${pad(r.services, 9)} ${pad(round(r.twoThreads.total.median), 8, true)} ${pad(Math.round(r.twoThreads.filesPerSec), 8, true)} ${pad(round(r.twoThreads.cpu.median), 8, true)}`;
    if (r.cli.skipped) console.log(`${head}  CLI skipped: ${r.cli.skipped}`);
    else
      console.log(
        `${head} ${pad(round(auto.median), 8, true)} ${pad(round(auto.p90), 8, true)} ${pad(Math.round(auto.filesPerSec), 8, true)} ${pad(round(auto.cpu?.median), 8, true)} ${pad(round(two.median), 8, true)} ${pad(Math.round(two.filesPerSec), 8, true)}  ${auto.check.sameFindings && two.check.sameFindings ? 'yes' : 'NO'}`,
      );
  }
  if (m.cliGrowth !== undefined) console.log(`  CLI time per file, largest ÷ smallest: ${round(m.cliGrowth, 2)} (${m.cliLinear ? 'linear' : 'NOT linear'})`);

  console.log('\ntargets (issue 2, item 11)');
  const v = results.verdicts;
  const rows = [
    ['fail fast ≤ 2× bare node', s.skipped ? 'n/a' : `${round(s.failFastRatio, 2)}×`, v.failFast],
    ['check on examples/seed ≤ 2.5× bare node', s.skipped ? 'n/a' : `${round(s.checkSeedRatio, 2)}×`, v.checkSeed],
    ['whole corpus ≤ 300 ms', c.skipped ? 'n/a' : `${round(c.analyze.median)} ms`, v.corpus],
    [`monorepo ≥ 5,000 files/s (${last.services} services, in-process)`, `${Math.round(last.filesPerSec)} files/s`, v.monorepoRate],
    ['monorepo grows linearly', `×${round(m.growth, 2)} per file`, v.monorepoLinear],
    [`  the CLI, cold, as users run it (not a target)`, last.cli.auto ? `${Math.round(last.cli.auto.filesPerSec)} files/s` : 'n/a', null],
  ];
  for (const [name, value, pass] of rows) console.log(`  ${pad(name, 44)} ${pad(value, 16)} ${verdict(pass)}`);

  results.machine.loadAverageAtEnd = loadavg().map((x) => round(x, 2));
  writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwrote ${OUT}`);
  if (argv.includes('--check') && Object.values(v).some((x) => x === false)) process.exitCode = 1;
} finally {
  if (argv.includes('--keep')) console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
