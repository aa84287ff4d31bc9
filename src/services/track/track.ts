/**
 * The use case of issue 3: find (or start) the commit's CodePipeline
 * execution and follow it to the end, reporting every stage as a check run
 * (or commit status). Each tick costs GetPipelineExecution + GetPipelineState,
 * plus ListActionExecutions only when an action changed; GitHub sees one
 * create per run and one update per visible change. Time passes only through
 * the Clock port.
 */
import type { CheckRunModel } from '../../core/pipeline/check-run.js';
import { isFinal, stepResult, timeoutMessage } from '../../core/pipeline/conclusions.js';
import type { ExecutionSnapshot } from '../../core/pipeline/model.js';
import { nextPollSeconds, pollIntervalSeconds } from '../../core/pipeline/poll.js';
import { clip, OUTPUT_MAX } from '../../core/pipeline/md.js';
import { type RenderOptions, consoleUrl, renderJobSummary, renderRuns } from '../../core/pipeline/render.js';
import { Enricher } from './enrich.js';
import { locate } from './locate.js';
import { DEFAULT_TIMEOUT_MINUTES, type TrackCounts, TrackError, type TrackOptions, type TrackPorts, type TrackResult } from './options.js';
import { Reporter } from './reporter.js';
import { errorText } from '../../core/error-text.js';

/** Ticks in a row whose snapshot failed (after the SDK's own retries) before the tracker gives up. */
export const MAX_FAILED_TICKS = 5;

const STOP_REASON = 'Stopped by ecs-codepipeline: the GitHub workflow run was cancelled (stop-on-cancel).';

function newCounts(): TrackCounts {
  return { ticks: 0, listExecutions: 0, snapshots: 0, actionExecutions: 0, checkCreates: 0, checkUpdates: 0, statusWrites: 0 };
}

/** After StopPipelineExecution: the execution as it will end, so that every run completes as cancelled now. */
function stoppedView(s: ExecutionSnapshot): ExecutionSnapshot {
  if (isFinal(s.status)) return s;
  return {
    ...s,
    status: 'Stopped',
    statusSummary: STOP_REASON,
    stages: s.stages.map((st) => (st.status === 'InProgress' || st.status === 'Stopping' ? { ...st, status: 'Stopped' } : st)),
  };
}

/** Without stop-on-cancel the execution goes on; the tracker leaves no run open behind it. */
function abandonOpenRuns(runs: CheckRunModel[], note: string, nowIso: string): CheckRunModel[] {
  return runs.map((r) =>
    r.status === 'completed'
      ? r
      : {
          ...r,
          status: 'completed',
          conclusion: 'cancelled',
          completedAt: nowIso,
          output: { ...r.output, title: 'Tracking cancelled; the execution goes on in AWS', summary: `⏹️ ${note}\n\n${r.output.summary}` },
        },
  );
}

/** The execution's run (the first) carries the pipeline drift, read once before tracking (issue 6). */
export function withDrift(runs: CheckRunModel[], drift: string | undefined): CheckRunModel[] {
  if (!drift || runs.length === 0) return runs;
  const [exec, ...rest] = runs;
  return [{ ...exec, output: { ...exec.output, summary: clip(`${exec.output.summary}\n\n${drift}`, OUTPUT_MAX) } }, ...rest];
}

interface Loop {
  o: TrackOptions;
  ports: TrackPorts;
  counts: TrackCounts;
  executionId: string;
  render: Omit<RenderOptions, 'now'>;
  reporter: Reporter;
  enricher: Enricher;
}

async function snapshotWithRetries(l: Loop, baseSeconds: number): Promise<ExecutionSnapshot> {
  for (let failures = 1; ; failures++) {
    try {
      const s = await l.ports.pipeline.snapshot({ pipelineName: l.o.pipelineName, executionId: l.executionId });
      l.counts.snapshots++;
      return s;
    } catch (e) {
      if (failures >= MAX_FAILED_TICKS || l.o.signal?.aborted) throw e;
      l.ports.logger.warning(`Reading execution ${l.executionId} failed (${failures} of ${MAX_FAILED_TICKS}): ${errorText(e)}`);
      await l.ports.clock.sleep(baseSeconds * 1000 * failures, l.o.signal);
    }
  }
}

function logChanges(l: Loop, runs: readonly CheckRunModel[], titles: Map<string, string>): void {
  for (const r of runs) {
    const line = `${r.status === 'completed' ? r.conclusion : r.status}: ${r.output.title}`;
    if (titles.get(r.name) === line) continue;
    titles.set(r.name, line);
    l.ports.logger.info(`${r.name} — ${line}`);
  }
}

export async function trackExecution(o: TrackOptions, ports: TrackPorts): Promise<TrackResult> {
  const counts = newCounts();
  const clock = ports.clock;
  const begin = clock.now();
  const timeoutMinutes = o.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES;
  const deadline = begin + timeoutMinutes * 60_000;
  const baseSeconds = pollIntervalSeconds(o.pollIntervalSeconds);

  const located = await locate(o, ports, counts);
  if (!located) throw new TrackError(`The workflow run was cancelled before an execution of ${o.pipelineName} for commit ${o.sha} appeared; nothing was reported.`);
  const executionId = located.execution.executionId;
  const executionUrl = consoleUrl(o.region, o.pipelineName, executionId);
  ports.logger.info(`Tracking execution ${executionId} of ${o.pipelineName}: ${executionUrl}`);

  const l: Loop = {
    o,
    ports,
    counts,
    executionId,
    render: { checkName: o.checkName, headSha: o.sha, timeoutMinutes, docsUrl: o.docsUrl, ruleExists: o.ruleExists, buttons: o.buttons },
    reporter: new Reporter(o.report ?? 'checks', o.sha, ports, counts),
    enricher: new Enricher(o, ports, counts),
  };
  const titles = new Map<string, string>();
  let snapshot: ExecutionSnapshot | undefined;
  let timedOut = false;
  let cancelled = false;
  let previousSeconds: number | undefined;

  for (;;) {
    counts.ticks++;
    let raw: ExecutionSnapshot;
    try {
      raw = await snapshotWithRetries(l, baseSeconds);
    } catch (e) {
      if (!o.signal?.aborted || !snapshot) throw e;
      cancelled = true;
      break;
    }
    const now = clock.now();
    const final = isFinal(raw.status);
    timedOut = !final && now >= deadline;
    const last = final || timedOut || o.wait === false || o.signal?.aborted === true;
    const tick = await l.enricher.tick(raw, { last });
    snapshot = tick.snapshot;
    if (o.signal?.aborted && !final) {
      cancelled = true;
      break;
    }
    const runs = withDrift(renderRuns(snapshot, { ...l.render, now, image: l.enricher.image, timedOut }), o.pipelineDrift);
    logChanges(l, runs, titles);
    const writes = await l.reporter.report(runs);
    if (ports.onSnapshot) await ports.onSnapshot(snapshot, { image: l.enricher.image, final }).catch((e: unknown) => ports.logger.warning(`After the check runs: ${errorText(e)}; trying again on the next poll.`));
    if (last) break;
    const next = nextPollSeconds({
      baseSeconds,
      snapshot,
      changed: tick.changed || writes > 0,
      previousSeconds,
      now,
      remainingSeconds: Math.max(0, (deadline - clock.now()) / 1000),
    });
    previousSeconds = next.seconds;
    ports.logger.debug(`Next poll in ${next.seconds}s (${next.reason})`);
    await clock.sleep(next.seconds * 1000, o.signal);
    if (o.signal?.aborted) {
      cancelled = true;
      break;
    }
  }

  if (cancelled) snapshot = await onCancel(l, snapshot!, titles);
  const end = snapshot!;
  const now = clock.now();
  const renderNow = { ...l.render, now, image: l.enricher.image, timedOut };
  const execRun = renderRuns(end, renderNow)[0];
  const result = cancelled && !isFinal(end.status) ? { outcome: 'cancelled' as const, fails: true } : stepResult(end.status, { timedOut });
  let message: string;
  if (timedOut) message = timeoutMessage(end, timeoutMinutes);
  else if (cancelled && !isFinal(end.status)) message = `The workflow run was cancelled; execution ${executionId} goes on in AWS (${executionUrl}).`;
  else message = `${execRun.output.title} (${executionUrl})`;
  let summaryMarkdown = renderJobSummary(end, renderNow);
  if (o.pipelineDrift) summaryMarkdown = clip(`${summaryMarkdown}\n${o.pipelineDrift}`, OUTPUT_MAX);
  if (cancelled) summaryMarkdown += `\n${o.stopOnCancel ? '⏹️ The workflow run was cancelled: the execution was stopped (`stop-on-cancel`).' : '⏹️ The workflow run was cancelled while tracking; the execution goes on in AWS.'}\n`;
  return {
    executionId,
    executionUrl,
    status: end.status,
    outcome: result.outcome,
    fails: result.fails,
    message,
    ...(l.enricher.image ? { image: l.enricher.image } : {}),
    summaryMarkdown,
    started: located.started,
    cancelled,
    counts,
  };
}

/**
 * The signal aborted (SIGINT/SIGTERM: the workflow run was cancelled). With
 * stop-on-cancel, StopPipelineExecution and complete every run as cancelled;
 * without it, close the open runs as cancelled too, saying that the execution
 * goes on. Returns the snapshot the result describes.
 */
async function onCancel(l: Loop, last: ExecutionSnapshot, titles: Map<string, string>): Promise<ExecutionSnapshot> {
  const { o, ports } = l;
  let snapshot = last;
  const now = () => ports.clock.now();
  if (isFinal(snapshot.status)) return snapshot;
  if (o.stopOnCancel) {
    ports.logger.warning(`The workflow run was cancelled: stopping execution ${l.executionId} (stop-on-cancel).`);
    try {
      await ports.pipeline.stop({ pipelineName: o.pipelineName, executionId: l.executionId, reason: STOP_REASON });
    } catch (e) {
      ports.logger.warning(`StopPipelineExecution failed: ${errorText(e)}`);
    }
    try {
      const raw = await ports.pipeline.snapshot({ pipelineName: o.pipelineName, executionId: l.executionId });
      l.counts.snapshots++;
      snapshot = (await l.enricher.tick(raw, { last: true })).snapshot;
    } catch (e) {
      ports.logger.debug(`Reading the execution after the stop failed: ${errorText(e)}`);
    }
    snapshot = stoppedView(snapshot);
    const runs = withDrift(renderRuns(snapshot, { ...l.render, now: now(), image: l.enricher.image }), o.pipelineDrift);
    logChanges(l, runs, titles);
    await l.reporter.report(runs);
    return snapshot;
  }
  ports.logger.warning(`The workflow run was cancelled: execution ${l.executionId} goes on in AWS (set stop-on-cancel: true to stop it).`);
  const runs = withDrift(renderRuns(snapshot, { ...l.render, now: now(), image: l.enricher.image }), o.pipelineDrift);
  const note = `The workflow run was cancelled while tracking; execution ${l.executionId} goes on in AWS.`;
  const closed = abandonOpenRuns(runs, note, new Date(now()).toISOString());
  logChanges(l, closed, titles);
  await l.reporter.report(closed);
  return snapshot;
}
