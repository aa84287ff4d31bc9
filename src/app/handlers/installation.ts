import type { Context, Probot } from 'probot';
import { errorText } from '../../core/error-text.js';
import { CONFIG_FILE, CONFIG_PATH } from '../config.js';
import { onboardRepository, OnboardingForbidden, type OnboardInput } from '../onboarding/onboard.js';
import { pushConcernsOnboarding } from '../onboarding/push.js';
import type { AppOptions } from '../options.js';
import type { RequestClient } from '../read-commit.js';

type InstallationContext = Context<'installation.created' | 'installation_repositories.added'>;

interface ConfigGetter {
  config: { get(o: { owner: string; repo: string; path: string }): Promise<{ config: unknown; files: Array<{ config: unknown }> }> };
}

/**
 * The onboarding pull request (docs/app.md#onboarding-pull-request): for each
 * repository the app is installed on, and on pushes to a default branch that
 * may change it. Off when the operator sets ECS_CODEPIPELINE_ONBOARDING=false.
 * It needs Contents and Pull requests write; an installation that has not
 * granted them is told once in the log and skipped, never retried in a loop.
 */
export function onboardingHandlers(app: Probot, o: AppOptions): void {
  if (!o.onboarding) return;
  const told = new Set<number>();
  const forbidden = (log: { warn(m: string): void; debug(m: string): void }, installation: number, account: string) => {
    const message = `installation ${installation} (${account}): the onboarding pull request needs the Contents: write and Pull requests: write permissions, which this installation has not granted; onboarding skipped (accept the app's new permissions in the installation's settings, or set ECS_CODEPIPELINE_ONBOARDING=false)`;
    if (told.has(installation)) log.debug(message);
    else log.warn(message);
    told.add(installation);
  };

  app.on(['installation.created', 'installation_repositories.added'], async (context: InstallationContext) => {
    const p = context.payload;
    const installation = p.installation.id;
    const account = (p.installation.account as { login?: string } | null)?.login ?? String(installation);
    const perms = (p.installation.permissions ?? {}) as Record<string, string | undefined>;
    if (perms.contents !== 'write' || perms.pull_requests !== 'write') return forbidden(context.log, installation, account);
    const repos = 'repositories_added' in p ? p.repositories_added : (p.repositories ?? []);
    const octokit = context.octokit as unknown as RequestClient & ConfigGetter;
    // One repository after the other: an installation on many repositories stays within GitHub's limits on content creation.
    for (const r of repos) {
      const [owner, repo] = r.full_name.split('/');
      const input: OnboardInput = {
        client: octokit,
        owner,
        repo,
        readConfig: async () => {
          const { config, files } = await octokit.config.get({ owner, repo, path: CONFIG_PATH });
          // As context.config: null when no file was found.
          return files.some((f) => f.config !== null) ? config : null;
        },
        roles: o.roles,
        trigger: { kind: 'installation' },
        log: { info: (m) => context.log.info(m) },
      };
      try {
        await onboardRepository(input);
      } catch (e) {
        if (e instanceof OnboardingForbidden) return forbidden(context.log, installation, account);
        context.log.error(`${r.full_name}: the onboarding pull request failed: ${errorText(e)}`);
      }
    }
  });

  app.on('push', async (context) => {
    const p = context.payload;
    const defaultBranch = (p.repository as { default_branch?: string }).default_branch;
    if (p.deleted || !defaultBranch || p.ref !== `refs/heads/${defaultBranch}`) return;
    if (!p.created && !pushConcernsOnboarding(p.commits ?? [])) return;
    const { owner, repo } = context.repo();
    const installation = p.installation?.id ?? 0;
    try {
      await onboardRepository({
        client: context.octokit as unknown as RequestClient,
        owner,
        repo,
        repository: { defaultBranch, archived: p.repository.archived === true, fork: p.repository.fork === true },
        readConfig: () => context.config(CONFIG_FILE),
        roles: o.roles,
        trigger: { kind: 'push', createdBranch: p.created },
        log: { info: (m) => context.log.info(m) },
      });
    } catch (e) {
      if (e instanceof OnboardingForbidden) return forbidden(context.log, installation, owner);
      // Onboarding must never fail the push's other handlers (tracking), nor the delivery.
      context.log.error(`${owner}/${repo}: the onboarding pull request failed: ${errorText(e)}`);
    }
  });
}
