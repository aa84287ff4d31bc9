/**
 * The JSON objects the fake answers with, shaped as GitHub's REST API
 * returns them (the server checks each answer against the documented
 * response schema, so a missing required field is caught as a fake bug).
 */

export interface FakeApp {
  id: number;
  slug: string;
  name: string;
}

/** The app GITHUB_TOKEN acts as (its real id and slug). */
export const GITHUB_ACTIONS_APP: FakeApp = { id: 15368, slug: 'github-actions', name: 'GitHub Actions' };

export interface Urls {
  /** API base, e.g. http://127.0.0.1:1234 or http://127.0.0.1:1234/api/v3 */
  api: string;
  /** Web base, e.g. https://github.com */
  web: string;
}

/** GitHub's timestamps: ISO 8601 in UTC, whole seconds. */
export function isoSeconds(d: Date | string): string {
  return new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nodeId(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`).toString('base64').replace(/=+$/, '');
}

export function simpleUser(urls: Urls, login: string, id: number, type: 'User' | 'Organization' | 'Bot'): Record<string, unknown> {
  const u = `${urls.api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: nodeId(type, id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: u,
    // A bot's page is its app's page (and `[bot]` is no valid URL path).
    html_url: type === 'Bot' ? `${urls.web}/apps/${login.replace(/\[bot\]$/, '')}` : `${urls.web}/${login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The bot that writes with GITHUB_TOKEN. */
export function actionsBot(urls: Urls): Record<string, unknown> {
  return simpleUser(urls, 'github-actions[bot]', 41898282, 'Bot');
}

export function integration(urls: Urls, app: FakeApp): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('App', app.id),
    client_id: `Iv1.${app.id.toString(16).padStart(16, '0')}`,
    owner: simpleUser(urls, 'github', 9919, 'Organization'),
    name: app.name,
    description: '',
    external_url: `${urls.web}/apps/${app.slug}`,
    html_url: `${urls.web}/apps/${app.slug}`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: { checks: 'write', contents: 'write', deployments: 'write', metadata: 'read', statuses: 'write' },
    events: ['check_run', 'check_suite', 'deployment', 'deployment_status', 'push', 'status'],
  };
}

export function minimalRepository(urls: Urls, o: { owner: string; repo: string; id: number }): Record<string, unknown> {
  const u = `${urls.api}/repos/${o.owner}/${o.repo}`;
  const t = (suffix: string) => `${u}/${suffix}`;
  return {
    id: o.id,
    node_id: nodeId('Repository', o.id),
    name: o.repo,
    full_name: `${o.owner}/${o.repo}`,
    owner: simpleUser(urls, o.owner, 1000 + o.id, 'Organization'),
    private: true,
    html_url: `${urls.web}/${o.owner}/${o.repo}`,
    description: null,
    fork: false,
    url: u,
    archive_url: t('{archive_format}{/ref}'),
    assignees_url: t('assignees{/user}'),
    blobs_url: t('git/blobs{/sha}'),
    branches_url: t('branches{/branch}'),
    collaborators_url: t('collaborators{/collaborator}'),
    comments_url: t('comments{/number}'),
    commits_url: t('commits{/sha}'),
    compare_url: t('compare/{base}...{head}'),
    contents_url: t('contents/{+path}'),
    contributors_url: t('contributors'),
    deployments_url: t('deployments'),
    downloads_url: t('downloads'),
    events_url: t('events'),
    forks_url: t('forks'),
    git_commits_url: t('git/commits{/sha}'),
    git_refs_url: t('git/refs{/sha}'),
    git_tags_url: t('git/tags{/sha}'),
    hooks_url: t('hooks'),
    issue_comment_url: t('issues/comments{/number}'),
    issue_events_url: t('issues/events{/number}'),
    issues_url: t('issues{/number}'),
    keys_url: t('keys{/key_id}'),
    labels_url: t('labels{/name}'),
    languages_url: t('languages'),
    merges_url: t('merges'),
    milestones_url: t('milestones{/number}'),
    notifications_url: t('notifications{?since,all,participating}'),
    pulls_url: t('pulls{/number}'),
    releases_url: t('releases{/id}'),
    stargazers_url: t('stargazers'),
    statuses_url: t('statuses/{sha}'),
    subscribers_url: t('subscribers'),
    subscription_url: t('subscription'),
    tags_url: t('tags'),
    teams_url: t('teams'),
    trees_url: t('git/trees{/sha}'),
  };
}

export { nodeId };
