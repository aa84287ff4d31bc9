#!/usr/bin/env node
/**
 * `npm run bench:app`: the GitHub App under load (issue 4, item 9).
 *
 * The app runs as `npm run app` runs it (src/app/server.ts, Probot's own
 * server) in a child process on 127.0.0.1; this script plays GitHub (the
 * OpenAPI-validating fake, with the app's installation) and AWS (one fake
 * CodePipeline per pipeline behind a small router, as the fake serves one
 * pipeline each) and measures, from the outside:
 *
 *   1. 1,000 signed `push` webhooks (the real example payload of
 *      @octokit/webhooks-examples, pointed at 1,000 commits on 100 branches),
 *      in bursts: each one starts a tracker, so 1,000 executions are in flight;
 *   2. 10,000 EventBridge events in bursts: 8,800 state changes while the
 *      executions run (for them and for 200 executions no push announced),
 *      then the 1,200 final events once every execution has ended.
 *
 * Figures: events per second over each phase, the latency of the HTTP answer
 * (p50/p99/max, as the sender sees it, fake GitHub and AWS answering on
 * loopback included), the app's peak RSS (VmHWM), and then whether the end
 * is right: every commit has its 4 check runs, completed with the true
 * conclusion, none duplicated, none lost. GitHub's write pacing is off in the
 * child (ECS_CODEPIPELINE_GITHUB_PACING=off): the fake has no rate limits and
 * 5,000 paced writes would take well over an hour.
 *
 * Options: --pipelines N (100) --pushes-per-pipeline N (10) --extra-per-pipeline N (2)
 *          --events N (10000) --burst N (100) --rate N (open loop at N requests/s, a tenth every 100 ms, instead of bursts)
 *          --warmup N (200: webhooks to an unwatched branch first, not measured; 0 measures a cold server)
 *          --out FILE (bench/app-results.json) --check
 *          --node-options "…" (the app's NODE_OPTIONS; default: the heap bounds of docs/app.md)
 *          --profile DIR (the app's CPU profile, node --cpu-prof) --node-args "…" (node flags for the app)
 *          --requests FILE (the calls per GitHub operation and AWS operation, and the first commit's sequence)
 */
import { spawn } from 'node:child_process';
import { createHash, createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const PIPELINES = Number(option('--pipelines', '100'));
const PUSHED = Number(option('--pushes-per-pipeline', '10'));
const EXTRA = Number(option('--extra-per-pipeline', '2'));
const EVENTS = Number(option('--events', '10000'));
const BURST = Number(option('--burst', '100'));
/** Webhooks sent before the measurement to a branch no pipeline watches (a server is measured warm). */
const WARMUP = Number(option('--warmup', '200'));
/**
 * The app's NODE_OPTIONS: by default the heap bounds docs/app.md recommends for a container (Node's own
 * defaults let the heap grow far past the live data before collecting); `--node-options ""` for Node's.
 */
const NODE_OPTIONS = option('--node-options', '--max-old-space-size=112 --max-semi-space-size=8');
/** Open loop at this many requests per second instead of closed bursts (0: bursts). */
const RATE = Number(option('--rate', '0'));
const OUT = resolve(root, option('--out', 'bench/app-results.json'));
const TARGETS = { eventsPerSecond: 300, p99Ms: 100, rssMb: 200 };

const OWNER = 'my-org';
const REPO = 'myapp';
const INSTALLATION = 4242;
const APP = { id: 2, slug: 'ecs-codepipeline', name: 'ECS CodePipeline' };
const TOKEN = 'ghs_installationTokenForBench0123456789abc';
const WEBHOOK_SECRET = 'bench-webhook-secret';
const EB_SECRET = 'bench-eventbridge-secret';
const REGION = 'us-east-1';
/** Ticks an execution runs (the fake's clock moves by hand). */
const LENGTH = 100;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, d = 1) => (x === undefined ? x : +x.toFixed(d));

// ------------------------------------------------------------------ build

/** src/ and test/fakes/ transpiled file by file (they are written for isolatedModules) into node_modules/.cache. */
async function build() {
  const ts = (await import('typescript')).default;
  const out = join(root, 'node_modules', '.cache', 'ecs-codepipeline-bench-app');
  rmSync(out, { recursive: true, force: true });
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const dir of ['src', 'test/fakes']) {
    for (const file of walk(join(root, dir))) {
      const target = join(out, relative(root, file));
      mkdirSync(dirname(target), { recursive: true });
      if (!file.endsWith('.ts')) {
        cpSync(file, target);
        continue;
      }
      const js = ts.transpileModule(readFileSync(file, 'utf8'), { fileName: file, compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, esModuleInterop: true, isolatedModules: true } });
      writeFileSync(target.replace(/\.ts$/, '.js'), js.outputText);
    }
  }
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  return out;
}

// ------------------------------------------------------------------ statistics

function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { count: s.length, p50: round(rank(50), 2), p90: round(rank(90), 2), p99: round(rank(99), 2), max: round(s[s.length - 1], 2), mean: round(s.reduce((a, b) => a + b, 0) / s.length, 2) };
}

function machine() {
  let cpuModel = cpus()[0]?.model?.trim();
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1].trim();
  } catch {
    // Not Linux.
  }
  return { date: new Date().toISOString(), node: process.version, platform: `${process.platform} ${release()} ${process.arch}`, nproc: availableParallelism(), cpuModel, memoryGiB: round(totalmem() / 1024 ** 3, 1), loadAverageAtStart: loadavg().map((x) => round(x, 2)) };
}

const CLK_TCK = 100;
/** CPU ms (user + system) a process has used, from /proc (Linux); undefined elsewhere. */
function cpuOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** The child's resident memory (VmRSS) and its peak (VmHWM), in MB; Linux only. */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------ the fakes

const commitOf = (p, j) => createHash('sha1').update(`bench/${p}/${j}`).digest('hex');
const pipelineName = (p) => `svc-${p}-pipeline`;
const branchOf = (p) => `svc-${p}`;

/** One fake CodePipeline per pipeline, and a router in front that sends each request to its pipeline's fake. */
async function startAws(fakes) {
  const { startFakeAws, scenarios, fakeUuid } = fakes;
  const worlds = [];
  for (let p = 0; p < PIPELINES; p++) {
    const pipeline = { ...scenarios.seedPipeline(), name: pipelineName(p) };
    const executions = [];
    for (let j = 0; j < PUSHED + EXTRA; j++) {
      const commit = commitOf(p, j);
      const end = LENGTH - 10 + ((p * 7 + j * 3) % 10);
      executions.push({
        id: fakeUuid(`bench-exec/${commit}`),
        revision: scenarios.revision(commit),
        frames: [
          { at: 0, actions: { [scenarios.SOURCE]: scenarios.source.run() } },
          { at: 2, actions: { [scenarios.SOURCE]: scenarios.source.ok(commit), [scenarios.BUILD]: scenarios.build.run(commit) } },
          { at: 30, actions: { [scenarios.BUILD]: scenarios.build.ok(commit), [scenarios.DEPLOY]: scenarios.deploy.run(commit) } },
          { at: end, actions: { [scenarios.DEPLOY]: scenarios.deploy.ok() }, status: 'Succeeded' },
        ],
      });
    }
    worlds.push(await startFakeAws({ scenario: { name: `bench-${p}`, pipeline, executions, tickMs: 5000 }, advance: 'manual' }));
  }
  const byName = new Map(worlds.map((w, p) => [pipelineName(p), w]));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const upstream = [];
  const router = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let target = worlds[0];
      if (String(req.headers['x-amz-target'] ?? '').startsWith('CodePipeline_')) {
        try {
          const j = JSON.parse(body.toString('utf8') || '{}');
          target = byName.get(j.pipelineName ?? j.name) ?? target;
        } catch {
          // The fake answers the bad body itself.
        }
      }
      const t0 = performance.now();
      const fwd = http.request({ host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers, agent }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
        r.on('end', () => upstream.push(performance.now() - t0));
      });
      fwd.on('error', (e) => res.writeHead(502).end(String(e)));
      fwd.end(body);
    });
  });
  await new Promise((r) => router.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${router.address().port}`;
  return {
    url,
    worlds,
    upstream,
    env: { ...worlds[0].env(), AWS_ENDPOINT_URL: url },
    tick: (n = 1) => worlds.forEach((w) => w.tick(n)),
    calls: () => worlds.reduce((n, w) => n + w.calls.length, 0),
    callLog: () => worlds.flatMap((w) => w.calls),
    close: async () => {
      router.closeAllConnections();
      await new Promise((r) => router.close(r));
      agent.destroy();
      await Promise.all(worlds.map((w) => w.close()));
    },
  };
}

async function startGitHub(fakes, publicKey) {
  const { AppRoutes, InstallationRoutes, combineExtensions, FakeGitHub } = fakes;
  const routes = new AppRoutes({ app: APP, publicKey, installationToken: TOKEN, installationId: INSTALLATION });
  const installations = new InstallationRoutes({ app: APP, base: routes, installationId: INSTALLATION, installationToken: TOKEN, account: OWNER, repositories: [{ owner: OWNER, repo: REPO }] });
  const github = await FakeGitHub.start({ owner: OWNER, repo: REPO, token: TOKEN, app: APP, extension: combineExtensions(installations, routes), pathPrefix: '/api/v3' });
  const config = ['pipelines:', ...Array.from({ length: PIPELINES }, (_, p) => `  - name: ${pipelineName(p)}\n    region: ${REGION}\n    branches: [${branchOf(p)}]`), ''].join('\n');
  routes.commit(`${OWNER}/${REPO}`, '5555555555555555555555555555555555555555', [{ path: '.github/ecs-codepipeline.yml', content: config }], 'main');
  return { github, routes, installations };
}

// ------------------------------------------------------------------ the app

async function startApp(out, env) {
  const port = await new Promise((res) => {
    const s = http.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });
  const cwd = mkdtempSync(join(tmpdir(), 'ecs-app-bench-'));
  let output = '';
  const profile = option('--profile', undefined);
  const flags = [...(profile ? ['--cpu-prof', '--cpu-prof-dir', resolve(profile)] : []), ...(option('--node-args', '') || '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...flags, join(out, 'src', 'app', 'server.js')], { cwd, env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => {
    output = (output + d).slice(-20000);
    // BENCH_APP_LOG=FILE keeps all of the app's output (e.g. with --node-args --trace-gc).
    if (process.env.BENCH_APP_LOG) writeFileSync(process.env.BENCH_APP_LOG, d, { flag: 'a' });
  });
  child.stderr.on('data', (d) => (output = (output + d).slice(-20000)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/ping`)).status === 200) return { child, url, cwd, output: () => output };
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`the app did not start:\n${output}`);
}

// ------------------------------------------------------------------ load

const pushTemplate = (() => {
  const defs = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'));
  const found = defs.find((d) => d.name === 'push').examples.find((e) => e.installation && String(e.ref).startsWith('refs/heads/') && !e.deleted);
  return found;
})();

function pushPayload(p, j) {
  const e = structuredClone(pushTemplate);
  e.ref = `refs/heads/${branchOf(p)}`;
  e.before = j === 0 ? '0000000000000000000000000000000000000000' : commitOf(p, j - 1);
  e.after = commitOf(p, j);
  e.repository = { ...e.repository, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { ...e.repository.owner, login: OWNER, name: OWNER } };
  e.installation = { id: INSTALLATION };
  return e;
}

/** One request; its wall time in ms and status. */
async function timed(url, init) {
  const t0 = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

/**
 * The sender: a worker thread with an event loop of its own, so that the
 * latencies are not those of the fakes' work in the main thread.
 */
function sender() {
  parentPort.on('message', async ({ requests, burst, rate }) => {
    const latencies = new Array(requests.length);
    const statuses = {};
    const note = (i, r) => {
      latencies[i] = r.ms;
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    };
    const t0 = performance.now();
    if (rate) {
      // Open loop: a tenth of the rate every 100 ms, whether or not the earlier requests were answered.
      const per = Math.max(1, Math.round(rate / 10));
      const pending = [];
      for (let i = 0, k = 0; i < requests.length; i += per, k++) {
        const wait = t0 + k * 100 - performance.now();
        if (wait > 0) await sleep(wait);
        for (let j = i; j < Math.min(i + per, requests.length); j++) pending.push(timed(requests[j].url, requests[j].init).then((r) => note(j, r)));
      }
      await Promise.all(pending);
    } else {
      for (let i = 0; i < requests.length; i += burst) {
        const results = await Promise.all(requests.slice(i, i + burst).map((r) => timed(r.url, r.init)));
        results.forEach((r, j) => note(i + j, r));
      }
    }
    parentPort.postMessage({ latencies, statuses, seconds: (performance.now() - t0) / 1000 });
  });
}

let worker;

/** Runs the requests in bursts of `burst` at once (each burst waits for the previous one), from the sender thread. */
const inApp = (x) => (x.handling ? `; in the app p50 ${x.handling.p50} p99 ${x.handling.p99} max ${x.handling.max} ms` : '');

/** The app's own account of its answers (GET /metrics/requests): per path, from request read to answer written. */
async function handlingSince(appUrl, since) {
  try {
    const res = await fetch(`${appUrl}/metrics/requests?since=${since ?? 0}`);
    return res.ok ? await res.json() : undefined;
  } catch {
    return undefined;
  }
}

async function bursts(requests, burst, pid, rate = RATE, appUrl = undefined) {
  const before = appUrl ? await handlingSince(appUrl) : undefined;
  worker ??= new Worker(fileURLToPath(import.meta.url));
  const appCpu0 = cpuOf(pid);
  const selfCpu0 = process.cpuUsage();
  const done = new Promise((resolve) => worker.once('message', resolve));
  worker.postMessage({ requests, burst, rate });
  const { latencies, statuses, seconds } = await done;
  const appCpuMs = cpuOf(pid) - appCpu0;
  const self = process.cpuUsage(selfCpu0);
  const fakesCpuMs = (self.user + self.system) / 1000;
  const after = before ? await handlingSince(appUrl, before.next) : undefined;
  const path = new URL(requests[0].url).pathname;
  return {
    // Inside the app: the request read to its answer written (no sender, no network, no GitHub or AWS).
    handling: after?.requests?.[path],
    requests: requests.length,
    seconds: round(seconds, 2),
    perSecond: round(requests.length / seconds),
    latency: percentiles(latencies),
    // The first burst pays for loading modules and warming up; the rest is the steady state.
    latencyAfterFirstBurst: latencies.length > burst ? percentiles(latencies.slice(burst)) : undefined,
    slowestBursts: Array.from({ length: Math.ceil(latencies.length / burst) }, (_, i) => [i, round(Math.max(...latencies.slice(i * burst, (i + 1) * burst)))]).sort((a, b) => b[1] - a[1]).slice(0, 5),
    statuses,
    // Where the two cores went: the app (child) and this process (the fakes, the router, the sender thread).
    appCpuMsPerRequest: round(appCpuMs / requests.length, 2),
    appCpuShare: round(appCpuMs / (seconds * 1000), 2),
    fakesCpuShare: round(fakesCpuMs / (seconds * 1000), 2),
  };
}

function webhook(url, payload) {
  const body = JSON.stringify(payload);
  return {
    url: `${url}/api/github/webhooks`,
    init: {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'GitHub-Hookshot/044aadd',
        'x-github-event': 'push',
        'x-github-delivery': randomUUID(),
        'x-github-hook-id': '292430182',
        'x-github-hook-installation-target-type': 'integration',
        'x-github-hook-installation-target-id': String(APP.id),
        'x-hub-signature-256': `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`,
      },
    },
  };
}

const STAGES = [['Source', 'GitHub'], ['Build', 'BuildImage'], ['Deploy', 'ECS-BlueGreen']];

function event(url, p, j, kind, n, fakeUuid) {
  const executionId = fakeUuid(`bench-exec/${commitOf(p, j)}`);
  const [stage, action] = STAGES[n % STAGES.length];
  const detail =
    kind === 'final'
      ? { pipeline: pipelineName(p), 'execution-id': executionId, state: 'SUCCEEDED', version: 3 }
      : n % 3 === 0
        ? { pipeline: pipelineName(p), 'execution-id': executionId, stage, state: 'STARTED', version: 3 }
        : { pipeline: pipelineName(p), 'execution-id': executionId, stage, action, state: n % 2 ? 'STARTED' : 'SUCCEEDED', version: 3, type: { owner: 'AWS', category: 'Build', provider: 'CodeBuild', version: '1' } };
  const detailType = kind === 'final' ? 'CodePipeline Pipeline Execution State Change' : 'stage' in detail && !('action' in detail) ? 'CodePipeline Stage Execution State Change' : 'CodePipeline Action Execution State Change';
  const body = JSON.stringify({
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source: 'aws.codepipeline',
    account: '123456789012',
    time: new Date().toISOString(),
    region: REGION,
    resources: [`arn:aws:codepipeline:${REGION}:123456789012:${pipelineName(p)}`],
    detail,
  });
  return { url: `${url}/eventbridge`, init: { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-ecs-codepipeline-secret': EB_SECRET } } };
}

// ------------------------------------------------------------------ main

async function main() {
  const results = { machine: machine(), options: { pipelines: PIPELINES, pushesPerPipeline: PUSHED, extraPerPipeline: EXTRA, events: EVENTS, burst: BURST, rate: RATE, warmup: WARMUP, nodeOptions: NODE_OPTIONS }, targets: TARGETS };
  const out = await build();
  const imp = (f) => import(pathToFileURL(join(out, f)).href);
  const [awsMod, ghIndex, appRoutes, installationRoutes, collaborators] = await Promise.all([
    imp('test/fakes/aws/index.js'),
    imp('test/fakes/github/index.js'),
    imp('test/fakes/github/app-routes.js'),
    imp('test/fakes/github/installation-routes.js'),
    imp('test/fakes/github/collaborators.js'),
  ]);
  const fakes = { ...awsMod, ...ghIndex, ...appRoutes, ...installationRoutes, ...collaborators };
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const aws = await startAws(fakes);
  const gh = await startGitHub(fakes, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  const app = await startApp(out, {
    APP_ID: String(APP.id),
    PRIVATE_KEY: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    WEBHOOK_SECRET,
    GHE_HOST: new URL(gh.github.origin).host,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'error',
    LOG_FORMAT: 'json',
    NODE_ENV: 'production',
    ...aws.env,
    ECS_CODEPIPELINE_EVENTBRIDGE_SECRET: EB_SECRET,
    ECS_CODEPIPELINE_GITHUB_PACING: 'off',
    ECS_CODEPIPELINE_RESUME: 'false',
    ECS_CODEPIPELINE_METRICS: 'on',
    ...(option('--concurrency', undefined) ? { ECS_CODEPIPELINE_TRACKER_CONCURRENCY: option('--concurrency', undefined) } : {}),
    ...(NODE_OPTIONS ? { NODE_OPTIONS } : {}),
  });
  const rssAtStart = memoryOf(app.child.pid);
  const memory = [];
  const sampler = setInterval(() => {
    const m = memoryOf(app.child.pid);
    if (m) memory.push(m);
  }, 200);
  const ticker = setInterval(() => aws.tick(), 500);
  // The app's event loop as a bystander sees it: GET /ping every 100 ms.
  const pings = [];
  let pinging = true;
  void (async () => {
    while (pinging) {
      const t0 = performance.now();
      try {
        await (await fetch(`${app.url}/ping`)).arrayBuffer();
        pings.push(performance.now() - t0);
      } catch {
        // stopping
      }
      await sleep(100);
    }
  })();
  let failed = false;
  try {
    console.log(`ecs-codepipeline app load — ${results.machine.cpuModel}, ${results.machine.nproc} CPUs, node ${results.machine.node}`);
    console.log(`${PIPELINES} pipelines × ${PUSHED} pushed + ${EXTRA} unannounced executions; app pid ${app.child.pid}\n`);

    // 0. warm-up, not measured: pushes to a branch no pipeline watches run Probot's whole webhook path, the
    //    config read and the push handler (JIT, first installation token, first config), and start no tracker.
    if (WARMUP > 0) {
      const warm = Array.from({ length: WARMUP }, (_, i) => webhook(app.url, { ...pushPayload(i % PIPELINES, 0), ref: `refs/heads/warm-up-${i}`, after: createHash('sha1').update(`warm-up/${i}`).digest('hex') }));
      const w = await bursts(warm, Math.min(BURST, 50), app.child.pid, RATE, app.url);
      results.warmup = { requests: w.requests, seconds: w.seconds, latency: w.latency, statuses: w.statuses };
      console.log(`warm-up (not measured): ${w.requests} webhooks to an unwatched branch in ${w.seconds}s; latency ms p50 ${w.latency.p50} p99 ${w.latency.p99}`);
    }

    // 1. the pushes, every branch in turn, so that each burst spreads over many pipelines.
    const pushes = [];
    for (let j = 0; j < PUSHED; j++) for (let p = 0; p < PIPELINES; p++) pushes.push(webhook(app.url, pushPayload(p, j)));
    results.webhooks = await bursts(pushes, Math.min(BURST, 50), app.child.pid, RATE, app.url);
    console.log(`webhooks: ${results.webhooks.requests} in ${results.webhooks.seconds}s = ${results.webhooks.perSecond}/s; latency ms p50 ${results.webhooks.latency.p50} p99 ${results.webhooks.latency.p99} max ${results.webhooks.latency.max}; ${JSON.stringify(results.webhooks.statuses)}; app CPU ${results.webhooks.appCpuMsPerRequest} ms/request, app ${results.webhooks.appCpuShare} / fakes ${results.webhooks.fakesCpuShare} cores${inApp(results.webhooks)}`);
    const rssAfterPushes = memoryOf(app.child.pid);

    // 2. state changes while running, every execution (pushed or not) in turn, then the final events once all ended.
    const total = PIPELINES * (PUSHED + EXTRA);
    const during = [];
    for (let n = 0; during.length < EVENTS - total; n++) {
      const k = n % total;
      during.push(event(app.url, Math.floor(k / (PUSHED + EXTRA)), k % (PUSHED + EXTRA), 'change', Math.floor(n / total), fakes.fakeUuid));
    }
    const mid = await bursts(during, BURST, app.child.pid, RATE, app.url);
    clearInterval(ticker);
    aws.tick(LENGTH + 10);
    const finals = [];
    for (let p = 0; p < PIPELINES; p++) for (let j = 0; j < PUSHED + EXTRA; j++) finals.push(event(app.url, p, j, 'final', 0, fakes.fakeUuid));
    const end = await bursts(finals, BURST, app.child.pid, RATE, app.url);
    results.events = {
      requests: mid.requests + end.requests,
      seconds: round(mid.seconds + end.seconds, 2),
      perSecond: round((mid.requests + end.requests) / (mid.seconds + end.seconds)),
      running: mid,
      final: end,
    };
    console.log(`events: ${results.events.requests} in ${results.events.seconds}s = ${results.events.perSecond}/s`);
    console.log(`  while running: ${mid.requests} = ${mid.perSecond}/s; latency ms p50 ${mid.latency.p50} p99 ${mid.latency.p99} max ${mid.latency.max}; ${JSON.stringify(mid.statuses)}; app CPU ${mid.appCpuMsPerRequest} ms/event, app ${mid.appCpuShare} / fakes ${mid.fakesCpuShare} cores${inApp(mid)}`);
    console.log(`  final:         ${end.requests} = ${end.perSecond}/s; latency ms p50 ${end.latency.p50} p99 ${end.latency.p99} max ${end.latency.max}; ${JSON.stringify(end.statuses)}${inApp(end)}`);

    // 3. the end: every commit's runs completed, right, once.
    const deadline = Date.now() + 180_000;
    const verdict = () => {
      const wrong = [];
      let duplicates = 0;
      let open = 0;
      for (let p = 0; p < PIPELINES; p++) {
        for (let j = 0; j < PUSHED + EXTRA; j++) {
          const id = fakes.fakeUuid(`bench-exec/${commitOf(p, j)}`);
          const name = `ECS pipeline: ${pipelineName(p)}`;
          const runs = gh.github.checkRuns(commitOf(p, j));
          const names = runs.map((r) => r.name);
          duplicates += names.length - new Set(names).size;
          open += runs.filter((r) => r.status !== 'completed').length;
          const want = [[name, id], [`${name} / Source`, `${id}/Source`], [`${name} / Build`, `${id}/Build`], [`${name} / Deploy`, `${id}/Deploy`]];
          const got = runs.map((r) => [r.name, r.external_id]);
          if (JSON.stringify(got) !== JSON.stringify(want) || runs.some((r) => r.status !== 'completed' || r.conclusion !== 'success')) wrong.push(`${p}/${j}`);
        }
      }
      return { commits: total, wrong: wrong.length, firstWrong: wrong.slice(0, 5), duplicates, open };
    };
    let v = verdict();
    while (v.wrong > 0 && Date.now() < deadline) {
      await sleep(1000);
      v = verdict();
    }
    results.end = { ...v, settleSeconds: round((180_000 - (deadline - Date.now())) / 1000), githubRequests: gh.github.requests().length, githubWrites: gh.github.writes().length, githubRejections: gh.github.rejections().length, awsCalls: aws.calls() };
    console.log(`end: ${v.commits} commits, ${v.wrong} wrong, ${v.duplicates} duplicated runs, ${v.open} open runs; GitHub ${results.end.githubRequests} requests (${results.end.githubWrites} writes, ${results.end.githubRejections} refused), AWS ${results.end.awsCalls} calls`);

    if (option('--requests', undefined)) {
      const count = (keys) => Object.fromEntries([...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map())].sort((a, b) => b[1] - a[1]));
      const first = commitOf(0, 0);
      writeFileSync(resolve(option('--requests', undefined)), `${JSON.stringify({
        github: count(gh.github.requests().map((r) => r.operation ?? `${r.method} ${r.path}`)),
        aws: count(aws.callLog().map((c) => `${c.service} ${c.operation}`)),
        firstCommit: gh.github.requests().filter((r) => JSON.stringify(r).includes(first)).map((r) => `${r.method} ${r.path} ${r.status}`),
      }, null, 2)}\n`);
    }
    const peak = Math.max(...memory.map((m) => m.hwm).filter(Number.isFinite));
    results.memory = { peakRssMb: round(peak), atStartRssMb: round(rssAtStart?.rss), afterPushesRssMb: round(rssAfterPushes?.rss), atEndRssMb: round(memoryOf(app.child.pid)?.rss), samples: memory.length };
    console.log(`memory: RSS ${results.memory.atStartRssMb} MB at start, ${results.memory.afterPushesRssMb} MB after the pushes, ${results.memory.atEndRssMb} MB at the end, peak ${results.memory.peakRssMb} MB`);
    pinging = false;
    results.ping = percentiles(pings);
    console.log(`  (GET /ping meanwhile: p50 ${results.ping.p50} ms, p99 ${results.ping.p99} ms, max ${results.ping.max} ms)`);
    const upstream = percentiles(aws.upstream);
    results.awsUpstream = upstream;
    const phases = [results.webhooks, mid, end];
    const worstSent = Math.max(...phases.map((x) => x.latency.p99));
    // "p99 handling, upstream latency excluded": the app's own account; the sender's view is printed beside it.
    const worstP99 = Math.max(...phases.map((x) => x.handling?.p99 ?? Infinity));
    const rate = Math.min(results.webhooks.perSecond, results.events.perSecond);
    // Open loop: every phase kept up with the offered rate (the sender's own timer jitter allowed for).
    const keptUp = RATE > 0 ? RATE >= TARGETS.eventsPerSecond && phases.every((x) => x.perSecond >= RATE * 0.97) : rate >= TARGETS.eventsPerSecond;
    results.verdicts = { throughput: keptUp, p99: worstP99 <= TARGETS.p99Ms, rss: peak <= TARGETS.rssMb, correct: v.wrong === 0 && v.duplicates === 0 && results.end.githubRejections === 0 };
    console.log(`\ntargets`);
    console.log(`  ≥ ${TARGETS.eventsPerSecond} events/s (slowest phase)   ${rate}/s${RATE > 0 ? ` offered ${RATE}/s` : ''}  ${results.verdicts.throughput ? 'met' : 'MISSED'}`);
    console.log(`  p99 ≤ ${TARGETS.p99Ms} ms handling (worst phase, in the app)  ${worstP99} ms  ${results.verdicts.p99 ? 'met' : 'MISSED'}  (as the sender saw it: ${worstSent} ms)`);
    console.log(`  peak RSS ≤ ${TARGETS.rssMb} MB               ${round(peak)} MB  ${results.verdicts.rss ? 'met' : 'MISSED'}`);
    console.log(`  nothing lost, no duplicate            ${results.verdicts.correct ? 'yes' : 'NO'}`);
    console.log(`  (AWS answers through the router: p50 ${upstream.p50} ms, p99 ${upstream.p99} ms)`);
    results.machine.loadAverageAtEnd = loadavg().map((x) => round(x, 2));
    writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwrote ${OUT}`);
    failed = Object.values(results.verdicts).some((x) => !x);
  } catch (e) {
    console.error(e);
    console.error(app.output());
    failed = true;
  } finally {
    clearInterval(sampler);
    clearInterval(ticker);
    if (option('--profile', undefined)) {
      // SIGINT: Probot stops its server and node writes the CPU profile on the way out.
      const exited = new Promise((r) => app.child.once('exit', r));
      app.child.kill('SIGINT');
      await Promise.race([exited, sleep(5000)]);
    }
    app.child.kill('SIGKILL');
    rmSync(app.cwd, { recursive: true, force: true });
    await gh.github.stop();
    await aws.close();
  }
  if (argv.includes('--check') && failed) process.exitCode = 1;
  await worker?.terminate();
}

if (isMainThread) await main();
else sender();
