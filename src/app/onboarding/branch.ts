import type { RequestClient } from '../read-commit.js';
import { ONBOARDING_BRANCH, TRAILER } from './body.js';
import type { OnboardingFile } from './files.js';

interface Where {
  client: RequestClient;
  owner: string;
  repo: string;
}

/** The HTTP status of an Octokit error, if it is one. */
export function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/** A branch's commit, or undefined when the branch does not exist (404) or the repository is empty (409). */
export async function branchSha(w: Where, branch: string): Promise<string | undefined> {
  try {
    // No retries: GitHub answers an empty repository with 409, which Octokit's retry plugin would otherwise retry for seconds.
    const res = await w.client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner: w.owner, repo: w.repo, ref: `heads/${branch}`, request: { retries: 0 } });
    return (res.data as { object?: { sha?: string } }).object?.sha;
  } catch (e) {
    if (statusOf(e) === 404 || statusOf(e) === 409) return undefined;
    throw e;
  }
}

export interface OnboardingHead {
  sha: string;
  /** The fingerprint of the app's files, when the branch's head is the app's onboarding commit; undefined when someone else committed. */
  fingerprint?: string;
}

/** The onboarding branch's head commit, and whether it is the app's own. */
export async function onboardingHead(w: Where): Promise<OnboardingHead | undefined> {
  const sha = await branchSha(w, ONBOARDING_BRANCH);
  if (!sha) return undefined;
  const res = await w.client.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { owner: w.owner, repo: w.repo, commit_sha: sha });
  const message = String((res.data as { message?: unknown }).message ?? '');
  const m = new RegExp(`^${TRAILER}: ([0-9a-f]+)\\s*$`, 'm').exec(message);
  return { sha, fingerprint: m?.[1] };
}

/**
 * One commit on top of the default branch's head that adds the files, and the
 * onboarding branch pointed at it: created, or moved (forced: the branch is
 * the app's own, rebuilt on the newest default branch). The tree entries carry
 * their content, so GitHub makes the blobs: one request instead of one per file.
 */
export async function writeOnboardingBranch(w: Where, o: { baseSha: string; baseTree: string; files: readonly OnboardingFile[]; message: string; exists: boolean }): Promise<string> {
  const p = { owner: w.owner, repo: w.repo };
  const tree = await w.client.request('POST /repos/{owner}/{repo}/git/trees', {
    ...p,
    base_tree: o.baseTree,
    tree: o.files.map((f) => ({ path: f.path, mode: f.mode, type: 'blob', content: f.content })),
  });
  const treeSha = String((tree.data as { sha: string }).sha);
  const commit = await w.client.request('POST /repos/{owner}/{repo}/git/commits', { ...p, message: o.message, tree: treeSha, parents: [o.baseSha] });
  const sha = String((commit.data as { sha: string }).sha);
  const move = () => w.client.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...p, ref: `heads/${ONBOARDING_BRANCH}`, sha, force: true });
  if (o.exists) await move();
  else {
    try {
      await w.client.request('POST /repos/{owner}/{repo}/git/refs', { ...p, ref: `refs/heads/${ONBOARDING_BRANCH}`, sha });
    } catch (e) {
      // 422 "Reference already exists": another replica created it a moment ago, with the same files.
      if (statusOf(e) !== 422) throw e;
      await move();
    }
  }
  return sha;
}
