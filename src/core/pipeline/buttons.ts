/**
 * The buttons (check run "requested actions") a run offers. GitHub sends a
 * click only to the app that created the run, so only the app shows them: a
 * run made with the action's GITHUB_TOKEN would offer buttons nobody receives.
 * Pure: which buttons follows from the snapshot alone.
 */
import type { CheckAction } from './check-run.js';
import { waitingApproval } from './conclusions.js';
import type { ExecutionSnapshot, StageSnapshot } from './model.js';

/** GitHub's limits: at most 3 buttons; label ≤ 20, description ≤ 40, identifier ≤ 20 characters. */
export const MAX_BUTTONS = 3;

export type ButtonId = 'approve' | 'reject' | 'retry' | 'stop';

export const BUTTONS: Readonly<Record<ButtonId, CheckAction>> = {
  approve: { label: 'Approve', description: 'Approve this manual approval in AWS', identifier: 'approve' },
  reject: { label: 'Reject', description: 'Reject it: the execution fails here', identifier: 'reject' },
  retry: { label: 'Retry', description: 'Retry the failed actions of this stage', identifier: 'retry' },
  stop: { label: 'Stop', description: 'Stop this execution (no new actions)', identifier: 'stop' },
};

export function isButtonId(s: unknown): s is ButtonId {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(BUTTONS, s);
}

/** A stage's run: Approve and Reject while it waits on a manual approval; Retry once it failed. */
export function stageButtons(snapshot: Pick<ExecutionSnapshot, 'status'>, stage: StageSnapshot): CheckAction[] {
  if (snapshot.status === 'InProgress' && stage.status === 'InProgress' && waitingApproval(stage)) return [BUTTONS.approve, BUTTONS.reject];
  if (stage.status === 'Failed') return [BUTTONS.retry];
  return [];
}

/** The whole execution's run: Stop while it runs (not while it is already stopping). */
export function executionButtons(snapshot: Pick<ExecutionSnapshot, 'status'>): CheckAction[] {
  return snapshot.status === 'InProgress' ? [BUTTONS.stop] : [];
}
