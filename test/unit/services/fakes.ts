/**
 * In-memory implementations of the ports for the tracker's unit tests: a
 * clock that advances instantly, a CodePipeline driven by scripted frames
 * (one snapshot per point in time), check runs and statuses kept in maps, and
 * counters for every call. Not mocks of our modules: plain implementations of
 * the port interfaces.
 */
import type { CheckRunModel } from '../../../src/core/pipeline/check-run.js';
import { fingerprint } from '../../../src/core/pipeline/changes.js';
import type { ActionSnapshot, DeployedImage, ExecutionSnapshot, ExecutionSummary } from '../../../src/core/pipeline/model.js';
import type { BuildLogPort, ChecksPort, Clock, ExistingCheckRun, ImagePort, Logger, PipelinePort, StatusesPort } from '../../../src/services/ports.js';

export const T0 = Date.parse('2024-05-08T18:00:00.000Z');

export const s = (seconds: number): number => seconds * 1000;
export const m = (minutes: number): number => minutes * 60_000;
export const iso = (offsetMs: number): string => new Date(T0 + offsetMs).toISOString();

export class FakeClock implements Clock {
  current: number;
  sleeps: number[] = [];
  private alarms: Array<{ at: number; fire: () => void }> = [];

  constructor(start = T0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Runs `fire` when the clock reaches `offsetMs` after T0 (e.g. aborts a signal mid-sleep). */
  at(offsetMs: number, fire: () => void): void {
    this.alarms.push({ at: T0 + offsetMs, fire });
    this.alarms.sort((a, b) => a.at - b.at);
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    const target = this.current + Math.max(0, ms);
    while (this.alarms.length && this.alarms[0].at <= target) {
      const alarm = this.alarms.shift()!;
      this.current = Math.max(this.current, alarm.at);
      alarm.fire();
      if (signal?.aborted) return;
    }
    if (signal?.aborted) return;
    this.current = target;
    await Promise.resolve();
  }
}

export class MemoryLogger implements Logger {
  lines: Array<{ level: 'info' | 'warning' | 'debug'; message: string }> = [];
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  warnings(): string[] {
    return this.lines.filter((l) => l.level === 'warning').map((l) => l.message);
  }
}

/** One point of an execution's life: from `at` (ms after T0) on, GetPipelineExecution/State answer this. */
export interface Frame {
  at: number;
  snapshot: ExecutionSnapshot;
}

export interface ScriptedExecution {
  /** When ListPipelineExecutions starts showing it (ms after T0). Default: its first frame. */
  appearsAt?: number;
  frames: Frame[];
}

/** Fields that only ListActionExecutions returns; GetPipelineState does not have them. */
const DETAIL_ONLY = ['outputVariables', 'configuration', 'inputArtifacts', 'diagnostics', 'logTail', 'startTime'] as const;

function stateView(a: ActionSnapshot): ActionSnapshot {
  const out = { ...a };
  for (const k of DETAIL_ONLY) delete (out as Record<string, unknown>)[k];
  return out;
}

function detailView(a: ActionSnapshot): ActionSnapshot {
  const { token: _token, ...rest } = a;
  return rest;
}

export class ScriptedPipeline implements PipelinePort {
  calls = { listExecutions: 0, sourceActions: 0, start: 0, snapshot: 0, actionExecutions: 0, stop: 0 };
  starts: Array<{ pipelineName: string; sourceRevisions?: unknown; clientRequestToken: string; executionId: string }> = [];
  stops: Array<{ executionId: string; reason: string }> = [];
  /** Seen by snapshot(), for counting the action changes a tracker could have observed. */
  observed: ExecutionSnapshot[] = [];
  private executions: ScriptedExecution[];
  private stoppedAt = new Map<string, number>();
  private tokens = new Map<string, string>();

  constructor(
    private readonly clock: FakeClock,
    executions: ScriptedExecution[],
    /** Frames of an execution started by StartPipelineExecution, given its id and the start time (ms after T0). */
    private readonly onStart?: (executionId: string, at: number) => Frame[],
  ) {
    this.executions = [...executions];
  }

  private offset(): number {
    return this.clock.now() - T0;
  }

  private current(e: ScriptedExecution): ExecutionSnapshot | undefined {
    const t = this.offset();
    let snap: ExecutionSnapshot | undefined;
    for (const f of e.frames) if (f.at <= t) snap = f.snapshot;
    if (!snap) return undefined;
    const stopped = this.stoppedAt.get(snap.executionId);
    if (stopped !== undefined && !['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded'].includes(snap.status)) {
      return {
        ...snap,
        status: 'Stopped',
        lastUpdateTime: iso(stopped),
        stages: snap.stages.map((st) => (st.status === 'InProgress' ? { ...st, status: 'Stopped' } : st)),
      };
    }
    return snap;
  }

  private visible(): ExecutionSnapshot[] {
    const t = this.offset();
    return this.executions
      .filter((e) => (e.appearsAt ?? e.frames[0]?.at ?? 0) <= t)
      .map((e) => this.current(e))
      .filter((x): x is ExecutionSnapshot => x !== undefined)
      .sort((a, b) => Date.parse(b.startTime ?? '') - Date.parse(a.startTime ?? ''));
  }

  private find(executionId: string): ScriptedExecution {
    const e = this.executions.find((x) => x.frames[0]?.snapshot.executionId === executionId);
    if (!e) throw Object.assign(new Error(`PipelineExecutionNotFoundException: ${executionId}`), { name: 'PipelineExecutionNotFoundException' });
    return e;
  }

  async listExecutions(o: { pipelineName: string; nextToken?: string; maxResults?: number }): Promise<{ items: ExecutionSummary[]; nextToken?: string }> {
    this.calls.listExecutions++;
    const all: ExecutionSummary[] = this.visible().map((x) => ({
      executionId: x.executionId,
      status: x.status,
      startTime: x.startTime,
      lastUpdateTime: x.lastUpdateTime,
      sourceRevisions: x.sourceRevisions,
      executionType: x.executionType,
      ...(x.rollbackTargetExecutionId ? { rollbackTargetExecutionId: x.rollbackTargetExecutionId } : {}),
    }));
    const start = o.nextToken ? Number(o.nextToken) : 0;
    const size = o.maxResults ?? 100;
    const items = all.slice(start, start + size);
    return start + size < all.length ? { items, nextToken: String(start + size) } : { items };
  }

  async sourceActions(): Promise<Array<{ name: string; provider: string }>> {
    this.calls.sourceActions++;
    return [{ name: 'GitHub', provider: 'CodeStarSourceConnection' }];
  }

  async start(o: { pipelineName: string; sourceRevisions?: unknown; clientRequestToken: string }): Promise<string> {
    this.calls.start++;
    const known = this.tokens.get(o.clientRequestToken);
    if (known) return known;
    if (!this.onStart) throw new Error('this pipeline cannot be started in this test');
    const executionId = `started-${this.calls.start}`;
    this.tokens.set(o.clientRequestToken, executionId);
    this.starts.push({ ...o, executionId });
    this.executions.push({ frames: this.onStart(executionId, this.offset()) });
    return executionId;
  }

  async snapshot(o: { pipelineName: string; executionId: string }): Promise<ExecutionSnapshot> {
    this.calls.snapshot++;
    const snap = this.current(this.find(o.executionId));
    if (!snap) throw new Error(`execution ${o.executionId} has not started yet`);
    this.observed.push(snap);
    return { ...snap, stages: snap.stages.map((st) => ({ ...st, actions: st.actions.map(stateView) })) };
  }

  async actionExecutions(o: { pipelineName: string; executionId: string }): Promise<Array<ActionSnapshot & { stage: string }>> {
    this.calls.actionExecutions++;
    const snap = this.current(this.find(o.executionId));
    if (!snap) return [];
    return snap.stages.flatMap((st) => st.actions.filter((a) => a.status !== 'NotStarted').map((a) => ({ ...detailView(a), stage: st.name })));
  }

  async stop(o: { pipelineName: string; executionId: string; reason: string }): Promise<void> {
    this.calls.stop++;
    this.stops.push({ executionId: o.executionId, reason: o.reason });
    this.stoppedAt.set(o.executionId, this.offset());
  }
}

/** A check run as GitHub keeps it, with every body it was given. */
export interface StoredRun {
  id: number;
  name: string;
  headSha: string;
  writes: CheckRunModel[];
  latest: CheckRunModel;
}

function checksForbidden(): Error {
  const e = new Error('GitHub refused POST /repos/{owner}/{repo}/check-runs: Resource not accessible by integration');
  e.name = 'ChecksForbiddenError';
  return e;
}

export class MemoryChecks implements ChecksPort {
  runs = new Map<number, StoredRun>();
  calls = { list: 0, create: 0, update: 0 };
  /** The token may not touch check runs (403). */
  forbidden = false;
  /** The next n writes fail with a 502 before reaching the store. */
  failWrites = 0;
  private nextId = 1000;

  async list(headSha: string): Promise<ExistingCheckRun[]> {
    this.calls.list++;
    if (this.forbidden) throw checksForbidden();
    return [...this.runs.values()]
      .filter((r) => r.headSha === headSha)
      .map((r) => ({ id: r.id, name: r.name, externalId: r.latest.externalId, status: r.latest.status, conclusion: r.latest.conclusion ?? null }));
  }

  async create(run: CheckRunModel): Promise<number> {
    this.calls.create++;
    if (this.forbidden) throw checksForbidden();
    if (this.failWrites > 0) {
      this.failWrites--;
      throw new Error('GitHub POST /repos/{owner}/{repo}/check-runs failed with HTTP 502: Bad Gateway');
    }
    const id = this.nextId++;
    this.runs.set(id, { id, name: run.name, headSha: run.headSha, writes: [run], latest: run });
    return id;
  }

  async update(id: number, run: CheckRunModel): Promise<void> {
    this.calls.update++;
    if (this.forbidden) throw checksForbidden();
    if (this.failWrites > 0) {
      this.failWrites--;
      throw new Error('GitHub PATCH /repos/{owner}/{repo}/check-runs/{check_run_id} failed with HTTP 502: Bad Gateway');
    }
    const r = this.runs.get(id);
    if (!r) throw new Error(`no check run ${id}`);
    r.writes.push(run);
    r.latest = run;
  }

  /** A run someone else made on the commit (a job named like ours, another app, an earlier execution). */
  seed(o: { name: string; headSha: string; externalId?: string }): StoredRun {
    const run: CheckRunModel = { name: o.name, headSha: o.headSha, status: 'in_progress', output: { title: 'seeded', summary: '' }, ...(o.externalId ? { externalId: o.externalId } : {}) };
    const id = this.nextId++;
    const stored = { id, name: o.name, headSha: o.headSha, writes: [run], latest: run };
    this.runs.set(id, stored);
    return stored;
  }

  byName(name: string): StoredRun[] {
    return [...this.runs.values()].filter((r) => r.name === name);
  }

  /** The one run of this name (fails the test when there are duplicates). */
  one(name: string): StoredRun {
    const found = this.byName(name);
    if (found.length !== 1) throw new Error(`expected exactly one check run named '${name}', found ${found.length}`);
    return found[0];
  }

  names(): string[] {
    return [...this.runs.values()].map((r) => r.name).sort();
  }

  /** Updates that changed nothing a user sees (must be 0). */
  uselessUpdates(): number {
    let n = 0;
    for (const r of this.runs.values()) for (let i = 1; i < r.writes.length; i++) if (fingerprint(r.writes[i]) === fingerprint(r.writes[i - 1])) n++;
    return n;
  }
}

export interface StatusWrite {
  sha: string;
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string;
  targetUrl?: string;
}

export class MemoryStatuses implements StatusesPort {
  writes: StatusWrite[] = [];
  async set(o: StatusWrite): Promise<void> {
    this.writes.push(o);
  }
  /** The latest status per context. */
  latest(): Map<string, StatusWrite> {
    return new Map(this.writes.map((w) => [w.context, w]));
  }
}

export class MemoryImages implements ImagePort {
  calls = { describe: 0, imageDetail: 0 };
  /** By `repository:tag` or `repository@digest`. */
  images = new Map<string, Omit<DeployedImage, 'foundIn'>>();
  /** By `bucket/key`. */
  artifacts = new Map<string, string>();

  async describe(o: { repository: string; registryId?: string; tag?: string; digest?: string }): Promise<Omit<DeployedImage, 'foundIn'> | undefined> {
    this.calls.describe++;
    return this.images.get(o.digest ? `${o.repository}@${o.digest}` : `${o.repository}:${o.tag}`);
  }

  async imageDetailFromArtifact(o: { bucket: string; key: string }): Promise<string | undefined> {
    this.calls.imageDetail++;
    return this.artifacts.get(`${o.bucket}/${o.key}`);
  }
}

export class MemoryLogs implements BuildLogPort {
  calls = 0;
  constructor(private readonly logs: Record<string, { lines: string[]; diagnostics?: string[] }>) {}
  async tail(o: { buildId: string; lines: number }): Promise<string[]> {
    return (await this.details(o)).lines;
  }
  async details(o: { buildId: string; lines: number }): Promise<{ lines: string[]; diagnostics: string[] }> {
    this.calls++;
    const l = this.logs[o.buildId];
    return { lines: (l?.lines ?? []).slice(-o.lines), diagnostics: l?.diagnostics ?? [] };
  }
}

/** Action changes across the snapshots a tracker read: the most ListActionExecutions calls it may make. */
export function observedActionChanges(observed: readonly ExecutionSnapshot[]): number {
  let n = 0;
  const before = new Map<string, string>();
  for (const snap of observed) {
    for (const st of snap.stages) {
      for (const a of st.actions) {
        const key = `${snap.executionId}/${st.name}/${a.name}`;
        const now = `${a.status}|${a.lastStatusChange ?? ''}|${a.externalExecutionId ?? ''}`;
        const prev = before.get(key);
        if ((prev === undefined && a.status !== 'NotStarted') || (prev !== undefined && prev !== now)) n++;
        before.set(key, now);
      }
    }
  }
  return n;
}
