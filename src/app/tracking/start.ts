import type { Context } from 'probot';
import type { RequestOnlyClient } from '../../adapters/github/octokit-ports.js';
import type { Logger } from '../../services/ports.js';
import { CONFIG_FILE, configFrom, type AppConfig, type ConfigRead } from '../config.js';
import type { AppOptions } from '../options.js';
import { trackers } from './registry.js';
import { trackCommit, type TrackCommitInput } from './track-commit.js';

type RepoContext = Context<'push' | 'check_run' | 'check_suite'>;

export function loggerOf(context: RepoContext): Logger {
  return { info: (m) => context.log.info(m), warning: (m) => context.log.warn(m), debug: (m) => context.log.debug(m) };
}

/** The repository's config, or undefined when it is broken (the `ECS config` check run says why). */
export async function readAppConfig(context: RepoContext, o: AppOptions): Promise<AppConfig | undefined> {
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
    return undefined;
  }
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

/** The same from a webhook (answered at once, the tracking goes on). */
export function startTracking(context: RepoContext, o: AppOptions, t: Omit<TrackCommitInput, 'client' | 'owner' | 'repo' | 'appId' | 'docsUrl' | 'log'>): boolean {
  const { owner, repo } = context.repo();
  return startTrackingFor({ client: context.octokit as unknown as RequestOnlyClient, owner, repo, log: loggerOf(context) }, o, t);
}
