/**
 * What a tick adds to GetPipelineExecution + GetPipelineState: action details
 * (ListActionExecutions, only when an action changed), the end of a failed
 * build's log, the execution that superseded this one, and the deployed image.
 */
import { actionChanges, mergeActionDetails } from '../../core/pipeline/changes.js';
import { supersedingExecution } from '../../core/pipeline/find.js';
import {
  type ImageCandidate,
  candidateFromEcrTag,
  candidateFromImageDetail,
  candidateFromSnapshot,
  describeQuery,
  imageDetailArtifact,
  toDeployedImage,
} from '../../core/pipeline/image.js';
import { LOG_LINES } from '../../core/pipeline/render.js';
import type { ActionSnapshot, DeployedImage, ExecutionSnapshot } from '../../core/pipeline/model.js';
import type { TrackCounts, TrackOptions, TrackPorts } from './options.js';
import { errorText } from '../../core/error-text.js';

type Detail = ActionSnapshot & { stage: string };

interface BuildLog {
  lines: string[];
  diagnostics: string[];
}

/** Per execution: everything learnt across ticks. */
export class Enricher {
  private prev: ExecutionSnapshot | undefined;
  private details: Detail[] = [];
  /** Build logs by external execution id (the CodeBuild build id): fetched once per failed build. */
  private logs = new Map<string, BuildLog | undefined>();
  private supersededBy: ExecutionSnapshot['supersededBy'];
  private supersedeLooked = false;
  image: DeployedImage | undefined;
  private imageDetailTried = new Set<string>();
  private ecrTagTried = false;
  private settledOnce = false;

  constructor(
    private readonly o: TrackOptions,
    private readonly ports: TrackPorts,
    private readonly counts: TrackCounts,
  ) {}

  /**
   * One tick's snapshot, completed; `changed` when an action changed since the
   * previous tick (the caller polls sooner and the image may have appeared).
   */
  async tick(first: ExecutionSnapshot, o: { last: boolean }): Promise<{ snapshot: ExecutionSnapshot; changed: boolean }> {
    const settled = o.last ? await this.settle(first) : undefined;
    const raw = settled ?? first;
    const changes = actionChanges(this.prev, raw);
    this.prev = raw;
    if (changes.length > 0 && !settled) {
      try {
        this.details = await this.ports.pipeline.actionExecutions({ pipelineName: this.o.pipelineName, executionId: raw.executionId });
        this.counts.actionExecutions++;
      } catch (e) {
        // The summaries and links wait for the next change; the statuses are already right.
        this.ports.logger.warning(`ListActionExecutions failed: ${errorText(e)}`);
      }
    }
    let snapshot = mergeActionDetails(raw, this.details);
    await this.fetchLogs(snapshot);
    snapshot = this.withLogs(snapshot);
    if (snapshot.status === 'Superseded') snapshot = await this.withSupersededBy(snapshot);
    if (!this.image && (changes.length > 0 || o.last)) await this.resolveImage(snapshot, o.last);
    return { snapshot, changed: changes.length > 0 };
  }

  /**
   * An execution that failed or stopped, seen ended in stages that newer
   * executions have run since: GetPipelineState no longer shows where it
   * stopped (the adapter says NotStarted), as after a restart of the app or a
   * late event. Its own action runs do: on the last tick, read them
   * (ListActionExecutions) and the snapshot again, which the adapter then
   * derives from them. Once per execution, and only when no stage shows the
   * failure; undefined when not needed.
   */
  private async settle(raw: ExecutionSnapshot): Promise<ExecutionSnapshot | undefined> {
    const ended = raw.status === 'Failed' || raw.status === 'Stopped';
    if (this.settledOnce || !ended || raw.stages.some((st) => st.status === 'Failed' || st.status === 'Stopped' || st.status === 'Stopping')) return undefined;
    this.settledOnce = true;
    try {
      this.details = await this.ports.pipeline.actionExecutions({ pipelineName: this.o.pipelineName, executionId: raw.executionId });
      this.counts.actionExecutions++;
      const again = await this.ports.pipeline.snapshot({ pipelineName: this.o.pipelineName, executionId: raw.executionId });
      this.counts.snapshots++;
      return again;
    } catch (e) {
      this.ports.logger.warning(`Reading where execution ${raw.executionId} stopped failed: ${errorText(e)}`);
      return undefined;
    }
  }

  private failedBuilds(snapshot: ExecutionSnapshot): ActionSnapshot[] {
    return snapshot.stages.flatMap((s) => s.actions.filter((a) => a.provider === 'CodeBuild' && a.status === 'Failed' && a.externalExecutionId));
  }

  private async fetchLogs(snapshot: ExecutionSnapshot): Promise<void> {
    const logs = this.ports.logs;
    if (!logs) return;
    for (const a of this.failedBuilds(snapshot)) {
      const buildId = a.externalExecutionId!;
      if (this.logs.has(buildId)) continue;
      try {
        if (logs.details) {
          const d = await logs.details({ buildId, lines: LOG_LINES });
          this.logs.set(buildId, { lines: d.lines, diagnostics: d.diagnostics });
        } else this.logs.set(buildId, { lines: await logs.tail({ buildId, lines: LOG_LINES }), diagnostics: [] });
      } catch (e) {
        this.logs.set(buildId, undefined);
        this.ports.logger.warning(`Could not read the log of build ${buildId}: ${errorText(e)}`);
      }
    }
  }

  private withLogs(snapshot: ExecutionSnapshot): ExecutionSnapshot {
    if (this.logs.size === 0) return snapshot;
    return {
      ...snapshot,
      stages: snapshot.stages.map((s) => ({
        ...s,
        actions: s.actions.map((a) => {
          const log = a.status === 'Failed' && a.externalExecutionId ? this.logs.get(a.externalExecutionId) : undefined;
          if (!log) return a;
          const diagnostics = [...(a.diagnostics ?? []), ...log.diagnostics.filter((d) => !(a.diagnostics ?? []).includes(d))];
          return { ...a, ...(log.lines.length ? { logTail: log.lines.slice(-LOG_LINES) } : {}), ...(diagnostics.length ? { diagnostics } : {}) };
        }),
      })),
    };
  }

  /** One ListPipelineExecutions page, once: the newer execution that carries the change. */
  private async withSupersededBy(snapshot: ExecutionSnapshot): Promise<ExecutionSnapshot> {
    if (snapshot.supersededBy) return snapshot;
    if (!this.supersedeLooked) {
      this.supersedeLooked = true;
      try {
        const page = await this.ports.pipeline.listExecutions({ pipelineName: this.o.pipelineName, maxResults: 50 });
        this.counts.listExecutions++;
        const self = page.items.find((e) => e.executionId === snapshot.executionId);
        const by = supersedingExecution(page.items, { executionId: snapshot.executionId, startTime: snapshot.startTime ?? self?.startTime });
        if (by) this.supersededBy = { executionId: by.executionId, ...(by.sourceRevisions[0]?.revisionId ? { revisionId: by.sourceRevisions[0].revisionId } : {}) };
      } catch (e) {
        this.ports.logger.warning(`Could not find the execution that superseded ${snapshot.executionId}: ${errorText(e)}`);
      }
    }
    return this.supersededBy ? { ...snapshot, supersededBy: this.supersededBy } : snapshot;
  }

  /**
   * The image, in the order of issue 3 item 6: the build's output variables,
   * imageDetail.json in the deploy action's input artifact, then (on the last
   * tick only) the ECR image tagged with the short SHA.
   */
  private async resolveImage(snapshot: ExecutionSnapshot, last: boolean): Promise<void> {
    const images = this.ports.images;
    try {
      let c: ImageCandidate | undefined = candidateFromSnapshot(snapshot, { ecrRepository: this.o.ecrRepository });
      if (!c && images) {
        const artifact = imageDetailArtifact(snapshot);
        const key = artifact ? `${artifact.bucket}/${artifact.key}` : undefined;
        if (artifact?.bucket && artifact.key && key && !this.imageDetailTried.has(key)) {
          this.imageDetailTried.add(key);
          c = candidateFromImageDetail(await images.imageDetailFromArtifact({ bucket: artifact.bucket, key: artifact.key }), artifact.where);
        }
      }
      let fromTag = false;
      if (!c && last && !this.ecrTagTried) {
        this.ecrTagTried = true;
        c = candidateFromEcrTag(this.o.sha, this.o.ecrRepository);
        fromTag = c !== undefined;
      }
      if (!c) return;
      const query = describeQuery(c);
      const described = query && images ? await images.describe(query) : undefined;
      // A short-SHA tag is only a guess: without an image behind it there is nothing to show.
      if (fromTag && !described) return;
      this.image = toDeployedImage(c, described);
      if (this.image) this.ports.logger.info(`Deployed image: ${this.image.uri}${this.image.digest ? ` (${this.image.digest})` : ''}, from ${c.foundDetail}.`);
    } catch (e) {
      this.ports.logger.warning(`Could not look up the deployed image: ${errorText(e)}`);
    }
  }
}
