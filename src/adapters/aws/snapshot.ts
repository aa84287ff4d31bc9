import type { ActionExecution, GetPipelineStateOutput, PipelineExecution, StageState } from '@aws-sdk/client-codepipeline';
import type {
  ActionSnapshot,
  ActionStatus,
  ExecutionSnapshot,
  ExecutionStatus,
  SourceRevision,
  StageSnapshot,
  StageStatus,
} from '../../core/pipeline/model.js';

/**
 * Turns GetPipelineExecution + GetPipelineState into one execution's snapshot.
 *
 * GetPipelineState shows, per stage, only the LATEST execution to enter it, and
 * per action only its latest run. A stage whose latest execution is not ours is
 * derived from what is certain first, then from what is known:
 * 1. `rollback`: a ROLLBACK execution runs only the stage it rolls back; any
 *    other stage is NotStarted.
 * 2. `passed`: ours went beyond it: a LATER stage is ours, or ours waits at a
 *    later stage's entrance (inboundExecutions), now or in an earlier snapshot.
 *    An execution leaves a stage only when the stage succeeds, so Succeeded
 *    (a newer execution has run there since). A Superseded execution was
 *    superseded waiting between stages, so the last stage it entered is passed
 *    too.
 * 3. `succeeded`: the execution Succeeded, so it went through every stage.
 * 4. `remembered`: an earlier snapshot saw the stage as ours and finished
 *    (the adapter keeps what it saw; no extra call).
 * 5. `known`: the last ListActionExecutions answer for this execution has
 *    actions in that stage (again remembered, no extra call).
 * 6. `inferred`: the execution Failed and its last stage of its own
 *    succeeded: it failed entering or running the next stage, so that one is
 *    Failed.
 * 7. `not-reached`: otherwise it has not reached the stage (in progress, or it
 *    ended earlier): NotStarted. When no stage was ever seen as ours and the
 *    execution has ended, where it ended cannot be told from these two calls:
 *    NotStarted with `unknown`; ListActionExecutions then tells the rest and
 *    the next snapshot uses it (5).
 *
 * In a stage that IS ours an action may still show a previous execution's run
 * (a later runOrder not reached yet, or skipped after a failure). Such a run is
 * recognised when it is not among ours (ListActionExecutions) and it changed
 * before our execution started; it becomes NotStarted.
 */

/** How a derived stage got its status (only on stages that were not ours in GetPipelineState). */
export type Derivation = 'rollback' | 'passed' | 'succeeded' | 'remembered' | 'known' | 'inferred' | 'not-reached' | 'unknown';

export type StageSnapshotWithOrigin = StageSnapshot & { derived?: Derivation };

/** What the adapter remembers of an execution between calls. */
export interface ExecutionMemory {
  startTime?: string;
  lastUpdateTime?: string;
  sourceRevisions?: SourceRevision[];
  /** The last ListActionExecutions answer for this execution. */
  actions?: Array<ActionSnapshot & { stage: string; actionExecutionId?: string }>;
  /** Stages earlier snapshots saw as ours, as last seen. */
  stages?: Map<string, StageSnapshot>;
  /** The furthest stage index earlier snapshots saw ours in. */
  entered?: number;
  /** The furthest stage index earlier snapshots saw ours wait at. */
  waiting?: number;
}

export interface PipelineMemory {
  /** `stage/action` → type, from GetPipeline or ListActionExecutions. */
  types: Map<string, { category?: string; provider?: string }>;
  /** Output artifact name → source action name, from GetPipeline. */
  sourceArtifacts: Map<string, string>;
}

export interface SnapshotInput {
  pipelineName: string;
  region: string;
  executionId: string;
  execution: PipelineExecution;
  state: GetPipelineStateOutput;
  memory?: ExecutionMemory;
  pipeline?: PipelineMemory;
}

const EXECUTION_STATUSES: readonly string[] = ['Cancelled', 'InProgress', 'Stopped', 'Stopping', 'Succeeded', 'Superseded', 'Failed'];
const STAGE_STATUSES: readonly string[] = ['Cancelled', 'InProgress', 'Failed', 'Stopped', 'Stopping', 'Succeeded', 'Skipped'];
const ACTION_STATUSES: readonly string[] = ['InProgress', 'Abandoned', 'Succeeded', 'Failed'];

export function executionStatus(s: string | undefined): ExecutionStatus {
  // A status added to the API later is shown as still running rather than guessed as an outcome.
  return s && EXECUTION_STATUSES.includes(s) ? (s as ExecutionStatus) : 'InProgress';
}

function stageStatus(s: string | undefined): StageStatus {
  return s && STAGE_STATUSES.includes(s) ? (s as StageStatus) : 'InProgress';
}

function actionStatus(s: string | undefined): ActionStatus {
  return s && ACTION_STATUSES.includes(s) ? (s as ActionStatus) : 'InProgress';
}

export function iso(d: Date | undefined): string | undefined {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
}

function isOurs(stage: StageState, id: string): boolean {
  return stage.latestExecution?.pipelineExecutionId === id;
}

function waitsAt(stage: StageState, id: string): boolean {
  const inbound = [...(stage.inboundExecutions ?? []), ...(stage.inboundExecution ? [stage.inboundExecution] : [])];
  return inbound.some((e) => e.pipelineExecutionId === id);
}

/** Stage status from our own action runs, as ListActionExecutions reported them. */
export function statusFromActions(actions: Array<{ status: ActionStatus }>): StageStatus {
  if (actions.some((a) => a.status === 'InProgress')) return 'InProgress';
  if (actions.some((a) => a.status === 'Failed')) return 'Failed';
  if (actions.some((a) => a.status === 'Abandoned')) return 'Stopped';
  if (actions.length > 0 && actions.every((a) => a.status === 'Succeeded')) return 'Succeeded';
  return 'NotStarted';
}

function fromState(name: string, run: ActionExecution): ActionSnapshot {
  const a: ActionSnapshot = { name, status: actionStatus(run.status) };
  if (run.summary) a.summary = run.summary;
  const changed = iso(run.lastStatusChange);
  if (changed) a.lastStatusChange = changed;
  if (run.token) a.token = run.token;
  if (run.externalExecutionId) a.externalExecutionId = run.externalExecutionId;
  if (run.externalExecutionUrl) a.externalExecutionUrl = run.externalExecutionUrl;
  if (run.errorDetails?.code) a.errorCode = run.errorDetails.code;
  if (run.errorDetails?.message) a.errorMessage = run.errorDetails.message;
  return a;
}

function withKnown(a: ActionSnapshot, known: ActionSnapshot | undefined): ActionSnapshot {
  if (!known) return a;
  const merged: ActionSnapshot = { ...a };
  for (const key of ['startTime', 'outputVariables', 'configuration', 'inputArtifacts', 'summary', 'externalExecutionUrl', 'externalExecutionId'] as const) {
    if (merged[key] === undefined && known[key] !== undefined) (merged as unknown as Record<string, unknown>)[key] = known[key];
  }
  return merged;
}

function withType(a: ActionSnapshot, stage: string, p: PipelineMemory | undefined): ActionSnapshot {
  const t = p?.types.get(`${stage}/${a.name}`);
  if (t?.category && !a.category) a.category = t.category;
  if (t?.provider && !a.provider) a.provider = t.provider;
  return a;
}

function oursStage(stage: StageState, i: SnapshotInput): StageSnapshot {
  const stageName = stage.stageName ?? '';
  const known = (i.memory?.actions ?? []).filter((k) => k.stage === stageName);
  const knownIds = new Set(known.map((k) => k.actionExecutionId).filter(Boolean));
  const start = i.memory?.startTime ? Date.parse(i.memory.startTime) : undefined;
  const actions = (stage.actionStates ?? []).map((s) => {
    const name = s.actionName ?? '';
    const run = s.latestExecution;
    const k = known.find((x) => x.name === name);
    if (!run) return withType(k ? stripStage({ ...k }) : { name, status: 'NotStarted' }, stageName, i.pipeline);
    const id = run.actionExecutionId;
    const stale =
      !(id && knownIds.has(id)) &&
      !k &&
      run.status !== 'InProgress' &&
      start !== undefined &&
      run.lastStatusChange instanceof Date &&
      run.lastStatusChange.getTime() < start;
    if (stale) return withType({ name, status: 'NotStarted' }, stageName, i.pipeline);
    const same = k && (!k.actionExecutionId || k.actionExecutionId === id) ? k : undefined;
    return withType(withKnown(fromState(name, run), same), stageName, i.pipeline);
  });
  return { name: stageName, status: stageStatus(stage.latestExecution?.status), actions };
}

function stripStage(a: ActionSnapshot & { stage?: string; actionExecutionId?: string }): ActionSnapshot {
  const { stage: _stage, actionExecutionId: _id, ...rest } = a;
  return rest;
}

function derivedStage(stage: StageState, i: SnapshotInput, how: Derivation, status: StageStatus): StageSnapshotWithOrigin {
  const stageName = stage.stageName ?? '';
  const known = (i.memory?.actions ?? []).filter((k) => k.stage === stageName);
  const actions = (stage.actionStates ?? []).map((s) => {
    const name = s.actionName ?? '';
    const k = known.find((x) => x.name === name);
    if (k && how === 'known') return withType(stripStage({ ...k }), stageName, i.pipeline);
    // A stage passed through, or an execution that succeeded, succeeded in every action.
    const done: ActionStatus = status === 'Succeeded' ? 'Succeeded' : 'NotStarted';
    const details = k && (how === 'passed' || how === 'succeeded') ? stripStage({ ...k }) : { name };
    return withType({ ...details, status: done }, stageName, i.pipeline);
  });
  return { name: stageName, status, actions, derived: how };
}

/** A stage known to have succeeded: what was seen of it, finished, or its actions Succeeded. */
function succeeded(stage: StageState, i: SnapshotInput, seen: StageSnapshot | undefined, how: 'passed' | 'succeeded'): StageSnapshotWithOrigin {
  if (!seen) return derivedStage(stage, i, how, 'Succeeded');
  const actions = seen.actions.map(({ token: _token, ...a }) => ({ ...a, status: 'Succeeded' as const }));
  return { ...seen, status: 'Succeeded', actions, derived: how };
}

const FINISHED: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Skipped']);

export function toSnapshot(i: SnapshotInput): ExecutionSnapshot {
  return deriveSnapshot(i).snapshot;
}

/** The snapshot, and what to remember of it for the next one. */
export function deriveSnapshot(i: SnapshotInput): { snapshot: ExecutionSnapshot; entered: number; waiting: number } {
  const id = i.executionId;
  const status = executionStatus(i.execution.status);
  const stages = i.state.stageStates ?? [];
  const lastOurs = stages.reduce((last, s, idx) => (isOurs(s, id) ? idx : last), -1);
  const waitingAt = stages.findIndex((s) => waitsAt(s, id));
  const entered = Math.max(lastOurs, i.memory?.entered ?? -1);
  const reached = Math.max(entered, waitingAt, i.memory?.waiting ?? -1);
  const rollback = i.execution.executionType === 'ROLLBACK';
  const ended = status !== 'InProgress' && status !== 'Stopping';
  const remembered = i.memory?.stages;

  const out: StageSnapshotWithOrigin[] = [];
  stages.forEach((stage, idx) => {
    const name = stage.stageName ?? '';
    const push = (s: StageSnapshotWithOrigin): void => void out.push(s);
    if (isOurs(stage, id)) return push(oursStage(stage, i));
    if (rollback) return push(derivedStage(stage, i, 'rollback', 'NotStarted'));
    const seen = remembered?.get(name);
    // Superseded happens only between stages: the last stage it entered had succeeded.
    if (idx < reached || (status === 'Superseded' && idx <= entered)) return push(succeeded(stage, i, seen, 'passed'));
    if (status === 'Succeeded') return push(succeeded(stage, i, seen, 'succeeded'));
    if (seen && FINISHED.has(seen.status)) return push({ ...seen, derived: 'remembered' });
    const known = (i.memory?.actions ?? []).filter((k) => k.stage === name);
    if (known.length > 0) return push(derivedStage(stage, i, 'known', statusFromActions(known)));
    const previous = out[idx - 1];
    if (status === 'Failed' && idx > 0 && idx - 1 === lastOursOrSeen(out) && previous?.status === 'Succeeded') {
      return push(derivedStage(stage, i, 'inferred', 'Failed'));
    }
    const everSeen = reached >= 0 || (remembered?.size ?? 0) > 0;
    return push(derivedStage(stage, i, !everSeen && ended ? 'unknown' : 'not-reached', 'NotStarted'));
  });

  const snap: ExecutionSnapshot = {
    pipelineName: i.pipelineName,
    region: i.region,
    executionId: id,
    status,
    sourceRevisions: sourceRevisions(i),
    stages: out,
  };
  if (i.execution.statusSummary) snap.statusSummary = i.execution.statusSummary;
  if (i.execution.executionType === 'ROLLBACK' || i.execution.executionType === 'STANDARD') snap.executionType = i.execution.executionType;
  const target = i.execution.rollbackMetadata?.rollbackTargetPipelineExecutionId;
  if (target) snap.rollbackTargetExecutionId = target;
  if (i.memory?.startTime) snap.startTime = i.memory.startTime;
  const last = lastChange(out, i.memory?.lastUpdateTime);
  if (last) snap.lastUpdateTime = last;
  if (status === 'Superseded') {
    const by = supersededBy(i.state, id);
    if (by) snap.supersededBy = by;
  }
  return { snapshot: snap, entered: lastOurs, waiting: waitingAt };
}

/** The index of the last stage that is ours or was derived from certainty (passed, remembered). */
function lastOursOrSeen(stages: StageSnapshotWithOrigin[]): number {
  let last = -1;
  stages.forEach((s, idx) => {
    if (s.derived === undefined || s.derived === 'passed' || s.derived === 'remembered' || s.derived === 'known') last = idx;
  });
  return last;
}

function lastChange(stages: StageSnapshot[], fallback: string | undefined): string | undefined {
  let best = fallback;
  for (const s of stages) for (const a of s.actions) if (a.lastStatusChange && (!best || a.lastStatusChange > best)) best = a.lastStatusChange;
  return best;
}

/**
 * GetPipelineExecution names artifacts, not actions: map each artifact to the
 * source action that outputs it (known from GetPipeline), or to the only
 * action of a single-action source stage, or keep the artifact name.
 */
function sourceRevisions(i: SnapshotInput): SourceRevision[] {
  if (i.memory?.sourceRevisions?.length) return i.memory.sourceRevisions;
  const first = i.state.stageStates?.[0]?.actionStates ?? [];
  const arts = i.execution.artifactRevisions ?? [];
  return arts
    .filter((a) => a.revisionId)
    .map((a) => {
      const name = (a.name && i.pipeline?.sourceArtifacts.get(a.name)) || (first.length === 1 && arts.length === 1 ? first[0].actionName : undefined) || a.name || '';
      const r: SourceRevision = { actionName: name, revisionId: a.revisionId ?? '' };
      if (a.revisionSummary) r.revisionSummary = a.revisionSummary;
      if (a.revisionUrl) r.revisionUrl = a.revisionUrl;
      return r;
    });
}

/**
 * Best known from the state alone: the execution now waiting where ours
 * waited, else the newest one to have entered the first stage (it started
 * after ours). The revision is that source action's current revision.
 */
function supersededBy(state: GetPipelineStateOutput, id: string): { executionId: string; revisionId?: string } | undefined {
  const stages = state.stageStates ?? [];
  for (const s of stages) {
    const w = [...(s.inboundExecutions ?? []), ...(s.inboundExecution ? [s.inboundExecution] : [])].find((e) => e.pipelineExecutionId && e.pipelineExecutionId !== id);
    if (w?.pipelineExecutionId) return { executionId: w.pipelineExecutionId, ...revisionOf(stages[0], w.pipelineExecutionId) };
  }
  const first = stages[0];
  const newest = first?.latestExecution?.pipelineExecutionId;
  if (!newest || newest === id) return undefined;
  return { executionId: newest, ...revisionOf(first, newest) };
}

function revisionOf(first: StageState | undefined, executionId: string): { revisionId?: string } {
  if (first?.latestExecution?.pipelineExecutionId !== executionId) return {};
  const rev = first.actionStates?.find((a) => a.currentRevision?.revisionId)?.currentRevision?.revisionId;
  return rev ? { revisionId: rev } : {};
}
