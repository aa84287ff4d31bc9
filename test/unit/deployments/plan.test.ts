import { desiredDeployments, existingDeployment, statusNeeded, toInactivate, type ListedDeployment } from '../../../src/core/deployments/plan.js';
import type { ExecutionSnapshot, StageStatus } from '../../../src/core/pipeline/model.js';

const SHA = '4c1f3e9a7b2d8c6e0f5a1b3c9d7e2f4a6b8c0d1e';
const IMAGE = { uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:4c1f3e9', tag: '4c1f3e9', digest: 'sha256:0d5c3a5e', foundIn: 'imageDetail.json' };
const MAPPING = { 'Deploy-Staging': { environment: 'staging', environment_url: 'https://staging.myapp.example.com' }, 'Deploy-Production': { environment: 'production' } };

function snapshot(stages: Record<string, StageStatus>, executionId = 'exec-1'): ExecutionSnapshot {
  return {
    pipelineName: 'myapp-ecs-pipeline',
    region: 'us-east-1',
    executionId,
    status: 'InProgress',
    sourceRevisions: [{ actionName: 'Source', revisionId: SHA }],
    stages: Object.entries(stages).map(([name, status]) => ({ name, status, actions: [] })),
  };
}

test('one deployment per mapped stage that has started, with its state, URL and image', () => {
  const s = snapshot({ Source: 'Succeeded', Build: 'Succeeded', 'Deploy-Staging': 'Succeeded', 'Deploy-Production': 'InProgress' });
  const d = desiredDeployments({ snapshot: s, mapping: MAPPING, sha: SHA, image: IMAGE, logUrl: 'https://console.aws.amazon.com/x' });
  expect(d.map((x) => [x.stage, x.environment, x.state, x.environmentUrl])).toEqual([
    ['Deploy-Staging', 'staging', 'success', 'https://staging.myapp.example.com'],
    ['Deploy-Production', 'production', 'in_progress', undefined],
  ]);
  expect(d[0]).toMatchObject({ ref: SHA, logUrl: 'https://console.aws.amazon.com/x', description: 'myapp-ecs-pipeline / Deploy-Staging: deployed' });
  expect(d[0].payload).toEqual({ pipeline: 'myapp-ecs-pipeline', region: 'us-east-1', executionId: 'exec-1', stage: 'Deploy-Staging', image: { uri: IMAGE.uri, tag: '4c1f3e9', digest: 'sha256:0d5c3a5e' } });
});

test('stages not reached, skipped or unmapped have no deployment; failures and stops map to failure and error', () => {
  expect(desiredDeployments({ snapshot: snapshot({ 'Deploy-Staging': 'NotStarted', 'Deploy-Production': 'Skipped', Build: 'Failed' }), mapping: MAPPING, sha: SHA })).toEqual([]);
  const d = desiredDeployments({ snapshot: snapshot({ 'deploy-staging': 'Failed', 'Deploy-Production': 'Stopped' }), mapping: MAPPING, sha: SHA });
  expect(d.map((x) => [x.environment, x.state])).toEqual([['staging', 'failure'], ['production', 'error']]);
  expect(d[0].payload.image).toBeUndefined();
});

function listed(id: number, o: Partial<ListedDeployment> & { executionId?: string; stage?: string } = {}): ListedDeployment {
  return { id, sha: SHA, environment: 'staging', created_at: `2025-05-06T09:0${id}:00Z`, payload: { executionId: o.executionId ?? `exec-${id}`, stage: o.stage ?? 'Deploy-Staging' }, ...o };
}

test('the existing deployment is the one of the same execution, stage, commit and environment', () => {
  const [want] = desiredDeployments({ snapshot: snapshot({ 'Deploy-Staging': 'InProgress' }, 'exec-2'), mapping: MAPPING, sha: SHA });
  expect(existingDeployment(want, [listed(1), listed(2), listed(3)])?.id).toBe(2);
  expect(existingDeployment(want, [listed(2, { stage: 'Deploy-Production' }), listed(2, { sha: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d' })])).toBeUndefined();
  // A payload GitHub hands back as a JSON string.
  expect(existingDeployment(want, [{ ...listed(2), payload: JSON.stringify({ executionId: 'exec-2', stage: 'Deploy-Staging' }) }])?.id).toBe(2);
  expect(existingDeployment(want, [{ ...listed(2), payload: 'not json' }])).toBeUndefined();
});

test('statuses only on change, never back from a finished state', () => {
  expect(statusNeeded('in_progress', undefined)).toBe(true);
  expect(statusNeeded('in_progress', 'in_progress')).toBe(false);
  expect(statusNeeded('success', 'in_progress')).toBe(true);
  expect(statusNeeded('in_progress', 'success')).toBe(false);
  expect(statusNeeded('in_progress', 'failure')).toBe(false);
  expect(statusNeeded('failure', 'success')).toBe(true);
});

test('older live deployments of the environment become inactive; newer, failed and other environments stay', () => {
  const current = listed(3);
  const all = [listed(1, { state: 'success' }), listed(2, { state: 'failure' }), current, listed(4, { state: 'success' }), listed(0, { state: 'success', environment: 'production' }), listed(5, { state: 'inactive' })];
  expect(toInactivate(current, all)).toEqual([1]);
});
