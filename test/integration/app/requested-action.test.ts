import { Probot } from 'probot';
import { UnpacedOctokit } from '../../../src/app/octokit.js';
import { CONFIG_PATH } from '../../../src/app/config.js';
import { targetOf } from '../../../src/app/handlers/requested-action.js';
import { BUTTONS } from '../../../src/core/pipeline/buttons.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { listen, type Listening } from '../../../src/app/server.js';
import { startFakeAws, scenarios, type FakeAws, type FaultOptions } from '../../fakes/aws/index.js';
import type { ScenarioCase } from '../../fakes/aws/scenario-kit.js';
import { AppRoutes } from '../../fakes/github/app-routes.js';
import { CollaboratorRoutes, combineExtensions } from '../../fakes/github/collaborators.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { APP, INSTALLATION_TOKEN, SECRET, deliver, example, keyPair } from './helpers.js';

/**
 * check_run.requested_action (the Approve / Reject / Retry / Stop buttons),
 * with the real example payload pointed at a run the test made, signed, to
 * the app on loopback; GitHub and AWS are the fake servers.
 */

// The default 30 s covers the first extraction of the OpenAPI subset.

interface ActionEvent {
  check_run: { id: number; name: string; head_sha: string; external_id: string; html_url: string; app: { id: number }; output: Record<string, unknown> };
  requested_action: { identifier: string };
  repository: { name: string; owner: { login: string } };
  sender: { login: string };
  installation: { id: number };
}

const CONFIG = 'pipelines:\n  - name: myapp-ecs-pipeline\n    region: us-east-1\n    branches: [main]\n';

interface World {
  github: FakeGitHub;
  aws: FakeAws;
  app: Listening;
  routes: AppRoutes;
  e: ActionEvent;
  truth: ScenarioCase;
}

let w: World | undefined;
const savedEnv = { ...process.env };

afterEach(async () => {
  if (!w) return;
  const { github, routes } = w;
  const rejections = github.rejections();
  const responseErrors = github.responseErrors();
  await w.app.close();
  await github.stop();
  await w.aws.close();
  w = undefined;
  process.env = { ...savedEnv };
  expect(rejections).toEqual([]);
  expect(responseErrors).toEqual([]);
  expect(routes.jwtErrors).toEqual([]);
});

/** Fake AWS at `tick`, fake GitHub with the repository's collaborators, the app, and a run of ours to click on. */
async function start(c: ScenarioCase, o: { tick: number; run: { name: string; externalId: string }; click: string; sender: string; faults?: FaultOptions }): Promise<World> {
  const e = example<ActionEvent>('check_run', 'requested_action');
  const owner = e.repository.owner.login;
  const repo = e.repository.name;
  const aws = await startFakeAws({ scenario: c.scenario, advance: 'manual', faults: o.faults });
  aws.tick(o.tick);
  // The app's AWS clients take the SDK's default chain: the fake's endpoint and key.
  Object.assign(process.env, aws.env());
  const keys = keyPair();
  const routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: e.installation.id });
  const people = new CollaboratorRoutes(`${owner}/${repo}`, { alice: 'write', maya: 'maintain', bob: 'read', tina: 'triage' });
  const github = await FakeGitHub.start({ owner, repo, token: INSTALLATION_TOKEN, app: APP, extension: combineExtensions(routes, people) });
  routes.commit(`${owner}/${repo}`, '5555555555555555555555555555555555555555', [{ path: CONFIG_PATH, content: CONFIG }], 'main');
  const probot = new Probot({
    appId: APP.id,
    privateKey: keys.privateKey,
    secret: SECRET,
    baseUrl: github.url,
    logLevel: (process.env.APP_TEST_LOG_LEVEL as 'fatal' | undefined) ?? 'fatal',
    Octokit: UnpacedOctokit,
  });
  const app = await listen({ probot, app: { appId: APP.id, roles: parseRoleAllowList(undefined) } });
  const run = github.seedCheckRun({ name: o.run.name, head_sha: c.commit, status: 'in_progress', external_id: o.run.externalId }, APP);
  // As the tracker leaves it: a title, a summary and the buttons.
  run.output = { title: 'Waiting for approval', summary: 'The stage table', text: null };
  run.actions = o.click === 'stop' ? [BUTTONS.stop] : o.click === 'retry' ? [BUTTONS.retry] : [BUTTONS.approve, BUTTONS.reject];
  e.check_run = {
    ...e.check_run,
    id: run.id,
    name: run.name,
    head_sha: c.commit,
    external_id: o.run.externalId,
    html_url: `https://github.com/${owner}/${repo}/runs/${run.id}`,
    app: { ...e.check_run.app, id: APP.id },
    output: { ...e.check_run.output, ...run.output },
  };
  e.requested_action = { identifier: o.click };
  e.sender = { ...e.sender, login: o.sender };
  w = { github, aws, app, routes, e, truth: c };
  return w;
}

function approvalWorld(click: 'approve' | 'reject', sender: string, faults?: FaultOptions): Promise<World> {
  const c = scenarios.approvalThenApproved();
  // Tick 4: the approval (from tick 3) waits; the script would approve it at tick 9.
  return start(c, { tick: 4, run: { name: 'ECS pipeline / Approve', externalId: `${c.executionId}/Approve` }, click, sender, faults });
}

function theRun(x: World) {
  const run = x.github.checkRuns(x.truth.commit).find((r) => r.id === x.e.check_run.id);
  if (!run) throw new Error('the run is gone');
  return run;
}

/** A click as GitHub sends it: the payload carries the run's output as it is now. */
function click(x: World, o: { sender?: string; identifier?: string; externalId?: string } = {}): Promise<{ status: number }> {
  const now = theRun(x);
  const e: ActionEvent = {
    ...x.e,
    check_run: { ...x.e.check_run, external_id: o.externalId ?? x.e.check_run.external_id, output: { ...x.e.check_run.output, ...now.output } },
    requested_action: { identifier: o.identifier ?? x.e.requested_action.identifier },
    sender: { ...x.e.sender, login: o.sender ?? x.e.sender.login },
  };
  return deliver(x.app.url, 'check_run', e);
}

const pipelineCalls = (x: World) => x.aws.calls.filter((c) => c.service === 'codepipeline').map((c) => c.operation);

test('Approve by a user with write access: PutApprovalResult with the token of the waiting approval, and the run says who', async () => {
  const x = await approvalWorld('approve', 'alice');
  // The token the fake hands out for this execution's approval: the app must find it in GetPipelineState.
  const token = scenarios.fakeUuidFor(`approval/${x.truth.commit}`);
  expect((await deliver(x.app.url, 'check_run', x.e)).status).toBe(200);
  expect(x.aws.approvals).toEqual([
    { pipelineName: 'myapp-ecs-pipeline', stageName: 'Approve', actionName: 'ManualApproval', token, status: 'Approved', summary: `Approved by @alice on GitHub (${x.e.check_run.html_url})` },
  ]);
  const run = theRun(x);
  expect(run.output.summary).toMatch(/^\*\*✅ Approved by @alice\*\* at \d{4}-\d\d-\d\dT[\d:]+Z \(myapp-ecs-pipeline, Approve of execution [0-9a-f-]+\)\.\n\nThe stage table$/);
  expect(run.output.title).toBe('Waiting for approval');
  expect(run.actions).toEqual([]);
  // The token went to AWS only: never into anything sent to GitHub.
  expect(JSON.stringify(x.github.requests())).not.toContain(token);
  expect(pipelineCalls(x)).toEqual(['GetPipelineExecution', 'GetPipelineState', 'PutApprovalResult']);
});

test('Approve by a user with read (or triage) access, or no access at all: nothing in AWS, a note in the run', async () => {
  const x = await approvalWorld('approve', 'bob');
  for (const sender of ['bob', 'tina', 'mallory']) expect((await click(x, { sender })).status).toBe(200);
  expect(x.aws.calls).toEqual([]);
  expect(x.aws.approvals).toEqual([]);
  const run = theRun(x);
  expect(run.output.summary).toBe('The stage table');
  expect(run.actions.map((a) => a.identifier)).toEqual(['approve', 'reject']);
  for (const login of ['bob', 'tina', 'mallory']) {
    expect(run.output.text).toMatch(new RegExp(`@${login} asked to approve at \\S+, but only people with write access to this repository may; nothing was done\\.`));
  }
  expect(x.github.requests({ operation: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission' }).map((r) => r.status)).toEqual([200, 200, 404]);
});

test('Reject by a maintainer: PutApprovalResult Rejected', async () => {
  const x = await approvalWorld('reject', 'maya');
  expect((await deliver(x.app.url, 'check_run', x.e)).status).toBe(200);
  expect(x.aws.approvals.map((a) => [a.stageName, a.actionName, a.status, a.summary?.split(' (')[0]])).toEqual([['Approve', 'ManualApproval', 'Rejected', 'Rejected by @maya on GitHub']]);
  expect(theRun(x).output.summary).toMatch(/^\*\*🚫 Rejected by @maya\*\*/);
});

test('a second click after the approval was answered changes nothing in AWS and says why', async () => {
  const x = await approvalWorld('approve', 'alice');
  expect((await deliver(x.app.url, 'check_run', x.e)).status).toBe(200);
  x.aws.tick();
  expect((await click(x, { identifier: 'reject' })).status).toBe(200);
  expect(x.aws.approvals.map((a) => a.status)).toEqual(['Approved']);
  expect(theRun(x).output.text).toMatch(/@alice asked to reject at \S+; nothing was done: no manual approval of this execution is waiting in Approve\./);
});

test('Stop on the execution\'s run: StopPipelineExecution, stop and wait, with who asked', async () => {
  const c = scenarios.success();
  const x = await start(c, { tick: 2, run: { name: 'ECS pipeline', externalId: c.executionId ?? '' }, click: 'stop', sender: 'alice' });
  expect((await deliver(x.app.url, 'check_run', x.e)).status).toBe(200);
  expect(x.aws.stops).toEqual([{ pipelineName: 'myapp-ecs-pipeline', executionId: c.executionId, reason: 'Stopped by @alice on GitHub', abandon: false }]);
  expect(theRun(x).output.summary).toMatch(/^\*\*⏹️ Stopped by @alice\*\* at \S+ \(myapp-ecs-pipeline, execution [0-9a-f-]+\)\./);
  // A button that does not belong to the run (Stop on a stage's run) is ignored.
  const calls = x.aws.calls.length;
  expect((await click(x, { externalId: `${c.executionId}/Build` })).status).toBe(200);
  expect(x.aws.calls.length).toBe(calls);
});

test('Retry on a failed stage: RetryStageExecution of the failed actions', async () => {
  const c = scenarios.buildFailureDockerDaemon();
  const x = await start(c, { tick: 5, run: { name: 'ECS pipeline / Build', externalId: `${c.executionId}/Build` }, click: 'retry', sender: 'alice' });
  expect((await deliver(x.app.url, 'check_run', x.e)).status).toBe(200);
  expect(x.aws.retries).toEqual([{ pipelineName: 'myapp-ecs-pipeline', executionId: c.executionId, stageName: 'Build', retryMode: 'FAILED_ACTIONS' }]);
  expect(theRun(x).output.summary).toMatch(/^\*\*🔁 Retried by @alice\*\*/);
  // Once it runs again, CodePipeline refuses a second retry: the run says so.
  expect((await click(x)).status).toBe(200);
  expect(x.aws.retries).toHaveLength(1);
  expect(theRun(x).output.text).toMatch(/nothing was done: CodePipeline refused: the stage cannot be retried now/);
});

test('AWS failing past the retries: the run says so, without the error\'s text', async () => {
  const x = await approvalWorld('approve', 'alice', { rate: 1, kinds: ['500'], maxPerInvocation: 10, operations: ['PutApprovalResult'] });
  expect((await click(x)).status).toBe(200);
  expect(x.aws.approvals).toEqual([]);
  expect(x.aws.calls.filter((c) => c.operation === 'PutApprovalResult').length).toBe(5);
  expect(theRun(x).output.text).toMatch(/@alice asked to approve at \S+; nothing was done: the request to AWS failed \(InternalFailure\); try again, or use the CodePipeline console\./);
  expect(JSON.stringify(x.github.requests())).not.toContain(scenarios.fakeUuidFor(`approval/${x.truth.commit}`));
});

test('a click with a wrong signature is refused and nothing happens', async () => {
  const x = await approvalWorld('approve', 'alice');
  const res = await deliver(x.app.url, 'check_run', x.e, { secret: 'not-the-secret' });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(x.aws.calls).toEqual([]);
  expect(x.github.writes()).toEqual([]);
});

test('the execution and stage come from external_id; anything else is not a run of a pipeline', () => {
  expect(targetOf('3137f7cb-8d49-4ae1-9e0c-5e0c6b1d2a4f')).toEqual({ executionId: '3137f7cb-8d49-4ae1-9e0c-5e0c6b1d2a4f' });
  expect(targetOf('3137f7cb-8d49-4ae1-9e0c-5e0c6b1d2a4f/Deploy-Staging')).toEqual({ executionId: '3137f7cb-8d49-4ae1-9e0c-5e0c6b1d2a4f', stageName: 'Deploy-Staging' });
  for (const v of ['', null, undefined, 'lgtm|26764', '3137f7cb-8d49-4ae1-9e0c-5e0c6b1d2a4f/']) expect(targetOf(v)).toBeUndefined();
});
