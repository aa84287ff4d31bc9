import { describe, expect, it } from '@jest/globals';
import { OTHER_SHA } from '../pipeline/fixtures.js';
import { TrackError, type TrackOptions, type TrackResult, trackExecution } from '../../../src/services/track/index.js';
import {
  FakeClock,
  MemoryChecks,
  MemoryImages,
  MemoryLogger,
  MemoryLogs,
  MemoryStatuses,
  type Frame,
  type ScriptedExecution,
  ScriptedPipeline,
  T0,
  m,
  observedActionChanges,
  s,
} from './fakes.js';
import {
  BUILD_ID,
  DIGEST,
  DOCKER_LOG,
  EXECUTION_ID,
  IMAGE_URI,
  SHA,
  buildFailure,
  deployFailure,
  rollback,
  stoppedInAws,
  success,
  superseded,
  withApproval,
} from './timelines.js';

const EXEC = 'ECS pipeline';
const SOURCE = 'ECS pipeline / Source';
const BUILD = 'ECS pipeline / Build';
const DEPLOY = 'ECS pipeline / Deploy';
const APPROVAL = 'ECS pipeline / Approval';

const BASE: TrackOptions = {
  mode: 'track',
  pipelineName: 'myapp-ecs-pipeline',
  region: 'us-east-1',
  sha: SHA,
  repository: 'my-org/myapp',
  runAttempt: 1,
  pollIntervalSeconds: 10,
};

function world(executions: ScriptedExecution[], onStart?: (id: string, at: number) => Frame[]) {
  const clock = new FakeClock();
  const pipeline = new ScriptedPipeline(clock, executions, onStart);
  const checks = new MemoryChecks();
  const statuses = new MemoryStatuses();
  const images = new MemoryImages();
  images.images.set(`myapp:${SHA.slice(0, 7)}`, { uri: IMAGE_URI, tag: SHA.slice(0, 7), digest: DIGEST, pushedAt: '2024-05-08T18:03:10.000Z', scanFindings: { HIGH: 1 } });
  const logs = new MemoryLogs({ [BUILD_ID]: { lines: DOCKER_LOG, diagnostics: ['BUILD: Error while executing command: docker build -t $ECR_REPO:$IMAGE_TAG .. Reason: exit status 1 (COMMAND_EXECUTION_ERROR)'] } });
  const logger = new MemoryLogger();
  const ports = { pipeline, checks, statuses, images, logs, clock, logger };
  return { clock, pipeline, checks, statuses, images, logs, logger, ports };
}

type World = ReturnType<typeof world>;

function conclusions(w: World): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of w.checks.names()) {
    const r = w.checks.one(name).latest;
    out[name] = r.status === 'completed' ? String(r.conclusion) : r.status;
  }
  return out;
}

function updatesOf(w: World, name: string): number {
  return w.checks.one(name).writes.length - 1;
}

/** Issue 3, item 10: no duplicates, no update without a visible change, ≤ 2 AWS calls per tick + 1 ListActionExecutions per action change. */
function expectEconomy(w: World, r: TrackResult): void {
  const names = w.checks.names();
  expect(new Set(names).size).toBe(names.length);
  expect(w.checks.uselessUpdates()).toBe(0);
  expect(r.counts.checkCreates).toBe(w.checks.runs.size);
  expect(r.counts.checkUpdates).toBe([...w.checks.runs.values()].reduce((n, run) => n + run.writes.length - 1, 0));
  expect(w.pipeline.calls.snapshot).toBe(r.counts.snapshots);
  expect(r.counts.snapshots).toBeLessThanOrEqual(r.counts.ticks + (r.cancelled ? 1 : 0));
  expect(w.pipeline.calls.actionExecutions).toBeLessThanOrEqual(observedActionChanges(w.pipeline.observed));
}

describe('trackExecution', () => {
  it('success: one create per run, one update per visible change, the image from the build output', async () => {
    const w = world([{ frames: success() }]);
    const r = await trackExecution(BASE, w.ports);

    expect(r).toMatchObject({ executionId: EXECUTION_ID, status: 'Succeeded', outcome: 'succeeded', fails: false, started: false, cancelled: false });
    expect(r.executionUrl).toContain(`/executions/${EXECUTION_ID}/`);
    expect(conclusions(w)).toEqual({ [EXEC]: 'success', [BUILD]: 'success', [DEPLOY]: 'success', [SOURCE]: 'success' });
    expectEconomy(w, r);
    // Exactly the changes a user sees: Source done; Build started, done; Deploy started, done; the execution at each stage.
    expect(w.checks.calls.create).toBe(4);
    expect(updatesOf(w, SOURCE)).toBe(1);
    expect(updatesOf(w, BUILD)).toBe(2);
    expect(updatesOf(w, DEPLOY)).toBe(2);
    expect(updatesOf(w, EXEC)).toBe(3);
    expect(w.checks.calls.list).toBe(1);
    expect(w.statuses.writes).toHaveLength(0);

    expect(r.image).toMatchObject({ uri: IMAGE_URI, tag: SHA.slice(0, 7), digest: DIGEST, foundIn: 'output-variables' });
    expect(w.images.calls.describe).toBe(1);
    expect(w.checks.one(EXEC).latest.output.summary).toContain(DIGEST);
    expect(r.summaryMarkdown).toContain('| Stage | Status | Duration |');
    expect(r.summaryMarkdown).toContain(DIGEST);
    expect(r.message).toContain('succeeded');
    // The tracker waited on the clock only: 11 minutes of pipeline, far fewer ticks than a 10 s poll would make thanks to the deploy backoff.
    expect(w.clock.now() - T0).toBeGreaterThanOrEqual(s(663));
    expect(r.counts.ticks).toBeLessThan(663 / 10);
    expect(w.pipeline.calls.listExecutions).toBe(1);
  });

  it('build failure: failure conclusions, the explanation and the last 30 log lines in the Build run', async () => {
    const w = world([{ frames: buildFailure() }]);
    const r = await trackExecution(BASE, w.ports);

    expect(r).toMatchObject({ status: 'Failed', outcome: 'failed', fails: true });
    expect(conclusions(w)).toEqual({ [EXEC]: 'failure', [SOURCE]: 'success', [BUILD]: 'failure', [DEPLOY]: 'cancelled' });
    expectEconomy(w, r);
    expect(w.logs.calls).toBe(1);
    const buildRun = w.checks.one(BUILD).latest;
    expect(buildRun.output.text).toContain('Cannot connect to the Docker daemon');
    expect(buildRun.output.summary).toMatch(/privileged/i);
    expect(w.checks.one(EXEC).latest.output.title).toMatch(/failed in Build/);
    expect(r.image).toBeUndefined();
  });

  it('deploy failure followed by a rollback execution: the commit’s own execution is reported as failed', async () => {
    const w = world([
      { frames: deployFailure() },
      { frames: rollback({ executionId: 'rollback-1', targetExecutionId: 'older-1', targetSha: OTHER_SHA, at: s(601) }) },
    ]);
    const r = await trackExecution(BASE, w.ports);
    expect(r).toMatchObject({ executionId: EXECUTION_ID, status: 'Failed', outcome: 'failed', fails: true });
    expect(conclusions(w)).toEqual({ [EXEC]: 'failure', [SOURCE]: 'success', [BUILD]: 'success', [DEPLOY]: 'failure' });
    expect(w.checks.one(DEPLOY).latest.output.summary).toMatch(/health check/i);
    expect(r.image?.uri).toBe(IMAGE_URI);
    expectEconomy(w, r);
  });

  it('a rollback execution is tracked as a rollback when it is all the commit has', async () => {
    const w = world([{ frames: rollback({ executionId: 'rollback-2', targetExecutionId: 'older-2', targetSha: SHA, at: 0 }) }]);
    const r = await trackExecution(BASE, w.ports);
    expect(r).toMatchObject({ executionId: 'rollback-2', outcome: 'succeeded' });
    expect(w.checks.one(EXEC).latest.output.title).toMatch(/^Rollback of /);
  });

  it('superseded: neutral, titled with the newer execution and commit, and the step passes', async () => {
    const w = world([{ frames: superseded() }, { frames: success({ executionId: 'newer-exec', sha: OTHER_SHA, shift: s(230) }) }]);
    const r = await trackExecution(BASE, w.ports);
    expect(r).toMatchObject({ status: 'Superseded', outcome: 'superseded', fails: false });
    expect(conclusions(w)).toEqual({ [EXEC]: 'neutral', [SOURCE]: 'success', [BUILD]: 'success', [DEPLOY]: 'neutral' });
    expect(w.checks.one(EXEC).latest.output.title).toBe(`Superseded by execution newer-exec (commit ${OTHER_SHA.slice(0, 7)})`);
    expect(w.checks.one(DEPLOY).latest.output.title).toContain('newer-exec');
    // One ListPipelineExecutions to find the execution, one to learn who superseded it.
    expect(w.pipeline.calls.listExecutions).toBe(2);
    expectEconomy(w, r);
  });

  it('stopped in AWS: cancelled runs and a failed step', async () => {
    const w = world([{ frames: stoppedInAws() }]);
    const r = await trackExecution(BASE, w.ports);
    expect(r).toMatchObject({ status: 'Stopped', outcome: 'stopped', fails: true });
    expect(conclusions(w)).toEqual({ [EXEC]: 'cancelled', [SOURCE]: 'success', [BUILD]: 'cancelled', [DEPLOY]: 'cancelled' });
    expect(w.checks.one(BUILD).latest.output.title).toMatch(/stopped/);
    expectEconomy(w, r);
  });

  it('manual approval: in progress titled "Waiting for approval", slower polling while it waits, then success', async () => {
    const w = world([{ frames: withApproval() }]);
    const r = await trackExecution(BASE, w.ports);
    expect(r.outcome).toBe('succeeded');
    expect(conclusions(w)).toEqual({ [EXEC]: 'success', [SOURCE]: 'success', [BUILD]: 'success', [APPROVAL]: 'success', [DEPLOY]: 'success' });
    const approvalWrites = w.checks.one(APPROVAL).writes;
    const waiting = approvalWrites.find((x) => x.output.title === 'Waiting for approval');
    expect(waiting).toMatchObject({ status: 'in_progress' });
    expect(waiting?.detailsUrl).toContain('/executions/');
    expect(w.checks.one(EXEC).writes.some((x) => x.output.title === 'Waiting for approval in Approval')).toBe(true);
    // The approval token is never shown.
    for (const run of w.checks.runs.values()) for (const x of run.writes) expect(JSON.stringify(x)).not.toContain('0b4d1f2e-7c3a-4f59-8e6d-2a1b3c4d5e6f');
    // 37 minutes of waiting polled at up to 60 s, not every 10 s: 48 minutes at a fixed 10 s would be 288 ticks.
    expect(Math.max(...w.clock.sleeps)).toBe(60_000);
    expect(w.clock.sleeps.filter((x) => x === 60_000).length).toBeGreaterThanOrEqual(30);
    expect(r.counts.ticks).toBeLessThan(100);
    expect(updatesOf(w, APPROVAL)).toBe(2);
    expectEconomy(w, r);
  });

  it('an execution that appears late is found with backoff', async () => {
    const w = world([{ appearsAt: s(40), frames: success({ shift: s(40) }) }]);
    const r = await trackExecution(BASE, w.ports);
    expect(r.outcome).toBe('succeeded');
    // Searches at 0, 1, 3, 7, 15, 31 and 61 s (the backoff is capped at 30 s).
    expect(w.pipeline.calls.listExecutions).toBe(7);
    expect(w.clock.sleeps.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 16000, 30000]);
    expectEconomy(w, r);
  });

  it('no execution within find-timeout-seconds: fails with what was searched', async () => {
    const w = world([{ frames: success({ sha: OTHER_SHA, executionId: 'other-exec' }) }]);
    const run = trackExecution({ ...BASE, findTimeoutSeconds: 20 }, w.ports);
    await expect(run).rejects.toThrow(TrackError);
    await expect(run).rejects.toThrow(/No execution of pipeline myapp-ecs-pipeline in us-east-1 has source revision 9b8c7d6e.*find-timeout-seconds: 20.*the newest is other-exec/);
    expect(w.clock.now() - T0).toBe(s(20));
    expect(w.checks.calls.create).toBe(0);
  });

  it('pages ListPipelineExecutions newest first and stops at the page limit', async () => {
    const many: ScriptedExecution[] = Array.from({ length: 120 }, (_, i) => ({ frames: success({ executionId: `exec-${i}`, sha: OTHER_SHA, shift: -s(1000) + i }) }));
    const old = { frames: success({ shift: -s(2000) }) };
    const w = world([old, ...many]);
    const r = await trackExecution({ ...BASE, wait: false }, w.ports);
    expect(r.executionId).toBe(EXECUTION_ID);
    expect(w.pipeline.calls.listExecutions).toBe(3);

    const w2 = world([old, ...many]);
    await expect(trackExecution({ ...BASE, maxPages: 2, findTimeoutSeconds: 0 }, w2.ports)).rejects.toThrow(/2 pages of ListPipelineExecutions \(older history was not read\)/);
  });

  it('timeout-minutes: every open run ends timed_out and the message names what still runs', async () => {
    const w = world([{ frames: success() }]);
    const r = await trackExecution({ ...BASE, timeoutMinutes: 5 }, w.ports);
    expect(r).toMatchObject({ outcome: 'timed_out', fails: true, status: 'InProgress' });
    expect(r.message).toMatch(/Timed out after 5 minutes.*still running: Deploy \/ ECS-BlueGreen/);
    expect(conclusions(w)).toEqual({ [EXEC]: 'timed_out', [SOURCE]: 'success', [BUILD]: 'success', [DEPLOY]: 'timed_out' });
    expect(w.clock.now() - T0).toBe(m(5));
    expectEconomy(w, r);
  });

  it('wait: false reports the current state once', async () => {
    const w = world([{ frames: success() }]);
    w.clock.current = T0 + m(2);
    const r = await trackExecution({ ...BASE, wait: false }, w.ports);
    expect(r).toMatchObject({ outcome: 'in_progress', fails: false, status: 'InProgress' });
    expect(r.counts.ticks).toBe(1);
    expect(w.pipeline.calls.snapshot).toBe(1);
    expect(w.pipeline.calls.actionExecutions).toBe(1);
    expect(w.checks.calls).toEqual({ list: 1, create: 4, update: 0 });
    expect(conclusions(w)).toEqual({ [EXEC]: 'in_progress', [SOURCE]: 'success', [BUILD]: 'in_progress', [DEPLOY]: 'queued' });
    expect(w.clock.sleeps).toEqual([]);
  });

  it('buttons: only when asked (the app), Stop on a running execution; the action shows none', async () => {
    const w = world([{ frames: success() }]);
    w.clock.current = T0 + m(2);
    await trackExecution({ ...BASE, wait: false, buttons: true }, w.ports);
    expect(w.checks.one(EXEC).latest.actions?.map((a) => a.identifier)).toEqual(['stop']);
    const plain = world([{ frames: success() }]);
    plain.clock.current = T0 + m(2);
    await trackExecution({ ...BASE, wait: false }, plain.ports);
    expect(plain.checks.one(EXEC).latest.actions).toBeUndefined();
  });

  it('mode start: starts once with the commit and an idempotent token; a re-run updates the same runs and starts nothing', async () => {
    const w = world([], (id, at) => success({ executionId: id, shift: at }));
    const first = await trackExecution({ ...BASE, mode: 'start' }, w.ports);
    expect(first).toMatchObject({ executionId: 'started-1', started: true, outcome: 'succeeded' });
    expect(w.pipeline.starts).toHaveLength(1);
    expect(w.pipeline.starts[0].sourceRevisions).toEqual([{ actionName: 'GitHub', revisionType: 'COMMIT_ID', revisionValue: SHA }]);
    expect(w.pipeline.starts[0].clientRequestToken).toMatch(/^ecp-my-org-myapp-[0-9a-f]{8}-9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c-1$/);
    expectEconomy(w, first);
    const ids = new Map(w.checks.names().map((n) => [n, w.checks.one(n).id]));
    const writesBefore = w.checks.calls.update;

    const again = await trackExecution({ ...BASE, mode: 'start', runAttempt: 2 }, w.ports);
    expect(again).toMatchObject({ executionId: 'started-1', started: false, outcome: 'succeeded' });
    expect(w.pipeline.calls.start).toBe(1);
    expect(w.checks.calls.create).toBe(4);
    expect(w.checks.runs.size).toBe(4);
    for (const [n, id] of ids) expect(w.checks.one(n).id).toBe(id);
    // Runs found on the commit are rewritten once (their content is not known), never again.
    expect(w.checks.calls.update - writesBefore).toBe(4);
  });

  it('a re-run of mode track while the execution runs adopts the existing runs', async () => {
    const w = world([{ frames: success() }]);
    w.clock.current = T0 + m(1);
    await trackExecution({ ...BASE, wait: false }, w.ports);
    const again = await trackExecution(BASE, w.ports);
    expect(again.outcome).toBe('succeeded');
    expect(w.checks.calls.create).toBe(4);
    expect(conclusions(w)).toEqual({ [EXEC]: 'success', [BUILD]: 'success', [DEPLOY]: 'success', [SOURCE]: 'success' });
  });

  it('adopts the runs of an earlier execution of the same commit, never a job or another app’s run of the same name', async () => {
    const w = world([{ frames: success() }]);
    const job = w.checks.seed({ name: EXEC, headSha: SHA, externalId: '5d0c4f39-0b1e-4e43-9a42-6f0b1a2c3d4e' });
    const noId = w.checks.seed({ name: BUILD, headSha: SHA });
    const earlierExec = w.checks.seed({ name: EXEC, headSha: SHA, externalId: 'earlier-exec' });
    const earlierDeploy = w.checks.seed({ name: DEPLOY, headSha: SHA, externalId: 'earlier-exec/Deploy' });
    const r = await trackExecution(BASE, w.ports);
    expect(r.outcome).toBe('succeeded');
    // Left alone: a run without our external id, and one whose id has no stage runs of ours beside it.
    expect(job.writes).toHaveLength(1);
    expect(noId.writes).toHaveLength(1);
    // Adopted: the earlier execution's runs are updated, not duplicated.
    expect(earlierExec.latest.conclusion).toBe('success');
    expect(earlierDeploy.latest.conclusion).toBe('success');
    expect(w.checks.calls.create).toBe(2);
    expect(w.checks.byName(SOURCE)).toHaveLength(1);
  });

  it('a token without checks permission: commit statuses with the same names, said once in the log', async () => {
    const w = world([{ frames: buildFailure() }]);
    w.checks.forbidden = true;
    const r = await trackExecution(BASE, w.ports);
    expect(r.outcome).toBe('failed');
    const latest = w.statuses.latest();
    expect([...latest.keys()].sort()).toEqual([EXEC, BUILD, DEPLOY, SOURCE]);
    expect(latest.get(EXEC)?.state).toBe('failure');
    expect(latest.get(BUILD)?.state).toBe('failure');
    expect(latest.get(SOURCE)?.state).toBe('success');
    expect(latest.get(DEPLOY)?.state).toBe('error');
    for (const st of latest.values()) expect(st.description.length).toBeLessThanOrEqual(140);
    const fallback = w.logger.warnings().filter((x) => /commit statuses/.test(x));
    expect(fallback).toHaveLength(1);
    // One list attempt refused, then nothing more is asked of the checks API.
    expect(w.checks.calls).toEqual({ list: 1, create: 0, update: 0 });
    // One status per context per visible change: no repeated identical statuses.
    const seen = new Set<string>();
    for (const st of w.statuses.writes) {
      const key = JSON.stringify(st);
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(r.counts.statusWrites).toBe(w.statuses.writes.length);
  });

  it('report: both writes check runs and statuses; report: none writes nothing', async () => {
    const both = world([{ frames: success() }]);
    await trackExecution({ ...BASE, report: 'both' }, both.ports);
    expect(both.checks.runs.size).toBe(4);
    expect(both.statuses.latest().get(EXEC)?.state).toBe('success');

    const none = world([{ frames: success() }]);
    const r = await trackExecution({ ...BASE, report: 'none' }, none.ports);
    expect(r.outcome).toBe('succeeded');
    expect(none.checks.calls).toEqual({ list: 0, create: 0, update: 0 });
    expect(none.statuses.writes).toHaveLength(0);
  });

  it('GitHub errors on writes are retried on the next poll without duplicates', async () => {
    const w = world([{ frames: success() }]);
    w.checks.failWrites = 2;
    const r = await trackExecution(BASE, w.ports);
    expect(r.outcome).toBe('succeeded');
    expect(conclusions(w)).toEqual({ [EXEC]: 'success', [BUILD]: 'success', [DEPLOY]: 'success', [SOURCE]: 'success' });
    expect(w.checks.uselessUpdates()).toBe(0);
    // The failed creates made the tracker list the commit's runs again before creating them.
    expect(w.checks.calls.list).toBe(2);
  });

  it('cancelled with stop-on-cancel: StopPipelineExecution once, every open run cancelled', async () => {
    const w = world([{ frames: success() }]);
    const controller = new AbortController();
    w.clock.at(s(90), () => controller.abort());
    const r = await trackExecution({ ...BASE, stopOnCancel: true, signal: controller.signal }, w.ports);
    expect(r).toMatchObject({ cancelled: true, outcome: 'stopped', fails: true, status: 'Stopped' });
    expect(w.pipeline.stops).toEqual([{ executionId: EXECUTION_ID, reason: expect.stringContaining('cancelled') }]);
    expect(conclusions(w)).toEqual({ [EXEC]: 'cancelled', [SOURCE]: 'success', [BUILD]: 'cancelled', [DEPLOY]: 'cancelled' });
    expect(w.checks.one(BUILD).latest.output.title).toMatch(/Build was stopped/);
    expect(r.summaryMarkdown).toContain('stop-on-cancel');
    expectEconomy(w, r);
  });

  it('cancelled without stop-on-cancel: no stop, open runs closed as cancelled, saying the execution goes on', async () => {
    const w = world([{ frames: success() }]);
    const controller = new AbortController();
    w.clock.at(s(90), () => controller.abort());
    const r = await trackExecution({ ...BASE, signal: controller.signal }, w.ports);
    expect(r).toMatchObject({ cancelled: true, outcome: 'cancelled', fails: true });
    expect(w.pipeline.calls.stop).toBe(0);
    expect(conclusions(w)).toEqual({ [EXEC]: 'cancelled', [SOURCE]: 'success', [BUILD]: 'cancelled', [DEPLOY]: 'cancelled' });
    expect(w.checks.one(EXEC).latest.output.title).toMatch(/goes on in AWS/);
    expect(r.message).toMatch(/goes on in AWS/);
  });

  it('the image from imageDetail.json when the build exports no variables, else from the short-SHA ECR tag', async () => {
    const noVars = (f: Frame[]): Frame[] =>
      f.map((x) => ({ ...x, snapshot: { ...x.snapshot, stages: x.snapshot.stages.map((st) => ({ ...st, actions: st.actions.map((a) => ({ ...a, outputVariables: a.provider === 'CodeBuild' ? undefined : a.outputVariables })) })) } }));
    const w = world([{ frames: noVars(success()) }]);
    w.images.artifacts.set('my-pipeline-artifacts/myapp-ecs-pipel/BuildOutpu/Xk2PqRt', JSON.stringify({ ImageURI: IMAGE_URI }));
    const r = await trackExecution(BASE, w.ports);
    expect(r.image).toMatchObject({ uri: IMAGE_URI, digest: DIGEST, foundIn: 'imageDetail.json' });
    expect(w.images.calls.imageDetail).toBe(1);

    const w2 = world([{ frames: noVars(success()) }]);
    const r2 = await trackExecution({ ...BASE, ecrRepository: '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp' }, w2.ports);
    expect(r2.image).toMatchObject({ uri: IMAGE_URI, tag: SHA.slice(0, 7), digest: DIGEST, foundIn: 'ecr-tag' });

    const w3 = world([{ frames: noVars(success()) }]);
    const r3 = await trackExecution({ ...BASE, ecrRepository: 'someother' }, w3.ports);
    expect(r3.image).toBeUndefined();
  });

  it('transient AWS failures are retried; persistent ones end the tracking with the error', async () => {
    const w = world([{ frames: success() }]);
    const real = w.pipeline.snapshot.bind(w.pipeline);
    let n = 0;
    w.pipeline.snapshot = async (o) => {
      n++;
      if (n % 3 === 0) throw new Error('ThrottlingException: Rate exceeded');
      return real(o);
    };
    const r = await trackExecution(BASE, w.ports);
    expect(r.outcome).toBe('succeeded');

    const dead = world([{ frames: success() }]);
    dead.pipeline.snapshot = async () => {
      throw new Error('AccessDeniedException: not authorized to perform codepipeline:GetPipelineExecution');
    };
    await expect(trackExecution(BASE, dead.ports)).rejects.toThrow(/AccessDenied/);
  });

  it('mode start with several Git sources asks which one', async () => {
    const w = world([], (id, at) => success({ executionId: id, shift: at }));
    w.pipeline.sourceActions = async () => [
      { name: 'App', provider: 'CodeStarSourceConnection' },
      { name: 'Infra', provider: 'CodeStarSourceConnection' },
    ];
    await expect(trackExecution({ ...BASE, mode: 'start' }, w.ports)).rejects.toThrow(/2 Git source actions \(App, Infra\)/);
    expect(w.pipeline.calls.start).toBe(0);
  });
});
