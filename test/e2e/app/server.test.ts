import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppRoutes } from '../../fakes/github/app-routes.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { APP, BROKEN_TASKDEF, INSTALLATION_TOKEN, SECRET, deliver, example, keyPair } from '../../integration/app/helpers.js';
import { buildSources } from './build.js';

/**
 * The app as `npm run app` starts it: src/app/server.ts transpiled (build.ts), run by
 * node in a child process with Probot's own server (`run`), configured only
 * through the environment; GitHub is the fake, reached as a GitHub Enterprise
 * Server (GHE_HOST, GHE_PROTOCOL), as Probot offers no other base URL setting.
 */

interface PullRequestEvent {
  pull_request: { head: { sha: string } };
  repository: { name: string; owner: { login: string } };
  installation: { id: number };
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

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app did not answer ${url}:\n${log()}`);
}

let fake: FakeGitHub;
let routes: AppRoutes;
let child: ChildProcess | undefined;
let output = '';
let cwd: string;
let url: string;
const pr = example<PullRequestEvent>('pull_request', 'opened');

beforeAll(async () => {
  const out = buildSources('server');
  const keys = keyPair();
  routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: pr.installation.id });
  fake = await FakeGitHub.start({ owner: pr.repository.owner.login, repo: pr.repository.name, token: INSTALLATION_TOKEN, app: APP, extension: routes, pathPrefix: '/api/v3' });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // An empty working directory: Probot would read a .env from it.
  cwd = mkdtempSync(join(tmpdir(), 'ecs-app-e2e-'));
  child = spawn(process.execPath, [join(out, 'app', 'server.js')], {
    cwd,
    env: {
      PATH: process.env.PATH,
      APP_ID: String(APP.id),
      PRIVATE_KEY: keys.privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: new URL(fake.origin).host,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      NODE_ENV: 'production',
      // Resume on start is restart.test.ts's; here every request to GitHub is the webhook's.
      ECS_CODEPIPELINE_RESUME: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(`${url}/ping`, child, () => output);
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGINT');
    await exited;
  }
  await fake?.stop();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

afterEach(() => {
  expect(fake.rejections()).toEqual([]);
  expect(fake.responseErrors()).toEqual([]);
  expect(routes.jwtErrors).toEqual([]);
});

test('a wrong signature is refused with a 4xx and nothing is asked of GitHub', async () => {
  const res = await deliver(url, 'pull_request', pr, { secret: 'wrong' });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(fake.requests()).toEqual([]);
});

test('a signed pull_request.opened with a broken taskdef.json gets one failed ECS config run, annotated, also after a redelivery', async () => {
  const sha = pr.pull_request.head.sha;
  routes.commit(`${pr.repository.owner.login}/${pr.repository.name}`, sha, [{ path: 'taskdef.json', content: BROKEN_TASKDEF }]);
  const id = '0b9c4a10-5c2e-11ee-8c99-0242ac120002';
  expect((await deliver(url, 'pull_request', pr, { id })).status).toBe(200);
  expect((await deliver(url, 'pull_request', pr, { id })).status).toBe(200);
  const runs = fake.checkRuns(sha);
  expect(runs.map((r) => [r.name, r.status, r.conclusion])).toEqual([['ECS config', 'completed', 'failure']]);
  expect(runs[0].annotations.map((a) => [a.path, a.start_line, a.start_column, a.annotation_level])).toEqual([['taskdef.json', 8, 13, 'failure']]);
  // Every API call went through the GHES prefix Probot derives from GHE_HOST.
  expect(fake.requests().length).toBeGreaterThan(0);
  expect(output).toMatch(/Listening on http:\/\/127\.0\.0\.1:\d+/);
});
