import type { RequestClient } from '../read-commit.js';
import { ONBOARDING_BRANCH } from './body.js';

interface Where {
  client: RequestClient;
  owner: string;
  repo: string;
}

export interface OnboardingPull {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  title: string;
  body: string;
  base: string;
  url: string;
}

export interface OnboardingPulls {
  open?: OnboardingPull;
  /** Closed without merging: the user said no, and the app asks no more. */
  declined?: OnboardingPull;
  merged?: OnboardingPull;
}

/** Every pull request from the onboarding branch, open or closed (one page of 100: there are seldom more than one or two). */
export async function findOnboardingPulls(w: Where): Promise<OnboardingPulls> {
  const res = await w.client.request('GET /repos/{owner}/{repo}/pulls', { owner: w.owner, repo: w.repo, state: 'all', head: `${w.owner}:${ONBOARDING_BRANCH}`, per_page: 100 });
  const list = ((res.data as unknown[]) ?? []).map((x) => {
    const p = x as { number: number; state: string; merged_at?: string | null; title?: string; body?: string | null; base?: { ref?: string }; html_url?: string; head?: { ref?: string } };
    return { pull: { number: p.number, state: p.state === 'open' ? 'open' : 'closed', merged: Boolean(p.merged_at), title: p.title ?? '', body: p.body ?? '', base: p.base?.ref ?? '', url: p.html_url ?? '' } as OnboardingPull, head: p.head?.ref };
  });
  // GitHub filters by `head` already; the check keeps a server that ignores it from matching other branches.
  const ours = list.filter((x) => x.head === undefined || x.head === ONBOARDING_BRANCH).map((x) => x.pull).sort((a, b) => b.number - a.number);
  return {
    open: ours.find((p) => p.state === 'open'),
    declined: ours.find((p) => p.state === 'closed' && !p.merged),
    merged: ours.find((p) => p.merged),
  };
}

export async function openOnboardingPull(w: Where, o: { base: string; title: string; body: string }): Promise<OnboardingPull> {
  const res = await w.client.request('POST /repos/{owner}/{repo}/pulls', { owner: w.owner, repo: w.repo, head: ONBOARDING_BRANCH, base: o.base, title: o.title, body: o.body });
  const p = res.data as { number: number; html_url?: string };
  return { number: p.number, state: 'open', merged: false, title: o.title, body: o.body, base: o.base, url: p.html_url ?? '' };
}

export async function updateOnboardingPull(w: Where, number: number, o: { title?: string; body?: string; state?: 'closed' }): Promise<void> {
  await w.client.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner: w.owner, repo: w.repo, pull_number: number, ...o });
}
