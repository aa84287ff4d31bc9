import type { ExecutionSnapshot } from '../../../src/core/pipeline/model.js';
import { scenarios, type FaultOptions } from '../../fakes/aws/index.js';
import { harness, type Harness } from './helpers.js';

const { BUCKET, COMMIT, PIPELINE, REPOSITORY } = scenarios;

/** Everything the tracker reads for one execution, as it would read it. */
async function trackAll(h: Harness, executionId: string): Promise<unknown> {
  const p = h.ports.pipeline;
  const listed = (await p.listExecutions({ pipelineName: PIPELINE, maxResults: 5 })).items.find((e) => e.sourceRevisions.some((r) => r.revisionId === COMMIT));
  const snaps: ExecutionSnapshot[] = [];
  for (let i = 0; i < 20; i++) {
    const s = await p.snapshot({ pipelineName: PIPELINE, executionId });
    snaps.push(s);
    if (s.status !== 'InProgress') break;
  }
  const actions = await p.actionExecutions({ pipelineName: PIPELINE, executionId });
  const build = actions.find((a) => a.name === 'BuildImage')!;
  const deploy = actions.find((a) => a.name === 'ECS-BlueGreen')!;
  const image = await h.ports.images.describe({ repository: REPOSITORY, tag: build.outputVariables!.IMAGE_TAG });
  const detail = await h.ports.images.imageDetailFromArtifact({ bucket: BUCKET, key: deploy.inputArtifacts![0].key! });
  const log = await h.ports.logs.tail({ buildId: build.externalExecutionId!, lines: 30 });
  const sources = await p.sourceActions(PIPELINE);
  return { listed, snaps, actions, image, detail, log, sources };
}

describe('the SDK standard retry strategy against 30 % throttling and 5xx', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  test('every port method returns exactly what it returns without faults', async () => {
    const c = scenarios.success();
    h = await harness({ scenario: c.scenario });
    const clean = await trackAll(h, c.executionId!);
    const cleanCounts = h.fake.counts();
    await h.close();

    h = await harness({ scenario: scenarios.success().scenario, faults: scenarios.FAULTS_30 });
    const faulty = await trackAll(h, c.executionId!);
    expect(faulty).toEqual(clean);
    // Each logical call was answered once; the faults came on top, and were retried.
    expect(h.fake.counts({ includeFaults: false })).toEqual(cleanCounts);
    const faults = h.fake.calls.filter((x) => x.fault);
    const total = h.fake.calls.length;
    expect(faults.length / total).toBeGreaterThan(0.15);
    expect(faults.some((f) => f.error === 'ThrottlingException')).toBe(true);
    expect(faults.some((f) => f.status >= 500)).toBe(true);
    expect(Object.keys(h.fake.faultCounts()).length).toBeGreaterThan(3);
  });

  test('the configured attempts are the limit: one attempt surfaces the fault', async () => {
    const always: FaultOptions = { rate: 1, kinds: ['throttle'], maxPerInvocation: 10 };
    h = await harness({ scenario: scenarios.success().scenario, faults: always }, { maxAttempts: 1 });
    await expect(h.ports.pipeline.listExecutions({ pipelineName: PIPELINE })).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400, attempts: 1 },
    });
    await h.close();
    h = await harness({ scenario: scenarios.success().scenario, faults: { rate: 1, kinds: ['503'], maxPerInvocation: 10 } }, { maxAttempts: 3 });
    await expect(h.ports.images.describe({ repository: REPOSITORY, tag: '4c1f3e9' })).rejects.toMatchObject({ $metadata: { httpStatusCode: 503, attempts: 3 } });
    expect(h.fake.counts()).toEqual({ DescribeImages: 3 });
  });

  test('retries stop at the first success; errors that are not transient are not retried', async () => {
    h = await harness({ scenario: scenarios.success().scenario, faults: { rate: 1, kinds: ['500'], maxPerInvocation: 2 } });
    await h.ports.pipeline.sourceActions(PIPELINE);
    expect(h.fake.calls.map((x) => x.status)).toEqual([500, 500, 200]);
    h.fake.setFaults(undefined);
    h.fake.resetCounts();
    await expect(h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: '11111111-2222-4333-8444-555555555555' })).rejects.toMatchObject({ name: 'PipelineExecutionNotFoundException' });
    expect(h.fake.calls).toHaveLength(1);
  });

  test('a request that gets no answer times out and is retried', async () => {
    h = await harness({ scenario: scenarios.success().scenario, faults: { rate: 1, kinds: ['timeout'], maxPerInvocation: 1 } }, { requestTimeoutMs: 300 });
    const started = Date.now();
    expect(await h.ports.pipeline.sourceActions(PIPELINE)).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(h.fake.calls.map((x) => x.error ?? x.status)).toEqual(['timeout', 200]);
  });

  test('the clients use the standard strategy with 5 attempts by default', async () => {
    h = await harness({ scenario: scenarios.success().scenario });
    const strategy = await (h.ports.pipeline.client.config.retryStrategy as unknown as () => Promise<{ mode: string; maxAttempts(): Promise<number> }>)();
    expect(strategy.mode).toBe('standard');
    expect(await strategy.maxAttempts()).toBe(5);
  });

  test('a 5xx after StartPipelineExecution took effect: the retry with the same token gets the same execution', async () => {
    const c = scenarios.startable();
    h = await harness({ scenario: c.scenario, faults: { rate: 1, kinds: ['500'], operations: ['StartPipelineExecution'], maxPerInvocation: 1 } });
    const id = await h.ports.pipeline.start({
      pipelineName: PIPELINE,
      clientRequestToken: 'my-org-myapp-4c1f3e9-1',
      sourceRevisions: [{ actionName: 'GitHub', revisionType: 'COMMIT_ID', revisionValue: COMMIT }],
    });
    expect(h.fake.starts.map((s) => [s.executionId, s.duplicate])).toEqual([
      [id, false],
      [id, true],
    ]);
    const forCommit = (await h.ports.pipeline.listExecutions({ pipelineName: PIPELINE })).items.filter((e) => e.sourceRevisions[0]?.revisionId === COMMIT);
    expect(forCommit).toHaveLength(1);
  });
});
