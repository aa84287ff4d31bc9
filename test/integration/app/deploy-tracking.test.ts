import { jest } from '@jest/globals';
import { trackers } from '../../../src/app/tracking/registry.js';
import { scenarios } from '../../fakes/aws/index.js';
import { deliver } from './helpers.js';
import { executionEvents, postAll, shuffled } from './event-helpers.js';
import { pushExample, startPipelineApp, type PipelineHarness, stopClean } from './push-helpers.js';

/**
 * `report: [checks, deployments]`: the tracker (after a push) and the
 * EventBridge updates make each deploy stage a GitHub Deployment, against the
 * fake GitHub that checks every body against GitHub's OpenAPI description.
 */

jest.setTimeout(60_000);

const { COMMIT, PREVIOUS_COMMIT, PIPELINE, REGION } = scenarios;
const EB_SECRET = 'eventbridge-shared-secret-for-tests';
const CONFIG = [
  'pipelines:',
  `  - name: ${PIPELINE}`,
  `    region: ${REGION}`,
  '    branches: [master, main]',
  'report: [checks, deployments]',
  'deployments:',
  '  Deploy:',
  '    environment: production',
  '    environment_url: https://myapp.example.com',
  '',
].join('\n');
const MYAPP = { repository: { name: 'myapp', owner: { login: 'my-org' } }, installation: { id: 4242 } };

let h: PipelineHarness | undefined;

afterEach(async () => {
  const done = h;
  h = undefined;
  if (done) await stopClean(done);
});

function push(sha: string) {
  const e = pushExample(sha);
  return { ...e, repository: { ...e.repository, name: 'myapp', full_name: 'my-org/myapp', owner: { login: 'my-org', name: 'my-org' } }, installation: { id: 4242 } };
}

function deployments(): Array<[string, string, string[]]> {
  return h!.gh.fake.deployments().map((d) => [d.environment, d.sha, h!.gh.fake.deploymentStatuses(d.id).map((s) => s.state)]);
}

test('each tracked execution gets a production deployment that follows its Deploy stage; the newer success retires the older one', async () => {
  const c = scenarios.success();
  h = await startPipelineApp(MYAPP, c.scenario, CONFIG);
  // The commit deployed before (finished already), then the new one, followed as it runs.
  expect((await deliver(h.gh.app.url, 'push', push(PREVIOUS_COMMIT))).status).toBe(200);
  await trackers.idle();
  expect(deployments()).toEqual([['production', PREVIOUS_COMMIT, ['success']]]);
  expect((await deliver(h.gh.app.url, 'push', push(COMMIT))).status).toBe(200);
  await trackers.idle();
  expect(deployments()).toEqual([
    ['production', PREVIOUS_COMMIT, ['success', 'inactive']],
    ['production', COMMIT, ['in_progress', 'success']],
  ]);
  const latest = h.gh.fake.deployments().find((d) => d.sha === COMMIT)!;
  expect(latest).toMatchObject({ task: 'deploy', environment: 'production', ref: COMMIT });
  expect(latest.payload).toMatchObject({ pipeline: PIPELINE, region: REGION, executionId: c.executionId, stage: 'Deploy', image: { uri: c.truth.image!.uri, tag: c.truth.image!.tag, digest: c.truth.image!.digest } });
  const success = h.gh.fake.deploymentStatuses(latest.id).find((s) => s.state === 'success');
  expect(success).toMatchObject({ environment_url: 'https://myapp.example.com', log_url: expect.stringContaining(`/executions/${c.executionId}/timeline`) });
  // The check runs are there as ever.
  expect(h.gh.fake.checkRuns(COMMIT).map((r) => r.conclusion)).toEqual(['success', 'success', 'success', 'success']);
});

test('EventBridge updates make the same deployment, once, whatever the order of the events', async () => {
  const c = scenarios.success();
  h = await startPipelineApp(MYAPP, c.scenario, CONFIG, { eventbridge: EB_SECRET, aws: { advance: 'manual' } });
  const events = executionEvents({ region: REGION, pipeline: PIPELINE, executionId: c.executionId!, stages: [{ name: 'Source', actions: ['GitHub'] }, { name: 'Build', actions: ['BuildImage'] }, { name: 'Deploy', actions: ['ECS-BlueGreen'] }] });
  // Deploying now.
  h.aws.tick(5);
  await postAll(h.gh.app.url, EB_SECRET, events.slice(0, 10), 3);
  await h.gh.app.events!.idle();
  expect(deployments()).toEqual([['production', COMMIT, ['in_progress']]]);
  h.aws.tick(10);
  await postAll(h.gh.app.url, EB_SECRET, shuffled(events, 60, 5), 8);
  await h.gh.app.events!.idle();
  expect(deployments()).toEqual([['production', COMMIT, ['in_progress', 'success']]]);
});
