import type { ActionPatch, FakeExecution, Frame } from './model.js';
import { artifactKey } from './pipeline-sim.js';
import { fakeUuid } from './rng.js';
import {
  APPROVE,
  ACCOUNT,
  BUILD,
  COMMIT,
  DEPLOY,
  PIPELINE,
  PREVIOUS_COMMIT,
  SOURCE,
  build,
  builtResources,
  codebuild,
  deploy,
  deploymentIdFor,
  happyFrames,
  history,
  image,
  imageDetailZip,
  imageTruth,
  revision,
  seedPipeline,
  source,
  type ScenarioCase,
  type ScenarioOptions,
} from './scenario-kit.js';

/**
 * The scenarios the tracker is tested on, on the seed pipeline (Source →
 * Build → Deploy). Each returns the scenario and the truth a tracker must end
 * up reporting. The clock moves one tick per GetPipelineState; a tick is 20 s.
 */

export * from './scenario-kit.js';

// ---- scenarios ----------------------------------------------------------------

/** A push deploys: Source → Build → Deploy, all green, with the image in ECR, S3 and the build's variables. */
export function success(o: ScenarioOptions = {}): ScenarioCase {
  const commit = o.commit ?? COMMIT;
  const id = o.executionId ?? fakeUuid(`exec/${commit}`);
  return {
    scenario: {
      name: 'success',
      pipeline: seedPipeline(),
      executions: [history(), { id, revision: revision(commit), frames: happyFrames(commit, o) }],
      onStart: (rev) => happyFrames(rev, o),
      artifactTemplates: { BuildOutput: imageDetailZip(commit) },
      ...builtResources(commit, id, { exportVariables: o.exportVariables, pushedAt: '2025-05-06T09:01:18Z' }),
    },
    commit,
    executionId: id,
    truth: { status: 'Succeeded', stages: { Source: 'Succeeded', Build: 'Succeeded', Deploy: 'Succeeded' }, image: imageTruth(commit) },
  };
}

/** CodeBuild without privileged mode: `docker build` cannot reach the Docker daemon; the Build action fails. */
export function buildFailureDockerDaemon(o: ScenarioOptions = {}): ScenarioCase {
  const commit = o.commit ?? COMMIT;
  const id = o.executionId ?? fakeUuid(`exec/${commit}`);
  const cb = codebuild(commit, { failing: true });
  const prev = codebuild(PREVIOUS_COMMIT, { failing: false });
  const summary = 'Error while executing command: docker build -t $ECR_REPO:$IMAGE_TAG .. Reason: exit status 1';
  const failed: ActionPatch = {
    status: 'Failed',
    errorCode: 'JobFailed',
    errorMessage: `Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: ${summary}`,
  };
  const frames: Frame[] = [
    { at: 0, actions: { [SOURCE]: source.run() } },
    { at: 1, actions: { [SOURCE]: source.ok(commit), [BUILD]: build.run(commit) } },
    { at: 3, actions: { [BUILD]: failed }, status: 'Failed' },
  ];
  return {
    scenario: {
      name: 'build-failure-docker-daemon',
      pipeline: seedPipeline(),
      executions: [history(), { id, revision: revision(commit), frames }],
      onStart: () => frames,
      images: [image(PREVIOUS_COMMIT, { latest: true, pushedAt: '2025-05-06T08:50:11Z' })],
      builds: [cb.build, prev.build],
      logStreams: [cb.logs, prev.logs],
    },
    commit,
    executionId: id,
    truth: {
      status: 'Failed',
      stages: { Source: 'Succeeded', Build: 'Failed', Deploy: 'NotStarted' },
      failure: { stage: 'Build', action: 'BuildImage', summary, logLine: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock' },
    },
  };
}

/**
 * The blue/green deployment fails (replacement tasks fail their health
 * checks); the Deploy stage is configured to roll back on failure, so a
 * ROLLBACK execution redeploys the previous successful execution's artifacts.
 */
export function deployFailureWithRollback(o: ScenarioOptions = {}): ScenarioCase {
  const commit = o.commit ?? COMMIT;
  const id = o.executionId ?? fakeUuid(`exec/${commit}`);
  const prev = history();
  const rollbackId = fakeUuid(`rollback/${commit}`);
  const deployment = deploymentIdFor(commit);
  const summary = `Deployment ${deployment} failed. The ECS service cannot reach a steady state: replacement tasks in task set ecs-svc/4815162342 failed ELB health checks in target group myapp-tg-green (health checks failed with these codes: [502]).`;
  const frames: Frame[] = [
    { at: 0, actions: { [SOURCE]: source.run() } },
    { at: 1, actions: { [SOURCE]: source.ok(commit), [BUILD]: build.run(commit) } },
    { at: 4, actions: { [BUILD]: build.ok(commit, o.exportVariables), [DEPLOY]: deploy.run(commit) } },
    { at: 8, actions: { [DEPLOY]: { status: 'Failed', errorCode: 'JobFailed', errorMessage: summary } }, status: 'Failed' },
  ];
  const rollback: FakeExecution = {
    id: rollbackId,
    revision: revision(PREVIOUS_COMMIT),
    startAt: 9,
    executionType: 'ROLLBACK',
    rollbackTargetExecutionId: prev.id,
    trigger: { triggerType: 'AutomatedRollback', triggerDetail: id },
    frames: [
      { at: 0, actions: { [DEPLOY]: deploy.run(`${PREVIOUS_COMMIT}/rollback`) } },
      { at: 3, actions: { [DEPLOY]: deploy.ok() }, status: 'Succeeded' },
    ],
  };
  return {
    scenario: {
      name: 'deploy-failure-with-rollback',
      pipeline: seedPipeline(),
      executions: [prev, { id, revision: revision(commit), frames }, rollback],
      onStart: () => frames,
      ...builtResources(commit, id, { exportVariables: o.exportVariables, pushedAt: '2025-05-06T09:01:18Z' }),
    },
    commit,
    executionId: id,
    truth: {
      status: 'Failed',
      stages: { Source: 'Succeeded', Build: 'Succeeded', Deploy: 'Failed' },
      image: imageTruth(commit),
      failure: { stage: 'Deploy', action: 'ECS-BlueGreen', summary },
      rollbackExecutionId: rollbackId,
    },
  };
}

/**
 * SUPERSEDED mode: ours builds, then waits for Deploy (an older execution is
 * still deploying); a newer commit builds and arrives at the Deploy door too,
 * so ours is Superseded, and the newer one deploys.
 */
export function superseded(o: ScenarioOptions & { newerCommit?: string } = {}): ScenarioCase {
  const commit = o.commit ?? COMMIT;
  const newer = o.newerCommit ?? 'b7e6d5c4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8';
  const id = o.executionId ?? fakeUuid(`exec/${commit}`);
  const newerId = fakeUuid(`exec/${newer}`);
  const older: FakeExecution = {
    id: fakeUuid(`exec/${PREVIOUS_COMMIT}`),
    revision: revision(PREVIOUS_COMMIT),
    startAt: -6,
    frames: [
      { at: 0, actions: { [SOURCE]: source.run() } },
      { at: 1, actions: { [SOURCE]: source.ok(PREVIOUS_COMMIT), [BUILD]: build.run(PREVIOUS_COMMIT) } },
      { at: 3, actions: { [BUILD]: build.ok(PREVIOUS_COMMIT), [DEPLOY]: deploy.run(PREVIOUS_COMMIT) } },
      { at: 13, actions: { [DEPLOY]: deploy.ok() }, status: 'Succeeded' },
    ],
  };
  const ours: FakeExecution = {
    id,
    revision: revision(commit),
    frames: [
      { at: 0, actions: { [SOURCE]: source.run() } },
      { at: 1, actions: { [SOURCE]: source.ok(commit), [BUILD]: build.run(commit) } },
      { at: 3, actions: { [BUILD]: build.ok(commit, o.exportVariables) }, waitingFor: 'Deploy' },
      { at: 5, status: 'Superseded', waitingFor: null },
    ],
  };
  const next: FakeExecution = {
    id: newerId,
    revision: revision(newer),
    startAt: 2,
    frames: [
      { at: 0, actions: { [SOURCE]: source.run() } },
      { at: 1, actions: { [SOURCE]: source.ok(newer) }, waitingFor: 'Build' },
      { at: 2, actions: { [BUILD]: build.run(newer) } },
      { at: 3, actions: { [BUILD]: build.ok(newer) }, waitingFor: 'Deploy' },
      { at: 5, actions: { [DEPLOY]: deploy.run(newer) } },
      { at: 7, actions: { [DEPLOY]: deploy.ok() }, status: 'Succeeded' },
    ],
  };
  return {
    scenario: {
      name: 'superseded',
      pipeline: seedPipeline(),
      executions: [older, ours, next],
      ...builtResources(commit, id, { exportVariables: o.exportVariables, pushedAt: '2025-05-06T09:01:02Z' }),
    },
    commit,
    executionId: id,
    truth: { status: 'Superseded', stages: { Source: 'Succeeded', Build: 'Succeeded', Deploy: 'NotStarted' }, supersededBy: newerId, image: imageTruth(commit) },
  };
}

/** Someone stops the execution from the console while it builds (stop and abandon). */
export function stopped(o: ScenarioOptions = {}): ScenarioCase {
  const commit = o.commit ?? COMMIT;
  const id = o.executionId ?? fakeUuid(`exec/${commit}`);
  const cb = codebuild(commit, { failing: false });
  const reason = 'Stopped by alice: wrong configuration, redeploying';
  return {
    scenario: {
      name: 'stopped',
      pipeline: seedPipeline(),
      executions: [
        history(),
        {
          id,
          revision: revision(commit),
          frames: [
            { at: 0, actions: { [SOURCE]: source.run() } },
            { at: 1, actions: { [SOURCE]: source.ok(commit), [BUILD]: build.run(commit) } },
            { at: 3, status: 'Stopping', stopReason: reason },
            { at: 4, status: 'Stopped', actions: { [BUILD]: { status: 'Abandoned', summary: 'Stopped and abandoned by user' } }, stages: { Build: 'Stopped' } },
          ],
        },
      ],
      builds: [{ ...cb.build, status: 'STOPPED' }],
      logStreams: [cb.logs],
    },
    commit,
    executionId: id,
    truth: { status: 'Stopped', stages: { Source: 'Succeeded', Build: 'Stopped', Deploy: 'NotStarted' } },
  };
}

/** An Approve stage between Build and Deploy waits on a person for `waitTicks`, then is approved. */
export function approvalThenApproved(o: ScenarioOptions & { waitTicks?: number } = {}): ScenarioCase {
  const commit = o.commit ?? COMMIT;
  const id = o.executionId ?? fakeUuid(`exec/${commit}`);
  const wait = o.waitTicks ?? 6;
  const token = fakeUuid(`approval/${commit}`);
  const frames: Frame[] = [
    { at: 0, actions: { [SOURCE]: source.run() } },
    { at: 1, actions: { [SOURCE]: source.ok(commit), [BUILD]: build.run(commit) } },
    { at: 3, actions: { [BUILD]: build.ok(commit, o.exportVariables), [APPROVE]: { status: 'InProgress', token, externalExecutionUrl: 'https://staging.myapp.example.com' } } },
    {
      at: 3 + wait,
      actions: {
        [APPROVE]: { status: 'Succeeded', summary: 'Staging looks good', updatedBy: `arn:aws:iam::${ACCOUNT}:user/alice` },
        [DEPLOY]: deploy.run(commit),
      },
    },
    { at: 5 + wait, actions: { [DEPLOY]: deploy.ok() }, status: 'Succeeded' },
  ];
  const prev = { ...history(), frames: straightFrames(PREVIOUS_COMMIT, token) };
  return {
    scenario: {
      name: 'approval-then-approved',
      pipeline: seedPipeline({ approval: true }),
      executions: [prev, { id, revision: revision(commit), frames }],
      onStart: () => frames,
      ...builtResources(commit, id, { exportVariables: o.exportVariables, pushedAt: '2025-05-06T09:00:58Z' }),
    },
    commit,
    executionId: id,
    truth: { status: 'Succeeded', stages: { Source: 'Succeeded', Build: 'Succeeded', Approve: 'Succeeded', Deploy: 'Succeeded' }, image: imageTruth(commit) },
  };
}

function straightFrames(commit: string, token: string): Frame[] {
  return [
    { at: 0, actions: { [SOURCE]: source.run() } },
    { at: 1, actions: { [SOURCE]: source.ok(commit), [BUILD]: build.run(commit) } },
    { at: 2, actions: { [BUILD]: build.ok(commit), [APPROVE]: { status: 'InProgress', token: `${token}-old` } } },
    { at: 3, actions: { [APPROVE]: { status: 'Succeeded', summary: 'ok', updatedBy: `arn:aws:iam::${ACCOUNT}:user/bob` }, [DEPLOY]: deploy.run(commit) } },
    { at: 4, actions: { [DEPLOY]: deploy.ok() }, status: 'Succeeded' },
  ];
}

/** The execution shows up only after `listCalls` ListPipelineExecutions calls (the webhook is slow), then succeeds. */
export function lateExecution(o: ScenarioOptions & { listCalls?: number } = {}): ScenarioCase {
  const c = success(o);
  const ours = c.scenario.executions.find((e) => e.id === c.executionId);
  if (ours) ours.hiddenForListCalls = o.listCalls ?? 3;
  c.scenario.name = 'late-execution';
  return c;
}

/** No execution for the commit yet: the tracker must start one; it then succeeds (for `mode: start`). */
export function startable(o: ScenarioOptions = {}): ScenarioCase {
  const c = success(o);
  c.scenario.name = 'startable';
  c.scenario.executions = c.scenario.executions.filter((e) => e.id !== c.executionId);
  // The started execution's id is not known in advance: its artifact comes from artifactTemplates.
  return { ...c, executionId: undefined };
}

/**
 * A long execution for API-economy figures: Source 1 minute, Build 9 minutes,
 * Deploy the rest (a blue/green deployment with its bake time), one tick per
 * `tickSeconds` of wall time (the tracker's poll interval).
 */
export function longRunning(o: ScenarioOptions & { minutes?: number; tickSeconds?: number } = {}): ScenarioCase {
  const c = success(o);
  const tick = o.tickSeconds ?? 10;
  const at = (minute: number): number => Math.round((minute * 60) / tick);
  const total = o.minutes ?? 30;
  const commit = c.commit;
  const ours = c.scenario.executions.find((e) => e.id === c.executionId)!;
  ours.frames = [
    { at: 0, actions: { [SOURCE]: source.run() } },
    { at: at(1), actions: { [SOURCE]: source.ok(commit), [BUILD]: build.run(commit) } },
    { at: at(10), actions: { [BUILD]: build.ok(commit, o.exportVariables), [DEPLOY]: deploy.run(commit) } },
    { at: at(total), actions: { [DEPLOY]: deploy.ok() }, status: 'Succeeded' },
  ];
  c.scenario.name = 'long-running';
  c.scenario.tickMs = tick * 1000;
  return c;
}

export const fakeUuidFor = fakeUuid;
export const artifactKeyFor = (executionId: string, artifactName: string): string => artifactKey(PIPELINE, executionId, artifactName);

export const ALL_SCENARIOS = { success, buildFailureDockerDaemon, deployFailureWithRollback, superseded, stopped, approvalThenApproved, lateExecution, startable, longRunning };
