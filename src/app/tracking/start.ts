import type { Context, Probot } from 'probot';
import type { RequestOnlyClient } from '../../adapters/github/octokit-ports.js';
import type { Logger } from '../../services/ports.js';
import { CONFIG_FILE, configFrom, type AppConfig, type ConfigRead } from '../config.js';
import type { AppOptions } from '../options.js';
import { sharedInstallationClient } from './clients.js';
import { trackers } from './registry.js';
import { trackCommit, type TrackCommitInput } from './track-commit.js';

type RepoContext = Context<'push' | 'check_run' | 'check_suite'>;

/** The webhook's logger, without holding on to the webhook's context (payload, client) for a tracker's lifetime. */
export function loggerOf(context: RepoContext): Logger {
  const log = context.log;
  return { info: (m) => log.info(m), warning: (m) => log.warn(m), debug: (m) => log.debug(m) };
}

/** Configs read for pushes, by repository, reused for a minute: a burst of pushes reads the file once. */
const recent = new Map<string, { at: number; config: AppConfig }>();
const RECENT_MS = 60_000;
const RECENT_MAX = 5_000;
/** Config reads under way, by repository: joined by pushes that may reuse a config. */
const reading = new Map<string, Promise<AppConfig | undefined>>();

/** Forgets the configs read for pushes (a test that changes a repository's config). */
export function forgetRecentConfigs(): void {
  recent.clear();
  reading.clear();
}

/**
 * The repository's config, or undefined when it is broken (the `ECS config`
 * check run says why). `reuse`: a config read for this repository within the
 * last minute will do (pushes that do not touch it).
 */
export async function readAppConfig(context: RepoContext, o: AppOptions, opts: { reuse?: boolean } = {}): Promise<AppConfig | undefined> {
  const key = `${context.repo().owner}/${context.repo().repo}`.toLowerCase();
  if (opts.reuse) {
    const hit = recent.get(key);
    if (hit && Date.now() - hit.at < RECENT_MS) return hit.config;
    // A burst of pushes to one repository reads and parses its config once, not once per push.
    const pending = reading.get(key);
    if (pending) return pending;
  }
  const read = readFresh(context, o, key);
  reading.set(key, read);
  try {
    return await read;
  } finally {
    if (reading.get(key) === read) reading.delete(key);
  }
}

async function readFresh(context: RepoContext, o: AppOptions, key: string): Promise<AppConfig | undefined> {
  let read: ConfigRead;
  try {
    read = { value: await context.config(CONFIG_FILE) };
  } catch (e) {
    if (!(e instanceof Error) || !/^\[@probot\/octokit-plugin-config\]/.test(e.message)) throw e;
    read = { error: e };
  }
  const result = configFrom(read, o.roles);
  if (!result.ok) {
    context.log.info(`${context.repo().owner}/${context.repo().repo}: the config has problems; no pipeline is tracked until it is fixed`);
    recent.delete(key);
    return undefined;
  }
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(key, { at: Date.now(), config: result.config });
  return result.config;
}

export interface Where {
  client: RequestOnlyClient;
  owner: string;
  repo: string;
  log: Logger;
}

/** Starts the tracker in the background; one per commit and check name in this process. */
export function startTrackingFor(w: Where, o: AppOptions, t: Omit<TrackCommitInput, 'client' | 'owner' | 'repo' | 'appId' | 'docsUrl' | 'log'>): boolean {
  const started = trackers.start(`${w.owner}/${w.repo}@${t.sha}#${t.checkName}`, async () => {
    await trackCommit({ ...t, client: w.client, owner: w.owner, repo: w.repo, appId: o.appId, docsUrl: o.docsUrl, log: w.log });
  });
  if (!started) w.log.info(`${w.owner}/${w.repo}@${t.sha.slice(0, 7)}: ${t.checkName} is already tracked here`);
  return started;
}

/**
 * The same from a webhook (answered at once, the tracking goes on), on the
 * installation's shared client rather than the webhook's own.
 */
export function startTracking(app: Probot, context: RepoContext, o: AppOptions, t: Omit<TrackCommitInput, 'client' | 'owner' | 'repo' | 'appId' | 'docsUrl' | 'log'>): boolean {
  const { owner, repo } = context.repo();
  const installation = (context.payload as { installation?: { id?: number } }).installation?.id;
  const client = installation ? sharedInstallationClient(app, installation) : (context.octokit as unknown as RequestOnlyClient);
  return startTrackingFor({ client, owner, repo, log: loggerOf(context) }, o, t);
}
