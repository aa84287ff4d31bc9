import type { Context } from 'probot';
import { CONFIG_FILE } from '../config.js';
import type { ConfigCheckInput } from '../config-check.js';
import type { AppOptions } from '../options.js';
import type { RequestClient } from '../read-commit.js';

type RepoContext = Context<'pull_request' | 'check_suite' | 'check_run'>;

/** The parts of a config check every event family fills the same way. */
export function checkInput(context: RepoContext, o: AppOptions): Omit<ConfigCheckInput, 'headSha' | 'trigger'> {
  const { owner, repo } = context.repo();
  return {
    client: context.octokit as unknown as RequestClient,
    owner,
    repo,
    htmlUrl: context.payload.repository.html_url,
    // Probot reads the default branch's file, or the organisation's `.github` repository's.
    readConfig: () => context.config(CONFIG_FILE),
    roles: o.roles,
    appId: o.appId,
    docsUrl: o.docsUrl,
    limits: o.limits,
    log: { info: (m) => context.log.info(m) },
  };
}
