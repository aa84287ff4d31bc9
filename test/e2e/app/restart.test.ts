import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_PATH } from '../../../src/app/config.js';
import { scenarios, startFakeAws, fakeUuid, type FakeAws, type FakeExecution, type Frame } from '../../fakes/aws/index.js';
import { AppRoutes } from '../../fakes/github/app-routes.js';
import { combineExtensions } from '../../fakes/github/collaborators.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { InstallationRoutes } from '../../fakes/github/installation-routes.js';
import { APP, INSTALLATION_TOKEN, SECRET, deliver, keyPair } from '../../integration/app/helpers.js';
import { pushExample } from '../../integration/app/push-helpers.js';
import { buildSources } from './build.js';

/**
 * The app as a real process tracking 50 executions of one pipeline, killed
 * (SIGKILL: no goodbye, runs left in progress) midway, and started again as
 * two replicas at once. Everything it knew lives in GitHub (the runs, their
 * external ids) and AWS: on start each replica finds the runs left open and
 * follows their executions to the end. Every execution must end with the
 * right conclusions, on the same runs, none duplicated, none lost.
 */

const { PIPELINE, REGION, SOURCE, BUILD, DEPLOY } = scenarios;
const N = 50;
const OWNER = 'my-org';
const REPO = 'myapp';
const INSTALLATION = 4242;
/** Real milliseconds between ticks of the fake's clock. */
const TICK_MS = 200;

const commitOf = (i: number): string => createHash('sha1').update(`restart-commit-${i}`).digest('hex');
/** Every fifth execution fails in its Build. */
const fails = (i: number): boolean => i % 5 === 4;

/** Five executions start per tick (CodePipeline starts one per push at once). */
const startOf = (i: number): number => Math.floor(i / 5);

/**
 * As in a QUEUED pipeline: an execution waits at the Source stage's door
 * until the one before it has moved on; then one tick per stage, so that
 * each stage holds one execution at a time and GetPipelineState shows each
 * execution only briefly (after a restart the tracker must find where a
 * failed one stopped from its own action runs).
 */
function frames(i: number, commit: string): Frame[] {
  const d = i - startOf(i);
  const start: Frame[] = [
    ...(d > 0 ? [{ at: 0, waitingFor: 'Source' }] : []),
    { at: d, actions: { [SOURCE]: scenarios.source.run() } },
    { at: d + 1, actions: { [SOURCE]: scenarios.source.ok(commit), [BUILD]: scenarios.build.run(commit) } },
  ];
  if (fails(i)) return [...start, { at: d + 2, actions: { [BUILD]: { status: 'Failed', errorCode: 'JobFailed', errorMessage: 'Build terminated with state: FAILED' } }, status: 'Failed', statusSummary: 'Build terminated with state: FAILED' }];
  return [...start, { at: d + 2, actions: { [BUILD]: scenarios.build.ok(commit), [DEPLOY]: scenarios.deploy.run(commit) } }, { at: d + 3, actions: { [DEPLOY]: scenarios.deploy.ok() }, status: 'Succeeded' }];
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface AppProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

let out: string;
let cwd: string;
let aws: FakeAws;
let github: FakeGitHub;
let routes: AppRoutes;
let installations: InstallationRoutes;
let keys: ReturnType<typeof keyPair>;
const processes: AppProcess[] = [];
let ticker: NodeJS.Timeout | undefined;

async function startApp(): Promise<AppProcess> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [join(out, 'app', 'server.js')], {
    cwd,
    env: {
      PATH: process.env.PATH,
      APP_ID: String(APP.id),
      PRIVATE_KEY: keys.privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: new URL(github.origin).host,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      NODE_ENV: 'production',
      ...aws.env(),
      ECS_CODEPIPELINE_POLL_INTERVAL_SECONDS: '1',
      // The fake GitHub has no rate limits; production keeps a second between writes.
      ECS_CODEPIPELINE_GITHUB_PACING: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const p = { child, url, output: () => output };
  processes.push(p);
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/ping`)).status === 200) return p;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`the app did not start:\n${output}`);
}

/** Per commit: our runs on it, by name. */
function runsOf(commit: string) {
  return github.checkRuns(commit).filter((r) => r.name.startsWith('ECS pipeline'));
}

function expected(i: number): Array<[string, string, string]> {
  const id = fakeUuid(`exec/${commitOf(i)}`);
  return fails(i)
    ? [['ECS pipeline', 'failure', id], ['ECS pipeline / Source', 'success', `${id}/Source`], ['ECS pipeline / Build', 'failure', `${id}/Build`], ['ECS pipeline / Deploy', 'cancelled', `${id}/Deploy`]]
    : [['ECS pipeline', 'success', id], ['ECS pipeline / Source', 'success', `${id}/Source`], ['ECS pipeline / Build', 'success', `${id}/Build`], ['ECS pipeline / Deploy', 'success', `${id}/Deploy`]];
}

beforeAll(async () => {
  out = buildSources('restart');
  cwd = mkdtempSync(join(tmpdir(), 'ecs-app-restart-'));
  const executions: FakeExecution[] = Array.from({ length: N }, (_, i) => ({
    id: fakeUuid(`exec/${commitOf(i)}`),
    revision: scenarios.revision(commitOf(i)),
    startAt: startOf(i),
    frames: frames(i, commitOf(i)),
  }));
  // The fake's clock starts now: executions that end while the app is down are recent when it comes back.
  aws = await startFakeAws({ scenario: { name: 'fifty', pipeline: scenarios.seedPipeline(), executions, epoch: new Date().toISOString(), tickMs: 1000 }, advance: 'manual' });
  keys = keyPair();
  routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: INSTALLATION });
  installations = new InstallationRoutes({ app: APP, base: routes, installationId: INSTALLATION, installationToken: INSTALLATION_TOKEN, account: OWNER, repositories: [{ owner: OWNER, repo: REPO }] });
  github = await FakeGitHub.start({ owner: OWNER, repo: REPO, token: INSTALLATION_TOKEN, app: APP, extension: combineExtensions(installations, routes), pathPrefix: '/api/v3' });
  routes.commit(`${OWNER}/${REPO}`, '5555555555555555555555555555555555555555', [{ path: CONFIG_PATH, content: `pipelines:\n  - name: ${PIPELINE}\n    region: ${REGION}\n    branches: [main]\n` }], 'main');
}, 60_000);

afterAll(async () => {
  if (ticker) clearInterval(ticker);
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await github?.stop();
  await aws?.close();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

test('50 executions tracked, the app SIGKILLed midway and restarted as two replicas: every execution ends right, no run duplicated or lost', async () => {
  const first = await startApp();
  for (let i = 0; i < N; i++) {
    const push = pushExample(commitOf(i));
    const e = { ...push, ref: 'refs/heads/main', repository: { ...push.repository, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER, name: OWNER } }, installation: { id: INSTALLATION } };
    installations.pushed(`${OWNER}/${REPO}`, 'main', commitOf(i));
    expect((await deliver(first.url, 'push', e)).status).toBe(200);
  }
  ticker = setInterval(() => aws.tick(), TICK_MS);

  // Midway: some executions ended and were reported, most are still running.
  const done = (): number => Array.from({ length: N }, (_, i) => i).filter((i) => runsOf(commitOf(i)).length === 4 && runsOf(commitOf(i)).every((r) => r.status === 'completed')).length;
  for (let i = 0; i < 400 && done() < 8; i++) await sleep(25);
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  const atKill = done();
  expect(atKill).toBeGreaterThanOrEqual(8);
  expect(atKill).toBeLessThan(N - 10);
  // While nobody watches, the pipeline goes on.
  await sleep(3 * TICK_MS);

  const replicas = await Promise.all([startApp(), startApp()]);
  for (let i = 0; i < 1200 && done() < N; i++) await sleep(50);
  clearInterval(ticker);
  ticker = undefined;

  const wrong: string[] = [];
  for (let i = 0; i < N; i++) {
    const runs = runsOf(commitOf(i)).map((r) => [r.name, r.status === 'completed' ? r.conclusion : r.status, r.external_id]);
    if (JSON.stringify(runs) !== JSON.stringify(expected(i))) wrong.push(`${i} ${commitOf(i).slice(0, 7)}: ${JSON.stringify(runs)}`);
  }
  // Both replicas found the runs left open and followed them: two writers, and still one run per name.
  const resumed = replicas.map((p) => Number(/resume: tracking (\d+) pipeline run/.exec(p.output())?.[1] ?? 0));
  // Each replica resumed runs, and every commit left open was resumed by one of them at least (only they can close it).
  expect(resumed.every((n) => n > 0) && resumed[0] + resumed[1] >= N - atKill).toBe(true);
  const logs = replicas.map((p) => p.output().split('\n').filter((l) => /"level":(40|50)/.test(l) && !/ECR repository/.test(l)).join('\n')).join('\n').slice(-4000);
  expect({ wrong, logs: wrong.length ? logs : '' }).toEqual({ wrong: [], logs: '' });
  expect(github.rejections()).toEqual([]);
  expect(github.responseErrors()).toEqual([]);
  expect(routes.jwtErrors).toEqual([]);
}, 120_000);
