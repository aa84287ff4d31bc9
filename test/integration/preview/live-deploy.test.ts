/** The live-side adapter (CodeDeploy, ECS, CodePipeline SDK clients) against the fake AWS: endpoints, shapes, errors. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createLiveDeploy } from '../../../src/adapters/aws/live-deploy.js';
import { previewScenario, startFakeAws, type FakeAws } from '../../fakes/aws/index.js';
import { useEnv } from '../aws/helpers.js';
import { fixtureScenario, liveHarness, PREVIEW_AWS_VARS, type LiveHarness } from './helpers.js';

const DEAD = 'http://127.0.0.1:9';
const Q = { applicationName: 'myapp-ecs', deploymentGroupName: 'myapp-ecs-dg' };

let h: LiveHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the live deploy adapter', () => {
  it('reads the deploy target, the service and its PRIMARY task set, and the task definition as the API returns it', async () => {
    h = await liveHarness(fixtureScenario('memory-and-env'));
    const dg = await h.live.deploymentGroup(Q);
    expect(dg).toEqual({
      ok: true,
      value: {
        cluster: 'myapp-cluster',
        service: 'myapp-ecs-service',
        targetGroups: ['myapp-ecs-service-tg-blue', 'myapp-ecs-service-tg-green'],
        prodListenerArns: [expect.stringMatching(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:listener\/app\//)],
        testListenerArns: [expect.stringMatching(/^arn:aws:elasticloadbalancing:/)],
      },
    });
    const svc = await h.live.service({ cluster: 'myapp-cluster', service: 'myapp-ecs-service' });
    expect(svc).toEqual({
      ok: true,
      value: { serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/myapp-cluster/myapp-ecs-service', taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/myapp:7', from: 'primary task set' },
    });
    const td = await h.live.taskDefinition('arn:aws:ecs:us-east-1:123456789012:task-definition/myapp:7');
    expect(td.ok).toBe(true);
    const value = (td as { value: Record<string, unknown> }).value;
    expect(value).toMatchObject({ family: 'myapp', revision: 7, status: 'ACTIVE', memory: '512', compatibilities: ['EC2', 'FARGATE'] });
    // Dates come back as ISO strings: the value is plain JSON.
    expect(value.registeredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const pipeline = await h.live.pipeline('myapp-ecs-pipeline');
    expect(pipeline.ok && (pipeline.value.pipeline as { stages: unknown[] }).stages).toHaveLength(3);
  });

  it('a rolling (ECS controller) service: the PRIMARY deployment; a deleted one: missing', async () => {
    const scenario = previewScenario(fixtureScenario('memory-and-env'));
    scenario.deploy!.services![0].controller = 'ECS';
    scenario.deploy!.services!.push({ cluster: 'myapp-cluster', name: 'old-service', status: 'INACTIVE' });
    const fake = await startFakeAws({ scenario });
    const env = useEnv();
    env.set(Object.fromEntries(PREVIEW_AWS_VARS.map((k) => [k, undefined])));
    env.set(fake.env());
    const live = createLiveDeploy({ region: 'us-east-1', retryDelayScale: 0.01 });
    try {
      expect(await live.service({ cluster: 'myapp-cluster', service: 'myapp-ecs-service' })).toMatchObject({ ok: true, value: { from: 'primary deployment', taskDefinitionArn: expect.stringMatching(/myapp:7$/) } });
      expect(await live.service({ cluster: 'myapp-cluster', service: 'old-service' })).toMatchObject({ ok: false, reason: 'missing', message: expect.stringContaining('the service is INACTIVE (deleted)') });
    } finally {
      live.destroy();
      env.restore();
      await fake.close();
    }
  });

  it('missing things are `missing`, with what to check', async () => {
    h = await liveHarness(fixtureScenario('memory-and-env'));
    expect(await h.live.deploymentGroup({ applicationName: 'nope', deploymentGroupName: 'x' })).toEqual({
      ok: false,
      reason: 'missing',
      message: "cannot read the deployment group x of the CodeDeploy application nope: there is no CodeDeploy application nope in us-east-1; check ApplicationName in the pipeline's deploy action",
    });
    expect(await h.live.service({ cluster: 'other', service: 'myapp-ecs-service' })).toMatchObject({ ok: false, reason: 'missing', message: expect.stringContaining('there is no ECS cluster other in us-east-1') });
    expect(await h.live.service({ cluster: 'myapp-cluster', service: 'gone' })).toMatchObject({ ok: false, reason: 'missing', message: 'cannot read the ECS service gone of cluster myapp-cluster: the cluster has no service gone' });
    expect(await h.live.taskDefinition('myapp:99')).toMatchObject({ ok: false, reason: 'missing', message: expect.stringContaining('ECS cannot describe it') });
    expect(await h.live.pipeline('other-pipeline')).toMatchObject({ ok: false, reason: 'missing', message: 'cannot read the pipeline other-pipeline: there is no pipeline other-pipeline in us-east-1; check the pipeline name and region' });
  });

  it('throttling and 5xx are retried by the SDK; the answer is the same', async () => {
    h = await liveHarness(fixtureScenario('memory-and-env'), { faults: { rate: 1, maxPerInvocation: 1, seed: 5 } }, { maxAttempts: 3 });
    expect(await h.live.deploymentGroup(Q)).toMatchObject({ ok: true });
    expect(await h.live.service({ cluster: 'myapp-cluster', service: 'myapp-ecs-service' })).toMatchObject({ ok: true });
    expect(h.fake.faultCounts()).toEqual({ GetDeploymentGroup: 1, DescribeServices: 1 });
  });

  it('no credentials: `failed`, saying how to configure them', async () => {
    h = await liveHarness(fixtureScenario('memory-and-env'));
    const env = useEnv();
    env.set({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    const live = createLiveDeploy({ region: 'us-east-1', maxAttempts: 1 });
    try {
      expect(await live.deploymentGroup(Q)).toMatchObject({ ok: false, reason: 'failed', message: expect.stringContaining('no AWS credentials were found') });
    } finally {
      live.destroy();
      env.restore();
    }
    expect(h.fake.calls).toEqual([]);
  });
});

describe('endpoints of the two new services', () => {
  const env = useEnv();
  let a: FakeAws;
  let b: FakeAws;
  afterEach(async () => {
    env.restore();
    await a.close();
    await b.close();
  });

  it('AWS_ENDPOINT_URL_CODEDEPLOY and AWS_ENDPOINT_URL_ECS win over AWS_ENDPOINT_URL, service by service', async () => {
    const scenario = previewScenario(fixtureScenario('memory-and-env'));
    a = await startFakeAws({ scenario });
    b = await startFakeAws({ scenario });
    env.set(Object.fromEntries(PREVIEW_AWS_VARS.map((k) => [k, undefined])));
    env.set({ ...a.env(), AWS_ENDPOINT_URL: DEAD, AWS_ENDPOINT_URL_CODEDEPLOY: a.url, AWS_ENDPOINT_URL_ECS: b.url, AWS_ENDPOINT_URL_CODEPIPELINE: b.url });
    const live = createLiveDeploy({ region: 'us-east-1', maxAttempts: 1 });
    try {
      expect(await live.deploymentGroup(Q)).toMatchObject({ ok: true });
      expect(await live.service({ cluster: 'myapp-cluster', service: 'myapp-ecs-service' })).toMatchObject({ ok: true });
      expect(await live.pipeline('myapp-ecs-pipeline')).toMatchObject({ ok: true });
    } finally {
      live.destroy();
    }
    expect(a.calls.map((c) => c.service)).toEqual(['codedeploy']);
    expect(b.calls.map((c) => c.service).sort()).toEqual(['codepipeline', 'ecs']);
  });
});
