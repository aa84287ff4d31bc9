/**
 * How long to wait between ticks. The base is the `poll-interval-seconds`
 * input (default 10, at least 1). While the pipeline waits on something slow
 * and nothing changes, the wait doubles up to a ceiling for that situation
 * (a manual approval: 60 s; a CodeDeploy deployment past its first minutes,
 * i.e. waiting out traffic shifting or bake time: 30 s); any change brings it
 * back to the base. And the backoff while waiting for the execution to appear.
 */
import type { ExecutionSnapshot } from './model.js';
import { between, type TimeInput } from './time.js';

export const DEFAULT_POLL_SECONDS = 10;
export const MIN_POLL_SECONDS = 1;
export const APPROVAL_POLL_SECONDS = 60;
export const DEPLOY_POLL_SECONDS = 30;
/** A deployment running this long has its tasks up and waits on traffic shifting or bake time. */
export const DEPLOY_SLOW_AFTER_SECONDS = 120;

/** The `poll-interval-seconds` input: default 10, at least 1; non-numbers fall back to the default. */
export function pollIntervalSeconds(input?: string | number): number {
  const n = typeof input === 'number' ? input : typeof input === 'string' && input.trim() !== '' ? Number(input) : NaN;
  if (!Number.isFinite(n)) return DEFAULT_POLL_SECONDS;
  return Math.max(MIN_POLL_SECONDS, n);
}

const DEPLOY_PROVIDERS = new Set(['CodeDeployToECS', 'CodeDeploy', 'ECS']);

export type SlowReason = 'approval' | 'deploy';

/**
 * What the execution is waiting on, when everything still running is slow:
 * only manual approvals, or only deployments that have been running for a while.
 */
export function slowWait(snapshot: ExecutionSnapshot, now: TimeInput): { reason: SlowReason; ceilingSeconds: number } | undefined {
  const running = snapshot.stages.flatMap((s) => s.actions.filter((a) => a.status === 'InProgress'));
  if (running.length === 0) return undefined;
  let approvals = 0;
  for (const a of running) {
    if (a.category === 'Approval') {
      approvals++;
      continue;
    }
    if (!DEPLOY_PROVIDERS.has(a.provider ?? '')) return undefined;
    const ms = between(a.startTime ?? a.lastStatusChange, now);
    if (ms === undefined || ms < DEPLOY_SLOW_AFTER_SECONDS * 1000) return undefined;
  }
  return approvals === running.length
    ? { reason: 'approval', ceilingSeconds: APPROVAL_POLL_SECONDS }
    : { reason: 'deploy', ceilingSeconds: DEPLOY_POLL_SECONDS };
}

export interface NextPollInput {
  /** `pollIntervalSeconds(input)` */
  baseSeconds: number;
  snapshot: ExecutionSnapshot;
  /** Something visible or an action changed on this tick. */
  changed: boolean;
  /** The wait before this tick (undefined on the first). */
  previousSeconds?: number;
  now: TimeInput;
  /** Time left before `timeout-minutes`: never sleep past it. */
  remainingSeconds?: number;
}

export function nextPollSeconds(o: NextPollInput): { seconds: number; reason: string } {
  const base = Math.max(MIN_POLL_SECONDS, o.baseSeconds);
  let seconds = base;
  let reason = 'poll-interval-seconds';
  const slow = o.changed ? undefined : slowWait(o.snapshot, o.now);
  if (slow) {
    const ceiling = Math.max(base, slow.ceilingSeconds);
    seconds = Math.min(ceiling, Math.max(base, (o.previousSeconds ?? base / 2) * 2));
    reason = slow.reason === 'approval' ? 'waiting for a manual approval' : 'waiting for a CodeDeploy deployment';
  } else if (o.changed) reason = 'something changed';
  if (o.remainingSeconds !== undefined && o.remainingSeconds < seconds) {
    return { seconds: Math.max(0, o.remainingSeconds), reason: 'timeout-minutes is near' };
  }
  return { seconds, reason };
}

/** Waits while the execution has not appeared yet: 1, 2, 4 … seconds, capped. `attempt` counts from 0. */
export function findBackoffSeconds(attempt: number, o: { initialSeconds?: number; maxSeconds?: number } = {}): number {
  const initial = o.initialSeconds ?? 1;
  const max = o.maxSeconds ?? 30;
  const n = Math.max(0, Math.floor(attempt));
  return Math.min(max, initial * 2 ** Math.min(n, 30));
}

/** The whole wait schedule within `find-timeout-seconds` (its sum never exceeds the timeout). */
export function findSchedule(timeoutSeconds: number, o: { initialSeconds?: number; maxSeconds?: number } = {}): number[] {
  const out: number[] = [];
  let total = 0;
  for (let i = 0; total < timeoutSeconds && i < 10_000; i++) {
    const wait = Math.min(findBackoffSeconds(i, o), timeoutSeconds - total);
    if (wait <= 0) break;
    out.push(wait);
    total += wait;
  }
  return out;
}
