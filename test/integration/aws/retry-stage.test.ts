import { scenarios } from '../../fakes/aws/index.js';
import { harness, type Harness } from './helpers.js';

const { PIPELINE } = scenarios;

/** PipelinePort.retryStage and stageNames (added for the app) against the fake's RetryStageExecution and GetPipeline. */
describe('retryStage on the fake CodePipeline', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  test('stageNames lists the stages in pipeline order', async () => {
    h = await harness({ scenario: scenarios.success().scenario });
    expect(await h.ports.pipeline.stageNames(PIPELINE)).toEqual(['Source', 'Build', 'Deploy']);
  });

  test('a failed stage is retried with FAILED_ACTIONS; the execution then runs to success under the same id', async () => {
    const c = scenarios.buildFailureDockerDaemon();
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    h.fake.tick(3);
    const failed = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect(failed.status).toBe('Failed');
    expect(await h.ports.pipeline.retryStage({ pipelineName: PIPELINE, executionId: c.executionId!, stageName: 'Build' })).toBe(c.executionId);
    expect(h.fake.retries).toEqual([{ pipelineName: PIPELINE, executionId: c.executionId, stageName: 'Build', retryMode: 'FAILED_ACTIONS' }]);
    const running = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect([running.status, running.stages.find((s) => s.name === 'Build')?.status]).toEqual(['InProgress', 'InProgress']);
    h.fake.tick(10);
    const end = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect([end.status, ...end.stages.map((s) => s.status)]).toEqual(['Succeeded', 'Succeeded', 'Succeeded', 'Succeeded']);
  });

  test('a stage that did not fail cannot be retried (StageNotRetryableException)', async () => {
    const c = scenarios.buildFailureDockerDaemon();
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    h.fake.tick(3);
    await expect(h.ports.pipeline.retryStage({ pipelineName: PIPELINE, executionId: c.executionId!, stageName: 'Source' })).rejects.toMatchObject({ name: 'StageNotRetryableException' });
    expect(h.fake.retries).toEqual([]);
  });
});
