import { jest } from '@jest/globals';
import { Probot } from 'probot';
import { CONFIG_PATH } from '../../../src/app/config.js';
import { UnpacedOctokit } from '../../../src/app/octokit.js';
import { appOptionsFromEnv } from '../../../src/app/options.js';
import { resumeTracking } from '../../../src/app/resume.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { listen, type Listening } from '../../../src/app/server.js';
import { trackers } from '../../../src/app/tracking/registry.js';
import { trackingSettings, type TrackingSettings } from '../../../src/app/tracking/settings.js';
import { scenarios, startFakeAws, type FakeAws } from '../../fakes/aws/index.js';
import { AppRoutes } from '../../fakes/github/app-routes.js';
import { combineExtensions } from '../../fakes/github/collaborators.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { InstallationRoutes } from '../../fakes/github/installation-routes.js';
import { AWS_VARS, useEnv } from '../aws/helpers.js';
import { APP, INSTALLATION_TOKEN, SECRET, keyPair } from './helpers.js';
import { fastClock } from './push-helpers.js';

/**
 * A restart: the runs an earlier process left open are found when the app
 * starts (GET /app/installations, /installation/repositories, the config, the
 * branch heads and the pipeline's recent executions) and followed to the end,
 * on the same runs.
 */

jest.setTimeout(60_000);

const { COMMIT, PIPELINE, REGION } = scenarios;
const OWNER = 'my-org';
const REPO = 'myapp';
const INSTALLATION = 4242;
const NAMES = ['ECS pipeline', 'ECS pipeline / Source', 'ECS pipeline / Build', 'ECS pipeline / Deploy'];

let fake: FakeGitHub;
let aws: FakeAws;
let routes: AppRoutes;
let installations: InstallationRoutes;
let probot: Probot;
let app: Listening | undefined;
const env = useEnv();
const saved: TrackingSettings = { ...trackingSettings };

async function start(o: { head: string }): Promise<ReturnType<typeof scenarios.success>> {
  const c = scenarios.success();
  aws = await startFakeAws({ scenario: c.scenario });
  env.set(Object.fromEntries(AWS_VARS.map((k) => [k, undefined])));
  env.set(aws.env());
  Object.assign(trackingSettings, { clock: fastClock(), aws: { endpoints: { default: aws.url }, retryDelayScale: 0.01 }, pollIntervalSeconds: 1, findTimeoutSeconds: 60 });
  const keys = keyPair();
  routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: INSTALLATION });
  installations = new InstallationRoutes({ app: APP, base: routes, installationId: INSTALLATION, installationToken: INSTALLATION_TOKEN, account: OWNER, repositories: [{ owner: OWNER, repo: REPO, defaultBranch: 'master' }] });
  fake = await FakeGitHub.start({ owner: OWNER, repo: REPO, token: INSTALLATION_TOKEN, app: APP, extension: combineExtensions(installations, routes), refs: { 'heads/master': o.head } });
  routes.commit(`${OWNER}/${REPO}`, '5555555555555555555555555555555555555555', [{ path: CONFIG_PATH, content: `pipelines:\n  - name: ${PIPELINE}\n    region: ${REGION}\n    branches: [master]\n` }], 'main');
  probot = new Probot({ appId: APP.id, privateKey: keys.privateKey, secret: SECRET, baseUrl: fake.url, logLevel: 'fatal', Octokit: UnpacedOctokit });
  return c;
}

/** What an earlier process left: the execution's run and its stages, half done. */
function leaveOpen(executionId: string) {
  return [
    fake.seedCheckRun({ name: 'ECS pipeline', head_sha: COMMIT, status: 'in_progress', external_id: executionId }),
    fake.seedCheckRun({ name: 'ECS pipeline / Source', head_sha: COMMIT, status: 'in_progress', external_id: `${executionId}/Source` }),
    fake.seedCheckRun({ name: 'ECS pipeline / Build', head_sha: COMMIT, status: 'queued', external_id: `${executionId}/Build` }),
    fake.seedCheckRun({ name: 'ECS pipeline / Deploy', head_sha: COMMIT, status: 'queued', external_id: `${executionId}/Deploy` }),
  ];
}

afterEach(async () => {
  await trackers.idle();
  await app?.close();
  app = undefined;
  const rejections = fake.rejections();
  const responseErrors = fake.responseErrors();
  await fake.stop();
  await aws.close();
  Object.assign(trackingSettings, saved);
  env.restore();
  expect(rejections).toEqual([]);
  expect(responseErrors).toEqual([]);
  expect(routes.jwtErrors).toEqual([]);
});

test('on start (resume on), the open runs on the watched branch are tracked again to the true conclusion, without new runs', async () => {
  const c = await start({ head: COMMIT });
  const left = leaveOpen(c.executionId!);
  app = await listen({ probot, app: { appId: APP.id, roles: parseRoleAllowList(undefined), resume: true } });
  // The search runs in the background of the start; wait for its tracker to appear, then to end.
  for (let i = 0; i < 200 && trackers.size === 0; i++) await new Promise((r) => setTimeout(r, 25));
  expect(trackers.size).toBe(1);
  await trackers.idle();
  expect(fake.checkRuns(COMMIT).map((r) => [r.id, r.name, r.status, r.conclusion, r.external_id])).toEqual(left.map((r) => [r.id, r.name, 'completed', 'success', r.external_id]));
  expect(aws.starts).toEqual([]);
  expect(installations.served).toMatchObject({ 'GET /app/installations': 1, 'GET /installation/repositories': 1 });
});

test('an open run on a commit that is no longer the branch head is found through the pipeline\'s running executions', async () => {
  const c = await start({ head: '7777777777777777777777777777777777777777' });
  const left = leaveOpen(c.executionId!);
  expect(await resumeTracking(probot, { appId: APP.id, roles: parseRoleAllowList(undefined) })).toBe(1);
  await trackers.idle();
  expect(fake.checkRuns(COMMIT).map((r) => [r.id, r.status, r.conclusion])).toEqual(left.map((r) => [r.id, 'completed', 'success']));
  expect(aws.counts().ListPipelineExecutions).toBeGreaterThanOrEqual(1);
  // Closed runs are left alone: a second start finds nothing to do.
  expect(await resumeTracking(probot, { appId: APP.id, roles: parseRoleAllowList(undefined) })).toBe(0);
  expect(fake.checkRuns(COMMIT).map((r) => r.name)).toEqual(NAMES);
});

test('resume is on by default and off with ECS_CODEPIPELINE_RESUME=false; off, nothing is asked at start', async () => {
  expect(appOptionsFromEnv({}).resume).toBe(true);
  expect(appOptionsFromEnv({ ECS_CODEPIPELINE_RESUME: 'false' }).resume).toBe(false);
  await start({ head: COMMIT });
  app = await listen({ probot, app: { ...appOptionsFromEnv({ ECS_CODEPIPELINE_RESUME: 'false', APP_ID: String(APP.id) }) } });
  await new Promise((r) => setTimeout(r, 200));
  expect(trackers.size).toBe(0);
  expect(fake.requests({})).toEqual([]);
});
