/**
 * Scripted lives of the seed pipeline (Source → Build → Deploy, plus an
 * optional manual approval), built from the snapshots of the core's tests so
 * that the shapes match what the AWS adapter returns.
 */
import type { ExecutionSnapshot, StageSnapshot } from '../../../src/core/pipeline/model.js';
import { DOCKER_LOG, EXECUTION_ID, SHA, approval, build, buildFailed, deploy, deployFailed, notStarted, snapshot, source, stage } from '../pipeline/fixtures.js';
import { type Frame, iso, m, s } from './fakes.js';

export { DOCKER_LOG, EXECUTION_ID, SHA };
export const BUILD_ID = 'myapp-build:2f4a6c1e-0b7d-4e59-9a3c-8d1e5f7b2c90';
export const IMAGE_REPO = 'myapp';
export const IMAGE_URI = `123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:${SHA.slice(0, 7)}`;
export const DIGEST = 'sha256:5f0c4e1b2a3d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6';

interface Who {
  executionId?: string;
  sha?: string;
  /** Shifts every time (ms), for executions that start later. */
  shift?: number;
}

function rebase(snap: ExecutionSnapshot, who: Who): ExecutionSnapshot {
  const id = who.executionId ?? EXECUTION_ID;
  const sha = who.sha ?? SHA;
  const shift = who.shift ?? 0;
  const text = JSON.stringify(snap)
    .replaceAll(EXECUTION_ID, id)
    .replaceAll(SHA, sha)
    .replace(/"(2024-05-08T[0-9:.]+Z)"/g, (_all, t: string) => JSON.stringify(new Date(Date.parse(t) + shift).toISOString()));
  return JSON.parse(text) as ExecutionSnapshot;
}

function frames(list: Array<[number, ExecutionSnapshot]>, who: Who): Frame[] {
  return list.map(([at, snap]) => ({ at: at + (who.shift ?? 0), snapshot: rebase(snap, who) }));
}

const running = (o: Partial<ExecutionSnapshot>): ExecutionSnapshot => snapshot({ status: 'InProgress', ...o });

function sourceRunning(): StageSnapshot {
  return stage('Source', 'InProgress', [source({ status: 'InProgress', lastStatusChange: iso(120), summary: undefined, externalExecutionId: undefined, externalExecutionUrl: undefined, outputVariables: undefined })]);
}

function buildRunning(): StageSnapshot {
  return stage('Build', 'InProgress', [build({ status: 'InProgress', lastStatusChange: iso(s(5)), outputVariables: undefined })]);
}

function deployRunning(): StageSnapshot {
  return stage('Deploy', 'InProgress', [deploy({ status: 'InProgress', lastStatusChange: iso(s(200)), summary: undefined })]);
}

const notYet = (name: string, a: ReturnType<typeof build>) => stage(name, 'NotStarted', [notStarted(a)]);

/** The first two frames of every seed execution: Source running, then Build running. */
function firstFrames(): Array<[number, ExecutionSnapshot]> {
  return [
    [0, running({ lastUpdateTime: iso(0), stages: [sourceRunning(), notYet('Build', build()), notYet('Deploy', deploy())] })],
    [s(5), running({ lastUpdateTime: iso(s(5)), stages: [stage('Source', 'Succeeded', [source()]), buildRunning(), notYet('Deploy', deploy())] })],
  ];
}

/** Succeeds after 11m 3s: Build done at 3m 17s, Deploy from 3m 20s. */
export function success(who: Who = {}): Frame[] {
  return frames(
    [
      ...firstFrames(),
      [s(200), running({ lastUpdateTime: iso(s(200)), stages: [stage('Source', 'Succeeded', [source()]), stage('Build', 'Succeeded', [build()]), deployRunning()] })],
      [s(663), snapshot()],
    ],
    who,
  );
}

/** Docker is not running in the build (no privilegedMode): Build fails at 1m 11s. */
export function buildFailure(who: Who = {}): Frame[] {
  const failed = buildFailed();
  // The log is not in GetPipelineState nor ListActionExecutions: the tracker reads it from CloudWatch.
  for (const st of failed.stages) for (const a of st.actions) delete a.logTail;
  return frames([...firstFrames(), [s(72), failed]], who);
}

/** The blue/green deployment never gets healthy tasks. */
export function deployFailure(who: Who = {}): Frame[] {
  return frames(
    [
      ...firstFrames(),
      [s(200), running({ lastUpdateTime: iso(s(200)), stages: [stage('Source', 'Succeeded', [source()]), stage('Build', 'Succeeded', [build()]), deployRunning()] })],
      [s(600), deployFailed()],
    ],
    who,
  );
}

/** A ROLLBACK execution redeploying `targetSha`'s execution, started after the failure. */
export function rollback(o: { executionId: string; targetExecutionId: string; targetSha: string; at: number }): Frame[] {
  const snap = (status: 'InProgress' | 'Succeeded'): ExecutionSnapshot =>
    snapshot({
      executionId: o.executionId,
      status,
      executionType: 'ROLLBACK',
      rollbackTargetExecutionId: o.targetExecutionId,
      sourceRevisions: [{ actionName: 'GitHub', revisionId: o.targetSha }],
      startTime: iso(o.at),
      lastUpdateTime: iso(o.at + m(5)),
      stages: [stage('Source', 'Succeeded', [source()]), stage('Build', 'Succeeded', [build()]), status === 'Succeeded' ? stage('Deploy', 'Succeeded', [deploy()]) : deployRunning()],
    });
  return [
    { at: o.at, snapshot: snap('InProgress') },
    { at: o.at + m(5), snapshot: snap('Succeeded') },
  ];
}

/** Someone stops the execution in the console during the build (at 1m). */
export function stoppedInAws(who: Who = {}): Frame[] {
  return frames(
    [
      ...firstFrames(),
      [
        s(60),
        snapshot({
          status: 'Stopped',
          lastUpdateTime: iso(s(61)),
          stages: [
            stage('Source', 'Succeeded', [source()]),
            stage('Build', 'Stopped', [build({ status: 'Abandoned', lastStatusChange: iso(s(61)), outputVariables: undefined })]),
            notYet('Deploy', deploy()),
          ],
        }),
      ],
    ],
    who,
  );
}

/**
 * Superseded: this execution finishes Build at 3m 17s and waits at the
 * Deploy boundary; a newer one overtakes it and it is Superseded at 4m.
 */
export function superseded(who: Who = {}): Frame[] {
  const waiting = [stage('Source', 'Succeeded', [source()]), stage('Build', 'Succeeded', [build()]), notYet('Deploy', deploy())];
  return frames(
    [
      ...firstFrames(),
      [s(200), running({ lastUpdateTime: iso(s(200)), stages: waiting })],
      [s(240), snapshot({ status: 'Superseded', lastUpdateTime: iso(s(240)), stages: waiting })],
    ],
    who,
  );
}

/** Source → Build → Approval (waits 37 minutes) → Deploy. */
export function withApproval(who: Who = {}): Frame[] {
  const src = stage('Source', 'Succeeded', [source()]);
  const bld = stage('Build', 'Succeeded', [build()]);
  const approved = approval({ status: 'Succeeded', lastStatusChange: iso(m(40)), summary: 'Looks good', token: undefined });
  const waitingStage = stage('Approval', 'InProgress', [approval({ lastStatusChange: iso(s(205)), summary: 'Please check staging' })]);
  const withFirst = (st: ExecutionSnapshot): ExecutionSnapshot => ({ ...st, stages: [st.stages[0], st.stages[1], stage('Approval', 'NotStarted', [notStarted(approval())]), st.stages[2]] });
  const [[t0, f0], [t1, f1]] = firstFrames();
  return frames(
    [
      [t0, withFirst(f0)],
      [t1, withFirst(f1)],
      [s(205), running({ lastUpdateTime: iso(s(205)), stages: [src, bld, waitingStage, notYet('Deploy', deploy())] })],
      [m(40), running({ lastUpdateTime: iso(m(40)), stages: [src, bld, stage('Approval', 'Succeeded', [approved]), stage('Deploy', 'InProgress', [deploy({ status: 'InProgress', startTime: iso(m(40) + 2000), lastStatusChange: iso(m(40) + 2000), summary: undefined })])] })],
      [m(48), snapshot({ lastUpdateTime: iso(m(48)), stages: [src, bld, stage('Approval', 'Succeeded', [approved]), stage('Deploy', 'Succeeded', [deploy({ startTime: iso(m(40) + 2000), lastStatusChange: iso(m(48)) })])] })],
    ],
    who,
  );
}

/** A 30-minute, 3-stage execution (Source 5 s, Build to 8 min, a blue/green Deploy with bake time to 30 min): docs/performance.md. */
export function thirtyMinutes(who: Who = {}): Frame[] {
  const src = stage('Source', 'Succeeded', [source()]);
  const built = stage('Build', 'Succeeded', [build({ lastStatusChange: iso(m(8)) })]);
  const deploying = stage('Deploy', 'InProgress', [deploy({ status: 'InProgress', startTime: iso(m(8) + 3000), lastStatusChange: iso(m(8) + 3000), summary: undefined })]);
  return frames(
    [
      ...firstFrames(),
      [m(8) + 3000, running({ lastUpdateTime: iso(m(8) + 3000), stages: [src, built, deploying] })],
      [m(30), snapshot({ lastUpdateTime: iso(m(30)), stages: [src, built, stage('Deploy', 'Succeeded', [deploy({ startTime: iso(m(8) + 3000), lastStatusChange: iso(m(30)) })])] })],
    ],
    who,
  );
}
