import { getOctokit } from '@actions/github';
import { syncDeployments, type SyncDeploymentsInput } from '../../../src/app/deployments.js';
import type { ExecutionSnapshot, StageStatus } from '../../../src/core/pipeline/model.js';
import { FakeGitHub } from '../../fakes/github/index.js';

/** The deployments writer against the OpenAPI-validating fake GitHub. */

const OWNER = 'my-org';
const REPO = 'myapp';
const SHA1 = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d';
const SHA2 = '4c1f3e9a7b2d8c6e0f5a1b3c9d7e2f4a6b8c0d1e';
const MAPPING = { 'Deploy-Staging': { environment: 'staging', environment_url: 'https://staging.myapp.example.com' }, 'Deploy-Production': { environment: 'production' } };
const IMAGE = { uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:4c1f3e9', tag: '4c1f3e9', digest: 'sha256:0d5c3a5e8f0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d', foundIn: 'imageDetail.json' };

let fake: FakeGitHub;
let input: (sha: string, executionId: string, stages: Record<string, StageStatus>) => SyncDeploymentsInput;

beforeEach(async () => {
  fake = await FakeGitHub.start({ owner: OWNER, repo: REPO, refs: { main: SHA2 } });
  const client = getOctokit(fake.token, { baseUrl: fake.url, request: { fetch: globalThis.fetch } });
  input = (sha, executionId, stages) => {
    const snapshot: ExecutionSnapshot = {
      pipelineName: 'myapp-ecs-pipeline',
      region: 'us-east-1',
      executionId,
      status: 'InProgress',
      sourceRevisions: [{ actionName: 'Source', revisionId: sha }],
      stages: Object.entries(stages).map(([name, status]) => ({ name, status, actions: [] })),
    };
    return { client, owner: OWNER, repo: REPO, sha, snapshot, mapping: MAPPING, image: IMAGE, logUrl: `https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/myapp-ecs-pipeline/executions/${executionId}/timeline` };
  };
});

afterEach(async () => {
  const rejections = fake.rejections();
  const responseErrors = fake.responseErrors();
  await fake.stop();
  expect(rejections).toEqual([]);
  expect(responseErrors).toEqual([]);
});

function states(): Array<[string, string, string[]]> {
  return fake.deployments().map((d) => [d.environment, d.sha, fake.deploymentStatuses(d.id).map((s) => s.state)]);
}

test('a deploy stage gets a deployment that follows it; repeated snapshots write nothing more', async () => {
  const r1 = await syncDeployments(input(SHA2, 'exec-2', { Build: 'Succeeded', 'Deploy-Staging': 'InProgress', 'Deploy-Production': 'NotStarted' }));
  expect(r1.created.map((c) => c.environment)).toEqual(['staging']);
  await syncDeployments(input(SHA2, 'exec-2', { Build: 'Succeeded', 'Deploy-Staging': 'InProgress', 'Deploy-Production': 'NotStarted' }));
  const writes = fake.writes().length;
  await syncDeployments(input(SHA2, 'exec-2', { Build: 'Succeeded', 'Deploy-Staging': 'InProgress', 'Deploy-Production': 'NotStarted' }));
  expect(fake.writes().length).toBe(writes);
  await syncDeployments(input(SHA2, 'exec-2', { Build: 'Succeeded', 'Deploy-Staging': 'Succeeded', 'Deploy-Production': 'Failed' }));
  // A stale snapshot (read before the last write) does not take the deployment back.
  await syncDeployments(input(SHA2, 'exec-2', { Build: 'Succeeded', 'Deploy-Staging': 'InProgress', 'Deploy-Production': 'NotStarted' }));
  expect(states()).toEqual([
    ['staging', SHA2, ['in_progress', 'success']],
    ['production', SHA2, ['failure']],
  ]);
  const [staging] = fake.deployments();
  expect(staging.payload).toEqual({ pipeline: 'myapp-ecs-pipeline', region: 'us-east-1', executionId: 'exec-2', stage: 'Deploy-Staging', image: { uri: IMAGE.uri, tag: IMAGE.tag, digest: IMAGE.digest } });
  expect(staging.task).toBe('deploy');
  const success = fake.deploymentStatuses(staging.id).find((s) => s.state === 'success');
  expect(success).toMatchObject({ environment_url: 'https://staging.myapp.example.com', log_url: expect.stringContaining('/executions/exec-2/') });
});

test('a newer successful deployment sets the older live one of the environment inactive', async () => {
  await syncDeployments(input(SHA1, 'exec-1', { 'Deploy-Staging': 'Succeeded' }));
  await syncDeployments(input(SHA2, 'exec-2', { 'Deploy-Staging': 'InProgress' }));
  expect(states()).toEqual([
    ['staging', SHA1, ['success']],
    ['staging', SHA2, ['in_progress']],
  ]);
  const r = await syncDeployments(input(SHA2, 'exec-2', { 'Deploy-Staging': 'Succeeded' }));
  expect(r.inactivated).toHaveLength(1);
  expect(states()).toEqual([
    ['staging', SHA1, ['success', 'inactive']],
    ['staging', SHA2, ['in_progress', 'success']],
  ]);
  // The same again: nothing to do.
  const writes = fake.writes().length;
  await syncDeployments(input(SHA2, 'exec-2', { 'Deploy-Staging': 'Succeeded' }));
  expect(fake.writes().length).toBe(writes);
});
