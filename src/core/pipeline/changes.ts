/**
 * Change detection, so that GitHub sees one create per check run plus one
 * update per visible change, and AWS one ListActionExecutions per action
 * change (issue 3, item 10).
 *
 * Running durations are the one thing that changes on every tick. The
 * renderer wraps them in ELAPSED markers (HTML comments, invisible on GitHub)
 * and the fingerprint leaves them out: they are refreshed whenever something
 * else changes, and the check run itself shows GitHub's live timer.
 */
import type { CheckRunModel } from './check-run.js';
import { hash53 } from './find.js';
import type { ActionSnapshot, ActionStatus, ExecutionSnapshot } from './model.js';
import { toMillis } from './time.js';

export const ELAPSED_OPEN = '<!--elapsed-->';
export const ELAPSED_CLOSE = '<!--/elapsed-->';

/** Mark text that changes with time alone. */
export function elapsed(text: string): string {
  return `${ELAPSED_OPEN}${text}${ELAPSED_CLOSE}`;
}

const ELAPSED_RE = /<!--elapsed-->[\s\S]*?<!--\/elapsed-->/g;

/** The text without its time-only parts. */
export function stripElapsed(s: string): string {
  return s.replace(ELAPSED_RE, '');
}

/**
 * What a user sees of a check run, as a short stable hash: name, status,
 * conclusion, title, summary, text, details URL, external id, annotations and
 * buttons; not running durations nor started/completed times (those change
 * only together with the status).
 */
export function fingerprint(run: CheckRunModel): string {
  return hash53(
    JSON.stringify([
      run.name,
      run.headSha,
      run.status,
      run.conclusion ?? null,
      run.output.title,
      stripElapsed(run.output.summary),
      stripElapsed(run.output.text ?? ''),
      run.detailsUrl ?? null,
      run.externalId ?? null,
      run.output.annotations ?? null,
      run.actions ?? null,
    ]),
  );
}

/** What the service remembers of a check run it wrote (or found on the commit). */
export interface KnownRun {
  id: number;
  /** Unknown for a run found on the commit (a re-run of the workflow): it is updated once. */
  fingerprint?: string;
}

export interface PlannedWrite {
  kind: 'create' | 'update';
  /** For updates. */
  id?: number;
  run: CheckRunModel;
  /** Remember it (with the id) once the write succeeded. */
  fingerprint: string;
}

/**
 * The GitHub writes for this tick: a create for each run not known yet, an
 * update for each known run whose fingerprint changed, nothing otherwise.
 */
export function planWrites(runs: readonly CheckRunModel[], known: ReadonlyMap<string, KnownRun>): PlannedWrite[] {
  const out: PlannedWrite[] = [];
  for (const run of runs) {
    const fp = fingerprint(run);
    const k = known.get(run.name);
    if (!k) out.push({ kind: 'create', run, fingerprint: fp });
    else if (k.fingerprint !== fp) out.push({ kind: 'update', id: k.id, run, fingerprint: fp });
  }
  return out;
}

/**
 * Check runs already on the commit (from an earlier run of the workflow), by
 * name, so that they are updated rather than duplicated. With several runs of
 * one name, the newest (highest id) is kept.
 */
export function knownFromExisting(existing: ReadonlyArray<{ id: number; name: string }>, names?: ReadonlySet<string>): Map<string, KnownRun> {
  const out = new Map<string, KnownRun>();
  for (const r of existing) {
    if (names && !names.has(r.name)) continue;
    const prev = out.get(r.name);
    if (!prev || r.id > prev.id) out.set(r.name, { id: r.id });
  }
  return out;
}

/** A commit status's visible parts as a fingerprint (for `report: statuses`). */
export function statusFingerprint(s: { context: string; state: string; description: string; targetUrl?: string }): string {
  return hash53(JSON.stringify([s.context, s.state, s.description, s.targetUrl ?? null]));
}

export interface ActionChange {
  stage: string;
  action: string;
  from?: ActionStatus;
  to: ActionStatus;
}

function actionKey(stage: string, action: string): string {
  return `${stage}\u0000${action}`;
}

/**
 * Actions that changed since the previous tick (status, status time or
 * external run id). On the first tick, every action that has started counts.
 * Call ListActionExecutions only when this is not empty.
 */
export function actionChanges(prev: ExecutionSnapshot | undefined, next: ExecutionSnapshot): ActionChange[] {
  const before = new Map<string, ActionSnapshot>();
  if (prev && prev.executionId === next.executionId) {
    for (const s of prev.stages) for (const a of s.actions) before.set(actionKey(s.name, a.name), a);
  }
  const out: ActionChange[] = [];
  for (const s of next.stages) {
    for (const a of s.actions) {
      const b = before.get(actionKey(s.name, a.name));
      if (!b) {
        if (a.status !== 'NotStarted') out.push({ stage: s.name, action: a.name, to: a.status });
        continue;
      }
      if (b.status !== a.status || b.lastStatusChange !== a.lastStatusChange || b.externalExecutionId !== a.externalExecutionId) {
        out.push({ stage: s.name, action: a.name, from: b.status, to: a.status });
      }
    }
  }
  return out;
}

/** Fields that only ListActionExecutions knows, or knows better. */
function detailFields(d: ActionSnapshot, sameRun: boolean): Partial<ActionSnapshot> {
  const out: Partial<ActionSnapshot> = {};
  if (d.configuration) out.configuration = d.configuration;
  if (d.inputArtifacts) out.inputArtifacts = d.inputArtifacts;
  if (d.provider) out.provider = d.provider;
  if (d.category) out.category = d.category;
  if (!sameRun) return out;
  for (const k of ['startTime', 'outputVariables', 'externalExecutionId', 'externalExecutionUrl', 'summary', 'errorCode', 'errorMessage', 'diagnostics', 'logTail'] as const) {
    if (d[k] !== undefined) (out as Record<string, unknown>)[k] = d[k];
  }
  return out;
}

/**
 * The snapshot completed with ListActionExecutions' details (output
 * variables, configuration, artifacts, start times, external links, and the
 * `diagnostics` / `logTail` the service adds to a detail it fetched them for). The
 * snapshot's own status and times win; details of an earlier attempt of a
 * retried action only contribute its configuration. Approval tokens are never
 * copied from details.
 */
export function mergeActionDetails(snapshot: ExecutionSnapshot, details: ReadonlyArray<ActionSnapshot & { stage: string }>): ExecutionSnapshot {
  const latest = new Map<string, ActionSnapshot & { stage: string }>();
  for (const d of details) {
    const key = actionKey(d.stage, d.name);
    const prev = latest.get(key);
    if (!prev || (toMillis(d.startTime) ?? -Infinity) > (toMillis(prev.startTime) ?? -Infinity)) latest.set(key, d);
  }
  return {
    ...snapshot,
    stages: snapshot.stages.map((s) => ({
      ...s,
      actions: s.actions.map((a) => {
        const d = latest.get(actionKey(s.name, a.name));
        if (!d) return a;
        const sameRun = !a.externalExecutionId || !d.externalExecutionId || a.externalExecutionId === d.externalExecutionId;
        const merged: ActionSnapshot = { ...detailFields(d, sameRun), ...stripUndefined(a) } as ActionSnapshot;
        if (a.token === undefined) delete merged.token;
        return merged;
      }),
    })),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
