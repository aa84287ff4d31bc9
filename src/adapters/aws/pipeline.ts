import type { ActionExecutionDetail, CodePipelineClient, GetPipelineCommandOutput, PipelineExecutionSummary } from '@aws-sdk/client-codepipeline';
import type { ActionSnapshot, ArtifactLocation, ExecutionSnapshot, ExecutionSummary, SourceRevision } from '../../core/pipeline/model.js';
import type { LiveRead, Logger, PipelinePort } from '../../services/ports.js';
import { errorName } from './errors.js';
import { readPipeline } from './read-pipeline.js';
import { deriveSnapshot, executionStatus, iso, type ExecutionMemory, type PipelineMemory, type StageSnapshotWithOrigin } from './snapshot.js';

type Sdk = typeof import('@aws-sdk/client-codepipeline');

/** How long a pipeline's definition (GetPipeline) is reused: stage names and action types change rarely. */
const DEFINITION_TTL_MS = 30_000;

export type ActionExecutionRow = ActionSnapshot & { stage: string; actionExecutionId?: string };

function summaryOf(s: PipelineExecutionSummary): ExecutionSummary {
  const out: ExecutionSummary = {
    executionId: s.pipelineExecutionId ?? '',
    status: executionStatus(s.status),
    sourceRevisions: (s.sourceRevisions ?? []).map((r) => {
      const rev: SourceRevision = { actionName: r.actionName ?? '', revisionId: r.revisionId ?? '' };
      if (r.revisionSummary) rev.revisionSummary = r.revisionSummary;
      if (r.revisionUrl) rev.revisionUrl = r.revisionUrl;
      return rev;
    }),
  };
  if (s.statusSummary) out.statusSummary = s.statusSummary;
  const start = iso(s.startTime);
  if (start) out.startTime = start;
  const last = iso(s.lastUpdateTime);
  if (last) out.lastUpdateTime = last;
  if (s.executionType === 'ROLLBACK' || s.executionType === 'STANDARD') out.executionType = s.executionType;
  const target = s.rollbackMetadata?.rollbackTargetPipelineExecutionId;
  if (target) out.rollbackTargetExecutionId = target;
  if (s.trigger?.triggerType) out.triggerType = s.trigger.triggerType;
  return out;
}

function artifacts(list: Array<{ name?: string; s3location?: { bucket?: string; key?: string } }> | undefined): ArtifactLocation[] | undefined {
  if (!list?.length) return undefined;
  return list.map((a) => {
    const loc: ArtifactLocation = { name: a.name ?? '' };
    if (a.s3location?.bucket) loc.bucket = a.s3location.bucket;
    if (a.s3location?.key) loc.key = a.s3location.key;
    return loc;
  });
}

function rowOf(d: ActionExecutionDetail): ActionExecutionRow {
  const status = d.status;
  const row: ActionExecutionRow = {
    stage: d.stageName ?? '',
    name: d.actionName ?? '',
    status: status === 'InProgress' || status === 'Abandoned' || status === 'Succeeded' || status === 'Failed' ? status : 'InProgress',
  };
  if (d.actionExecutionId) row.actionExecutionId = d.actionExecutionId;
  const type = d.input?.actionTypeId;
  if (type?.category) row.category = type.category;
  if (type?.provider) row.provider = type.provider;
  const start = iso(d.startTime);
  if (start) row.startTime = start;
  const last = iso(d.lastUpdateTime);
  if (last) row.lastStatusChange = last;
  const result = d.output?.executionResult;
  if (result?.externalExecutionSummary) row.summary = result.externalExecutionSummary;
  if (result?.externalExecutionId) row.externalExecutionId = result.externalExecutionId;
  if (result?.externalExecutionUrl) row.externalExecutionUrl = result.externalExecutionUrl;
  if (result?.errorDetails?.code) row.errorCode = result.errorDetails.code;
  if (result?.errorDetails?.message) row.errorMessage = result.errorDetails.message;
  if (d.output?.outputVariables && Object.keys(d.output.outputVariables).length > 0) row.outputVariables = { ...d.output.outputVariables };
  const config = d.input?.resolvedConfiguration ?? d.input?.configuration;
  if (config && Object.keys(config).length > 0) row.configuration = { ...config };
  const inputs = artifacts(d.input?.inputArtifacts);
  if (inputs) row.inputArtifacts = inputs;
  return row;
}

/**
 * CodePipeline through the SDK. It remembers, per execution, what the cheap
 * calls taught it (start time and revisions from ListPipelineExecutions, the
 * last ListActionExecutions answer, action types from GetPipeline) so that
 * snapshot() stays at two calls and still fills what GetPipelineState lacks.
 */
export class AwsPipeline implements PipelinePort {
  private readonly executions = new Map<string, ExecutionMemory>();
  private readonly pipelines = new Map<string, PipelineMemory>();
  private readonly definitions = new Map<string, { at: number; read: Promise<GetPipelineCommandOutput> }>();

  constructor(
    private readonly sdk: Sdk,
    readonly client: CodePipelineClient,
    private readonly region: string,
    private readonly logger?: Logger,
  ) {}

  private memory(id: string): ExecutionMemory {
    let m = this.executions.get(id);
    if (!m) this.executions.set(id, (m = {}));
    return m;
  }

  private pipelineMemory(name: string): PipelineMemory {
    let m = this.pipelines.get(name);
    if (!m) this.pipelines.set(name, (m = { types: new Map(), sourceArtifacts: new Map() }));
    return m;
  }

  async listExecutions(o: { pipelineName: string; nextToken?: string; maxResults?: number }): Promise<{ items: ExecutionSummary[]; nextToken?: string }> {
    const res = await this.client.send(
      new this.sdk.ListPipelineExecutionsCommand({ pipelineName: o.pipelineName, ...(o.maxResults ? { maxResults: o.maxResults } : {}), ...(o.nextToken ? { nextToken: o.nextToken } : {}) }),
    );
    const items = (res.pipelineExecutionSummaries ?? []).map(summaryOf);
    for (const item of items) {
      const m = this.memory(item.executionId);
      if (item.startTime) m.startTime = item.startTime;
      if (item.lastUpdateTime) m.lastUpdateTime = item.lastUpdateTime;
      if (item.sourceRevisions.length > 0) m.sourceRevisions = item.sourceRevisions;
    }
    return res.nextToken ? { items, nextToken: res.nextToken } : { items };
  }

  /**
   * GetPipeline, read once per pipeline for a short while and shared by
   * concurrent callers: the app's pooled clients serve every tracker of a
   * region, and a burst of pushes would otherwise read the same definition
   * once per commit. A failed read is not kept.
   */
  private getPipeline(name: string, o: { fresh?: boolean } = {}): Promise<GetPipelineCommandOutput> {
    const now = Date.now();
    const hit = this.definitions.get(name);
    if (hit && !o.fresh && now - hit.at < DEFINITION_TTL_MS) return hit.read;
    const read = this.client.send(new this.sdk.GetPipelineCommand({ name }));
    if (this.definitions.size >= 1_000) this.definitions.clear();
    this.definitions.set(name, { at: now, read });
    read.catch(() => {
      if (this.definitions.get(name)?.read === read) this.definitions.delete(name);
    });
    return read;
  }

  async sourceActions(pipelineName: string): Promise<Array<{ name: string; provider: string }>> {
    const res = await this.getPipeline(pipelineName);
    const mem = this.pipelineMemory(pipelineName);
    const sources: Array<{ name: string; provider: string }> = [];
    for (const stage of res.pipeline?.stages ?? []) {
      for (const action of stage.actions ?? []) {
        const type = action.actionTypeId;
        mem.types.set(`${stage.name}/${action.name}`, { category: type?.category, provider: type?.provider });
        if (type?.category === 'Source') {
          sources.push({ name: action.name ?? '', provider: type.provider ?? '' });
          for (const out of action.outputArtifacts ?? []) if (out.name) mem.sourceArtifacts.set(out.name, action.name ?? '');
        }
      }
    }
    return sources;
  }

  async start(o: {
    pipelineName: string;
    sourceRevisions?: Array<{ actionName: string; revisionType: 'COMMIT_ID'; revisionValue: string }>;
    clientRequestToken: string;
  }): Promise<string> {
    const res = await this.client.send(
      new this.sdk.StartPipelineExecutionCommand({
        name: o.pipelineName,
        clientRequestToken: o.clientRequestToken,
        ...(o.sourceRevisions?.length ? { sourceRevisions: o.sourceRevisions } : {}),
      }),
    );
    const id = res.pipelineExecutionId;
    if (!id) throw new Error(`StartPipelineExecution on ${o.pipelineName} returned no execution id`);
    if (o.sourceRevisions?.length) {
      this.memory(id).sourceRevisions = o.sourceRevisions.map((r) => ({ actionName: r.actionName, revisionId: r.revisionValue }));
    }
    return id;
  }

  async snapshot(o: { pipelineName: string; executionId: string }): Promise<ExecutionSnapshot> {
    // Execution first: a stage state read after it can only be newer, never older.
    const exec = await this.client.send(new this.sdk.GetPipelineExecutionCommand({ pipelineName: o.pipelineName, pipelineExecutionId: o.executionId }));
    const state = await this.client.send(new this.sdk.GetPipelineStateCommand({ name: o.pipelineName }));
    const mem = this.memory(o.executionId);
    const { snapshot, entered, waiting } = deriveSnapshot({
      pipelineName: o.pipelineName,
      region: this.region,
      executionId: o.executionId,
      execution: exec.pipelineExecution ?? {},
      state,
      memory: mem,
      pipeline: this.pipelines.get(o.pipelineName),
    });
    // Keep what this state showed of ours: a newer execution may hide it from the next one.
    mem.entered = Math.max(mem.entered ?? -1, entered);
    mem.waiting = Math.max(mem.waiting ?? -1, waiting);
    mem.stages ??= new Map();
    for (const stage of snapshot.stages as StageSnapshotWithOrigin[]) if (stage.derived === undefined) mem.stages.set(stage.name, stage);
    return snapshot;
  }

  async actionExecutions(o: { pipelineName: string; executionId: string }): Promise<ActionExecutionRow[]> {
    const rows: ActionExecutionRow[] = [];
    let nextToken: string | undefined;
    do {
      const res = await this.client.send(
        new this.sdk.ListActionExecutionsCommand({
          pipelineName: o.pipelineName,
          filter: { pipelineExecutionId: o.executionId },
          maxResults: 100,
          ...(nextToken ? { nextToken } : {}),
        }),
      );
      for (const d of res.actionExecutionDetails ?? []) {
        // The filter is the server's job, but a row of another execution must never leak in.
        if (d.pipelineExecutionId && d.pipelineExecutionId !== o.executionId) continue;
        rows.push(rowOf(d));
      }
      nextToken = res.nextToken;
    } while (nextToken);
    const latest = latestPerAction(rows);
    const mem = this.memory(o.executionId);
    mem.actions = latest;
    const starts = latest.map((r) => r.startTime).filter((s): s is string => Boolean(s)).sort();
    if (!mem.startTime && starts.length > 0) mem.startTime = starts[0];
    const types = this.pipelineMemory(o.pipelineName).types;
    for (const r of latest) if (r.category || r.provider) types.set(`${r.stage}/${r.name}`, { category: r.category, provider: r.provider });
    return latest;
  }

  /** GetPipeline: the stage names in order (the app queues one check run per stage before the execution appears). */
  async stageNames(pipelineName: string): Promise<string[]> {
    const res = await this.getPipeline(pipelineName);
    return (res.pipeline?.stages ?? []).map((s) => s.name ?? '').filter(Boolean);
  }

  /**
   * GetPipeline as the drift compares it (the app's tracker reads it on the
   * clients it already holds); never throws. Always read afresh: a user who
   * fixed the pipeline in AWS and re-runs wants to see the drift gone.
   */
  definition(pipelineName: string): Promise<LiveRead<Record<string, unknown>>> {
    return readPipeline({ sdk: this.sdk, client: this.client, region: this.region, get: (name) => this.getPipeline(name, { fresh: true }) }, pipelineName);
  }

  /** RetryStageExecution of the stage's failed actions only; the execution keeps its id. */
  async retryStage(o: { pipelineName: string; executionId: string; stageName: string }): Promise<string> {
    const res = await this.client.send(
      new this.sdk.RetryStageExecutionCommand({ pipelineName: o.pipelineName, pipelineExecutionId: o.executionId, stageName: o.stageName, retryMode: 'FAILED_ACTIONS' }),
    );
    return res.pipelineExecutionId ?? o.executionId;
  }

  async stop(o: { pipelineName: string; executionId: string; reason: string; abandon?: boolean }): Promise<void> {
    try {
      await this.client.send(
        new this.sdk.StopPipelineExecutionCommand({
          pipelineName: o.pipelineName,
          pipelineExecutionId: o.executionId,
          reason: o.reason.slice(0, 200),
          abandon: o.abandon ?? false,
        }),
      );
    } catch (err) {
      // Already finished or already stopping: the wish is fulfilled, nothing to report as a failure.
      const name = errorName(err);
      if (name === 'PipelineExecutionNotStoppableException' || name === 'DuplicatedStopRequestException') {
        this.logger?.info(`Execution ${o.executionId} was not stopped: ${(err as Error).message}`);
        return;
      }
      throw err;
    }
  }
}

/** Stage retries run an action again: keep each action's newest run (by start time, then position). */
export function latestPerAction(rows: ActionExecutionRow[]): ActionExecutionRow[] {
  const byKey = new Map<string, ActionExecutionRow>();
  for (const r of rows) {
    const key = `${r.stage}/${r.name}`;
    const prev = byKey.get(key);
    if (!prev || (r.startTime ?? '') > (prev.startTime ?? '')) byKey.set(key, r);
  }
  return [...byKey.values()];
}
