import { randomUUID } from 'node:crypto';
import { Probot } from 'probot';
import { UnpacedOctokit } from '../../../src/app/octokit.js';
import { createAwsPorts, type AwsPorts } from '../../../src/adapters/aws/index.js';
import { SECRET_HEADER } from '../../../src/app/http/eventbridge.js';
import { createLambdaHandler, type LambdaHttpEvent } from '../../../src/app/lambda.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { scenarios, startFakeAws, type FakeAws } from '../../fakes/aws/index.js';
import { AppRoutes } from '../../fakes/github/app-routes.js';
import { combineExtensions } from '../../fakes/github/collaborators.js';
import { InstallationRoutes } from '../../fakes/github/installation-routes.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { AWS_VARS, useEnv } from '../aws/helpers.js';
import { APP, BROKEN_TASKDEF, example, INSTALLATION_TOKEN, keyPair, SECRET, sign } from './helpers.js';

/** The Lambda handler with function-URL events: a real signed webhook, and an EventBridge event. */

interface SuiteEvent {
  check_suite: { head_sha: string };
  repository: { name: string; owner: { login: string } };
  installation: { id: number };
}

const EB_SECRET = 'eventbridge-shared-secret-for-tests';
const suite = example<SuiteEvent>('check_suite', 'requested');
const env = useEnv();
let github: FakeGitHub;
let routes: AppRoutes;
let installations: InstallationRoutes;
let aws: FakeAws;
let ports: AwsPorts | undefined;
let handle: (e: LambdaHttpEvent) => Promise<{ statusCode: number; body: string }>;

beforeEach(async () => {
  const keys = keyPair();
  routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: suite.installation.id });
  // Installed on the example's repository only, not on my-org/myapp (which the scenario's execution built).
  installations = new InstallationRoutes({ app: APP, base: routes, installationId: suite.installation.id, installationToken: INSTALLATION_TOKEN, account: suite.repository.owner.login, repositories: [{ owner: suite.repository.owner.login, repo: suite.repository.name }] });
  github = await FakeGitHub.start({ owner: suite.repository.owner.login, repo: suite.repository.name, token: INSTALLATION_TOKEN, app: APP, extension: combineExtensions(installations, routes) });
  const c = scenarios.success();
  aws = await startFakeAws({ scenario: c.scenario, advance: 'manual' });
  env.set(Object.fromEntries(AWS_VARS.map((k) => [k, undefined])));
  env.set(aws.env());
  const probot = new Probot({ appId: APP.id, privateKey: keys.privateKey, secret: SECRET, baseUrl: github.url, logLevel: 'fatal', Octokit: UnpacedOctokit });
  handle = createLambdaHandler({
    probot,
    app: { appId: APP.id, roles: parseRoleAllowList(undefined) },
    eventbridge: { secret: EB_SECRET, pipelines: async (region) => (ports ??= await createAwsPorts({ region, retryDelayScale: 0.01 })).pipeline },
  });
});

afterEach(async () => {
  const rejections = github.rejections();
  ports?.destroy();
  ports = undefined;
  env.restore();
  await aws.close();
  await github.stop();
  expect(rejections).toEqual([]);
  expect(routes.jwtErrors).toEqual([]);
});

/** A function URL event (payload format 2.0), as Lambda hands it over. */
function functionUrlEvent(o: { path: string; headers: Record<string, string>; body: string; base64?: boolean }): LambdaHttpEvent {
  return {
    version: '2.0',
    rawPath: o.path,
    headers: { 'content-type': 'application/json', host: 'abcdefghijklmnop.lambda-url.us-east-1.on.aws', ...o.headers },
    requestContext: { http: { method: 'POST', path: o.path } },
    body: o.base64 ? Buffer.from(o.body).toString('base64') : o.body,
    isBase64Encoded: o.base64 === true,
  };
}

function webhook(body: string, signature: string, base64 = false): LambdaHttpEvent {
  return functionUrlEvent({
    path: '/api/github/webhooks',
    headers: { 'x-github-event': 'check_suite', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature, 'user-agent': 'GitHub-Hookshot/044aadd' },
    body,
    base64,
  });
}

test('a signed webhook is verified and handled before the answer', async () => {
  routes.commit(`${suite.repository.owner.login}/${suite.repository.name}`, suite.check_suite.head_sha, [{ path: 'ecs/taskdef.json', content: BROKEN_TASKDEF }]);
  const body = JSON.stringify(suite);
  const r = await handle(webhook(body, sign(body), true));
  expect(r.statusCode).toBe(200);
  const runs = github.checkRuns(suite.check_suite.head_sha);
  expect(runs.map((x) => [x.name, x.conclusion, x.annotations.map((a) => `${a.path}:${a.start_line}`)])).toEqual([['ECS config', 'failure', ['ecs/taskdef.json:8']]]);
});

test('a wrong or missing signature gets a 4xx and nothing happens', async () => {
  const body = JSON.stringify(suite);
  expect((await handle(webhook(body, sign(body, 'another-secret')))).statusCode).toBe(401);
  expect((await handle(webhook(`${body} `, sign(body)))).statusCode).toBe(401);
  const unsigned = webhook(body, '');
  delete unsigned.headers!['x-hub-signature-256'];
  expect((await handle(unsigned)).statusCode).toBe(400);
  expect(github.requests()).toEqual([]);
});

test('/eventbridge is routed with its secret; other paths are 404', async () => {
  const c = scenarios.success();
  const event = {
    version: '0', id: 'a1b2c3d4-EXAMPLE', 'detail-type': 'CodePipeline Stage Execution State Change', source: 'aws.codepipeline', account: '123456789012',
    time: '2025-05-06T09:00:00Z', region: aws.region, resources: [],
    detail: { pipeline: scenarios.PIPELINE, 'execution-id': c.executionId, stage: 'Deploy', state: 'STARTED', version: 1 },
  };
  const ok = await handle(functionUrlEvent({ path: '/eventbridge', headers: { [SECRET_HEADER]: EB_SECRET }, body: JSON.stringify(event) }));
  expect(ok.statusCode).toBe(202);
  expect(JSON.parse(ok.body)).toMatchObject({ executionId: c.executionId, commit: c.commit, repository: 'my-org/myapp' });
  // The update ran before the answer (a function is frozen after it): the installation of my-org/myapp was looked up, and there is none.
  expect(installations.served['GET /repos/{owner}/{repo}/installation']).toBe(1);
  expect(github.writes()).toEqual([]);
  expect((await handle(functionUrlEvent({ path: '/eventbridge', headers: { [SECRET_HEADER]: 'wrong' }, body: JSON.stringify(event) }))).statusCode).toBe(401);
  expect((await handle(functionUrlEvent({ path: '/elsewhere', headers: {}, body: '{}' }))).statusCode).toBe(404);
});
