/**
 * CodePipeline statuses → check-run status and conclusion, and check runs →
 * commit statuses. The rules (issue 3, item 5):
 * - Succeeded → success; Failed → failure; Stopped and Cancelled → cancelled;
 * - Superseded → neutral (never success, never failure: the newer execution carries the change);
 * - a stage waiting on a manual approval stays in_progress;
 * - when the tracker gives up (timeout-minutes), every open run becomes timed_out.
 */
import type { CheckConclusion, CheckRunModel, CheckStatus } from './check-run.js';
import type { ActionSnapshot, ActionStatus, ExecutionSnapshot, ExecutionStatus, StageSnapshot } from './model.js';
import { oneLine } from './md.js';

export interface CheckState {
  status: CheckStatus;
  conclusion?: CheckConclusion;
}

const FINAL: ReadonlySet<ExecutionStatus> = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded']);

/** The execution will not change any more. `Stopping` is not final: it ends as Stopped. */
export function isFinal(status: ExecutionStatus): boolean {
  return FINAL.has(status);
}

const COMPLETED: Partial<Record<string, CheckConclusion>> = {
  Succeeded: 'success',
  Failed: 'failure',
  Stopped: 'cancelled',
  Cancelled: 'cancelled',
  Superseded: 'neutral',
  Skipped: 'skipped',
  Abandoned: 'cancelled',
};

function completed(conclusion: CheckConclusion): CheckState {
  return { status: 'completed', conclusion };
}

/** The whole execution's run. */
export function executionCheckState(status: ExecutionStatus, o: { timedOut?: boolean } = {}): CheckState {
  const conclusion = COMPLETED[status];
  if (conclusion) return completed(conclusion);
  return o.timedOut ? completed('timed_out') : { status: 'in_progress' };
}

/** The manual approval this stage is waiting on, if any. */
export function waitingApproval(stage: StageSnapshot): ActionSnapshot | undefined {
  return stage.actions.find((a) => a.category === 'Approval' && a.status === 'InProgress');
}

/**
 * Why a stage the execution never reached ended the way it did: after a
 * failure, stop or cancel it is `cancelled` (a required check must not pass
 * when the pipeline broke before it); after a supersede it is `neutral` like
 * the execution; after a success (a stage skipped by a condition) `skipped`.
 */
function notReached(execution: ExecutionStatus): CheckConclusion | undefined {
  switch (execution) {
    case 'Succeeded':
      return 'skipped';
    case 'Superseded':
      return 'neutral';
    case 'Failed':
    case 'Stopped':
    case 'Cancelled':
      return 'cancelled';
    default:
      return undefined;
  }
}

/** One stage's run, given the execution's status (a stage left behind by a final execution is completed too). */
export function stageCheckState(stage: StageSnapshot, o: { execution: ExecutionStatus; timedOut?: boolean }): CheckState {
  const own = COMPLETED[stage.status];
  if (own) return completed(own);
  if (isFinal(o.execution)) {
    // The execution ended but this stage still reads NotStarted or InProgress (it
    // was never reached, or GetPipelineState lags): it ends with the execution.
    const c = stage.status !== 'NotStarted' && o.execution === 'Succeeded' ? 'success' : notReached(o.execution);
    if (c) return completed(c);
  }
  if (o.timedOut) return completed('timed_out');
  if (stage.status === 'NotStarted') return { status: 'queued' };
  return { status: 'in_progress' };
}

export function actionCheckState(status: ActionStatus): CheckState {
  const c = COMPLETED[status];
  if (c) return completed(c);
  return status === 'NotStarted' ? { status: 'queued' } : { status: 'in_progress' };
}

/** Actions still running, as `Stage / Action`, for the timeout message. */
export function stillRunning(snapshot: ExecutionSnapshot): string[] {
  const out: string[] = [];
  for (const stage of snapshot.stages) {
    for (const a of stage.actions) if (a.status === 'InProgress') out.push(`${stage.name} / ${a.name}`);
    if (stage.actions.every((a) => a.status !== 'InProgress') && (stage.status === 'InProgress' || stage.status === 'Stopping')) out.push(stage.name);
  }
  return out;
}

/** `timeout-minutes` ran out: which stage and action were still running. */
export function timeoutMessage(snapshot: ExecutionSnapshot, minutes: number): string {
  const running = stillRunning(snapshot);
  const next = snapshot.stages.find((s) => s.status === 'NotStarted');
  const what = running.length
    ? `still running: ${running.join(', ')}`
    : next
      ? `${next.name} had not started`
      : `the execution was ${snapshot.status}`;
  return `Timed out after ${minutes} minute${minutes === 1 ? '' : 's'} (timeout-minutes) waiting for execution ${snapshot.executionId} of ${snapshot.pipelineName}; ${what}. The execution goes on in AWS; the check runs are marked timed_out.`;
}

export type Outcome = 'succeeded' | 'failed' | 'stopped' | 'cancelled' | 'superseded' | 'timed_out' | 'in_progress';

/**
 * The action's `status` output and whether the step fails: it fails when the
 * execution failed, was stopped or cancelled, or the tracker timed out; it
 * passes on success and on superseded (the newer execution carries the change)
 * and, with `wait: false`, on an execution still in progress.
 */
export function stepResult(status: ExecutionStatus, o: { timedOut?: boolean } = {}): { outcome: Outcome; fails: boolean } {
  switch (status) {
    case 'Succeeded':
      return { outcome: 'succeeded', fails: false };
    case 'Superseded':
      return { outcome: 'superseded', fails: false };
    case 'Failed':
      return { outcome: 'failed', fails: true };
    case 'Stopped':
      return { outcome: 'stopped', fails: true };
    case 'Cancelled':
      return { outcome: 'cancelled', fails: true };
    default:
      return o.timedOut ? { outcome: 'timed_out', fails: true } : { outcome: 'in_progress', fails: false };
  }
}

export type CommitState = 'error' | 'failure' | 'pending' | 'success';

/** GitHub's limit for a commit status description. */
export const STATUS_DESCRIPTION_MAX = 140;

/**
 * A check run's state as a commit status, which has only four states:
 * success, neutral and skipped → success (GitHub's branch protection treats
 * those conclusions as passing too); failure → failure; cancelled, timed_out,
 * stale → error (the pipeline did not finish); action_required → failure;
 * queued and in_progress → pending.
 */
export function commitState(run: Pick<CheckRunModel, 'status' | 'conclusion'>): CommitState {
  if (run.status !== 'completed') return 'pending';
  switch (run.conclusion) {
    case 'success':
    case 'neutral':
    case 'skipped':
      return 'success';
    case 'failure':
    case 'action_required':
      return 'failure';
    default:
      return 'error';
  }
}

/** The commit status that stands in for a check run (same name as context), for `report: statuses` or the 403 fallback. */
export function commitStatusFor(run: CheckRunModel): { sha: string; context: string; state: CommitState; description: string; targetUrl?: string } {
  return {
    sha: run.headSha,
    context: run.name,
    state: commitState(run),
    description: oneLine(run.output.title, STATUS_DESCRIPTION_MAX),
    ...(run.detailsUrl ? { targetUrl: run.detailsUrl } : {}),
  };
}
