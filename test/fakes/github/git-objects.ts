import { minimalRepository, nodeId, simpleUser, type FakeApp, type Urls } from './objects.js';

/**
 * The repository and pull request objects of git-routes.ts, shaped as GitHub
 * answers them (`full-repository`, `pull-request-simple`, `pull-request`);
 * the server checks each answer against the documented schema.
 */

export interface StoredPull {
  id: number;
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string | null;
  /** Branch names of this repository. */
  head: string;
  base: string;
  /** The head's commit: followed while open, kept when closed. */
  headSha: string;
  draft: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
}

export interface RepoInfo {
  owner: string;
  repo: string;
  id: number;
  defaultBranch: string;
  archived: boolean;
  fork?: boolean;
  /** Default true, as the fake's repositories always were. */
  private?: boolean;
  createdAt: string;
  pushedAt: string;
}

/** `full` for GET /repos/{owner}/{repo}; `pr` for the repository in a pull request's head and base. */
export function fullRepository(urls: Urls, r: RepoInfo, variant: 'full' | 'pr'): Record<string, unknown> {
  const web = `${urls.web}/${r.owner}/${r.repo}`;
  const host = new URL(urls.web).host;
  return {
    ...minimalRepository(urls, { owner: r.owner, repo: r.repo, id: r.id }),
    clone_url: `${web}.git`,
    default_branch: r.defaultBranch,
    forks: 0,
    forks_count: 0,
    git_url: `git://${host}/${r.owner}/${r.repo}.git`,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    homepage: null,
    language: null,
    archived: r.archived,
    fork: r.fork === true,
    disabled: false,
    mirror_url: null,
    open_issues: 0,
    open_issues_count: 0,
    license: null,
    pushed_at: r.pushedAt,
    size: 1,
    ssh_url: `git@${host}:${r.owner}/${r.repo}.git`,
    stargazers_count: 0,
    svn_url: web,
    watchers: 0,
    watchers_count: 0,
    created_at: r.createdAt,
    updated_at: r.pushedAt,
    private: r.private !== false,
    visibility: r.private === false ? 'public' : 'private',
    ...(variant === 'full' ? { network_count: 0, subscribers_count: 0 } : {}),
  };
}

export interface PullView {
  pull: StoredPull;
  repo: RepoInfo;
  baseSha: string;
  app: FakeApp;
}

/** `simple` for lists, `full` for a created or updated pull request. */
export function pullJson(urls: Urls, v: PullView, variant: 'simple' | 'full'): Record<string, unknown> {
  const p = v.pull;
  const full = `${v.repo.owner}/${v.repo.repo}`;
  const api = `${urls.api}/repos/${full}`;
  const html = `${urls.web}/${full}/pull/${p.number}`;
  const user = simpleUser(urls, `${v.app.slug}[bot]`, 41898000 + v.app.id, 'Bot');
  const owner = simpleUser(urls, v.repo.owner, 1000 + v.repo.id, 'Organization');
  const repository = fullRepository(urls, v.repo, 'pr');
  const side = (ref: string, sha: string) => ({ label: `${v.repo.owner}:${ref}`, ref, repo: repository, sha, user: owner });
  const link = (href: string) => ({ href });
  const out: Record<string, unknown> = {
    url: `${api}/pulls/${p.number}`,
    id: p.id,
    node_id: nodeId('PullRequest', p.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    commits_url: `${api}/pulls/${p.number}/commits`,
    review_comments_url: `${api}/pulls/${p.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    statuses_url: `${api}/statuses/${p.headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user,
    body: p.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: p.closedAt,
    merged_at: p.mergedAt,
    merge_commit_sha: p.mergedAt ? p.headSha : null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(p.head, p.headSha),
    base: side(p.base, v.baseSha),
    _links: {
      self: link(`${api}/pulls/${p.number}`),
      html: link(html),
      issue: link(`${api}/issues/${p.number}`),
      comments: link(`${api}/issues/${p.number}/comments`),
      review_comments: link(`${api}/pulls/${p.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${p.number}/commits`),
      statuses: link(`${api}/statuses/${p.headSha}`),
    },
    author_association: 'NONE',
    auto_merge: null,
    draft: p.draft,
  };
  if (variant === 'full') {
    Object.assign(out, {
      merged: p.mergedAt !== null,
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: 1,
      additions: 0,
      deletions: 0,
      changed_files: 0,
    });
  }
  return out;
}
