import type { AppRoutes, ExtensionAnswer, ExtensionRequest, FakeExtension } from './app-routes.js';
import { fullRepository } from './git-objects.js';
import { isoSeconds, simpleUser, type FakeApp, type Urls } from './objects.js';
import { HttpError } from './store.js';

/**
 * Where a GitHub App is installed, as the app asks it: `GET /app/installations`
 * (as the app, with its JWT), `GET /installation/repositories` (as the
 * installation, with its token) and `GET /repos/{owner}/{repo}/installation`
 * (as the app: the installation that covers a repository, 404 when none does).
 * One installation, on the repositories given. And a branch's recent commits
 * (`GET /repos/{owner}/{repo}/commits?sha=<branch>`, newest first, from
 * `pushed()`), where the app looks for runs it queued before a restart. The JWT is checked by the
 * AppRoutes the installation belongs to (its refusals land in its
 * `jwtErrors`). Plugs into FakeGitHub with `combineExtensions(installations, appRoutes)`.
 * Every answer is checked against the documented response schema, as the
 * other routes' are (see openapi.ts for the `nullable` schemas without a type
 * and the installations list's `account`, repaired there).
 */

export const INSTALLATION_OPERATIONS = ['GET /app/installations', 'GET /installation/repositories', 'GET /repos/{owner}/{repo}/installation', 'GET /repos/{owner}/{repo}/commits'] as const;

export interface InstalledRepository {
  owner: string;
  repo: string;
  defaultBranch?: string;
  archived?: boolean;
}

export interface InstallationRoutesOptions {
  app: FakeApp;
  /** The app's routes: they verify the JWT and hand out the installation token. */
  base: AppRoutes;
  installationId: number;
  /** The token the installation's requests carry (the fake's `token`). */
  installationToken: string;
  /** The organisation the app is installed on. */
  account: string;
  repositories: InstalledRepository[];
  /** A suspended installation is listed with `suspended_at`. */
  suspended?: boolean;
}

const CREATED = '2025-01-15T10:00:00Z';
const PERMISSIONS = { checks: 'write', contents: 'read', deployments: 'write', metadata: 'read', pull_requests: 'read', statuses: 'write' };
const EVENTS = ['check_run', 'check_suite', 'pull_request', 'push'];

function json(body: unknown): ExtensionAnswer {
  return { status: 200, body };
}

export class InstallationRoutes implements FakeExtension {
  /** Requests answered, by operation (tests count the look-ups). */
  readonly served: Record<string, number> = {};
  /** `owner/repo#branch` → commits, newest first. */
  private readonly histories = new Map<string, string[]>();

  constructor(private readonly o: InstallationRoutesOptions) {}

  /** A push of `sha` to the branch: it becomes the newest of the branch's commits. */
  pushed(fullName: string, branch: string, sha: string): void {
    const key = `${fullName.toLowerCase()}#${branch}`;
    this.histories.set(key, [sha, ...(this.histories.get(key) ?? []).filter((s) => s !== sha)]);
  }

  authenticate(pathname: string, presented: string): boolean | undefined {
    // As the app: the JWT, verified by the app's routes.
    if (/^\/repos\/[^/]+\/[^/]+\/installation$/.test(pathname)) return this.o.base.authenticate('/app', presented) ?? false;
    if (pathname === '/installation/repositories') return presented === this.o.installationToken;
    return undefined;
  }

  serves(key: string): boolean {
    return (INSTALLATION_OPERATIONS as readonly string[]).includes(key);
  }

  private installation(urls: Urls): Record<string, unknown> {
    const id = this.o.installationId;
    const account = simpleUser(urls, this.o.account, 5000, 'Organization');
    return {
      id,
      account,
      repository_selection: 'selected',
      access_tokens_url: `${urls.api}/app/installations/${id}/access_tokens`,
      repositories_url: `${urls.api}/installation/repositories`,
      html_url: `${urls.web}/organizations/${this.o.account}/settings/installations/${id}`,
      app_id: this.o.app.id,
      app_slug: this.o.app.slug,
      target_id: 5000,
      target_type: 'Organization',
      permissions: PERMISSIONS,
      events: EVENTS,
      created_at: CREATED,
      updated_at: CREATED,
      single_file_name: null,
      has_multiple_single_files: false,
      single_file_paths: [],
      suspended_by: null,
      suspended_at: this.o.suspended ? isoSeconds(CREATED) : null,
    };
  }

  private installed(owner: unknown, repo: unknown): InstalledRepository | undefined {
    const full = `${String(owner)}/${String(repo)}`.toLowerCase();
    return this.o.repositories.find((r) => `${r.owner}/${r.repo}`.toLowerCase() === full);
  }

  dispatch(r: ExtensionRequest): ExtensionAnswer | undefined {
    const urls: Urls = { api: r.api, web: r.web };
    this.served[r.key] = (this.served[r.key] ?? 0) + 1;
    switch (r.key) {
      case 'GET /app/installations':
        // One installation: any page after the first is empty.
        return json(Number(r.query.page ?? 1) > 1 ? [] : [this.installation(urls)]);
      case 'GET /repos/{owner}/{repo}/installation':
        if (!this.installed(r.path.owner, r.path.repo)) throw new HttpError(404, 'Not Found');
        return json(this.installation(urls));
      case 'GET /installation/repositories': {
        const perPage = Math.min(100, Number(r.query.per_page ?? 30));
        const page = Math.max(1, Number(r.query.page ?? 1));
        const all = this.o.repositories.map((x, i) =>
          fullRepository(urls, { owner: x.owner, repo: x.repo, id: 700 + i, defaultBranch: x.defaultBranch ?? 'main', archived: x.archived ?? false, createdAt: CREATED, pushedAt: CREATED }, 'pr'),
        );
        return { status: 200, body: { total_count: all.length, repository_selection: 'selected', repositories: all.slice((page - 1) * perPage, page * perPage) } };
      }
      case 'GET /repos/{owner}/{repo}/commits':
        return this.commits(r, urls);
    }
    return undefined;
  }

  private commits(r: ExtensionRequest, urls: Urls): ExtensionAnswer {
    const full = `${String(r.path.owner)}/${String(r.path.repo)}`;
    const history = this.histories.get(`${full.toLowerCase()}#${String(r.query.sha ?? 'main').replace(/^refs\/heads\//, '')}`);
    if (!history) throw new HttpError(404, `No commit found for SHA: ${String(r.query.sha ?? 'main')}`);
    const perPage = Math.min(100, Number(r.query.per_page ?? 30));
    const page = Math.max(1, Number(r.query.page ?? 1));
    const api = `${urls.api}/repos/${full}`;
    const person = { name: 'Mona Octocat', email: 'mona@example.com', date: CREATED };
    const body = history.slice((page - 1) * perPage, page * perPage).map((sha) => {
      const parent = history[history.indexOf(sha) + 1];
      return {
        url: `${api}/commits/${sha}`,
        sha,
        node_id: Buffer.from(`Commit:${sha}`).toString('base64'),
        html_url: `${urls.web}/${full}/commit/${sha}`,
        comments_url: `${api}/commits/${sha}/comments`,
        commit: { url: `${api}/git/commits/${sha}`, author: person, committer: person, message: `Change ${sha.slice(0, 7)}`, comment_count: 0, tree: { sha: sha.split('').reverse().join(''), url: `${api}/git/trees/${sha.split('').reverse().join('')}` } },
        author: null,
        committer: null,
        parents: parent ? [{ sha: parent, url: `${api}/commits/${parent}`, html_url: `${urls.web}/${full}/commit/${parent}` }] : [],
      };
    });
    return json(body);
  }
}
