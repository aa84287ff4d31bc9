/**
 * EventBridge events → the same check runs the poller writes. The route
 * (http/eventbridge.ts) hands over an event (`accept`), or an execution it has
 * read fresh from AWS and mapped to a repository and commit (`onUpdate`); the
 * update finds the app's installation on that repository (GET /repos/{owner}/{repo}/installation),
 * reads the repository's config, and, when the config names the pipeline,
 * renders and writes the runs with the tracker's own pieces (Enricher,
 * renderRuns, Reporter: create-or-update by commit and check name, external
 * id = execution id), then the GitHub Deployments.
 *
 * Idempotent and order-independent: what is written comes from the fresh
 * read, never from the event; the updates of one execution are applied one at
 * a time, and an update waiting behind a running one is replaced by a newer
 * read (so a burst of 10 events costs one or two writes). When a tracker of
 * the commit polls in this process, the event wakes it instead, so that one
 * writer per commit remains.
 *
 * `accept` (the app's route) answers an event as soon as it is parsed and
 * queued: the read, too, happens in the background, queued per execution (an
 * event waiting for its read is replaced by a newer one: the read that
 * follows is fresh for both). EventBridge then never waits on AWS or GitHub,
 * and a burst of events for one execution costs one read. An update lost with
 * the process (a crash between the answer and the write) is made good by the
 * next event of the execution, the tracker's safety-net poll, or resume on
 * start, which finds the runs left open.
 */
import type { Probot } from 'probot';
import type { AwsPorts } from '../../adapters/aws/index.js';
import { createOctokitPorts, type RequestOnlyClient } from '../../adapters/github/octokit-ports.js';
import { isFinal } from '../../core/pipeline/conclusions.js';
import { findExecution } from '../../core/pipeline/find.js';
import type { DeployedImage, ExecutionSnapshot } from '../../core/pipeline/model.js';
import { renderRuns } from '../../core/pipeline/render.js';
import type { Logger } from '../../services/ports.js';
import { Enricher } from '../../services/track/enrich.js';
import { Reporter, withDrift, type TrackCounts } from '../../services/track/index.js';
import { CONFIG_PATH, configFrom, type AppConfig, type ConfigRead, type PipelineConfig } from '../config.js';
import { sourceOfExecution, type CodePipelineEvent } from '../../core/events/index.js';
import type { EventBridgeOptions, ExecutionUpdate } from '../http/eventbridge.js';
import type { AppOptions } from '../options.js';
import { identityKey, pipelineIdentity, pooledAws } from './aws.js';
import { commitDriftOnce } from '../commit-drift.js';
import { LoopLoad } from '../load/loop-load.js';
import { LatestQueue } from './latest-queue.js';
import { installationClient, type InstallationClient } from './clients.js';
import { deploymentsFollower } from './deployments.js';
import { pipelineCheckName } from './names.js';
import { commitLocks, foreground, wakeups } from './registry.js';
import { trackingSettings } from './settings.js';
import { reportMode } from './track-commit.js';
import { Wakeups } from './wake.js';
import { errorText } from '../../core/error-text.js';

export interface EventTrackingOptions {
  probot: Probot;
  app: AppOptions;
  /** The route's CodePipeline reader, for `accept` (reads in the background). */
  pipelines?: EventBridgeOptions['pipelines'];
  /**
   * Apply each update before the event is answered (AWS Lambda, which
   * freezes the process after the answer). Default false: in the background,
   * so that the answer never waits on GitHub's pace (an API destination
   * gives up after 5 s).
   */
  inline?: boolean;
  /** Updates applied at once across executions. Default 8. */
  concurrency?: number;
  /** How long an installation id and a repository's config are reused. Default 60 s. */
  cacheMs?: number;
}

export interface EventTracking {
  /** For EventBridgeOptions.onUpdate. */
  onUpdate(u: ExecutionUpdate): Promise<void>;
  /**
   * For EventBridgeOptions.accept: wakes the tracker here that follows the
   * event's execution, or queues a background read and update; false when it
   * cannot (no reader given), and the route reads before answering.
   */
  accept(event: CodePipelineEvent): boolean;
  /** Resolves when no update is waiting or running (tests, a stopping server). */
  idle(): Promise<void>;
  /** What happened to the updates, for logs and tests. */
  readonly counts: { received: number; woke: number; applied: number; ignored: number; failed: number };
}

interface Repository {
  client: InstallationClient;
  config?: AppConfig;
}

interface ExecutionState {
  ports: AwsPorts;
  identity: string;
  enricher: Enricher;
  reporter: Reporter;
  follow?: (s: ExecutionSnapshot, o: { image?: DeployedImage; final: boolean }) => Promise<void>;
  /** Another execution is the commit's current one: this one's events change nothing. */
  stale: boolean;
  /** No update applied yet: the route's read predates what the first sight taught the adapter (the start time). */
  fresh: boolean;
  /** From the first sight: reads made before it lack it. */
  startTime?: string;
  /** The pipeline drift on the execution's run, read once (as the commit's tracker shows it, so that the two never undo each other's summary). */
  drift?: Promise<string | undefined>;
}

/** The event to read for, or an update the route has read already. */
type Work = ExecutionUpdate | { event: CodePipelineEvent; snapshot?: undefined };

const MAX_STATES = 5_000;

function newCounts(): TrackCounts {
  return { ticks: 0, listExecutions: 0, snapshots: 0, actionExecutions: 0, checkCreates: 0, checkUpdates: 0, statusWrites: 0 };
}

function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/** The account of a role ARN (`arn:aws:iam::123456789012:role/x`). */
function accountOf(arn: string): string | undefined {
  return arn.split(':')[4] || undefined;
}

export function createEventTracking(o: EventTrackingOptions): EventTracking {
  const log: Logger = { info: (m) => o.probot.log.info(m), warning: (m) => o.probot.log.warn(m), debug: (m) => o.probot.log.debug(m) };
  const cacheMs = o.cacheMs ?? 60_000;
  const concurrency = Math.max(1, o.concurrency ?? 8);
  const counts = { received: 0, woke: 0, applied: 0, ignored: 0, failed: 0 };
  const repositories = new Map<string, { at: number; value: Promise<Repository | undefined> }>();
  const states = new Map<string, ExecutionState>();

  async function readRepository(owner: string, repo: string): Promise<Repository | undefined> {
    const app = (await o.probot.auth()) as unknown as RequestOnlyClient;
    let id: number;
    try {
      id = ((await app.request('GET /repos/{owner}/{repo}/installation', { owner, repo })).data as { id: number }).id;
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw e;
    }
    const client = await installationClient(o.probot, id);
    let read: ConfigRead;
    try {
      const { config, files } = await client.config.get({ owner, repo, path: CONFIG_PATH });
      read = { value: files.some((f) => f.config !== null) ? config : null };
    } catch (e) {
      read = { error: e instanceof Error ? e : new Error(String(e)) };
    }
    const result = configFrom(read, o.app.roles);
    return { client, ...(result.ok ? { config: result.config } : {}) };
  }

  function repository(owner: string, repo: string): Promise<Repository | undefined> {
    const key = `${owner}/${repo}`.toLowerCase();
    const now = Date.now();
    let r = repositories.get(key);
    if (!r || now - r.at > cacheMs) {
      if (repositories.size >= MAX_STATES) repositories.delete(repositories.keys().next().value as string);
      r = { at: now, value: readRepository(owner, repo) };
      repositories.set(key, r);
      // A failed read is not cached: the next event tries again.
      r.value.catch(() => repositories.get(key) === r && repositories.delete(key));
    }
    return r.value;
  }

  /**
   * First sight of an execution here: one ListPipelineExecutions page, which
   * gives the pipeline adapter the execution's start time (GetPipelineExecution
   * has none) and tells whether a later execution of the same commit (a re-run)
   * has taken over its runs, as the poller would follow that one.
   */
  async function firstSight(ports: AwsPorts, u: ExecutionUpdate, sha: string): Promise<{ stale: boolean; startTime?: string }> {
    const page = await ports.pipeline.listExecutions({ pipelineName: u.event.pipeline, maxResults: 50 });
    const current = findExecution(page.items, sha);
    const self = page.items.find((e) => e.executionId === u.snapshot.executionId);
    return { stale: current !== undefined && current.executionId !== u.snapshot.executionId, ...(self?.startTime ? { startTime: self.startTime } : {}) };
  }

  async function stateOf(u: ExecutionUpdate, where: { owner: string; repo: string; sha: string; client: RequestOnlyClient; config: AppConfig; pipeline: PipelineConfig; checkName: string }): Promise<ExecutionState> {
    const key = `${u.event.region}/${u.event.pipeline}/${u.snapshot.executionId}`;
    const known = states.get(key);
    if (known) {
      // Most recently used last: the oldest goes first when the map is full.
      states.delete(key);
      states.set(key, known);
      return known;
    }
    const id = pipelineIdentity(where.pipeline, where);
    const ports = await pooledAws(id, u.snapshot.executionId);
    const mode = reportMode(where.config.report);
    const github = createOctokitPorts(where.client, { owner: where.owner, repo: where.repo, appId: o.app.appId });
    const counts = newCounts();
    const trackOptions = {
      mode: 'track' as const,
      pipelineName: u.event.pipeline,
      region: u.event.region,
      sha: where.sha,
      repository: `${where.owner}/${where.repo}`,
      checkName: where.checkName,
      ...(o.app.docsUrl ? { docsUrl: o.app.docsUrl } : {}),
    };
    const trackPorts = { pipeline: ports.pipeline, images: ports.images, logs: ports.logs, clock: trackingSettings.clock, logger: log };
    const s: ExecutionState = {
      ports,
      identity: identityKey(id),
      enricher: new Enricher(trackOptions, trackPorts, counts),
      reporter: new Reporter(mode, where.sha, { checks: github.checks, statuses: github.statuses, logger: log }, counts),
      ...(where.config.report.includes('deployments')
        ? { follow: deploymentsFollower({ client: where.client, owner: where.owner, repo: where.repo, sha: where.sha, mapping: where.config.deployments, log }) }
        : {}),
      stale: false,
      fresh: true,
      ...(mode === 'checks' || mode === 'both'
        ? { drift: commitDriftOnce({ client: where.client, owner: where.owner, repo: where.repo, sha: where.sha, paths: where.config.paths, pipelineName: u.event.pipeline, live: { pipeline: (name) => ports.pipeline.definition(name) }, log }, { reuse: true }) }
        : {}),
    };
    const seen = await firstSight(ports, u, where.sha);
    s.stale = seen.stale;
    if (seen.startTime) s.startTime = seen.startTime;
    if (states.size >= MAX_STATES) states.delete(states.keys().next().value as string);
    states.set(key, s);
    return s;
  }

  async function apply(u: ExecutionUpdate): Promise<void> {
    const source = u.source!;
    const { owner, repo, commit: sha } = source;
    const r = await repository(owner, repo);
    const pipeline = r?.config?.pipelines.find((p) => p.name === u.event.pipeline && p.region === u.event.region);
    // A role ties the config's pipeline to an account: a same-named pipeline elsewhere is not this one.
    const account = pipeline?.role ? accountOf(pipeline.role) : undefined;
    if (!r?.config || !pipeline || (account && u.event.account && account !== u.event.account)) {
      counts.ignored++;
      log.debug(`eventbridge: ${owner}/${repo}@${sha.slice(0, 7)}: ${!r ? 'the app is not installed there' : !r.config ? 'its config cannot be used' : `its config does not name ${u.event.pipeline} (${u.event.region}${u.event.account ? `, account ${u.event.account}` : ''})`}`);
      return;
    }
    const config = r.config;
    const checkName = pipelineCheckName(config, pipeline);
    const s = await stateOf(u, { owner, repo, sha, client: r.client, config, pipeline, checkName });
    if (s.stale) {
      counts.ignored++;
      log.debug(`eventbridge: ${u.snapshot.executionId} is not the current execution of ${owner}/${repo}@${sha.slice(0, 7)}; its runs belong to a later one`);
      return;
    }
    // Read again when the route read as another identity (an account's role, not the repository's session), or before the first sight.
    const again = s.identity !== u.reader || (s.fresh && !u.snapshot.startTime);
    s.fresh = false;
    let raw = again ? await s.ports.pipeline.snapshot({ pipelineName: u.event.pipeline, executionId: u.snapshot.executionId }) : u.snapshot;
    // A read that started before the first sight has no start time; without it the titles would lose their durations.
    if (!raw.startTime && s.startTime) raw = { ...raw, startTime: s.startTime };
    const final = isFinal(raw.status);
    const tick = await s.enricher.tick(raw, { last: final });
    const runs = withDrift(
      renderRuns(tick.snapshot, {
        checkName,
        headSha: sha,
        now: trackingSettings.clock.now(),
        timeoutMinutes: trackingSettings.timeoutMinutes,
        buttons: true,
        ...(s.enricher.image ? { image: s.enricher.image } : {}),
        ...(o.app.docsUrl ? { docsUrl: o.app.docsUrl } : {}),
      }),
      await s.drift,
    );
    await commitLocks.run(Wakeups.key(owner, repo, sha), () => s.reporter.report(runs));
    if (s.follow) await s.follow(tick.snapshot, { image: s.enricher.image, final }).catch((e: unknown) => log.warning(`eventbridge: deployments of ${u.snapshot.executionId}: ${errorText(e)}`));
    counts.applied++;
  }

  /** An accepted event's read, then what any update goes through. */
  async function handle(j: Work): Promise<void> {
    let u: ExecutionUpdate;
    if (j.snapshot) u = j;
    else {
      const port = await o.pipelines!(j.event.region, j.event);
      const snapshot = await port.snapshot({ pipelineName: j.event.pipeline, executionId: j.event.executionId });
      u = { event: j.event, snapshot, source: sourceOfExecution(j.event, snapshot.sourceRevisions), ...(port.identity ? { reader: port.identity } : {}) };
    }
    if (!u.source) {
      counts.ignored++;
      log.debug(`eventbridge: execution ${u.snapshot.executionId} of ${u.event.pipeline} names no GitHub repository and commit`);
      return;
    }
    // A tracker of the commit that has not found its execution yet.
    if (wakeups.wake(Wakeups.key(u.source.owner, u.source.repo, u.source.commit))) {
      counts.woke++;
      return;
    }
    await apply(u);
  }

  const queue = new LatestQueue<Work>(async (w) => {
    try {
      await handle(w);
    } catch (e) {
      counts.failed++;
      log.warning(`eventbridge: ${w.event.pipeline} ${w.event.executionId}: ${errorText(e)}`);
      throw e;
    }
  }, concurrency, foreground, new LoopLoad({ max: () => concurrency }));
  // A newer read of the same execution replaces the one still waiting: its writes would be overwritten anyway.
  const submit = (w: Work): Promise<void> => queue.submit(Wakeups.executionKey(w.event.region, w.event.pipeline, w.event.executionId), w);

  return {
    counts,
    accept(event) {
      if (!o.pipelines) return false;
      counts.received++;
      if (wakeups.wakeExecution(Wakeups.executionKey(event.region, event.pipeline, event.executionId))) counts.woke++;
      else void submit({ event });
      return true;
    },
    async onUpdate(u) {
      counts.received++;
      const done = submit(u);
      if (o.inline) await done;
    },
    idle: () => queue.idle(),
  };
}
