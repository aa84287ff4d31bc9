/**
 * Finding the commit's execution (paging ListPipelineExecutions newest first,
 * waiting for it to appear) and, in mode start, starting one.
 */
import { findExecution, notFoundMessage, startRequestToken, startSourceRevisions } from '../../core/pipeline/find.js';
import { findSchedule } from '../../core/pipeline/poll.js';
import type { ExecutionSummary } from '../../core/pipeline/model.js';
import { DEFAULT_FIND_TIMEOUT_SECONDS, DEFAULT_MAX_PAGES, PAGE_SIZE, type TrackCounts, TrackError, type TrackOptions, type TrackPorts } from './options.js';

export interface Located {
  execution: ExecutionSummary;
  started: boolean;
}

interface Search {
  /** Every execution id read so far: later searches page only until they reach known history. */
  seen: Set<string>;
  pages: number;
  executions: number;
  newest?: ExecutionSummary;
  oldest?: ExecutionSummary;
  moreHistory: boolean;
}

/**
 * One search. The first reads up to `maxPages`; later ones stop at the first
 * page that holds an execution already read, since history only grows at the
 * top (newest first).
 */
async function searchOnce(o: TrackOptions, ports: TrackPorts, s: Search, counts: TrackCounts): Promise<ExecutionSummary | undefined> {
  const first = s.seen.size === 0;
  const maxPages = Math.max(1, o.maxPages ?? DEFAULT_MAX_PAGES);
  let nextToken: string | undefined;
  let pages = 0;
  let newest: ExecutionSummary | undefined;
  const items: ExecutionSummary[] = [];
  do {
    const page = await ports.pipeline.listExecutions({ pipelineName: o.pipelineName, maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) });
    counts.listExecutions++;
    pages++;
    newest ??= page.items[0];
    items.push(...page.items);
    const found = findExecution(items, o.sha, { sourceAction: o.sourceAction });
    const reachedKnown = page.items.some((e) => s.seen.has(e.executionId));
    for (const e of page.items) s.seen.add(e.executionId);
    // A rollback to this commit is newer than the commit's own execution: look a little further for that one.
    if (found && found.executionType !== 'ROLLBACK') return found;
    nextToken = page.nextToken;
    if (!first && reachedKnown) break;
  } while (nextToken && pages < maxPages);
  const rollback = findExecution(items, o.sha, { sourceAction: o.sourceAction });
  if (rollback) return rollback;
  s.pages = first ? pages : s.pages;
  s.executions = s.seen.size;
  if (newest) s.newest = newest;
  if (first && items.length) s.oldest = items[items.length - 1];
  if (first) s.moreHistory = Boolean(nextToken);
  return undefined;
}

function newSearch(): Search {
  return { seen: new Set(), pages: 0, executions: 0, moreHistory: false };
}

function aborted(o: TrackOptions): boolean {
  return o.signal?.aborted === true;
}

/**
 * The newest execution of the commit, waiting up to find-timeout-seconds with
 * backoff (1, 2, 4 … 30 s) for it to appear; TrackError with notFoundMessage
 * when it does not, or undefined when the signal aborted the wait.
 */
export async function waitForExecution(o: TrackOptions, ports: TrackPorts, counts: TrackCounts, timeoutSeconds: number): Promise<ExecutionSummary | undefined> {
  const s = newSearch();
  const begin = ports.clock.now();
  const schedule = findSchedule(timeoutSeconds);
  for (let attempt = 0; ; attempt++) {
    const found = await searchOnce(o, ports, s, counts);
    if (found) return found;
    const wait = schedule[attempt];
    if (wait === undefined || aborted(o)) break;
    if (attempt === 0) ports.logger.info(`No execution of ${o.pipelineName} for ${o.sha} yet; waiting up to ${timeoutSeconds}s for it to appear.`);
    await ports.clock.sleep(wait * 1000, o.signal);
    if (aborted(o)) break;
  }
  if (aborted(o)) return undefined;
  throw new TrackError(
    notFoundMessage({
      pipelineName: o.pipelineName,
      region: o.region,
      sha: o.sha,
      sourceAction: o.sourceAction,
      pages: s.pages,
      executions: s.executions,
      newest: s.newest,
      oldest: s.oldest,
      waitedSeconds: (ports.clock.now() - begin) / 1000,
      timeoutSeconds,
      moreHistory: s.moreHistory,
    }),
  );
}

/** Mode start: the commit's execution if it has one, else a new one (idempotent through clientRequestToken). */
async function findOrStart(o: TrackOptions, ports: TrackPorts, counts: TrackCounts): Promise<Located> {
  const existing = await searchOnce(o, ports, newSearch(), counts);
  if (existing) {
    ports.logger.info(`Execution ${existing.executionId} (${existing.status}) already runs commit ${o.sha}; tracking it instead of starting another.`);
    return { execution: existing, started: false };
  }
  const actions = await ports.pipeline.sourceActions(o.pipelineName);
  const revisions = startSourceRevisions(actions, o.sha, o.sourceAction);
  if (!revisions.ok) throw new TrackError(`Cannot start ${o.pipelineName} for commit ${o.sha}: ${revisions.message}`);
  const clientRequestToken = startRequestToken({ repository: o.repository, sha: o.sha, runAttempt: o.runAttempt });
  const executionId = await ports.pipeline.start({ pipelineName: o.pipelineName, sourceRevisions: revisions.sourceRevisions, clientRequestToken });
  ports.logger.info(`Started execution ${executionId} of ${o.pipelineName} for commit ${o.sha} (source action ${revisions.sourceRevisions[0].actionName}).`);
  const now = new Date(ports.clock.now()).toISOString();
  return {
    execution: {
      executionId,
      status: 'InProgress',
      startTime: now,
      sourceRevisions: revisions.sourceRevisions.map((r) => ({ actionName: r.actionName, revisionId: r.revisionValue })),
      executionType: 'STANDARD',
    },
    started: true,
  };
}

/** The execution to track, or undefined when the signal aborted the search. */
export async function locate(o: TrackOptions, ports: TrackPorts, counts: TrackCounts): Promise<Located | undefined> {
  if (o.mode === 'start') return findOrStart(o, ports, counts);
  if (o.execution) return { execution: o.execution, started: false };
  const execution = await waitForExecution(o, ports, counts, o.findTimeoutSeconds ?? DEFAULT_FIND_TIMEOUT_SECONDS);
  return execution ? { execution, started: false } : undefined;
}
