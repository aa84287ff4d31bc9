import { afterAll, jest } from '@jest/globals';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { CONFIG_PATH } from '../../../src/app/config.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { listen, type Listening } from '../../../src/app/server.js';
import { trackers } from '../../../src/app/tracking/registry.js';
import { trackingSettings, type TrackingSettings } from '../../../src/app/tracking/settings.js';
import { scenarios, startFakeAws, type FakeAws } from '../../fakes/aws/index.js';
import { AppRoutes } from '../../fakes/github/app-routes.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { AWS_VARS, useEnv } from '../aws/helpers.js';
import { APP, INSTALLATION_TOKEN, SECRET, keyPair } from './helpers.js';
import { fastClock } from './push-helpers.js';

/**
 * A restart: the runs an earlier process left open on the branch's head
 * commit are found when the app starts and followed to the end, on the same
 * runs. The fake GitHub does not serve the installation listings, so those
 * two answers come from nock (as GitHub documents them); everything else is
 * the fake's.
 */

jest.setTimeout(120_000);

const { COMMIT, PIPELINE, REGION } = scenarios;
const OWNER = 'octo-org';
const REPO = 'myapp';
const INSTALLATION = 4242;

let fake: FakeGitHub;
let aws: FakeAws;
let app: Listening | undefined;
const env = useEnv();
const saved: TrackingSettings = { ...trackingSettings };

// nock patches node:http and fetch for the whole worker: take it out for the test files that follow.
afterAll(() => nock.restore());

afterEach(async () => {
  await trackers.idle();
  await app?.close();
  app = undefined;
  const rejections = fake.rejections();
  await fake.stop();
  await aws.close();
  nock.cleanAll();
  nock.enableNetConnect();
  Object.assign(trackingSettings, saved);
  env.restore();
  expect(rejections).toEqual([]);
});

test('on start, the open runs of the watched branch are tracked again to the true conclusion, without new runs', async () => {
  const c = scenarios.success();
  aws = await startFakeAws({ scenario: c.scenario });
  env.set(Object.fromEntries(AWS_VARS.map((k) => [k, undefined])));
  env.set(aws.env());
  Object.assign(trackingSettings, { clock: fastClock(), aws: { endpoints: { default: aws.url }, retryDelayScale: 0.01 }, pollIntervalSeconds: 1, findTimeoutSeconds: 60, resumeOnStart: true });

  const keys = keyPair();
  const routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: INSTALLATION });
  fake = await FakeGitHub.start({ owner: OWNER, repo: REPO, token: INSTALLATION_TOKEN, app: APP, extension: routes, refs: { 'heads/master': COMMIT } });
  routes.commit(`${OWNER}/${REPO}`, '5555555555555555555555555555555555555555', [{ path: CONFIG_PATH, content: `pipelines:\n  - name: ${PIPELINE}\n    region: ${REGION}\n    branches: [master]\n` }], 'main');

  // What the earlier process left: the execution's run and its stages, half done.
  const id = c.executionId!;
  const left = [
    fake.seedCheckRun({ name: 'ECS pipeline', head_sha: COMMIT, status: 'in_progress', external_id: id }),
    fake.seedCheckRun({ name: 'ECS pipeline / Source', head_sha: COMMIT, status: 'in_progress', external_id: `${id}/Source` }),
    fake.seedCheckRun({ name: 'ECS pipeline / Build', head_sha: COMMIT, status: 'queued', external_id: `${id}/Build` }),
    fake.seedCheckRun({ name: 'ECS pipeline / Deploy', head_sha: COMMIT, status: 'queued', external_id: `${id}/Deploy` }),
  ];

  nock(fake.url, { allowUnmocked: true })
    .get('/app/installations')
    .query(true)
    .reply(200, [{ id: INSTALLATION, account: { login: OWNER }, app_id: APP.id }])
    .get('/installation/repositories')
    .query(true)
    .reply(200, { total_count: 1, repositories: [{ name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: 'master', archived: false }] });

  const probot = new Probot({
    appId: APP.id,
    privateKey: keys.privateKey,
    secret: SECRET,
    baseUrl: fake.url,
    logLevel: 'fatal',
    Octokit: ProbotOctokit.defaults({ throttle: { enabled: false } }),
  });
  app = await listen({ probot, app: { appId: APP.id, roles: parseRoleAllowList(undefined) } });
  // The search runs in the background of the start; wait for its tracker to appear, then to end.
  for (let i = 0; i < 200 && trackers.size === 0; i++) await new Promise((r) => setTimeout(r, 25));
  expect(trackers.size).toBe(1);
  await trackers.idle();

  const end = fake.checkRuns(COMMIT);
  expect(end.map((r) => [r.id, r.name, r.status, r.conclusion, r.external_id])).toEqual(
    left.map((r) => [r.id, r.name, 'completed', 'success', r.external_id]),
  );
  expect(aws.starts).toEqual([]);
});

test('resume is off unless asked for: nothing is listed at start', async () => {
  aws = await startFakeAws({ scenario: scenarios.success().scenario });
  Object.assign(trackingSettings, { resumeOnStart: false });
  const keys = keyPair();
  const routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: INSTALLATION });
  fake = await FakeGitHub.start({ owner: OWNER, repo: REPO, token: INSTALLATION_TOKEN, app: APP, extension: routes });
  const probot = new Probot({ appId: APP.id, privateKey: keys.privateKey, secret: SECRET, baseUrl: fake.url, logLevel: 'fatal' });
  app = await listen({ probot, app: { appId: APP.id, roles: parseRoleAllowList(undefined) } });
  await new Promise((r) => setTimeout(r, 200));
  expect(trackers.size).toBe(0);
  expect(fake.requests({})).toEqual([]);
});
