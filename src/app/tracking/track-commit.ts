/**
 * One commit's pipeline, followed in the background of a webhook with the
 * same service as the action (src/services/track): queued runs first (push),
 * a retry of the failed stage or a start (re-run), then tracking to the end.
 * Stateless: the execution id lives in each check run's external_id.
 */
import type { AwsPorts } from '../../adapters/aws/index.js';
import { createOctokitPorts, type RequestOnlyClient } from '../../adapters/github/octokit-ports.js';
import type { DeploymentMapping } from '../../core/deployments/plan.js';
import type { CheckRunModel } from '../../core/pipeline/check-run.js';
import { findExecution } from '../../core/pipeline/find.js';
import type { ExecutionSummary } from '../../core/pipeline/model.js';
import { stageCheckName } from '../../core/pipeline/render.js';
import type { ChecksPort, Logger, PipelinePort } from '../../services/ports.js';
import type { ReportMode, TrackResult } from '../../services/track/index.js';
import type { PipelineConfig, ReportTarget } from '../config.js';
import { pipelineIdentity, pooledAws } from './aws.js';
import { deploymentsFollower } from './deployments.js';
import { commitLocks, wakeups } from './registry.js';
import { trackingSettings } from './settings.js';
import { Wakeups } from './wake.js';
import { errorText } from '../../core/error-text.js';
import { commitDriftOnce } from '../commit-drift.js';

/** The external id of runs queued before the execution is known. */
export const PENDING_PREFIX = 'pending-';

export interface TrackCommitInput {
  client: RequestOnlyClient;
  owner: string;
  repo: string;
  sha: string;
  pipeline: PipelineConfig;
  checkName: string;
  /** push: queue the runs, wait for the execution. rerun: retry its failed stage, or start one when the commit has none. resume: track again after a restart. */
  kind: 'push' | 'rerun' | 'resume';
  /** Makes the start token of a re-run unique per request (the re-run run's id or the suite's request time). */
  attempt?: string;
  report: ReadonlyArray<ReportTarget>;
  /** The config's `deployments`, for `report: [deployments]`. */
  deployments?: DeploymentMapping;
  /** The config's `paths`: the commit's pipeline JSON there is compared with the live pipeline (drift, on the execution's run). */
  paths?: readonly string[];
  appId?: number;
  docsUrl?: string;
  log: Logger;
}

export function reportMode(targets: ReadonlyArray<ReportTarget>): ReportMode {
  const checks = targets.includes('checks');
  const statuses = targets.includes('statuses');
  return checks && statuses ? 'both' : statuses ? 'statuses' : checks ? 'checks' : 'none';
}

function pipelineUrl(p: PipelineConfig): string {
  const r = encodeURIComponent(p.region);
  return `https://${r}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${encodeURIComponent(p.name)}/view?region=${r}`;
}

/** One completed run of the execution's name, created or updated: the commit cannot be tracked. */
async function cannotTrack(t: TrackCommitInput, checks: ChecksPort, why: string): Promise<void> {
  const run: CheckRunModel = {
    name: t.checkName,
    headSha: t.sha,
    status: 'completed',
    conclusion: 'failure',
    completedAt: new Date(trackingSettings.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    detailsUrl: pipelineUrl(t.pipeline),
    output: { title: `Cannot follow ${t.pipeline.name}`, summary: why },
  };
  const existing = (await checks.list(t.sha)).find((r) => r.name === t.checkName);
  if (existing) await checks.update(existing.id, run);
  else await checks.create(run);
}

/** Queued runs for the execution and each stage, for names the commit does not have yet. */
async function queueRuns(t: TrackCommitInput, checks: ChecksPort, pipeline: PipelinePort): Promise<void> {
  const stages = pipeline.stageNames ? await pipeline.stageNames(t.pipeline.name) : [];
  const existing = new Set((await checks.list(t.sha)).map((r) => r.name));
  const pending = `${PENDING_PREFIX}${t.sha.slice(0, 12)}`;
  const summary = `Waiting for CodePipeline to start an execution of **${t.pipeline.name}** (${t.pipeline.region}) for commit \`${t.sha}\`.`;
  const runs: CheckRunModel[] = [
    { name: t.checkName, headSha: t.sha, externalId: pending, status: 'queued', detailsUrl: pipelineUrl(t.pipeline), output: { title: `Waiting for ${t.pipeline.name}`, summary } },
    ...stages.map<CheckRunModel>((s) => ({
      name: stageCheckName(t.checkName, s),
      headSha: t.sha,
      externalId: `${pending}/${s}`,
      status: 'queued',
      detailsUrl: pipelineUrl(t.pipeline),
      output: { title: `Waiting for ${t.pipeline.name}`, summary },
    })),
  ];
  for (const run of runs) if (!existing.has(run.name)) await checks.create(run);
}

/**
 * The commit's execution when it already shows on the first page of history
 * (CodePipeline often starts within a second of the push, and a webhook can
 * take as long): its runs are then created in their true state at once, not
 * queued first and changed a moment later (a write fewer per run). A rollback
 * is left to the tracker's full search, which prefers the commit's own run.
 */
async function alreadyRunning(t: TrackCommitInput, pipeline: PipelinePort): Promise<ExecutionSummary | undefined> {
  const page = await pipeline.listExecutions({ pipelineName: t.pipeline.name, maxResults: 50 });
  const found = findExecution(page.items, t.sha);
  return found && found.executionType !== 'ROLLBACK' ? found : undefined;
}

/** Runs still queued when no execution came: completed, saying why. */
async function closePending(t: TrackCommitInput, checks: ChecksPort, why: string, conclusion: 'neutral' | 'failure'): Promise<void> {
  const open = (await checks.list(t.sha)).filter(
    (r) => r.status !== 'completed' && r.externalId?.startsWith(PENDING_PREFIX) && (r.name === t.checkName || r.name.startsWith(`${t.checkName} / `)),
  );
  const title = conclusion === 'neutral' ? `No execution of ${t.pipeline.name} for this commit` : `Could not follow ${t.pipeline.name}`;
  for (const r of open) {
    await checks.update(r.id, {
      name: r.name,
      headSha: t.sha,
      status: 'completed',
      conclusion,
      completedAt: new Date(trackingSettings.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      output: { title, summary: why },
    });
  }
}

/** The commit's newest execution among the first pages of history, or undefined. */
async function findCommitExecution(pipeline: PipelinePort, name: string, sha: string): Promise<ExecutionSummary | undefined> {
  const items: ExecutionSummary[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 3; page++) {
    const res = await pipeline.listExecutions({ pipelineName: name, maxResults: 50, ...(nextToken ? { nextToken } : {}) });
    items.push(...res.items);
    const found = findExecution(items, sha);
    if (found) return found;
    nextToken = res.nextToken;
    if (!nextToken) break;
  }
  return undefined;
}

/**
 * Re-run: a failed execution has its first failed stage retried
 * (FAILED_ACTIONS); a commit without an execution gets one started; anything
 * else is tracked again as it is.
 */
async function prepareRerun(t: TrackCommitInput, pipeline: PipelinePort): Promise<'track' | 'start'> {
  const found = await findCommitExecution(pipeline, t.pipeline.name, t.sha);
  if (!found) return 'start';
  if (found.status !== 'Failed' || !pipeline.retryStage) return 'track';
  const snap = await pipeline.snapshot({ pipelineName: t.pipeline.name, executionId: found.executionId });
  const failed = snap.stages.find((s) => s.status === 'Failed');
  if (!failed) return 'track';
  await pipeline.retryStage({ pipelineName: t.pipeline.name, executionId: found.executionId, stageName: failed.name });
  t.log.info(`Retrying the failed actions of stage ${failed.name} of execution ${found.executionId} (${t.pipeline.name}).`);
  return 'track';
}

export async function trackCommit(t: TrackCommitInput): Promise<TrackResult | undefined> {
  const s = trackingSettings;
  const github = createOctokitPorts(t.client, { owner: t.owner, repo: t.repo, appId: t.appId });
  const mode = reportMode(t.report);
  const commit = Wakeups.key(t.owner, t.repo, t.sha);
  // EventBridge events for this commit wake the tracker (and, once they flow, stretch its polls).
  const wake = wakeups.register(commit, s.clock);
  const follower = t.report.includes('deployments') && t.deployments ? deploymentsFollower({ client: t.client, owner: t.owner, repo: t.repo, sha: t.sha, mapping: t.deployments, log: t.log }) : undefined;
  let aws: AwsPorts | undefined;
  try {
    await wake.enter();
    aws = await pooledAws(pipelineIdentity(t.pipeline, t), t.sha);
    const live = aws.pipeline;
    // Shown on the execution's check run only; read while the runs are queued. It never throws.
    const drift = t.paths && (mode === 'checks' || mode === 'both') ? commitDriftOnce({ client: t.client, owner: t.owner, repo: t.repo, sha: t.sha, paths: t.paths, pipelineName: t.pipeline.name, live: { pipeline: (name) => live.definition(name) }, log: t.log }) : undefined;
    // An event for the execution this tracker reads wakes it, with no read of the event's own.
    const pipeline = following(aws.pipeline, (id) => wake.follow(Wakeups.executionKey(t.pipeline.region, t.pipeline.name, id)));
    let found: ExecutionSummary | undefined;
    if (t.kind === 'push' && mode !== 'statuses' && mode !== 'none') {
      found = await alreadyRunning(t, pipeline);
      if (!found) await commitLocks.run(commit, () => queueRuns(t, github.checks, pipeline));
    }
    const trackMode = t.kind === 'rerun' ? await prepareRerun(t, pipeline) : 'track';
    const pipelineDrift = await drift;
    const { trackExecution } = await import('../../services/track/index.js');
    return await trackExecution(
      {
        mode: trackMode,
        pipelineName: t.pipeline.name,
        region: t.pipeline.region,
        sha: t.sha,
        repository: `${t.owner}/${t.repo}`,
        runAttempt: t.attempt ?? '1',
        findTimeoutSeconds: s.findTimeoutSeconds,
        pollIntervalSeconds: s.pollIntervalSeconds,
        timeoutMinutes: s.timeoutMinutes,
        checkName: t.checkName,
        buttons: true,
        ...(found ? { execution: found } : {}),
        ...(pipelineDrift ? { pipelineDrift } : {}),
        report: mode,
        ...(t.docsUrl ? { docsUrl: t.docsUrl } : {}),
      },
      {
        pipeline,
        images: aws.images,
        logs: aws.logs,
        checks: github.checks,
        statuses: github.statuses,
        clock: wake.clock,
        logger: t.log,
        ...(follower ? { onSnapshot: follower } : {}),
      },
    );
  } catch (e) {
    t.log.warning(`${t.owner}/${t.repo}@${t.sha.slice(0, 7)} ${t.pipeline.name}: ${errorText(e)}`);
    if (mode === 'checks' || mode === 'both') {
      const report = async (): Promise<void> => {
        // Nothing can be read without the role: say so on the execution's run, whether or not it was queued.
        if (isRoleError(e)) await cannotTrack(t, github.checks, errorText(e));
        await closePending(t, github.checks, errorText(e), e instanceof Error && e.name === 'TrackError' ? 'neutral' : 'failure');
      };
      await commitLocks.run(commit, report).catch((err: unknown) => t.log.warning(`Could not close the queued runs: ${errorText(err)}`));
    }
    return undefined;
  } finally {
    wake.close();
  }
}

/** The pipeline port, telling `note` each execution it reads. */
function following(p: AwsPorts['pipeline'], note: (executionId: string) => void): PipelinePort {
  return {
    listExecutions: (o) => p.listExecutions(o),
    sourceActions: (name) => p.sourceActions(name),
    start: (o) => p.start(o),
    snapshot: (o) => {
      note(o.executionId);
      return p.snapshot(o);
    },
    actionExecutions: (o) => p.actionExecutions(o),
    stop: (o) => p.stop(o),
    stageNames: (name) => p.stageNames(name),
    retryStage: (o) => p.retryStage(o),
  };
}

function isRoleError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AssumeRoleError';
}
