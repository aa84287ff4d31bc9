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

/** Starts the tracker in the background (the webhook is answered at once); one per commit and check name in this process. */
export function startTracking(context: RepoContext, o: AppOptions, t: Omit<TrackCommitInput, 'client' | 'owner' | 'repo' | 'appId' | 'docsUrl' | 'log'>): boolean {
  const { owner, repo } = context.repo();
  const log = loggerOf(context);
  const started = trackers.start(`${owner}/${repo}@${t.sha}#${t.checkName}`, async () => {
    await trackCommit({ ...t, client: context.octokit as unknown as RequestOnlyClient, owner, repo, appId: o.appId, docsUrl: o.docsUrl, log });
  });
  if (!started) log.info(`${owner}/${repo}@${t.sha.slice(0, 7)}: ${t.checkName} is already tracked here`);
  return started;
}
