import { createHash } from 'node:crypto';
import { errorText } from '../../core/error-text.js';
import { configFrom, onboardingSetting, type ConfigRead } from '../config.js';
import type { RequestClient } from '../read-commit.js';
import type { RoleAllowList } from '../roles.js';
import { commitMessage, ONBOARDING_TITLE, pullBody } from './body.js';
import { branchSha, onboardingHead, statusOf, writeOnboardingBranch } from './branch.js';
import { fingerprint, onboardingFiles } from './files.js';
import { findOnboardingPulls, openOnboardingPull, updateOnboardingPull } from './pulls.js';
import { findPipelineFile, readBlob, readTree, type TreeBlob } from './repo-tree.js';
import { DEFAULT_SOURCES, onboardingValues } from './values.js';
import { KeyedLock } from '../tracking/locks.js';

export type OnboardingTrigger =
  /** installation.created, installation_repositories.added: a pull request where the repository needs one. */
  | { kind: 'installation' }
  /**
   * A push to the default branch: keeps an open pull request up to date; opens
   * one only on the push that created the branch (the repository was empty when
   * the app was installed) or when the config says `onboarding: true`.
   */
  | { kind: 'push'; createdBranch: boolean };

export interface OnboardInput {
  client: RequestClient;
  owner: string;
  repo: string;
  /** From the event when it tells (push); else asked of GitHub. */
  repository?: { defaultBranch: string; archived: boolean; fork: boolean };
  /** `.github/ecs-codepipeline.yml` as Probot's config plugin reads it; throws on a file it cannot use. */
  readConfig: () => Promise<unknown>;
  roles: RoleAllowList;
  trigger: OnboardingTrigger;
  log: { info(message: string): void };
}

export interface OnboardOutcome {
  action: 'opened' | 'updated' | 'unchanged' | 'closed' | 'skipped';
  reason?: string;
  pull?: number;
}

/** The installation may not write contents or pull requests: nothing more can be done for it. */
export class OnboardingForbidden extends Error {}

/** A permission refusal, not a rate limit (the throttling plugin retries those). */
function isForbidden(e: unknown): boolean {
  return statusOf(e) === 403 && !/rate limit/i.test(e instanceof Error ? e.message : '');
}

// The description carries a digest of what the app wrote: an unchanged description is not written again, and edits to it survive until the files change.
const MARK = 'ecs-codepipeline-onboarding';
function withMark(body: string): string {
  return `${body}\n<!-- ${MARK}: ${createHash('sha256').update(body).digest('hex').slice(0, 20)} -->\n`;
}
function markOf(body: string): string | undefined {
  return new RegExp(`<!-- ${MARK}: ([0-9a-f]+) -->`).exec(body)?.[1];
}

/** One onboarding at a time per repository in this process: a redelivery waits and then finds the work done. */
const onboardings = new KeyedLock();

/**
 * The onboarding pull request of one repository: opened when the repository
 * has none of the pipeline files (or the config says `onboarding: true`),
 * kept up to date while it is open and only the app commits to its branch,
 * never opened again once closed. All state is in GitHub: the branch, the
 * pull requests from it, and the fingerprint in the app's commit.
 */
export function onboardRepository(i: OnboardInput): Promise<OnboardOutcome> {
  return onboardings.run(`${i.owner}/${i.repo}`.toLowerCase(), () =>
    onboard(i).catch((e: unknown) => {
      if (isForbidden(e)) throw new OnboardingForbidden(errorText(e));
      throw e;
    }),
  );
}

async function onboard(i: OnboardInput): Promise<OnboardOutcome> {
  const w = { client: i.client, owner: i.owner, repo: i.repo };
  const skip = (reason: string): OnboardOutcome => {
    i.log.info(`${i.owner}/${i.repo}: no onboarding pull request: ${reason}`);
    return { action: 'skipped', reason };
  };
  const repository = i.repository ?? (await repositoryOf(w));
  if (repository.archived) return skip('the repository is archived');
  // As Renovate does by default: a fork follows its upstream, whose owners decide how it deploys.
  if (repository.fork) return skip('the repository is a fork');

  const pulls = await findOnboardingPulls(w);
  if (pulls.merged) return skip(`onboarding pull request #${pulls.merged.number} was merged`);
  if (!pulls.open && pulls.declined) return skip(`onboarding pull request #${pulls.declined.number} was closed without merging`);

  let read: ConfigRead;
  try {
    read = { value: await i.readConfig() };
  } catch (e) {
    if (!(e instanceof Error) || !/^\[@probot\/octokit-plugin-config\]/.test(e.message)) throw e;
    read = { error: e };
  }
  const config = configFrom(read, i.roles);
  if (!config.ok) return skip('.github/ecs-codepipeline.yml has problems (the ECS config check run lists them)');
  const setting = onboardingSetting(config.raw);
  if (setting === 'off') return skip('onboarding: false in .github/ecs-codepipeline.yml');
  if (!pulls.open && i.trigger.kind === 'push' && !i.trigger.createdBranch && setting !== 'on') return skip('no open onboarding pull request to keep up to date');

  const baseSha = await branchSha(w, repository.defaultBranch);
  if (!baseSha) return skip(`the repository is empty (no ${repository.defaultBranch} yet); the push that creates it will bring the pull request`);
  const tree = await readTree(w.client, { owner: i.owner, repo: i.repo, sha: baseSha });
  // package.json is read once, for detection and for the values.
  const texts = new Map<string, Promise<string>>();
  const readText = (b: TreeBlob) => {
    if (!texts.has(b.sha)) texts.set(b.sha, readBlob(w.client, { owner: i.owner, repo: i.repo, sha: b.sha }));
    return texts.get(b.sha)!;
  };
  if (!pulls.open && setting !== 'on') {
    const found = await findPipelineFile({ tree, read: readText });
    if (found) return skip(`the repository has pipeline files (${found}); set onboarding: true to have the missing ones proposed`);
    if (tree.truncated) return skip('the repository is too large to list in one tree request; set onboarding: true to have the pull request anyway');
  }

  const paths = new Set(tree.blobs.map((b) => b.path));
  const sources = new Map<string, string>();
  for (const b of tree.blobs) if (DEFAULT_SOURCES.includes(b.path)) sources.set(b.path, await readText(b));
  const values = onboardingValues({ read: (p) => sources.get(p), exists: (p) => paths.has(p), owner: i.owner, repo: i.repo, defaultBranch: repository.defaultBranch, pipelines: config.config.pipelines });
  const files = onboardingFiles(values.options, (p) => paths.has(p));

  const head = await onboardingHead(w);
  if (head && head.fingerprint === undefined) return skip('someone else has committed to the onboarding branch; it is theirs now');
  if (files.add.length === 0) {
    if (!pulls.open) return skip('the repository has every file scaffold writes');
    await updateOnboardingPull(w, pulls.open.number, { state: 'closed' });
    i.log.info(`${i.owner}/${i.repo}: closed onboarding pull request #${pulls.open.number}: ${repository.defaultBranch} has every file it proposed`);
    return { action: 'closed', pull: pulls.open.number };
  }
  const fp = fingerprint(files.add);
  let wrote = false;
  if (head?.fingerprint !== fp) {
    await writeOnboardingBranch(w, { baseSha, baseTree: tree.sha, files: files.add, message: commitMessage({ options: values.options, files, fingerprint: fp }), exists: head !== undefined });
    wrote = true;
  }
  const body = withMark(pullBody({ values, files }));
  let open = pulls.open;
  if (!open) {
    try {
      const pull = await openOnboardingPull(w, { base: repository.defaultBranch, title: ONBOARDING_TITLE, body });
      i.log.info(`${i.owner}/${i.repo}: opened onboarding pull request #${pull.number} (${files.add.length} files${values.placeholders.length ? `; placeholders for ${values.placeholders.join(' and ')}` : ''})`);
      return { action: 'opened', pull: pull.number };
    } catch (e) {
      // 422: another replica opened it a moment ago (GitHub keeps one open pull request per head and base).
      if (statusOf(e) !== 422) throw e;
      open = (await findOnboardingPulls(w)).open;
      if (!open) throw e;
    }
  }
  const describe = markOf(open.body) !== markOf(body);
  if (describe) await updateOnboardingPull(w, open.number, { title: ONBOARDING_TITLE, body });
  if (!describe && !wrote) return { action: 'unchanged', pull: open.number };
  i.log.info(`${i.owner}/${i.repo}: updated onboarding pull request #${open.number}${wrote ? ' (its branch is written again)' : ''}`);
  return { action: 'updated', pull: open.number };
}

async function repositoryOf(w: { client: RequestClient; owner: string; repo: string }): Promise<{ defaultBranch: string; archived: boolean; fork: boolean }> {
  const res = await w.client.request('GET /repos/{owner}/{repo}', { owner: w.owner, repo: w.repo });
  const d = res.data as { default_branch?: string; archived?: boolean; fork?: boolean };
  return { defaultBranch: d.default_branch ?? 'main', archived: d.archived === true, fork: d.fork === true };
}
