import { jest } from '@jest/globals';
import { trackers } from '../../../src/app/tracking/registry.js';
import { scenarios } from '../../fakes/aws/index.js';
import { APP, deliver, example } from './helpers.js';
import { pushExample, startPipelineApp, type PipelineHarness, stopClean } from './push-helpers.js';

/**
 * `push`, `check_run.rerequested` and `check_suite.rerequested` on the
 * pipeline's runs, with the real example payloads sent as signed HTTP
 * requests, a fake GitHub and a fake AWS playing CodePipeline.
 */

const { COMMIT, PIPELINE, REGION } = scenarios;
const CONFIG = `pipelines:\n  - name: ${PIPELINE}\n    region: ${REGION}\n    branches: [master, changes]\n`;
const STAGES = ['ECS pipeline', 'ECS pipeline / Source', 'ECS pipeline / Build', 'ECS pipeline / Deploy'];

// Probot's installation client spaces writes a second apart (plugin-throttling), so a tracked execution takes seconds.
jest.setTimeout(120_000);

let h: PipelineHarness | undefined;

afterEach(async () => {
  const done = h;
  h = undefined;
  if (done) await stopClean(done);
});

const CREATE = 'POST /repos/{owner}/{repo}/check-runs';

function runs(sha = COMMIT) {
  return h!.gh.fake.checkRuns(sha).filter((r) => r.name.startsWith('ECS pipeline')).map((r) => ({ id: r.id, name: r.name, status: r.status, conclusion: r.conclusion, externalId: r.external_id }));
}

test('a push to a configured branch queues the runs, answers at once, and follows the execution to success', async () => {
  const e = pushExample(COMMIT);
  // CodePipeline has not started the execution yet when the push arrives: its first look finds nothing.
  const c = scenarios.lateExecution({ listCalls: 1 });
  h = await startPipelineApp(e, c.scenario, CONFIG);
  const res = await deliver(h.gh.app.url, 'push', e);
  expect(res.status).toBe(200);
  // Tracking goes on after the answer.
  expect(trackers.size).toBe(1);
  await trackers.idle();

  const creates = h.gh.fake.requests({ operation: CREATE }).map((r) => r.body as { name: string; status: string; external_id: string });
  expect(creates.map((b) => [b.name, b.status, b.external_id])).toEqual(
    STAGES.map((n, i) => [n, 'queued', `pending-${COMMIT.slice(0, 12)}${i === 0 ? '' : `/${n.slice('ECS pipeline / '.length)}`}`]),
  );
  const end = runs();
  expect(end.map((r) => [r.name, r.status, r.conclusion, r.externalId])).toEqual(
    STAGES.map((n, i) => [n, 'completed', 'success', i === 0 ? c.executionId : `${c.executionId}/${n.slice('ECS pipeline / '.length)}`]),
  );

  // A redelivery (or another replica) updates the same runs: no duplicates.
  expect((await deliver(h.gh.app.url, 'push', e)).status).toBe(200);
  await trackers.idle();
  expect(runs().map((r) => [r.id, r.conclusion])).toEqual(end.map((r) => [r.id, 'success']));
});

test('a push whose execution already runs gets its runs in their true state at once: nothing queued, no stage names read', async () => {
  const e = pushExample(COMMIT);
  const c = scenarios.success();
  h = await startPipelineApp(e, c.scenario, CONFIG);
  expect((await deliver(h.gh.app.url, 'push', e)).status).toBe(200);
  await trackers.idle();

  const creates = h.gh.fake.requests({ operation: CREATE }).map((r) => r.body as { name: string; status: string; external_id: string });
  expect(creates.map((b) => b.name)).toEqual(STAGES);
  expect(creates.filter((b) => b.external_id.startsWith('pending-'))).toEqual([]);
  expect(creates[0].external_id).toBe(c.executionId);
  expect(runs().map((r) => [r.name, r.status, r.conclusion])).toEqual(STAGES.map((n) => [n, 'completed', 'success']));
  // One look at the history found it, and the tracker used it without searching again.
  expect(h.aws.counts().GetPipeline).toBeUndefined();
  expect(h.aws.calls.filter((x) => x.operation === 'ListPipelineExecutions')).toHaveLength(1);
});

test('a push to another branch, a tag or a deletion tracks nothing', async () => {
  const e = pushExample(COMMIT);
  h = await startPipelineApp(e, scenarios.success().scenario, `pipelines:\n  - name: ${PIPELINE}\n    region: ${REGION}\n    branches: [release/*]\n`);
  expect((await deliver(h.gh.app.url, 'push', e)).status).toBe(200);
  const tag = { ...pushExample(COMMIT), ref: 'refs/tags/v1.0.0' };
  expect((await deliver(h.gh.app.url, 'push', tag)).status).toBe(200);
  const release = { ...pushExample(COMMIT), ref: 'refs/heads/release/1.2', deleted: true };
  expect((await deliver(h.gh.app.url, 'push', release)).status).toBe(200);
  await trackers.idle();
  expect(runs()).toEqual([]);
  expect(h.aws.counts()).toEqual({});
});

test('a pipeline with an allowed role is read with that role: AssumeRole once, every later AWS call on its temporary credentials', async () => {
  const e = pushExample(COMMIT);
  const role = 'arn:aws:iam::123456789012:role/ecs-codepipeline-reader';
  const c = scenarios.success();
  // The fake answers nothing signed with the app's own key: only sessions of the role.
  h = await startPipelineApp(e, c.scenario, `${CONFIG}    role: ${role}\n`, { allowedRoles: role, aws: { sts: { roles: { [role]: {} }, require: role } } });
  expect((await deliver(h.gh.app.url, 'push', e)).status).toBe(200);
  await trackers.idle();
  expect(runs().map((r) => [r.name, r.status, r.conclusion])).toEqual(STAGES.map((n) => [n, 'completed', 'success']));
  const session = `ecs-codepipeline-${e.repository.owner.login}-${e.repository.name}`.slice(0, 64);
  expect(h.aws.sts.assumes.map((a) => [a.roleArn, a.sessionName, a.error])).toEqual([[role, session, undefined]]);
  expect(h.aws.calls.filter((x) => x.status !== 200)).toEqual([]);
  expect(h.aws.counts().GetPipelineState).toBeGreaterThan(1);
});

test('a role the trust policy refuses gives one failed run that says why, and no pipeline call', async () => {
  const e = pushExample(COMMIT);
  const role = 'arn:aws:iam::123456789012:role/ecs-codepipeline-reader';
  h = await startPipelineApp(e, scenarios.success().scenario, `${CONFIG}    role: ${role}\n`, { allowedRoles: role, aws: { sts: { roles: {} } } });
  expect((await deliver(h.gh.app.url, 'push', e)).status).toBe(200);
  await trackers.idle();
  const end = h.gh.fake.checkRuns(COMMIT);
  expect(end.map((r) => [r.name, r.conclusion])).toEqual([['ECS pipeline', 'failure']]);
  expect(end[0].output.summary).toContain(`Could not assume ${role}: AccessDenied`);
  expect(end[0].output.summary).toContain('trust policy');
  expect(h.aws.sts.assumes.map((a) => a.error)).toEqual(['AccessDenied']);
  expect(h.aws.counts()).toEqual({});
});

test('a push whose execution never appears closes its queued runs as neutral', async () => {
  const e = pushExample(COMMIT);
  const c = scenarios.startable();
  h = await startPipelineApp(e, c.scenario, CONFIG);
  expect((await deliver(h.gh.app.url, 'push', e)).status).toBe(200);
  await trackers.idle();
  const end = runs();
  expect(end.map((r) => [r.name, r.status, r.conclusion])).toEqual(STAGES.map((n) => [n, 'completed', 'neutral']));
  expect(h.aws.starts).toEqual([]);
});

test('Re-run on the failed stage retries its failed actions (FAILED_ACTIONS) and follows the execution to success', async () => {
  const run = example<{ check_run: { id: number; name: string; head_sha: string; app: { id: number } }; repository: { name: string; full_name: string; owner: { login: string } }; installation: { id: number } }>('check_run', 'rerequested');
  const push = pushExample(COMMIT);
  push.repository = { ...push.repository, name: run.repository.name, full_name: run.repository.full_name, owner: { ...push.repository.owner, login: run.repository.owner.login, name: run.repository.owner.login } };
  push.installation = { id: run.installation.id };
  const c = scenarios.buildFailureDockerDaemon();
  h = await startPipelineApp(run, c.scenario, CONFIG);
  expect((await deliver(h.gh.app.url, 'push', push)).status).toBe(200);
  await trackers.idle();
  const failed = runs();
  expect(failed.map((r) => [r.name, r.conclusion])).toEqual([
    ['ECS pipeline', 'failure'],
    ['ECS pipeline / Source', 'success'],
    ['ECS pipeline / Build', 'failure'],
    // Never reached by a failed execution: the action's conclusion for it.
    ['ECS pipeline / Deploy', 'cancelled'],
  ]);

  const build = failed.find((r) => r.name === 'ECS pipeline / Build')!;
  run.check_run = { ...run.check_run, id: build.id, name: build.name, head_sha: COMMIT, app: { ...run.check_run.app, id: APP.id } };
  expect((await deliver(h.gh.app.url, 'check_run', run)).status).toBe(200);
  await trackers.idle();
  expect(h.aws.retries).toEqual([{ pipelineName: PIPELINE, executionId: c.executionId, stageName: 'Build', retryMode: 'FAILED_ACTIONS' }]);
  expect(h.aws.starts).toEqual([]);
  expect(runs().map((r) => [r.id, r.name, r.conclusion])).toEqual(failed.map((r) => [r.id, r.name, 'success']));
});

test('Re-run all checks on a commit without an execution starts one for that commit', async () => {
  const suite = example<{ check_suite: { head_sha: string; head_branch: string }; repository: { name: string; owner: { login: string } }; installation: { id: number } }>('check_suite', 'rerequested');
  suite.check_suite.head_sha = COMMIT;
  const c = scenarios.startable();
  h = await startPipelineApp(suite, c.scenario, CONFIG);
  // The `ECS config` check of the re-run reads the commit's files.
  h.gh.commit(COMMIT, []);
  expect((await deliver(h.gh.app.url, 'check_suite', suite)).status).toBe(200);
  await trackers.idle();
  expect(h.aws.starts.map((s) => [s.sourceRevisions, s.duplicate])).toEqual([[[{ actionName: 'GitHub', revisionType: 'COMMIT_ID', revisionValue: COMMIT }], false]]);
  const end = runs();
  expect(end.map((r) => [r.name, r.conclusion, r.externalId])).toEqual(STAGES.map((n, i) => [n, 'success', i === 0 ? h!.aws.starts[0].executionId : `${h!.aws.starts[0].executionId}/${n.slice('ECS pipeline / '.length)}`]));
  // The same request delivered again starts nothing new (the start token is the request's).
  expect((await deliver(h.gh.app.url, 'check_suite', suite)).status).toBe(200);
  await trackers.idle();
  expect(h.aws.starts.filter((s) => !s.duplicate)).toHaveLength(1);
  expect(runs().map((r) => r.id)).toEqual(end.map((r) => r.id));
});
