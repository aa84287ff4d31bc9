import type { ExtensionAnswer, ExtensionRequest, FakeExtension } from './app-routes.js';
import { simpleUser } from './objects.js';
import { HttpError } from './store.js';

/**
 * A repository's collaborators and their roles, for
 * `GET /repos/{owner}/{repo}/collaborators/{username}/permission` (the app asks
 * it before acting on a button). As GitHub answers: `permission` is the
 * legacy level (maintain reads as write, triage as read), `role_name` the
 * role itself; a user who is no collaborator is a 404. Plugs into FakeGitHub
 * through its `extension` option, alone or with others by `combineExtensions`.
 */

export const COLLABORATOR_OPERATIONS = ['GET /repos/{owner}/{repo}/collaborators/{username}/permission'] as const;

export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read';

const LEGACY: Record<Role, string> = { admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read' };

export class CollaboratorRoutes implements FakeExtension {
  private readonly roles = new Map<string, { login: string; role: Role; id: number }>();

  /** `fullName` is `owner/repo`. */
  constructor(
    private readonly fullName: string,
    roles: Record<string, Role> = {},
  ) {
    for (const [login, role] of Object.entries(roles)) this.set(login, role);
  }

  set(login: string, role: Role): void {
    this.roles.set(login.toLowerCase(), { login, role, id: 1000 + this.roles.size });
  }

  authenticate(): boolean | undefined {
    return undefined;
  }

  serves(key: string, params: Record<string, string>): boolean {
    return (COLLABORATOR_OPERATIONS as readonly string[]).includes(key) && `${params.owner}/${params.repo}`.toLowerCase() === this.fullName.toLowerCase();
  }

  dispatch(r: ExtensionRequest): ExtensionAnswer | undefined {
    if (!this.serves(r.key, { owner: String(r.path.owner), repo: String(r.path.repo) })) return undefined;
    const who = this.roles.get(String(r.path.username).toLowerCase());
    if (!who) throw new HttpError(404, 'Not Found');
    const user = { ...simpleUser({ api: r.api, web: r.web }, who.login, who.id, 'User'), role_name: who.role };
    return { status: 200, body: { permission: LEGACY[who.role], role_name: who.role, user } };
  }
}

/** Several extensions as one: the first that serves a route answers it; the first verdict on credentials counts. */
export function combineExtensions(...list: FakeExtension[]): FakeExtension {
  return {
    authenticate: (pathname, presented) => {
      for (const e of list) {
        const v = e.authenticate(pathname, presented);
        if (v !== undefined) return v;
      }
      return undefined;
    },
    serves: (key, params) => list.some((e) => e.serves(key, params)),
    dispatch: (r) => {
      const params = Object.fromEntries(Object.entries(r.path).map(([k, v]) => [k, String(v)]));
      for (const e of list) if (e.serves(r.key, params)) return e.dispatch(r);
      return undefined;
    },
  };
}
