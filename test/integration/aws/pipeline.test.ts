import type { ExecutionSnapshot } from '../../../src/core/pipeline/model.js';
import { scenarios } from '../../fakes/aws/index.js';
import { harness, type Harness } from './helpers.js';

const { BUCKET, COMMIT, PIPELINE, PREVIOUS_COMMIT, REPOSITORY_URI } = scenarios;

const ENDED = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded']);

/** Snapshots until the execution ends, as a tracker polls; returns every snapshot. */
async function walk(h: Harness, executionId: string, max = 40): Promise<ExecutionSnapshot[]> {
  const seen: ExecutionSnapshot[] = [];
  for (let i = 0; i < max; i++) {
    const s = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId });
    seen.push(s);
    if (ENDED.has(s.status)) return seen;
  }
  throw new Error(`execution ${executionId} did not end in ${max} snapshots`);
}

const stagesOf = (s: ExecutionSnapshot): Record<string, string> => Object.fromEntries(s.stages.map((st) => [st.name, st.status]));

describe('PipelinePort on the fake CodePipeline', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  test('GetPipeline is read once for stage names and source actions together, concurrent callers included; the drift always reads afresh', async () => {
    h = await harness({ scenario: scenarios.success().scenario, advance: 'manual' });
    const p = h.ports.pipeline;
    const [a, b, sources] = await Promise.all([p.stageNames!(PIPELINE), p.stageNames!(PIPELINE), p.sourceActions(PIPELINE)]);
    expect(a).toEqual(['Source', 'Build', 'Deploy']);
    expect(b).toEqual(a);
    expect(sources.map((x) => x.name)).toEqual(['GitHub']);
    expect(h.fake.counts()).toEqual({ GetPipeline: 1 });
    const live = await (p as unknown as { definition(name: string): Promise<{ ok: boolean }> }).definition(PIPELINE);
    expect(live.ok).toBe(true);
    expect(h.fake.counts()).toEqual({ GetPipeline: 2 });
    // A failed read is not kept: the next caller asks again.
    const missing = 'no-such-pipeline';
    await expect(p.stageNames!(missing)).rejects.toThrow();
    await expect(p.stageNames!(missing)).rejects.toThrow();
    expect(h.fake.counts().GetPipeline).toBe(4);
  });

  test('listExecutions: newest first, one page at a time, revisions and types mapped', async () => {
    const c = scenarios.deployFailureWithRollback();
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    h.fake.tick(12);
    const first = await h.ports.pipeline.listExecutions({ pipelineName: PIPELINE, maxResults: 2 });
    expect(first.items.map((e) => e.executionId)).toEqual([c.truth.rollbackExecutionId, c.executionId]);
    expect(first.nextToken).toBeDefined();
    const [rollback, ours] = first.items;
    expect(rollback).toMatchObject({ status: 'Succeeded', executionType: 'ROLLBACK', triggerType: 'AutomatedRollback' });
    expect(rollback.rollbackTargetExecutionId).toBeDefined();
    expect(rollback.sourceRevisions[0].revisionId).toBe(PREVIOUS_COMMIT);
    expect(ours).toMatchObject({ status: 'Failed', executionType: 'STANDARD' });
    expect(ours.sourceRevisions).toEqual([
      expect.objectContaining({ actionName: 'GitHub', revisionId: COMMIT, revisionUrl: `https://github.com/my-org/myapp/commit/${COMMIT}` }),
    ]);
    expect(ours.startTime).toBe('2025-05-06T09:00:00.000Z');
    const second = await h.ports.pipeline.listExecutions({ pipelineName: PIPELINE, maxResults: 2, nextToken: first.nextToken });
    expect(second.items.map((e) => e.executionId)).toEqual([rollback.rollbackTargetExecutionId]);
    expect(second.nextToken).toBeUndefined();
    expect(h.fake.counts()).toEqual({ ListPipelineExecutions: 2 });
  });

  test('listExecutions: a late execution is absent from the first pages, then present', async () => {
    const c = scenarios.lateExecution({ listCalls: 2 });
    h = await harness({ scenario: c.scenario });
    const ids = async (): Promise<string[]> => (await h.ports.pipeline.listExecutions({ pipelineName: PIPELINE })).items.map((e) => e.executionId);
    expect(await ids()).not.toContain(c.executionId);
    expect(await ids()).not.toContain(c.executionId);
    expect(await ids()).toContain(c.executionId);
  });

  test('sourceActions: the Source-category actions from GetPipeline', async () => {
    h = await harness({ scenario: scenarios.success().scenario });
    expect(await h.ports.pipeline.sourceActions(PIPELINE)).toEqual([{ name: 'GitHub', provider: 'CodeStarSourceConnection' }]);
    await expect(h.ports.pipeline.sourceActions('no-such-pipeline')).rejects.toMatchObject({ name: 'PipelineNotFoundException' });
  });

  test('start: sourceRevisions and clientRequestToken; the same token returns the same execution', async () => {
    const c = scenarios.startable();
    h = await harness({ scenario: c.scenario });
    const request = {
      pipelineName: PIPELINE,
      sourceRevisions: [{ actionName: 'GitHub', revisionType: 'COMMIT_ID' as const, revisionValue: COMMIT }],
      clientRequestToken: 'my-org-myapp-4c1f3e9a-1',
    };
    const id = await h.ports.pipeline.start(request);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await h.ports.pipeline.start(request)).toBe(id);
    expect(h.fake.starts.map((s) => s.duplicate)).toEqual([false, true]);
    expect(h.fake.starts[0]).toMatchObject({ clientRequestToken: request.clientRequestToken, sourceRevisions: request.sourceRevisions });
    const found = (await h.ports.pipeline.listExecutions({ pipelineName: PIPELINE })).items.filter((e) => e.sourceRevisions.some((r) => r.revisionId === COMMIT));
    expect(found.map((e) => e.executionId)).toEqual([id]);
    const last = (await walk(h, id)).at(-1);
    expect(last?.status).toBe('Succeeded');
    await expect(h.ports.pipeline.start({ ...request, clientRequestToken: 'not/valid' })).rejects.toMatchObject({ name: 'ValidationException' });
  });

  test('snapshot is exactly GetPipelineExecution + GetPipelineState', async () => {
    const c = scenarios.success();
    h = await harness({ scenario: c.scenario });
    await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect(h.fake.counts()).toEqual({ GetPipelineExecution: 1, GetPipelineState: 1 });
  });

  test('success: stages progress, other executions never leak in, and the end is the truth', async () => {
    const c = scenarios.success();
    h = await harness({ scenario: c.scenario });
    const snaps = await walk(h, c.executionId!);
    const first = snaps[0];
    // At the start the Build and Deploy stages still show the previous execution (Succeeded): not ours.
    expect(stagesOf(first)).toEqual({ Source: 'InProgress', Build: 'NotStarted', Deploy: 'NotStarted' });
    expect(first.stages[1].actions[0]).toEqual({ name: 'BuildImage', status: 'NotStarted' });
    expect(stagesOf(snaps[1])).toEqual({ Source: 'Succeeded', Build: 'InProgress', Deploy: 'NotStarted' });
    const building = snaps[1].stages[1].actions[0];
    expect(building.externalExecutionId).toBe(scenarios.buildIdFor(COMMIT));
    expect(building.externalExecutionUrl).toContain('/codebuild/');
    const last = snaps.at(-1)!;
    expect(last.status).toBe(c.truth.status);
    expect(stagesOf(last)).toEqual(c.truth.stages);
    expect(last.sourceRevisions).toEqual([expect.objectContaining({ actionName: 'GitHub', revisionId: COMMIT })]);
    expect(last.executionType).toBe('STANDARD');
    expect(last.region).toBe('us-east-1');
    expect(last.stages[2].actions[0]).toMatchObject({ status: 'Succeeded', summary: 'Deployment Succeeded', externalExecutionUrl: expect.stringContaining('codedeploy') });
    expect(last.lastUpdateTime).toBe('2025-05-06T09:02:20.000Z');
    // 8 ticks: frames 0..7, two calls each.
    expect(h.fake.counts()).toEqual({ GetPipelineExecution: snaps.length, GetPipelineState: snaps.length });
  });

  test('build failure: error details from the failed action, later stages NotStarted', async () => {
    const c = scenarios.buildFailureDockerDaemon();
    h = await harness({ scenario: c.scenario });
    const last = (await walk(h, c.executionId!)).at(-1)!;
    expect(last.status).toBe('Failed');
    expect(stagesOf(last)).toEqual(c.truth.stages);
    const action = last.stages[1].actions[0];
    expect(action).toMatchObject({ status: 'Failed', errorCode: 'JobFailed' });
    expect(action.errorMessage).toContain(c.truth.failure!.summary);
    expect(action.errorMessage).toContain('Error while executing command: docker build');
  });

  test('deploy failure: the rollback execution takes the Deploy stage, ours still reads Failed there', async () => {
    const c = scenarios.deployFailureWithRollback();
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    const id = c.executionId!;
    const snap = async (): Promise<ExecutionSnapshot> => h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: id });
    h.fake.tick(8);
    expect(stagesOf(await snap())).toEqual(c.truth.stages);
    // The rollback runs Deploy; GetPipelineState now shows it there, with type ROLLBACK.
    h.fake.tick(4);
    const later = await snap();
    expect(later.status).toBe('Failed');
    expect(stagesOf(later)).toEqual(c.truth.stages);
    expect((later.stages[2] as { derived?: string }).derived).toBe('remembered');
    const rollback = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.truth.rollbackExecutionId! });
    expect(rollback).toMatchObject({ executionType: 'ROLLBACK', status: 'Succeeded', rollbackTargetExecutionId: expect.any(String) });
    expect(stagesOf(rollback)).toEqual({ Source: 'NotStarted', Build: 'NotStarted', Deploy: 'Succeeded' });
  });

  test('deploy failure seen only after the rollback: inferred from the last stage of ours', async () => {
    const c = scenarios.deployFailureWithRollback();
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    // Build stays ours (nothing ran there since), Deploy shows the rollback: the failure was in Deploy.
    h.fake.tick(12);
    const s = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect(stagesOf(s)).toEqual(c.truth.stages);
    expect((s.stages[2] as { derived?: string }).derived).toBe('inferred');
  });

  test('superseded: waiting at the Deploy door, then superseded by the newer commit', async () => {
    const c = scenarios.superseded();
    h = await harness({ scenario: c.scenario });
    const snaps = await walk(h, c.executionId!);
    const waiting = snaps[3];
    expect(stagesOf(waiting)).toEqual({ Source: 'Succeeded', Build: 'Succeeded', Deploy: 'NotStarted' });
    const last = snaps.at(-1)!;
    expect(last.status).toBe('Superseded');
    expect(stagesOf(last)).toEqual(c.truth.stages);
    expect(last.supersededBy).toEqual({ executionId: c.truth.supersededBy, revisionId: 'b7e6d5c4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8' });
  });

  test('superseded, first seen late: ListActionExecutions fills what the state no longer shows', async () => {
    const c = scenarios.superseded();
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    h.fake.tick(9);
    const id = c.executionId!;
    const blind = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: id });
    expect(blind.status).toBe('Superseded');
    expect(blind.stages.map((s) => (s as { derived?: string }).derived)).toEqual(['unknown', 'unknown', 'unknown']);
    await h.ports.pipeline.actionExecutions({ pipelineName: PIPELINE, executionId: id });
    const informed = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: id });
    expect(stagesOf(informed)).toEqual(c.truth.stages);
    expect(informed.supersededBy?.executionId).toBe(c.truth.supersededBy);
  });

  test('stopped from the console: Stopping, then Stopped with the build abandoned', async () => {
    const c = scenarios.stopped();
    h = await harness({ scenario: c.scenario });
    const snaps = await walk(h, c.executionId!);
    expect(snaps.map((s) => s.status)).toEqual(['InProgress', 'InProgress', 'InProgress', 'Stopping', 'Stopped']);
    expect(snaps[3].stages[1].status).toBe('Stopping');
    const last = snaps.at(-1)!;
    expect(stagesOf(last)).toEqual(c.truth.stages);
    expect(last.stages[1].actions[0].status).toBe('Abandoned');
    const listed = (await h.ports.pipeline.listExecutions({ pipelineName: PIPELINE })).items.find((e) => e.executionId === c.executionId);
    expect(listed?.status).toBe('Stopped');
  });

  test('manual approval: waiting with its token, then approved and deployed', async () => {
    const c = scenarios.approvalThenApproved({ waitTicks: 4 });
    h = await harness({ scenario: c.scenario });
    const snaps = await walk(h, c.executionId!);
    const waiting = snaps.filter((s) => s.stages[2].status === 'InProgress');
    expect(waiting).toHaveLength(4);
    const approval = waiting[0].stages[2].actions[0];
    expect(approval).toMatchObject({ name: 'ManualApproval', status: 'InProgress', token: scenarios.fakeUuidFor(`approval/${COMMIT}`) });
    expect(approval.externalExecutionUrl).toBe('https://staging.myapp.example.com');
    // While Approve waits, Deploy still shows the previous execution's deployment: not ours.
    expect(waiting[0].stages[3]).toMatchObject({ status: 'NotStarted', actions: [{ name: 'ECS-BlueGreen', status: 'NotStarted' }] });
    const last = snaps.at(-1)!;
    expect(stagesOf(last)).toEqual(c.truth.stages);
    expect(last.stages[2].actions[0]).toMatchObject({ status: 'Succeeded', summary: 'Staging looks good' });
    expect(last.stages[2].actions[0].token).toBeUndefined();
  });

  test('an action in a stage of ours that still shows the previous execution run is NotStarted once the start time is known', async () => {
    const c = scenarios.success();
    const pipeline = scenarios.seedPipeline();
    // Approval before the deployment, in the Deploy stage itself (runOrder 1 then 2).
    pipeline.stages[2].actions.unshift({ name: 'Approve', category: 'Approval', provider: 'Manual', runOrder: 1 });
    pipeline.stages[2].actions[1].runOrder = 2;
    const gate = 'Deploy/Approve';
    for (const e of c.scenario.executions) {
      const deployAt = e.frames.find((f) => f.actions?.[scenarios.DEPLOY]?.status === 'InProgress')!.at;
      e.frames = e.frames.map((f) => (f.at >= deployAt ? { ...f, at: f.at + 2 } : f));
      e.frames.push({ at: deployAt, actions: { [gate]: { status: 'InProgress', token: `t-${e.id}` } } }, { at: deployAt + 2, actions: { [gate]: { status: 'Succeeded' } } });
    }
    c.scenario.pipeline = pipeline;
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    h.fake.tick(5);
    const id = c.executionId!;
    const early = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: id });
    // Without the execution's start time the old run cannot be told apart: it reads as this execution's.
    expect(early.stages[2].actions.map((a) => a.status)).toEqual(['InProgress', 'Succeeded']);
    await h.ports.pipeline.listExecutions({ pipelineName: PIPELINE });
    const s = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: id });
    expect(s.stages[2]).toMatchObject({ status: 'InProgress', actions: [{ name: 'Approve', status: 'InProgress', token: `t-${id}` }, { name: 'ECS-BlueGreen', status: 'NotStarted' }] });
    h.fake.tick(3);
    const deploying = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: id });
    expect(deploying.stages[2].actions.map((a) => a.status)).toEqual(['Succeeded', 'InProgress']);
  });

  test('actionExecutions: output variables, external links, input artifacts, resolved configuration, types', async () => {
    const c = scenarios.success();
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    h.fake.tick(7);
    const rows = await h.ports.pipeline.actionExecutions({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect(rows.map((r) => `${r.stage}/${r.name}`).sort()).toEqual(['Build/BuildImage', 'Deploy/ECS-BlueGreen', 'Source/GitHub']);
    const buildRow = rows.find((r) => r.name === 'BuildImage')!;
    expect(buildRow).toMatchObject({
      stage: 'Build',
      category: 'Build',
      provider: 'CodeBuild',
      status: 'Succeeded',
      outputVariables: { IMAGE_URI: `${REPOSITORY_URI}:4c1f3e9`, IMAGE_TAG: '4c1f3e9' },
      externalExecutionId: scenarios.buildIdFor(COMMIT),
      configuration: { ProjectName: 'myapp-build' },
      inputArtifacts: [{ name: 'SourceOutput', bucket: BUCKET, key: scenarios.artifactKeyFor(c.executionId!, 'SourceOutput') }],
      startTime: '2025-05-06T09:00:20.000Z',
    });
    const deployRow = rows.find((r) => r.name === 'ECS-BlueGreen')!;
    expect(deployRow.inputArtifacts).toEqual([{ name: 'BuildOutput', bucket: BUCKET, key: scenarios.artifactKeyFor(c.executionId!, 'BuildOutput') }]);
    expect(deployRow.configuration?.Image1ArtifactName).toBe('BuildOutput');
    // The snapshot then carries what only ListActionExecutions knows, at no extra call.
    h.fake.resetCounts();
    const s = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect(h.fake.counts()).toEqual({ GetPipelineExecution: 1, GetPipelineState: 1 });
    expect(s.stages[1].actions[0]).toMatchObject({ category: 'Build', provider: 'CodeBuild', outputVariables: { IMAGE_TAG: '4c1f3e9' } });
    expect(s.startTime).toBe('2025-05-06T09:00:00.000Z');
  });

  test('actionExecutions pages through every page and keeps the newest run of a retried action', async () => {
    const c = scenarios.success();
    const ours = c.scenario.executions.find((e) => e.id === c.executionId)!;
    // The Build action fails once and is retried (a new run of the same action).
    ours.frames = [
      { at: 0, actions: { [scenarios.SOURCE]: { status: 'Succeeded' } } },
      { at: 1, actions: { [scenarios.BUILD]: { status: 'InProgress' } } },
      { at: 2, actions: { [scenarios.BUILD]: { status: 'Failed', errorMessage: 'flaky' } } },
      { at: 3, actions: { [scenarios.BUILD]: { status: 'InProgress' } } },
      { at: 4, actions: { [scenarios.BUILD]: { status: 'Succeeded', outputVariables: { IMAGE_TAG: 'retry' } } } },
    ];
    h = await harness({ scenario: c.scenario, advance: 'manual', pageSize: 2 });
    h.fake.tick(4);
    const rows = await h.ports.pipeline.actionExecutions({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.name === 'BuildImage')).toMatchObject({ status: 'Succeeded', outputVariables: { IMAGE_TAG: 'retry' } });
    // Three runs (Source, Build twice) at two rows a page.
    expect(h.fake.counts().ListActionExecutions).toBe(2);
  });

  test('stop: StopPipelineExecution recorded; stopping an ended execution is not an error', async () => {
    const c = scenarios.success();
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    h.fake.tick(2);
    await h.ports.pipeline.stop({ pipelineName: PIPELINE, executionId: c.executionId!, reason: 'Workflow run cancelled', abandon: true });
    expect(h.fake.stops).toEqual([{ pipelineName: PIPELINE, executionId: c.executionId, reason: 'Workflow run cancelled', abandon: true }]);
    const s = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect(s.status).toBe('Stopped');
    expect(s.stages[1]).toMatchObject({ status: 'Stopped', actions: [{ status: 'Abandoned' }] });
    await h.ports.pipeline.stop({ pipelineName: PIPELINE, executionId: c.executionId!, reason: 'again' });
    expect(h.logs.some((l) => l.startsWith('info:') && l.includes('was not stopped'))).toBe(true);
    await expect(h.ports.pipeline.stop({ pipelineName: PIPELINE, executionId: '00000000-0000-4000-8000-000000000000', reason: 'x' })).rejects.toMatchObject({
      name: 'PipelineExecutionNotFoundException',
    });
  });

  test('stop and wait: Stopping first, the running action finishes, then Stopped', async () => {
    const c = scenarios.success();
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    h.fake.tick(2);
    await h.ports.pipeline.stop({ pipelineName: PIPELINE, executionId: c.executionId!, reason: 'cancelled' });
    expect((await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! })).status).toBe('Stopping');
    h.fake.tick();
    const s = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect(s.status).toBe('Stopped');
    expect(stagesOf(s)).toEqual({ Source: 'Succeeded', Build: 'Stopped', Deploy: 'NotStarted' });
  });

  test('an unknown execution id is PipelineExecutionNotFoundException', async () => {
    h = await harness({ scenario: scenarios.success().scenario });
    await expect(h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: '11111111-2222-4333-8444-555555555555' })).rejects.toMatchObject({
      name: 'PipelineExecutionNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('scenario library', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  test.each(Object.entries(scenarios.ALL_SCENARIOS).filter(([name]) => name !== 'startable'))('%s ends in its truth', async (_name, make) => {
    const c = make({});
    h = await harness({ scenario: c.scenario });
    // Find it as the tracker would: by commit, newest first, waiting for it to appear.
    let id: string | undefined;
    for (let i = 0; i < 10 && !id; i++) {
      const page = await h.ports.pipeline.listExecutions({ pipelineName: PIPELINE });
      id = page.items.find((e) => e.executionType !== 'ROLLBACK' && e.sourceRevisions.some((r) => r.revisionId === c.commit))?.executionId;
    }
    expect(id).toBe(c.executionId);
    const last = (await walk(h, id!, 400)).at(-1)!;
    expect(last.status).toBe(c.truth.status);
    expect(stagesOf(last)).toEqual(c.truth.stages);
  });
});
