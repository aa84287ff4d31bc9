import { createHash } from 'node:crypto';
import type { ActionPatch, ExecutionStatus, FakeAction, FakeExecution, Frame, Scenario, StageStatus } from './model.js';
import { fakeUuid } from './rng.js';

/**
 * CodePipeline as a pure function of a logical clock: each execution's frames
 * up to `now` are folded into its state, and GetPipelineState is computed the
 * way the service shows it: per stage the execution that entered it last, per
 * action its latest run, whichever execution that run belongs to.
 */

export class FakeAwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

interface Run {
  id: string;
  stage: string;
  action: string;
  startT: number;
  lastT: number;
  patch: ActionPatch;
}

interface ExecRuntime {
  def: FakeExecution;
  index: number;
  startAt: number;
  frames: Frame[];
  startedWithRevision: boolean;
}

interface ExecView {
  rt: ExecRuntime;
  status: ExecutionStatus;
  statusSummary?: string;
  stopReason?: string;
  waitingFor?: string;
  runs: Run[];
  latest: Map<string, Run>;
  stageOverride: Map<string, StageStatus>;
  lastT: number;
}

type Json = Record<string, unknown>;

export interface StartRecord {
  pipelineName: string;
  clientRequestToken?: string;
  sourceRevisions?: Array<{ actionName: string; revisionType: string; revisionValue: string }>;
  variables?: Array<{ name: string; value: string }>;
  executionId: string;
  /** True when the token had been seen: the same execution came back, nothing started. */
  duplicate: boolean;
}

export interface StopRecord {
  pipelineName: string;
  executionId: string;
  reason?: string;
  abandon: boolean;
}

export interface RetryRecord {
  pipelineName: string;
  executionId: string;
  stageName: string;
  retryMode: string;
}

export interface ApprovalRecord {
  pipelineName: string;
  stageName: string;
  actionName: string;
  token: string;
  status: string;
  summary?: string;
}

const ENDED: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded']);

/** The key CodePipeline gives an artifact in its store: `<pipeline ≤20>/<artifact ≤10>/<7 chars>`. */
export function artifactKey(pipelineName: string, executionId: string, artifactName: string): string {
  const h = createHash('sha256').update(`${executionId}/${artifactName}`).digest('base64').replace(/[^A-Za-z0-9]/g, '');
  return `${pipelineName.slice(0, 20)}/${artifactName.slice(0, 10)}/${h.slice(0, 7)}`;
}

/** Every stage's actions InProgress on one tick and Succeeded on the next; the execution Succeeded at the end. */
export function straightSuccess(stages: Scenario['pipeline']['stages']): Frame[] {
  const frames: Frame[] = [];
  stages.forEach((s, i) => {
    const keys = s.actions.map((a) => `${s.name}/${a.name}`);
    frames.push({ at: 2 * i, actions: Object.fromEntries(keys.map((k) => [k, { status: 'InProgress' as const }])) });
    frames.push({ at: 2 * i + 1, actions: Object.fromEntries(keys.map((k) => [k, { status: 'Succeeded' as const }])) });
  });
  frames.push({ at: 2 * stages.length - 1, status: 'Succeeded' });
  return frames;
}

export class PipelineWorld {
  now = 0;
  listCalls = 0;
  /** Rows per page at most, whatever maxResults asks (the service may return fewer). */
  pageSize = 100;
  readonly starts: StartRecord[] = [];
  readonly stops: StopRecord[] = [];
  readonly approvals: ApprovalRecord[] = [];
  readonly retries: RetryRecord[] = [];
  private readonly execs: ExecRuntime[];
  private readonly tokens = new Map<string, string>();
  private readonly epochMs: number;
  private readonly tickMs: number;

  constructor(readonly scenario: Scenario) {
    this.execs = scenario.executions.map((def, index) => ({ def, index, startAt: def.startAt ?? 0, frames: [...def.frames], startedWithRevision: false }));
    this.epochMs = Date.parse(scenario.epoch ?? '2025-05-06T09:00:00Z');
    this.tickMs = scenario.tickMs ?? 20_000;
  }

  get region(): string {
    return this.scenario.region ?? 'us-east-1';
  }
  get accountId(): string {
    return this.scenario.accountId ?? '123456789012';
  }

  /** Epoch seconds, as awsJson1_1 carries timestamps. */
  seconds(t: number): number {
    return (this.epochMs + t * this.tickMs) / 1000;
  }

  tick(n = 1): void {
    this.now += n;
  }

  private actionDef(stage: string, action: string): FakeAction | undefined {
    return this.scenario.pipeline.stages.find((s) => s.name === stage)?.actions.find((a) => a.name === action);
  }

  private sourceAction(): FakeAction | undefined {
    return this.scenario.pipeline.stages.flatMap((s) => s.actions).find((a) => a.category === 'Source');
  }

  private visible(rt: ExecRuntime): boolean {
    return rt.startAt <= this.now && this.listCalls >= (rt.def.hiddenForListCalls ?? 0);
  }

  private fold(rt: ExecRuntime): ExecView {
    const v: ExecView = { rt, status: 'InProgress', runs: [], latest: new Map(), stageOverride: new Map(), lastT: rt.startAt };
    const frames = rt.frames.map((f, i) => ({ f, i })).sort((a, b) => a.f.at - b.f.at || a.i - b.i);
    const counts = new Map<string, number>();
    for (const { f } of frames) {
      const t = rt.startAt + f.at;
      if (t > this.now) break;
      v.lastT = t;
      if (f.status) v.status = f.status;
      if (f.statusSummary !== undefined) v.statusSummary = f.statusSummary;
      if (f.stopReason !== undefined) v.stopReason = f.stopReason;
      if (f.waitingFor !== undefined) v.waitingFor = f.waitingFor ?? undefined;
      for (const [stage, status] of Object.entries(f.stages ?? {})) v.stageOverride.set(stage, status);
      for (const [key, patch] of Object.entries(f.actions ?? {})) {
        const [stage, action] = splitKey(key);
        const prev = v.latest.get(key);
        if (!prev || (patch.status === 'InProgress' && ENDED.has(prev.patch.status))) {
          const n = (counts.get(key) ?? 0) + 1;
          counts.set(key, n);
          const run: Run = { id: fakeUuid(`${rt.def.id}/${key}/${n}`), stage, action, startT: t, lastT: t, patch: { ...patch } };
          v.runs.push(run);
          v.latest.set(key, run);
          // Entering a stage ends the wait at its door.
          if (v.waitingFor === stage) v.waitingFor = undefined;
        } else {
          prev.patch = { ...prev.patch, ...patch };
          prev.lastT = t;
        }
      }
    }
    return v;
  }

  private views(): ExecView[] {
    return this.execs.filter((rt) => this.visible(rt)).map((rt) => this.fold(rt));
  }

  private view(executionId: string): ExecView {
    const rt = this.execs.find((e) => e.def.id === executionId && this.visible(e));
    if (!rt) throw new FakeAwsError('PipelineExecutionNotFoundException', `Pipeline execution with id '${executionId}' does not exist in pipeline with name '${this.scenario.pipeline.name}'.`);
    return this.fold(rt);
  }

  private checkPipeline(name: unknown): void {
    if (typeof name !== 'string' || name === '') throw new FakeAwsError('ValidationException', '1 validation error detected: Value null at \'pipelineName\' failed to satisfy constraint: Member must not be null');
    if (name !== this.scenario.pipeline.name) {
      throw new FakeAwsError('PipelineNotFoundException', `Account '${this.accountId}' does not have a pipeline with name '${name}'`);
    }
  }

  private stageStatus(v: ExecView, stage: string): StageStatus {
    const override = v.stageOverride.get(stage);
    if (override) return override;
    const def = this.scenario.pipeline.stages.find((s) => s.name === stage);
    const runs = (def?.actions ?? []).map((a) => v.latest.get(`${stage}/${a.name}`)).filter((r): r is Run => Boolean(r));
    if (runs.some((r) => r.patch.status === 'InProgress')) return v.status === 'Stopping' ? 'Stopping' : 'InProgress';
    if (runs.some((r) => r.patch.status === 'Failed')) return 'Failed';
    if (runs.some((r) => r.patch.status === 'Abandoned')) return 'Stopped';
    if (runs.length === (def?.actions.length ?? 0)) return 'Succeeded';
    if (!ENDED.has(v.status)) return 'InProgress';
    return v.status === 'Stopped' ? 'Stopped' : v.status === 'Cancelled' ? 'Cancelled' : v.status === 'Succeeded' ? 'Succeeded' : 'Failed';
  }

  private revisionOf(v: ExecView): FakeExecution['revision'] {
    const target = v.rt.def.rollbackTargetExecutionId;
    if (target) {
      const t = this.execs.find((e) => e.def.id === target);
      if (t) return t.def.revision;
    }
    return v.rt.def.revision;
  }

  /** Revisions show once a source action has run (or the start call named them). */
  private revisionKnown(v: ExecView): boolean {
    return v.rt.startedWithRevision || v.rt.def.executionType === 'ROLLBACK' || v.runs.some((r) => this.actionDef(r.stage, r.action)?.category === 'Source');
  }

  /** Every execution id, visible or not (for artifact keys). */
  executionIds(): string[] {
    return this.execs.map((e) => e.def.id);
  }

  // ---- operations -------------------------------------------------------

  getPipeline(input: Json): Json {
    this.checkPipeline(input.name);
    const p = this.scenario.pipeline;
    return {
      pipeline: {
        name: p.name,
        roleArn: p.roleArn ?? `arn:aws:iam::${this.accountId}:role/CodePipelineServiceRole`,
        artifactStore: { type: 'S3', location: p.artifactBucket },
        stages: p.stages.map((s) => ({
          name: s.name,
          actions: s.actions.map((a) => ({
            name: a.name,
            actionTypeId: { category: a.category, owner: a.owner ?? 'AWS', provider: a.provider, version: a.version ?? '1' },
            runOrder: a.runOrder ?? 1,
            configuration: a.configuration ?? {},
            outputArtifacts: (a.outputArtifacts ?? []).map((name) => ({ name })),
            inputArtifacts: (a.inputArtifacts ?? []).map((name) => ({ name })),
            ...(a.namespace ? { namespace: a.namespace } : {}),
          })),
        })),
        version: p.version ?? 1,
        executionMode: p.executionMode ?? 'SUPERSEDED',
        pipelineType: 'V2',
      },
      metadata: {
        pipelineArn: `arn:aws:codepipeline:${this.region}:${this.accountId}:${p.name}`,
        created: this.seconds(-1000),
        updated: this.seconds(-500),
      },
    };
  }

  getPipelineState(input: Json): Json {
    this.checkPipeline(input.name);
    const views = this.views();
    const p = this.scenario.pipeline;
    const stageStates = p.stages.map((s) => {
      let owner: { v: ExecView; entry: number } | undefined;
      for (const v of views) {
        const entry = Math.min(...v.runs.filter((r) => r.stage === s.name).map((r) => r.startT));
        if (!Number.isFinite(entry)) continue;
        if (!owner || entry > owner.entry || (entry === owner.entry && v.rt.startAt >= owner.v.rt.startAt)) owner = { v, entry };
      }
      const inbound = views
        .filter((v) => v.waitingFor === s.name && !ENDED.has(v.status))
        .map((v) => ({ pipelineExecutionId: v.rt.def.id, status: 'InProgress', type: v.rt.def.executionType ?? 'STANDARD' }));
      const actionStates = s.actions.map((a) => {
        const key = `${s.name}/${a.name}`;
        let latest: { run: Run; v: ExecView } | undefined;
        for (const v of views) {
          const run = v.latest.get(key);
          if (run && (!latest || run.startT > latest.run.startT || (run.startT === latest.run.startT && v.rt.startAt >= latest.v.rt.startAt))) latest = { run, v };
        }
        const state: Json = { actionName: a.name };
        if (a.provider === 'CodeBuild') state.entityUrl = `https://console.aws.amazon.com/codebuild/home?region=${this.region}#/projects/${a.configuration?.ProjectName ?? ''}/view`;
        if (!latest) return state;
        const r = latest.run;
        if (a.category === 'Source') {
          const rev = this.revisionOf(latest.v);
          state.currentRevision = { revisionId: rev.revisionId, revisionChangeId: rev.revisionId, created: this.seconds(r.startT) };
          if (rev.revisionUrl) state.revisionUrl = rev.revisionUrl;
        }
        const exec: Json = { actionExecutionId: r.id, status: r.patch.status, lastStatusChange: this.seconds(r.lastT) };
        if (r.patch.summary) exec.summary = r.patch.summary;
        if (r.patch.token && r.patch.status === 'InProgress') exec.token = r.patch.token;
        if (r.patch.updatedBy) exec.lastUpdatedBy = r.patch.updatedBy;
        if (r.patch.externalExecutionId) exec.externalExecutionId = r.patch.externalExecutionId;
        if (r.patch.externalExecutionUrl) exec.externalExecutionUrl = r.patch.externalExecutionUrl;
        if (r.patch.percentComplete !== undefined) exec.percentComplete = r.patch.percentComplete;
        if (r.patch.errorCode || r.patch.errorMessage) exec.errorDetails = { code: r.patch.errorCode ?? 'JobFailed', message: r.patch.errorMessage ?? '' };
        state.latestExecution = exec;
        return state;
      });
      const out: Json = { stageName: s.name, inboundTransitionState: { enabled: true }, actionStates };
      if (inbound.length > 0) {
        out.inboundExecution = inbound[0];
        out.inboundExecutions = inbound;
      }
      if (owner) out.latestExecution = { pipelineExecutionId: owner.v.rt.def.id, status: this.stageStatus(owner.v, s.name), type: owner.v.rt.def.executionType ?? 'STANDARD' };
      return out;
    });
    return { pipelineName: p.name, pipelineVersion: p.version ?? 1, stageStates, created: this.seconds(-1000), updated: this.seconds(-500) };
  }

  getPipelineExecution(input: Json): Json {
    this.checkPipeline(input.pipelineName);
    const v = this.view(String(input.pipelineExecutionId ?? ''));
    const rev = this.revisionOf(v);
    const source = this.sourceAction();
    const artifactRevisions = this.revisionKnown(v)
      ? (source?.outputArtifacts ?? []).map((name) => ({
          name,
          revisionId: rev.revisionId,
          revisionChangeIdentifier: rev.revisionId,
          ...(rev.revisionSummary ? { revisionSummary: rev.revisionSummary } : {}),
          ...(rev.revisionUrl ? { revisionUrl: rev.revisionUrl } : {}),
          created: this.seconds(v.rt.startAt),
        }))
      : [];
    const d = v.rt.def;
    return {
      pipelineExecution: {
        pipelineName: this.scenario.pipeline.name,
        pipelineVersion: this.scenario.pipeline.version ?? 1,
        pipelineExecutionId: d.id,
        status: v.status,
        ...(v.statusSummary ? { statusSummary: v.statusSummary } : {}),
        artifactRevisions,
        variables: [],
        trigger: d.trigger ?? { triggerType: 'CodeStarSourceConnection', triggerDetail: `arn:aws:codestar-connections:${this.region}:${this.accountId}:connection/0a1b2c3d` },
        executionMode: this.scenario.pipeline.executionMode ?? 'SUPERSEDED',
        executionType: d.executionType ?? 'STANDARD',
        ...(d.rollbackTargetExecutionId ? { rollbackMetadata: { rollbackTargetPipelineExecutionId: d.rollbackTargetExecutionId } } : {}),
      },
    };
  }

  listPipelineExecutions(input: Json): Json {
    this.checkPipeline(input.pipelineName);
    const max = Math.min(this.pageSize, typeof input.maxResults === 'number' ? Math.max(1, Math.min(100, input.maxResults)) : 100);
    const from = typeof input.nextToken === 'string' ? decodeToken(input.nextToken) : 0;
    const all = this.views().sort((a, b) => b.rt.startAt - a.rt.startAt || b.rt.index - a.rt.index);
    this.listCalls++;
    const page = all.slice(from, from + max);
    const source = this.sourceAction();
    const summaries = page.map((v) => {
      const d = v.rt.def;
      const rev = this.revisionOf(v);
      return {
        pipelineExecutionId: d.id,
        status: v.status,
        ...(v.statusSummary ? { statusSummary: v.statusSummary } : {}),
        startTime: this.seconds(v.rt.startAt),
        lastUpdateTime: this.seconds(v.lastT),
        sourceRevisions: this.revisionKnown(v)
          ? [{ actionName: rev.actionName ?? source?.name ?? 'Source', revisionId: rev.revisionId, ...(rev.revisionSummary ? { revisionSummary: rev.revisionSummary } : {}), ...(rev.revisionUrl ? { revisionUrl: rev.revisionUrl } : {}) }]
          : [],
        trigger: d.trigger ?? { triggerType: 'CodeStarSourceConnection', triggerDetail: `arn:aws:codestar-connections:${this.region}:${this.accountId}:connection/0a1b2c3d` },
        ...(v.stopReason !== undefined ? { stopTrigger: { reason: v.stopReason } } : {}),
        executionMode: this.scenario.pipeline.executionMode ?? 'SUPERSEDED',
        executionType: d.executionType ?? 'STANDARD',
        ...(d.rollbackTargetExecutionId ? { rollbackMetadata: { rollbackTargetPipelineExecutionId: d.rollbackTargetExecutionId } } : {}),
      };
    });
    return { pipelineExecutionSummaries: summaries, ...(from + max < all.length ? { nextToken: encodeToken(from + max) } : {}) };
  }

  listActionExecutions(input: Json): Json {
    this.checkPipeline(input.pipelineName);
    const filter = (input.filter ?? {}) as { pipelineExecutionId?: string };
    const views = filter.pipelineExecutionId ? [this.view(filter.pipelineExecutionId)] : this.views();
    const max = Math.min(this.pageSize, typeof input.maxResults === 'number' ? Math.max(1, Math.min(100, input.maxResults)) : 100);
    const from = typeof input.nextToken === 'string' ? decodeToken(input.nextToken) : 0;
    const p = this.scenario.pipeline;
    const rows = views
      .flatMap((v) => v.runs.map((r) => ({ v, r })))
      .sort((a, b) => b.r.startT - a.r.startT || b.v.rt.startAt - a.v.rt.startAt);
    const page = rows.slice(from, from + max).map(({ v, r }) => {
      const a = this.actionDef(r.stage, r.action);
      const owner = v.rt.def.rollbackTargetExecutionId ?? v.rt.def.id;
      const loc = (name: string): Json => ({ name, s3location: { bucket: p.artifactBucket, key: artifactKey(p.name, owner, name) } });
      const result: Json = {};
      if (r.patch.externalExecutionId) result.externalExecutionId = r.patch.externalExecutionId;
      if (r.patch.summary) result.externalExecutionSummary = r.patch.summary;
      if (r.patch.externalExecutionUrl) result.externalExecutionUrl = r.patch.externalExecutionUrl;
      if (r.patch.errorCode || r.patch.errorMessage) result.errorDetails = { code: r.patch.errorCode ?? 'JobFailed', message: r.patch.errorMessage ?? '' };
      const output: Json = {
        outputArtifacts: r.patch.status === 'Succeeded' ? (a?.outputArtifacts ?? []).map(loc) : [],
        outputVariables: r.patch.outputVariables ?? {},
      };
      if (Object.keys(result).length > 0) output.executionResult = result;
      return {
        pipelineExecutionId: v.rt.def.id,
        actionExecutionId: r.id,
        pipelineVersion: p.version ?? 1,
        stageName: r.stage,
        actionName: r.action,
        startTime: this.seconds(r.startT),
        lastUpdateTime: this.seconds(r.lastT),
        ...(r.patch.updatedBy ? { updatedBy: r.patch.updatedBy } : {}),
        status: r.patch.status,
        input: {
          actionTypeId: { category: a?.category, owner: a?.owner ?? 'AWS', provider: a?.provider, version: a?.version ?? '1' },
          configuration: a?.configuration ?? {},
          resolvedConfiguration: a?.configuration ?? {},
          roleArn: p.roleArn ?? `arn:aws:iam::${this.accountId}:role/CodePipelineServiceRole`,
          region: this.region,
          inputArtifacts: (a?.inputArtifacts ?? []).map(loc),
          ...(a?.namespace ? { namespace: a.namespace } : {}),
        },
        output,
      };
    });
    return { actionExecutionDetails: page, ...(from + max < rows.length ? { nextToken: encodeToken(from + max) } : {}) };
  }

  startPipelineExecution(input: Json): Json {
    this.checkPipeline(input.name);
    const token = typeof input.clientRequestToken === 'string' ? input.clientRequestToken : undefined;
    if (token !== undefined && !/^[a-zA-Z0-9-]{1,128}$/.test(token)) {
      throw new FakeAwsError('ValidationException', `1 validation error detected: Value '${token}' at 'clientRequestToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9-]+$`);
    }
    const revisions = (Array.isArray(input.sourceRevisions) ? input.sourceRevisions : []) as StartRecord['sourceRevisions'] & object;
    for (const r of revisions) {
      const def = this.scenario.pipeline.stages.flatMap((s) => s.actions).find((a) => a.name === r.actionName);
      if (!def || def.category !== 'Source') throw new FakeAwsError('ValidationException', `The source action '${r.actionName}' does not exist in the pipeline '${this.scenario.pipeline.name}'`);
      if (!['COMMIT_ID', 'IMAGE_DIGEST', 'S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'].includes(r.revisionType)) {
        throw new FakeAwsError('ValidationException', `Value '${r.revisionType}' at 'sourceRevisions.1.member.revisionType' failed to satisfy constraint`);
      }
    }
    const record = {
      pipelineName: String(input.name),
      ...(token ? { clientRequestToken: token } : {}),
      ...(revisions.length ? { sourceRevisions: revisions } : {}),
      ...(Array.isArray(input.variables) ? { variables: input.variables as StartRecord['variables'] } : {}),
    };
    const seen = token ? this.tokens.get(token) : undefined;
    if (seen) {
      this.starts.push({ ...record, executionId: seen, duplicate: true });
      return { pipelineExecutionId: seen };
    }
    const id = fakeUuid(`started/${token ?? ''}/${this.starts.length}/${this.now}`);
    const source = this.sourceAction();
    const revisionId = revisions[0]?.revisionValue ?? this.execs.at(-1)?.def.revision.revisionId ?? '0000000000000000000000000000000000000000';
    const frames = this.scenario.onStart?.(revisionId, id) ?? straightSuccess(this.scenario.pipeline.stages);
    this.execs.push({
      def: {
        id,
        revision: { actionName: source?.name, revisionId },
        trigger: { triggerType: 'StartPipelineExecution', triggerDetail: `arn:aws:sts::${this.accountId}:assumed-role/github-actions-deploy/GitHubActions` },
        frames,
      },
      index: this.execs.length,
      startAt: this.now,
      frames: [...frames],
      startedWithRevision: revisions.length > 0,
    });
    if (token) this.tokens.set(token, id);
    this.starts.push({ ...record, executionId: id, duplicate: false });
    return { pipelineExecutionId: id };
  }

  stopPipelineExecution(input: Json): Json {
    this.checkPipeline(input.pipelineName);
    const id = String(input.pipelineExecutionId ?? '');
    const v = this.view(id);
    const abandon = input.abandon === true;
    if (v.status === 'Stopping' && !abandon) throw new FakeAwsError('DuplicatedStopRequestException', `Execution ${id} is already being stopped.`);
    if (v.status !== 'InProgress' && v.status !== 'Stopping') {
      throw new FakeAwsError('PipelineExecutionNotStoppableException', `Unable to stop pipeline execution ${id} since it is in ${v.status} state.`);
    }
    const reason = typeof input.reason === 'string' ? input.reason : undefined;
    this.stops.push({ pipelineName: String(input.pipelineName), executionId: id, ...(reason !== undefined ? { reason } : {}), abandon });
    const rt = v.rt;
    const rel = this.now - rt.startAt;
    rt.frames = rt.frames.filter((f) => f.at <= rel);
    const running = [...v.latest.entries()].filter(([, r]) => r.patch.status === 'InProgress');
    const stages = [...new Set(running.map(([, r]) => r.stage))];
    const stopped = { status: 'Stopped' as const, stages: Object.fromEntries(stages.map((s) => [s, 'Stopped' as const])) };
    if (abandon) {
      rt.frames.push({ at: rel, ...stopped, stopReason: reason ?? '', actions: Object.fromEntries(running.map(([k]) => [k, { status: 'Abandoned' as const }])) });
    } else {
      // Stop and wait: running actions finish, nothing after them starts.
      rt.frames.push({ at: rel, status: 'Stopping', stopReason: reason ?? '' });
      rt.frames.push({ at: rel + 1, ...stopped, actions: Object.fromEntries(running.map(([k]) => [k, { status: 'Succeeded' as const }])) });
    }
    return { pipelineExecutionId: id };
  }

  /**
   * RetryStageExecution (FAILED_ACTIONS or ALL_ACTIONS) of a failed stage of a
   * failed execution: the retried actions run again and succeed, then every
   * later stage runs and succeeds, one tick per step.
   */
  retryStageExecution(input: Json): Json {
    this.checkPipeline(input.pipelineName);
    const id = String(input.pipelineExecutionId ?? '');
    const stage = String(input.stageName ?? '');
    const mode = String(input.retryMode ?? '');
    if (mode !== 'FAILED_ACTIONS' && mode !== 'ALL_ACTIONS') throw new FakeAwsError('ValidationException', `Value '${mode}' at 'retryMode' failed to satisfy constraint`);
    const stages = this.scenario.pipeline.stages;
    const index = stages.findIndex((s) => s.name === stage);
    if (index < 0) throw new FakeAwsError('StageNotFoundException', `Stage '${stage}' does not exist in pipeline '${this.scenario.pipeline.name}'.`);
    const v = this.view(id);
    if (v.status !== 'Failed' || this.stageStatus(v, stage) !== 'Failed') {
      throw new FakeAwsError('StageNotRetryableException', `Stage '${stage}' of execution ${id} cannot be retried: only a failed stage of a failed execution can.`);
    }
    this.retries.push({ pipelineName: String(input.pipelineName), executionId: id, stageName: stage, retryMode: mode });
    const rt = v.rt;
    const rel = this.now - rt.startAt;
    rt.frames = rt.frames.filter((f) => f.at <= rel);
    const again = stages[index].actions.map((a) => `${stage}/${a.name}`).filter((k) => mode === 'ALL_ACTIONS' || v.latest.get(k)?.patch.status !== 'Succeeded');
    rt.frames.push({ at: rel, status: 'InProgress', statusSummary: '', stages: { [stage]: 'InProgress' }, actions: Object.fromEntries(again.map((k) => [k, { status: 'InProgress' as const }])) });
    rt.frames.push({ at: rel + 1, stages: { [stage]: 'Succeeded' }, actions: Object.fromEntries(again.map((k) => [k, { status: 'Succeeded' as const }])) });
    let at = rel + 2;
    for (const s of stages.slice(index + 1)) {
      const keys = s.actions.map((a) => `${s.name}/${a.name}`);
      rt.frames.push({ at, stages: { [s.name]: 'InProgress' }, actions: Object.fromEntries(keys.map((k) => [k, { status: 'InProgress' as const }])) });
      rt.frames.push({ at: at + 1, stages: { [s.name]: 'Succeeded' }, actions: Object.fromEntries(keys.map((k) => [k, { status: 'Succeeded' as const }])) });
      at += 2;
    }
    rt.frames.push({ at: at - 1, status: 'Succeeded' });
    return { pipelineExecutionId: id };
  }

  putApprovalResult(input: Json): Json {
    this.checkPipeline(input.pipelineName);
    const stage = String(input.stageName ?? '');
    const action = String(input.actionName ?? '');
    const token = String(input.token ?? '');
    const result = (input.result ?? {}) as { summary?: string; status?: string };
    const key = `${stage}/${action}`;
    const owner = this.views().find((v) => v.latest.get(key)?.patch.token === token);
    const run = owner?.latest.get(key);
    if (!owner || !run) throw new FakeAwsError('InvalidApprovalTokenException', `The token '${token}' is not valid for action ${action} in stage ${stage}.`);
    if (run.patch.status !== 'InProgress') throw new FakeAwsError('ApprovalAlreadyCompletedException', `The approval action ${action} has already been completed.`);
    if (result.status !== 'Approved' && result.status !== 'Rejected') throw new FakeAwsError('ValidationException', `Value '${result.status}' at 'result.status' failed to satisfy constraint`);
    this.approvals.push({ pipelineName: String(input.pipelineName), stageName: stage, actionName: action, token, status: result.status, ...(result.summary ? { summary: result.summary } : {}) });
    const rt = owner.rt;
    const rel = this.now - rt.startAt;
    // The script's own outcome for this approval no longer applies.
    rt.frames = rt.frames.map((f) => (f.at > rel && f.actions?.[key] ? { ...f, actions: Object.fromEntries(Object.entries(f.actions).filter(([k]) => k !== key)) } : f));
    const approved = result.status === 'Approved';
    rt.frames.push({
      at: rel,
      actions: { [key]: { status: approved ? 'Succeeded' : 'Failed', summary: result.summary ?? '', updatedBy: `arn:aws:sts::${this.accountId}:assumed-role/github-actions-deploy/GitHubActions` } },
      ...(approved ? {} : { status: 'Failed' as const, statusSummary: `Approval rejected: ${result.summary ?? ''}` }),
    });
    return { approvedAt: this.seconds(this.now) };
  }
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  if (i < 0) throw new Error(`Action key '${key}' must be 'Stage/Action'`);
  return [key.slice(0, i), key.slice(i + 1)];
}

function encodeToken(n: number): string {
  return Buffer.from(JSON.stringify({ o: n })).toString('base64');
}

function decodeToken(s: string): number {
  try {
    const o = JSON.parse(Buffer.from(s, 'base64').toString('utf8')) as { o?: unknown };
    if (typeof o.o === 'number') return o.o;
  } catch {
    // fall through
  }
  throw new FakeAwsError('InvalidNextTokenException', 'The next token is not valid.');
}
